#!/usr/bin/env python3
"""Recomputes the numbers of `anklog summary` and `anklog report` from the
logs themselves, with Python's tomllib and nothing of anklog's: on every
bundled example and on a generated two-year log, weekly and monthly. The
findings counted per week are compared with `anklog check --format json`
(the rules are check's to judge); every other number is recomputed here.

usage: progress_numbers.py ANKLOG SOURCE_DIR"""
import collections
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import two_year_log  # noqa: E402

anklog, source = sys.argv[1], sys.argv[2]
D = datetime.date
day = datetime.timedelta(1)
failures = 0
compared = 0

KINDS = {name: 'gait' for name in ['walk', 'hike', 'stairs', 'dance', 'aerobics', 'run', 'jog']}
KINDS.update({name: 'mobility' for name in ['pilates', 'barre', 'yoga']})
KINDS.update({name: 'strength' for name in [
    'leg-lift', 'side-leg-lift', 'back-leg-lift', 'donkey-kick', 'fire-hydrant', 'glute-bridge', 'hip-abduction',
    'hip-adduction', 'lunge', 'squat', 'one-leg-squat', 'step-up', 'calf-raise', 'knee-extension', 'hamstring-curl',
    'hanging-leg-raise', 'reverse-curl', 'sit-up', 'superman', 'mountain-climber']})
FAMILIES = ['gait', 'mobility', 'strength']


def expect(what, got, wanted):
    global failures, compared
    compared += 1
    # JSON carries numbers to 3 decimals (the precision anklog keeps), no more.
    same = (abs(got - wanted) <= 0.0005 + 1e-9 and round(got, 3) == got if isinstance(wanted, float) and got is not None
            else got == wanted)
    if not same:
        failures += 1
        print(f'FAIL: {what}: anklog says {got!r}, recomputed {wanted!r}')


def kg(text, unit):
    m = re.fullmatch(r'\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)\s*', str(text).lower())
    amount, written = float(m.group(1)), m.group(2) or unit
    return amount * {'kg': 1, 'kgs': 1, 'g': 0.001, 'lb': 0.45359237, 'lbs': 0.45359237}[written]


class Log:
    def __init__(self, path):
        raw = open(path, encoding='utf-8').read()
        data = tomllib.loads(raw)
        self.unit = data.get('profile', {}).get('units', 'kg')
        self.kinds = dict(KINDS)
        for name, spec in data.get('activities', {}).items():
            self.kinds[name] = spec['kind']
        rules = data.get('rules', {})
        self.acute = rules.get('load-ramp', {}).get('acute_days', 7)
        self.chronic = rules.get('load-ramp', {}).get('chronic_days', 28)
        self.break_days = rules.get('return-after-break', {}).get('break_days', 14)
        self.sessions = [self.session(s) for s in data.get('session', [])]
        self.planned = self.in_effect(raw, [self.session(s) for s in data.get('planned', [])])

    def session(self, s):
        weight = kg(s['weight'], self.unit) if 'weight' in s else 0
        kind = self.kinds[s['activity']]
        volume = s.get('minutes', 0) if kind != 'strength' else s.get('sets', 0) * s.get('reps', 0)
        return dict(date=s['date'], activity=s['activity'], kind=kind, kg=weight, volume=volume,
                    minutes=s.get('minutes'), effort=s.get('effort'), pain=s.get('pain'))

    @staticmethod
    def in_effect(raw, planned):
        """A week saved more than once: the blocks after its last save line."""
        saves, owner = [], []  # (monday) per save line; the save above each [[planned]] block
        for line in raw.splitlines():
            m = re.match(r'# anklog plan for the week of (\d{4}-\d\d-\d\d)', line)
            if m:
                date = D.fromisoformat(m.group(1))
                saves.append(date - datetime.timedelta(date.weekday()))
            elif line.strip() == '[[planned]]':
                owner.append(len(saves) - 1 if saves else None)
        latest = {monday: i for i, monday in enumerate(saves)}
        out = []
        for p, save in zip(planned, owner):
            week = p['date'] - datetime.timedelta(p['date'].weekday())
            if week not in latest or save == latest[week]:
                out.append(p)
        return sorted(out, key=lambda p: p['date'])

    def planned_done(self, until):
        logged = collections.Counter((s['date'], s['activity']) for s in self.sessions if s['date'] <= until)
        status = []
        for p in self.planned:
            done = logged[(p['date'], p['activity'])] > 0
            if done:
                logged[(p['date'], p['activity'])] -= 1
            status.append((p, done))
        return status

    def ratio(self, family, date):
        counted = []
        for s in sorted((s for s in self.sessions if s['kg'] > 0 and s['kind'] == family and s['date'] <= date),
                        key=lambda s: s['date']):
            if counted and (s['date'] - counted[-1]['date']).days >= self.break_days:
                counted = []
            counted.append(s)
        if not counted:
            return None
        acute = sum(s['volume'] for s in counted if (date - s['date']).days < self.acute)
        chronic = sum(s['volume'] for s in counted if (date - s['date']).days < self.chronic)
        per_acute = chronic * self.acute / self.chronic
        return None if per_acute == 0 else dict(acute=float(acute), chronic_per_acute=per_acute,
                                                ratio=acute / per_acute,
                                                history_days=(date - counted[0]['date']).days)


