#!/usr/bin/env python3
"""Replays the README: every ```console block, in order, in one scratch
folder, with ANKLOG_FILE=log.toml. Lines starting with
"$ " are commands (run by a shell, anklog on PATH, examples/ copied in); the lines up to the next
command are what the user sees (stdout and stderr, as a terminal shows them).
Checks that the README shows the real output of the current binary.
With --update (a developer's tool, never run by the tests) it rewrites
each block's output with what the binary printed instead."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

update = '--update' in sys.argv[1:]
readme_path, anklog = [a for a in sys.argv[1:] if a != '--update'][:2]
anklog = os.path.abspath(anklog)
readme = open(readme_path, encoding='utf-8').read()
blocks = re.findall(r'```console\n(.*?)```', readme, re.S)
updated = []

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
        new_block = ''
        for step in steps:
            command, _, expected = step.partition('\n')
            result = subprocess.run(command, shell=True, cwd=work, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if result.stdout == expected:
                passed += 1
            else:
                failed += 1
                print(f'FAIL: $ {command}\n--- README shows:\n{expected}--- anklog printed:\n{result.stdout}---')
            new_block += f'$ {command}\n{result.stdout}'
        updated.append(new_block)

if update:
    parts = re.split(r'(```console\n.*?```)', readme, flags=re.S)
    index = 0
    for i, part in enumerate(parts):
        if part.startswith('```console\n'):
            parts[i] = f'```console\n{updated[index]}```'
            index += 1
    open(readme_path, 'w', encoding='utf-8').write(''.join(parts))
    print(f'{readme_path}: rewritten with the output of {anklog}')

if passed + failed == 0:
    print('FAIL: no console blocks found in the README')
    failed = 1
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
