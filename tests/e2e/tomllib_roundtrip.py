#!/usr/bin/env python3
"""An independent TOML reader (Python's tomllib) must read back exactly what
`anklog log` wrote, for notes with quotes, backslashes, newlines, tabs,
non-ASCII text and TOML's own string delimiters; and the file has no BOM."""
import datetime
import os
import subprocess
import sys
import tempfile
import tomllib

anklog = sys.argv[1]
notes = [
    'easy pace',
    'he said "stop" and I stopped',
    'C:\\path\\to\\nowhere \\n is no newline',
    'line one\nline two\n',
    '\nstarts with a newline',
    'windows\r\nline end',
    'tab\there',
    'Straße, café, 足首, 🦵, ñ',
    "''' and \"\"\" and ' and \"",
    'control \x01\x1f\x7f characters',
    'trailing backslash \\',
    '# not a comment',
    '[[session]]',
]

failures = 0
with tempfile.TemporaryDirectory() as folder:
    log = os.path.join(folder, 'log.toml')
    for i, note in enumerate(notes):
        subprocess.run([anklog, '-f', log, '-q', 'log', 'walk', '-w', '1kg', '-m', str(10 + i),
                        '--date', '2026-11-18', '--note', note], check=True)
    with open(log, 'rb') as f:
        raw = f.read()
    if raw.startswith(b'\xef\xbb\xbf'):
        print('FAIL: the log starts with a byte-order mark')
        failures += 1
    data = tomllib.loads(raw.decode('utf-8'))
    sessions = data['session']
    if len(sessions) != len(notes):
        print(f'FAIL: {len(sessions)} sessions read back, {len(notes)} written')
        failures += 1
    for i, (session, note) in enumerate(zip(sessions, notes)):
        expected = {'date': datetime.date(2026, 11, 18), 'activity': 'walk', 'on': 'ankle',
                    'weight': '1 kg', 'minutes': 10 + i, 'note': note}
        if session != expected:
            print(f'FAIL: session {i}: wrote {expected!r}, tomllib read {session!r}')
            failures += 1

checked = len(notes) + 1
print(f'{checked - failures} passed, {failures} failed')
sys.exit(1 if failures else 0)