def whole(since, monthly):
    return since.replace(day=1) if monthly else since - datetime.timedelta(since.weekday())


def started(since, until, log, status):
    """No rows before the week (month) of the first session or planned session."""
    first = min([s['date'] for s in log.sessions] + [p['date'] for p, _ in status], default=None)
    return min(first, until) if first and first > since else since


def periods(since, until, monthly):
    start = since.replace(day=1) if monthly else since - datetime.timedelta(since.weekday())
    while start <= until:
        if monthly:
            end = (start.replace(day=28) + datetime.timedelta(4)).replace(day=1) - day
        else:
            end = start + datetime.timedelta(6)
        yield start, end, max(start, since), min(end, until)
        start = end + day


def anklog_json(*args):
    result = subprocess.run([anklog, *args], capture_output=True, text=True)
    if result.returncode not in (0, 1):  # check exits 1 when it flags something
        raise SystemExit(f'FAIL: anklog {" ".join(args)}: {result.stderr}')
    return json.loads(result.stdout)


def check_summary(path, log, since, until, monthly):
    args = ['-f', path, 'summary', '--until', until.isoformat(), '--format', 'json']
    if since:
        args += ['--since', since.isoformat()]
    if monthly:
        args.append('--monthly')
    got = anklog_json(*args)
    name = f'{os.path.basename(path)} {"monthly" if monthly else "weekly"} {since}..{until}'
    if since is None:  # the default: 12 whole weeks or months
        first = until.replace(day=1) if monthly else until - datetime.timedelta(until.weekday())
        for _ in range(11):
            first = (first - day).replace(day=1) if monthly else first - datetime.timedelta(7)
        since = first
    status = log.planned_done(until)
    since = whole(started(since, until, log, status), monthly)  # a period starts with its whole first week or month
    expect(f'{name}: since', got['since'], since.isoformat())
    findings = anklog_json('check', path, '--format', 'json')['findings']
    rows = list(periods(since, until, monthly))
    expect(f'{name}: rows', len(got['periods']), len(rows))
    family_days = {f: set() for f in FAMILIES}
    for (start, end, first, last), row in zip(rows, got['periods']):
        where = f'{name} {start}'
        inside = [s for s in log.sessions if first <= s['date'] <= last]
        weighted = [s for s in inside if s['kg'] > 0]
        for s in weighted:
            family_days[s['kind']].add(s['date'])
        expect(f'{where}: dates', (row['start'], row['end'], row['from'], row['to']),
               (start.isoformat(), end.isoformat(), first.isoformat(), last.isoformat()))
        expect(f'{where}: sessions', row['sessions'], len(inside))
        expect(f'{where}: weighted_days', row['weighted_days'], len({s['date'] for s in weighted}))
        for family, key in zip(FAMILIES, ['gait_minutes', 'mobility_minutes', 'strength_reps']):
            expect(f'{where}: {key}', row[key], sum(s['volume'] for s in weighted if s['kind'] == family))
        heaviest = max((s['kg'] for s in weighted), default=None)
        expect(f'{where}: heaviest_kg', row['heaviest_kg'], heaviest)
        expect(f'{where}: heaviest_lb', row['heaviest_lb'], heaviest / 0.45359237 if heaviest else None)
        loads = [s['effort'] * s['minutes'] for s in inside if s['effort'] is not None and s['minutes']]
        expect(f'{where}: srpe_load', row['srpe_load'], sum(loads) if loads else None)
        pains = [s['pain'] for s in inside if s['pain'] is not None]
        expect(f'{where}: highest_pain', row['highest_pain'], max(pains, default=None))
        dated = [f for f in findings if first.isoformat() <= f['date'] <= last.isoformat()]
        expect(f'{where}: warnings', row['warnings'], sum(f['severity'] == 'warning' for f in dated))
        expect(f'{where}: dangers', row['dangers'], sum(f['severity'] == 'danger' for f in dated))
        plans = [(p, done) for p, done in status if first <= p['date'] <= last]
        expect(f'{where}: planned', row['planned'], len(plans))
        expect(f'{where}: done', row['done'], sum(done for _, done in plans))
        for family, key in zip(FAMILIES, ['planned_gait_minutes', 'planned_mobility_minutes', 'planned_strength_reps']):
            expect(f'{where}: {key}', row[key],
                   sum(p['volume'] for p, _ in plans if p['kind'] == family and p['kg'] > 0))
    most = max(FAMILIES, key=lambda f: (len(family_days[f]), -FAMILIES.index(f)))
    expect(f'{name}: main_family', got['main_family'], most)
    ratios = {r['family']: r for r in got['load']}
    for family in FAMILIES:
        wanted = log.ratio(family, until)
        expect(f'{name}: load ratio of {family} exists', family in ratios, wanted is not None)
        if wanted and family in ratios:
            for key in ('acute', 'chronic_per_acute', 'ratio', 'history_days'):
                expect(f'{name}: {family} {key}', ratios[family][key], wanted[key])
    return got


