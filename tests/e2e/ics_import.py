#!/usr/bin/env python3
"""plan --format ics as calendar software reads it: parsed with Python's
icalendar (every event, its day, summary and UID), then imported into real
calendar programs from Debian, calcurse and khal, and read back from them
(khal: importing the week again updates its events, it adds no copies).
What is not installed is skipped and said; with none of them, the test is
skipped (exit 77). CI installs them all (.ci/run).

usage: ics_import.py ANKLOG SOURCE_DIR"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

anklog, source = sys.argv[1], sys.argv[2]
failures = 0
ran = []


def fail(message):
    global failures
    failures += 1
    print(f'FAIL: {message}')


def check(condition, message):
    if not condition:
        fail(message)


# The knee-rehab example's week of 2026-11-23 (README "Planning next week").
expected = [
    (datetime.date(2026, 11, 23), 'side-leg-lift, 1 kg, 2 x 8'),
    (datetime.date(2026, 11, 23), 'glute-bridge, 1 kg, 2 x 8'),
    (datetime.date(2026, 11, 26), 'side-leg-lift, 1 kg, 2 x 8'),
    (datetime.date(2026, 11, 26), 'glute-bridge, 1 kg, 2 x 8'),
    (datetime.date(2026, 11, 28), 'walk, 0.5 kg, 13 min'),
]

with tempfile.TemporaryDirectory() as folder:
    log = os.path.join(folder, 'log.toml')
    shutil.copy(os.path.join(source, 'examples', 'knee-rehab.toml'), log)
    plan = [anklog, '-f', log, 'plan', '--week-of', '2026-11-23', '--format', 'ics']
    ics = subprocess.run(plan, check=True, capture_output=True).stdout
    ics_path = os.path.join(folder, 'week.ics')
    with open(ics_path, 'wb') as out:
        out.write(ics)
    check(subprocess.run(plan, check=True, capture_output=True).stdout == ics, 'a second run printed other bytes')

    # 1. Python's icalendar.
    try:
        try:
            import icalendar
        except ImportError:
            # python3 may be another Python than Debian's (pyenv, a venv):
            # Debian's python3-icalendar lives here.
            sys.path.append('/usr/lib/python3/dist-packages')
            import icalendar
    except ImportError:
        print('SKIP: python3-icalendar is not installed (apt-get install python3-icalendar); not parsed with it')
    else:
        ran.append('icalendar')
        calendar = icalendar.Calendar.from_ical(ics)
        check(str(calendar['VERSION']) == '2.0', 'VERSION is not 2.0')
        check(str(calendar['PRODID']).startswith('-//anklog//'), 'PRODID is not anklog\'s')
        events = calendar.walk('VEVENT')
        got = [(e.decoded('DTSTART'), str(e['SUMMARY'])) for e in events]
        check(got == expected, f'icalendar read {got}')
        for e in events:
            start, end = e.decoded('DTSTART'), e.decoded('DTEND')
            check(type(start) is datetime.date, f'DTSTART {start!r} is not a date (all-day event)')
            check(end - start == datetime.timedelta(days=1), f'DTEND {end} is not the day after {start}')
            check(e.decoded('DTSTAMP') == datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc),
                  f'DTSTAMP {e.decoded("DTSTAMP")}')
            description = str(e['DESCRIPTION'])
            check(description.startswith('progress: +1 ') and 'Pain rule: pain up to 5/10' in description,
                  f'description {description!r}')
        uids = [str(e['UID']) for e in events]
        check(len(set(uids)) == len(uids), f'UIDs repeat: {uids}')

    # 2. calcurse: import, then list the week's day events.
    if shutil.which('calcurse') is None:
        print('SKIP: calcurse is not installed (apt-get install calcurse); not imported into it')
    else:
        ran.append('calcurse')
        data = os.path.join(folder, 'calcurse')
        os.mkdir(data)
        env = dict(os.environ, HOME=folder)
        common = ['calcurse', '-D', data, '-C', data]
        imported = subprocess.run(common + ['-q', '-i', ics_path], env=env, capture_output=True, text=True)
        check(imported.returncode == 0, f'calcurse -i failed: {imported.stderr}')
        listed = subprocess.run(common + ['-Q', '--from', '11/23/2026', '--days', '7', '--format-event', '%m\\n'],
                                env=env, capture_output=True, text=True)
        check(listed.returncode == 0, f'calcurse -Q failed: {listed.stderr}')
        lines = [line for line in listed.stdout.splitlines() if line.strip()]
        read_back = []
        day = None
        for line in lines:
            if re.fullmatch(r'\d\d/\d\d/\d\d:', line):  # a day: 11/23/26:
                day = datetime.datetime.strptime(line.rstrip(':'), '%m/%d/%y').date()
            else:
                read_back.append((day, line.strip()))
        check(sorted(read_back) == sorted(expected), f'calcurse read back {read_back} from {listed.stdout!r}')
        # The description becomes the event's note, unescaped.
        notes = subprocess.run(common + ['-Q', '--from', '11/28/2026', '--days', '1', '--format-event', '%N'],
                               env=env, capture_output=True, text=True).stdout
        check('pain up to 5/10 during the session is acceptable' in notes and '\\' not in notes,
              f'calcurse note {notes!r}')

    # 3. khal: import into a calendar folder, list, import again.
    if shutil.which('khal') is None:
        print('SKIP: khal is not installed (apt-get install khal); not imported into it')
    else:
        ran.append('khal')
        calendar_dir = os.path.join(folder, 'khal', 'plan')
        os.makedirs(calendar_dir)
        config = os.path.join(folder, 'khal', 'config')
        with open(config, 'w') as out:
            out.write(f'[calendars]\n[[plan]]\npath = {calendar_dir}\n\n'
                      f'[sqlite]\npath = {os.path.join(folder, "khal", "khal.db")}\n\n'
                      '[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n'
                      'datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n'
                      'local_timezone = UTC\ndefault_timezone = UTC\n')
        env = dict(os.environ, HOME=folder, XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder)
        khal = ['khal', '-c', config]

        def khal_events():
            listed = subprocess.run(khal + ['list', '--day-format', '', '--format', '{start-date} {title}|{uid}',
                                            '2026-11-23', '2026-11-29'], env=env, capture_output=True, text=True)
            check(listed.returncode == 0, f'khal list failed: {listed.stderr}')
            return sorted(line for line in listed.stdout.splitlines() if line.strip())

        for attempt in ('first', 'second'):
            imported = subprocess.run(khal + ['import', '--batch', '-a', 'plan', ics_path], env=env,
                                      capture_output=True, text=True)
            check(imported.returncode == 0, f'khal import ({attempt}) failed: {imported.stderr}')
            events = khal_events()
            titles = sorted((datetime.date.fromisoformat(e.split(' ', 1)[0]), e.split(' ', 1)[1].split('|')[0])
                            for e in events)
            check(titles == sorted(expected), f'khal read back ({attempt} import) {events}')
        check(len(os.listdir(calendar_dir)) == len(expected),
              f'khal holds {len(os.listdir(calendar_dir))} event files after two imports, not {len(expected)}')

if not ran:
    print('SKIP: none of python3-icalendar, calcurse and khal is installed')
    sys.exit(77)
print(f'{", ".join(ran)}: {"failed" if failures else "passed"}')
sys.exit(1 if failures else 0)
