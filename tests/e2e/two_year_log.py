"""A generated two-year training log (deterministic): walks, leg work and
Pilates with wrist weights, a declared activity, pounds and kilograms, days
without weights, effort and pain now and then, two breaks, and planned weeks,
one of them saved twice. For the tests that recompute anklog's numbers."""
import datetime
import random

FIRST = datetime.date(2024, 12, 2)   # a Monday
LAST = datetime.date(2026, 11, 29)   # a Sunday: 104 weeks
BREAKS = [(datetime.date(2025, 7, 14), datetime.date(2025, 8, 3)),    # 3 weeks away
          (datetime.date(2026, 2, 9), datetime.date(2026, 2, 22))]    # 2 weeks away


def _block(kind, date, activity, on=None, weight=None, minutes=None, sets=None, reps=None,
           effort=None, pain=None, note=None):
    lines = [f'[[{kind}]]', f'date = {date.isoformat()}', f'activity = "{activity}"']
    if on:
        lines.append(f'on = "{on}"')
    if weight:
        lines.append(f'weight = "{weight}"')
    if minutes is not None:
        lines.append(f'minutes = {minutes}')
    if sets is not None:
        lines += [f'sets = {sets}', f'reps = {reps}']
    if effort is not None:
        lines.append(f'effort = {effort}')
    if pain is not None:
        lines.append(f'pain = {pain}')
    if note:
        lines.append(f'note = "{note}"')
    return '\n'.join(lines) + '\n\n'


def text(seed=20261129):
    rnd = random.Random(seed)
    out = ['# A generated two-year log for anklog\'s tests.\nversion = 1\n\n',
           '[profile]\nname = "Two Years"\nunits = "kg"\nweights = ["0.5 kg", "1 kg", "1.5 kg", "2 kg"]\n\n',
           '[activities]\n"kettle-swing" = { kind = "strength", group = "hips" }\n\n']
    walk, lift, pilates, swing = 10, 10, 15, 8
    walk_kg = 0.5
    day = FIRST
    week = 0
    while day <= LAST:
        monday = day
        away = any(start <= monday <= end for start, end in BREAKS)
        planned_here = week % 9 in (3, 4)
        if planned_here and not away:
            # A saved plan; every 18th week it is saved twice and the second save is in effect.
            saves = 2 if week % 18 == 3 else 1
            for save in range(saves):
                out.append(f'# anklog plan for the week of {monday.isoformat()}\n')
                extra = 2 * save
                out.append(_block('planned', monday, 'walk', 'ankle', f'{walk_kg:g} kg', walk + extra))
                out.append(_block('planned', monday + datetime.timedelta(2), 'side-leg-lift', 'ankle', '1 kg',
                                  sets=2, reps=lift))
                out.append(_block('planned', monday + datetime.timedelta(4), 'walk', 'ankle', f'{walk_kg:g} kg',
                                  walk + extra))
                out.append(_block('planned', monday + datetime.timedelta(5), 'pilates', 'wrist', '1 lb', pilates))
        if not away:
            if rnd.random() > 0.1:
                out.append(_block('session', monday, 'walk', 'ankle', f'{walk_kg:g} kg', walk,
                                  effort=rnd.choice([None, 3, 4]), pain=rnd.choice([None, 0, 0, 1, 2])))
            out.append(_block('session', monday + datetime.timedelta(2), 'side-leg-lift', 'ankle', '1 kg',
                              sets=2, reps=lift, effort=rnd.choice([None, 4, 5]), pain=rnd.choice([None, 0, 1, 3])))
            if rnd.random() > 0.3:
                out.append(_block('session', monday + datetime.timedelta(2), 'kettle-swing', None, '2 kg',
                                  sets=1, reps=swing))
            if rnd.random() > 0.2:
                out.append(_block('session', monday + datetime.timedelta(4), 'walk', 'ankle', f'{walk_kg:g} kg',
                                  walk + rnd.choice([0, 1, 2]), effort=rnd.choice([None, 3]),
                                  pain=rnd.choice([None, 0, 1, 4])))
            out.append(_block('session', monday + datetime.timedelta(5), 'pilates', 'wrist',
                              rnd.choice(['1 lb', '2 lb', '0 kg']), pilates, effort=rnd.choice([None, 5])))
            if rnd.random() > 0.6:
                out.append(_block('session', monday + datetime.timedelta(6), 'walk', None, None, 30 + rnd.randint(0, 30),
                                  effort=2, note='no weights'))
            walk = min(30, walk + rnd.choice([0, 1, 1, 2]))
            lift = min(15, lift + rnd.choice([0, 0, 1]))
            pilates = min(45, pilates + rnd.choice([0, 1, 2]))
            if walk == 30 and walk_kg < 1.5 and rnd.random() > 0.7:
                walk_kg += 0.5
                walk = 20
        day += datetime.timedelta(7)
        week += 1
    return ''.join(out)


if __name__ == '__main__':
    print(text(), end='')