SVG = '{http://www.w3.org/2000/svg}'


def check_report(path, log, since, until):
    page = subprocess.run([anklog, '-f', path, 'report', '--since', since.isoformat(), '--until', until.isoformat()],
                          check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(page)  # well-formed, or this throws
    name = f'report of {os.path.basename(path)} {since}..{until}'
    status = log.planned_done(until)
    since = whole(started(since, until, log, status), False)
    rows = list(periods(since, until, False))
    charts = [svg for svg in root.iter(SVG + 'svg') if 'volume' in svg.get('class', '')]
    expect(f'{name}: a volume chart', len(charts) >= 1, True)
    for svg in charts:
        family = svg.get('data-family')
        done = [r for r in svg.iter(SVG + 'rect') if r.get('class') == 'bar done']
        planned = [r for r in svg.iter(SVG + 'rect') if r.get('class') == 'bar planned']
        expect(f'{name}: {family} bars', len(done), len(rows))
        with_plan = any(first <= p['date'] <= last for p, _ in status for _, _, first, last in rows)
        expect(f'{name}: {family} planned bars', len(planned), len(rows) if with_plan else 0)
        for (start, _, first, last), bar in zip(rows, done):
            expect(f'{name}: {family} {start}', (bar.get('data-period'), int(bar.get('data-value'))),
                   (start.isoformat(), sum(s['volume'] for s in log.sessions
                                           if first <= s['date'] <= last and s['kg'] > 0 and s['kind'] == family)))
        for (start, _, first, last), bar in zip(rows, planned):
            expect(f'{name}: {family} planned {start}', int(bar.get('data-value')),
                   sum(p['volume'] for p, _ in status if first <= p['date'] <= last and p['kg'] > 0
                       and p['kind'] == family))
    pain = {}
    for s in log.sessions:
        if s['pain'] is not None and since <= s['date'] <= until:
            pain[s['date']] = max(pain.get(s['date'], 0), s['pain'])
    points = [c for c in root.iter(SVG + 'circle') if c.get('class') == 'point']
    expect(f'{name}: pain points', [(c.get('data-date'), int(c.get('data-pain'))) for c in points],
           [(d.isoformat(), p) for d, p in sorted(pain.items())])
    lines = sorted(int(l.get('data-pain')) for l in root.iter(SVG + 'line') if l.get('class') == 'reference')
    expect(f'{name}: reference lines', lines, [3, 5] if pain else [])
    adherence = [tr for tr in root.iter('{http://www.w3.org/1999/xhtml}tr') if tr.get('class') == 'adherence']
    wanted = []
    for start, _, first, last in rows:
        plans = [done for p, done in status if first <= p['date'] <= last]
        if plans:
            wanted.append((start.isoformat(), len(plans), sum(plans)))
    expect(f'{name}: adherence rows',
           [(tr.get('data-period'), int(tr.get('data-planned')), int(tr.get('data-done'))) for tr in adherence], wanted)


with tempfile.TemporaryDirectory() as folder:
    two_years = os.path.join(folder, 'two-years.toml')
    with open(two_years, 'w', encoding='utf-8') as f:
        f.write(two_year_log.text())
    logs = sorted(glob.glob(os.path.join(source, 'examples', '*.toml')) +
                  glob.glob(os.path.join(source, 'examples', 'clients', '*.toml'))) + [two_years]
    for path in logs:
        log = Log(path)
        dates = [s['date'] for s in log.sessions]
        first, last = min(dates), max(dates)
        for monthly in (False, True):
            check_summary(path, log, first, last, monthly)
            check_summary(path, log, None, last, monthly)
        # A period that starts and ends mid-week, mid-month.
        check_summary(path, log, first + datetime.timedelta(3), last - datetime.timedelta(2), False)
        check_report(path, log, max(first, last - datetime.timedelta(83)), last)
    log = Log(two_years)
    check_report(two_years, log, two_year_log.FIRST, two_year_log.LAST)
    check_summary(two_years, log, D(2025, 6, 30), D(2026, 3, 1), False)

print(f'{compared} numbers compared, {failures} differ')
sys.exit(1 if failures or compared == 0 else 0)
