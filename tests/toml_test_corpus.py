#!/usr/bin/env python3
"""anklog check on a toml-test corpus (CORPUS/valid, CORPUS/invalid): every file under
invalid/ must end in exit 2 with a FILE:LINE:COL error; every file under valid/
in exit 0 or 1 (it happens to be a log) or exit 2 with a clear one-line error.
Never a crash, a hang or a stack trace: run it in the sanitizer build too."""
import os
import re
import subprocess
import sys

anklog, corpus = sys.argv[1], sys.argv[2]
if not os.path.isdir(os.path.join(corpus, 'invalid')):
    print(f'FAIL: no toml-test corpus at {corpus}')
    sys.exit(1)

located = re.compile(r'^anklog: error: .+:\d+:\d+: .+\n  help: .+\n$')
clear = re.compile(r'^anklog: error: .+\n  help: .+\n$')
passed = failed = 0
for kind in ('invalid', 'valid'):
    for folder, _, files in os.walk(os.path.join(corpus, kind)):
        for name in sorted(files):
            if not name.endswith('.toml'):
                continue
            path = os.path.join(folder, name)
            try:
                run = subprocess.run([anklog, '--color', 'never', 'check', path], capture_output=True, timeout=20)
            except subprocess.TimeoutExpired:
                failed += 1
                print(f'FAIL (hang): {path}')
                continue
            err = run.stderr.decode('utf-8', 'replace')
            if kind == 'invalid':
                ok = run.returncode == 2 and located.match(err)
            else:
                ok = run.returncode in (0, 1) or (run.returncode == 2 and clear.match(err))
            if ok:
                passed += 1
            else:
                failed += 1
                print(f'FAIL: {path}: exit {run.returncode}\n{err}')

print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed or passed == 0 else 0)
