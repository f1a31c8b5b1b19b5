#!/usr/bin/env python3
"""An independent TOML reader (Python's tomllib) must read back exactly what
`anklog log` wrote, for notes with quotes, backslashes, newlines, tabs,
non-ASCII text and TOML's own string delimiters; and the file has no BOM.
So too what `init`, `plan --save`, `done` and `profile` write, with sides too."""
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

    # The daily loop's writes: a saved plan (with its comment lines), the
    # sessions done from it, a name set by init and changed by profile.
    loop = os.path.join(folder, 'loop.toml')
    for args in (['init', '--name', 'Ann "the walker" \\ O\'Neil', '--weights', '0.5kg,1kg'],
                 ['plan', '--save', '--week-of', '2026-11-16'],
                 ['done', '--date', '2026-11-18', '--note', notes[3]]):
        subprocess.run([anklog, '-f', loop, '-q'] + args, check=True, stdout=subprocess.DEVNULL)
    with open(loop, 'rb') as f:
        data = tomllib.loads(f.read().decode('utf-8'))
    if data['profile']['name'] != 'Ann "the walker" \\ O\'Neil':
        print(f'FAIL: init --name read back as {data["profile"]["name"]!r}')
        failures += 1
    done_day = [p for p in data['planned'] if p['date'] == datetime.date(2026, 11, 18)]
    if len(data['planned']) != 4 or [dict(s, note=None) for s in data['session']] != [dict(p, note=None) for p in done_day] \
            or any(s['note'] != notes[3] for s in data['session']):
        print(f'FAIL: plan --save and done read back as {data!r}')
        failures += 1
    subprocess.run([anklog, '-f', loop, '-q', 'profile', '--name', 'Zoë «Z» \\'], check=True)
    with open(loop, 'rb') as f:
        after = tomllib.loads(f.read().decode('utf-8'))
    if after['profile']['name'] != 'Zoë «Z» \\' or after['session'] != data['session'] or after['planned'] != data['planned']:
        print(f'FAIL: profile --name read back as {after["profile"]!r}')
        failures += 1

    # [[equipment]] added by profile and init, and removed, read back by tomllib.
    subprocess.run([anklog, '-f', loop, '-q', 'profile', '--add-equipment', 'cuffs "A" \\ é', '--on', 'ankle',
                    '--shell', '0.5lb', '--inserts', '8x0.5lb'], check=True)
    subprocess.run([anklog, '-f', loop, '-q', 'profile', '--add-equipment', 'wrist pair', '--on', 'wrist',
                    '--weight', '1kg'], check=True)
    with open(loop, 'rb') as f:
        kit = tomllib.loads(f.read().decode('utf-8'))
    if kit.get('equipment') != [{'name': 'cuffs "A" \\ é', 'on': 'ankle', 'shell': '0.5 lb', 'inserts': ['0.5 lb'] * 8},
                                {'name': 'wrist pair', 'on': 'wrist', 'weight': '1 kg'}] \
            or kit['session'] != data['session'] or kit['planned'] != data['planned']:
        print(f'FAIL: profile --add-equipment read back as {kit.get("equipment")!r}')
        failures += 1
    subprocess.run([anklog, '-f', loop, '-q', 'profile', '--remove-equipment', 'cuffs "A" \\ é'], check=True)
    with open(loop, 'rb') as f:
        kit = tomllib.loads(f.read().decode('utf-8'))
    if kit.get('equipment') != [{'name': 'wrist pair', 'on': 'wrist', 'weight': '1 kg'}] or kit['session'] != data['session']:
        print(f'FAIL: profile --remove-equipment read back as {kit.get("equipment")!r}')
        failures += 1
    fresh = os.path.join(folder, 'fresh.toml')
    subprocess.run([anklog, '-f', fresh, '-q', 'init', '--add-equipment', 'cuffs', '--on', 'wrist', '--shell', '0.25kg',
                    '--inserts', '0.25kg,0.25kg,0.5kg'], check=True, stdout=subprocess.DEVNULL)
    with open(fresh, 'rb') as f:
        kit = tomllib.loads(f.read().decode('utf-8'))
    if kit.get('equipment') != [{'name': 'cuffs', 'on': 'wrist', 'shell': '0.25 kg', 'inserts': ['0.25 kg', '0.25 kg', '0.5 kg']}]:
        print(f'FAIL: init --add-equipment read back as {kit.get("equipment")!r}')
        failures += 1

    # Sides: log --side, a profile with an injury of one side, a plan with
    # a planned row per side, done from it.
    sides = os.path.join(folder, 'sides.toml')
    for args in (['init', '--weights', '0.5kg,1kg,1.5kg', '--history', 'left knee'],
                 ['log', 'side-leg-lift', '--side', 'left', '-w', '0.5kg', '--sets', '2', '--reps', '12',
                  '--date', '2026-11-10'],
                 ['log', 'side-leg-lift', '--side', 'right', '-w', '1.5kg', '--sets', '2', '--reps', '12',
                  '--date', '2026-11-10'],
                 ['plan', '--save', '--week-of', '2026-11-16']):
        subprocess.run([anklog, '-f', sides, '-q'] + args, check=True, stdout=subprocess.DEVNULL)
    with open(sides, 'rb') as f:
        data = tomllib.loads(f.read().decode('utf-8'))
    planned_sides = sorted(p.get('side', '') for p in data['planned'] if p['activity'] == 'side-leg-lift')
    if data['profile']['history'] != ['left knee'] or [s.get('side') for s in data['session']] != ['left', 'right'] \
            or 'left' not in planned_sides or 'right' not in planned_sides:
        print(f'FAIL: sides read back as {data!r}')
        failures += 1
    day = min(p['date'] for p in data['planned'] if p['activity'] == 'side-leg-lift')
    subprocess.run([anklog, '-f', sides, '-q', 'done', 'side-leg-lift', '--date', day.isoformat()], check=True,
                   stdout=subprocess.DEVNULL)
    with open(sides, 'rb') as f:
        after = tomllib.loads(f.read().decode('utf-8'))
    done = [s for s in after['session'] if s['date'] == day]
    wanted = [p for p in after['planned'] if p['date'] == day and p['activity'] == 'side-leg-lift']
    if sorted(s.get('side', '') for s in done) != sorted(p.get('side', '') for p in wanted) or not done:
        print(f'FAIL: done from a plan with sides read back as {done!r} (planned {wanted!r})')
        failures += 1

    # A prescription written by `prescribe`, with every field and a hostile note.
    rx = os.path.join(folder, 'rx.toml')
    subprocess.run([anklog, '-f', rx, '-q', 'prescribe', 'side-leg-lift', '--days', '3', '--sets', '2-3', '--reps',
                    '10-15', '-w', '0.5kg-1kg', '--on', 'ankle', '--side', 'left', '--from', '2026-11-30',
                    '--until', '2026-12-31', '--when', 'pain<=2,effort<=5,sessions=2', '--note', notes[8]], check=True)
    with open(rx, 'rb') as f:
        data = tomllib.loads(f.read().decode('utf-8'))
    expected = {'activity': 'side-leg-lift', 'days': 3, 'sets': [2, 3], 'reps': [10, 15], 'weight': ['0.5 kg', '1 kg'],
                'on': 'ankle', 'side': 'left', 'from': datetime.date(2026, 11, 30), 'until': datetime.date(2026, 12, 31),
                'progress_when': {'pain_at_most': 2, 'effort_at_most': 5, 'sessions': 2}, 'note': notes[8]}
    if data.get('prescription') != [expected]:
        print(f'FAIL: prescribe read back as {data.get("prescription")!r}')
        failures += 1

checked = len(notes) + 9
print(f'{checked - failures} passed, {failures} failed')
sys.exit(1 if failures else 0)
