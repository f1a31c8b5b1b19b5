#!/usr/bin/env python3
"""Replays the README: every ```console block, in order, in one scratch
folder, with ANKLOG_FILE=log.toml. Lines starting with
"$ " are commands (run by a shell, anklog on PATH, examples/ copied in); the lines up to the next
command are what the user sees (stdout and stderr, as a terminal shows them).
Checks that the README shows the real output of the current binary."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

readme_path, anklog = sys.argv[1], sys.argv[2]
readme = open(readme_path, encoding='utf-8').read()
blocks = re.findall(r'```console\n(.*?)```', readme, re.S)

passed = failed = 0
with tempfile.TemporaryDirectory() as folder:
    bin_dir = os.path.join(folder, 'bin')
    os.mkdir(bin_dir)
    os.symlink(anklog, os.path.join(bin_dir, 'anklog'))
    # COLUMNS out too: piped output is laid out for 80 columns, as the README shows it.
    env = {k: v for k, v in os.environ.items() if k not in ('NO_COLOR', 'XDG_DATA_HOME', 'COLUMNS')}
    env.update(ANKLOG_FILE='log.toml', HOME=folder, PATH=bin_dir + os.pathsep + env.get('PATH', ''))
    work = os.path.join(folder, 'work')
    os.mkdir(work)
    shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(readme_path)), 'examples'),
                    os.path.join(work, 'examples'))
    for block in blocks:
        steps = re.split(r'^\$ ', block, flags=re.M)[1:]
        for step in steps:
            command, _, expected = step.partition('\n')
            result = subprocess.run(command, shell=True, cwd=work, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if result.stdout == expected:
                passed += 1
            else:
                failed += 1
                print(f'FAIL: $ {command}\n--- README shows:\n{expected}--- anklog printed:\n{result.stdout}---')

if passed + failed == 0:
    print('FAIL: no console blocks found in the README')
    failed = 1
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
