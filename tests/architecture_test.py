#!/usr/bin/env python3
"""ARCHITECTURE.md against the tree, and the layers against the includes.

1. Every folder of the source tree is named in ARCHITECTURE.md, and every
   folder it names (a `path/` in backticks) exists.
2. No folder of src/ holds more than 20 files directly; no source file is
   longer than 700 lines.
3. Each room includes only the rooms below it (ARCHITECTURE.md's layers),
   and the domain library does no I/O.

Usage: architecture_test.py SOURCE_DIR
"""
import os
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
failures = []

# Folders that hold no code of ours or are not part of the map.
IGNORED_TOP = {".git", "build", ".cache"}
MAPPED_TOPS = ["include", "src", "tests", "examples", "man", "packaging", ".ci"]


def tracked_folders():
    folders = set()
    for top in MAPPED_TOPS:
        base = root / top
        if not base.is_dir():
            continue
        for dirpath, dirnames, _ in os.walk(base):
            dirnames[:] = [d for d in dirnames if not d.startswith("build")]
            rel = Path(dirpath).relative_to(root).as_posix()
            folders.add(rel)
    return folders


text = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
named = {m.rstrip("/") for m in re.findall(r"`([.A-Za-z0-9_/-]+/)`", text)}
for folder in sorted(named):
    if not (root / folder).is_dir():
        failures.append(f"ARCHITECTURE.md names `{folder}/`, which does not exist")

# Regression-input folders of the fuzzers are data, named by their parent.
for folder in sorted(tracked_folders()):
    if folder in named:
        continue
    parent = folder.rsplit("/", 1)[0]
    if parent == "tests/fuzz" and folder.endswith("regressions"):
        continue
    if parent in ("examples",) and folder.startswith("examples/"):
        continue
    failures.append(f"`{folder}/` is not named in ARCHITECTURE.md")

for dirpath, _, filenames in os.walk(root / "src"):
    files = [f for f in filenames if not f.startswith(".")]
    if len(files) > 20:
        failures.append(f"{Path(dirpath).relative_to(root)} holds {len(files)} files (at most 20)")
for path in list((root / "src").rglob("*.[ch]pp")) + list((root / "include").rglob("*.hpp")):
    lines = path.read_text(encoding="utf-8").count("\n")
    if lines > 700:
        failures.append(f"{path.relative_to(root)} has {lines} lines (at most 700)")

# The layers, lowest first. A room may include its own headers and those of
# any room before it in this list.
LAYERS = ["model", "log", "import", "rules", "assess", "plan", "progress", "storage", "cli"]
# Header-only public headers, by room (the rest belong to the room of their .cpp).
HEADER_ONLY = {
    "log.hpp": "model", "load.hpp": "model", "side.hpp": "model", "limits.hpp": "model", "numeric.hpp": "model", "field_problem.hpp": "model",
    # The rule table's ids and thresholds are data that the model's Log holds
    # ([rules] settings): the table sits at the bottom, its engine in rules/.
    "rules.hpp": "model",
    "policy.hpp": "rules", "plan.hpp": "plan",
}
room_of_header = dict(HEADER_ONLY)
for cpp in (root / "src").rglob("*.cpp"):
    room = cpp.relative_to(root / "src").parts[0]
    header = cpp.stem + ".hpp"
    if (root / "include" / "anklog" / header).exists():
        room_of_header.setdefault(header, room)
for header in (root / "include" / "anklog").glob("*.hpp"):
    if header.name not in room_of_header:
        failures.append(f"include/anklog/{header.name}: no room (add its .cpp, or name it in HEADER_ONLY)")

IO_HEADERS = {"iostream", "fstream", "cstdio", "filesystem", "unistd.h", "fcntl.h", "sys/stat.h", "dirent.h"}
DOMAIN = {"model", "log", "import", "rules", "plan", "progress", "assess"}


def check_includes(path, room):
    source = path.read_text(encoding="utf-8")
    for header in re.findall(r'#include "anklog/([a-z0-9_]+\.hpp)"', source):
        other = room_of_header.get(header)
        if other and LAYERS.index(other) > LAYERS.index(room):
            failures.append(f"{path.relative_to(root)} ({room}) includes anklog/{header} ({other}), a layer above")
    if room in DOMAIN:
        for header in re.findall(r"#include <([^>]+)>", source):
            if header in IO_HEADERS:
                failures.append(f"{path.relative_to(root)}: the domain does no I/O, but includes <{header}>")
        if re.search(r'#include "(render|shell|commands|report)/', source) or "CLI/CLI.hpp" in source:
            failures.append(f"{path.relative_to(root)}: the domain includes the command line")


for path in (root / "src").rglob("*.[ch]pp"):
    room = path.relative_to(root / "src").parts[0]
    if room not in LAYERS:
        failures.append(f"src/{room}/ is not one of the layers {LAYERS}")
        continue
    check_includes(path, room)
for path in (root / "include" / "anklog").glob("*.hpp"):
    room = room_of_header.get(path.name)
    if room:
        check_includes(path, room)

for failure in failures:
    print(failure)
print(f"{'FAILED' if failures else 'ok'}: ARCHITECTURE.md and the layers ({len(failures)} problems)")
sys.exit(1 if failures else 0)
