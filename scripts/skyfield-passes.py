#!/usr/bin/python3
"""Golden contact windows and eclipses for the SCS-01 constellation, computed with Skyfield.

An independent oracle for src/sim/orbit and src/sim/links (python-sgp4 + Skyfield's TEME -> ITRS
frames and topocentric altitude instead of satellite.js). Run by hand, offline:

    /usr/bin/python3 scripts/skyfield-passes.py [--skyfield-ut1] [--out DIR]

Reads tle/three-body.tle and public/data/ground-stations.csv; writes
test/golden/skyfield-three-body-<station>.csv (passes, 24 h from 2026-04-02T00:00Z, mask 10 deg),
test/golden/skyfield-three-body-cn-miyun-cut.csv (1.5 h from 02:20Z: passes cut at both ends) and
test/golden/skyfield-three-body-eclipses.csv (eclipses). Needs python3-skyfield (1.45 used) and
pyerfa (Debian python3-erfa), no network. Time: UT1 = UTC (fixed Delta T, see DELTA_T_UT1_EQ_UTC).

Passes: EarthSatellite.find_events(topos, t0, t1, altitude_degrees=MASK) gives the pass structure
(rise / culminate / set); it locates events only to +-0.5 s, so each rise and set is then refined
by bisection on Skyfield's own altitude to 0.1 ms, and each culmination by golden-section search.
find_events reports nothing in a span without an altitude maximum, so a find_discrete scan at 5 s
steps adds any crossing it missed (printed). Windows cut by t0 or t1 start or end there and are
marked partial.

Eclipses: Skyfield's is_sunlit needs a JPL ephemeris (.bsp), which is not available offline, so
the Sun comes from ERFA's epv00 (the IAU SOFA Earth-position series, geometric, no light time or
aberration: <= 20 arcsec, < 0.1 s of eclipse timing); the shadow test is Skyfield's own
(intersect_line_and_sphere with ERAD, i.e. the Sun's centre hidden by a spherical Earth), and
find_discrete locates the changes to 1 ms.
"""
import csv
import math
import os
import sys
from datetime import timedelta

import erfa
import numpy as np
from skyfield.api import EarthSatellite, load, wgs84
from skyfield.constants import ERAD
from skyfield.geometry import intersect_line_and_sphere
from skyfield.searchlib import find_discrete

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TLE_PATH = os.path.join(ROOT, 'tle', 'three-body.tle')
STATIONS_PATH = os.path.join(ROOT, 'public', 'data', 'ground-stations.csv')
OUT_DIR = os.path.join(ROOT, 'test', 'golden')
STATION_IDS = ['cn-miyun', 'cn-kashgar', 'cn-sanya', 'cn-mohe']
MASK_DEG = 10.0
# (file suffix, start UTC, hours, stations): the day-long run, and a short run whose start and end
# cut passes, to pin down partial windows.
RUNS = [
    ('', (2026, 4, 2, 0, 0, 0), 24.0, STATION_IDS),
    ('-cut', (2026, 4, 2, 2, 20, 0), 1.5, ['cn-miyun']),
]
# TT - UTC in 2026 (32.184 s + 37 leap seconds): with this fixed Delta T, UT1 = UTC, the same
# convention as satellite.js (GMST from UTC). --skyfield-ut1 uses Skyfield's built-in Delta T
# instead (its prediction for 2026-04 is UT1 - UTC = +0.369 s).
DELTA_T_UT1_EQ_UTC = 69.184
DAY_S = 86400.0
HEADER = ['norad', 'name', 'station_id', 'aos_utc', 'los_utc', 'max_elevation_deg', 'partial']


def read_tle(ts):
    lines = [l.rstrip() for l in open(TLE_PATH, encoding='utf-8') if l.strip()]
    sats = []
    for k in range(0, len(lines) - 2, 3):
        name, l1, l2 = lines[k].strip(), lines[k + 1], lines[k + 2]
        sats.append((str(int(l1[2:7])), name, EarthSatellite(l1, l2, name, ts)))
    return sats


def read_stations(ids):
    with open(STATIONS_PATH, newline='', encoding='utf-8') as f:
        rows = {r['id']: r for r in csv.DictReader(f)}
    out = []
    for sid in ids:
        r = rows[sid]
        alt_m = float(r['alt_m']) if r['alt_m'].strip() else 0.0
        out.append((sid, wgs84.latlon(float(r['lat']), float(r['lon']), elevation_m=alt_m)))
    return out


def iso_ms(t):
    """ISO 8601 UTC with milliseconds, rounded to the nearest ms."""
    dt = t.utc_datetime() + timedelta(microseconds=500)
    return dt.strftime('%Y-%m-%dT%H:%M:%S.') + f'{dt.microsecond // 1000:03d}Z'


def altitude(sat, topos, ts, tt):
    return (sat - topos).at(ts.tt_jd(tt)).altaz()[0].degrees


def refine_crossing(sat, topos, ts, tt, rising):
    """Bisection on altitude - mask in [tt - 2 s, tt + 2 s] to 0.1 ms."""
    lo, hi = tt - 2.0 / DAY_S, tt + 2.0 / DAY_S
    f = lambda x: altitude(sat, topos, ts, x) - MASK_DEG
    flo, fhi = f(lo), f(hi)
    if not ((flo < 0 <= fhi) if rising else (flo >= 0 > fhi)):
        raise RuntimeError(f'{sat.name}: no bracket around event at {iso_ms(ts.tt_jd(tt))}')
    while (hi - lo) * DAY_S > 1e-4:
        mid = 0.5 * (lo + hi)
        if (f(mid) >= 0) == rising:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def refine_max(sat, topos, ts, tt):
    """Golden-section search for the altitude maximum in [tt - 2 s, tt + 2 s]; returns degrees."""
    g = (math.sqrt(5) - 1) / 2
    a, b = tt - 2.0 / DAY_S, tt + 2.0 / DAY_S
    f = lambda x: altitude(sat, topos, ts, x)
    while (b - a) * DAY_S > 1e-3:
        c, d = b - g * (b - a), a + g * (b - a)
        if f(c) > f(d):
            b = d
        else:
            a = c
    return max(f(0.5 * (a + b)), f(tt))


def crossings(sat, topos, ts, t0, t1):
    """Rise (True) and set (False) times: find_events, plus a find_discrete scan at 5 s steps for
    crossings find_events misses (it finds none in a span without an altitude maximum, e.g. a
    pass already above the mask at t0 that sets before the next culmination)."""
    times, events = sat.find_events(topos, t0, t1, altitude_degrees=MASK_DEG)
    found = [(t.tt, e == 0) for t, e in zip(times, events) if e != 1]
    culminations = [t.tt for t, e in zip(times, events) if e == 1]

    def above(t):
        return (sat - topos).at(t).altaz()[0].degrees >= MASK_DEG
    above.step_days = 5.0 / DAY_S
    scan_t, scan_v = find_discrete(t0, t1, above)
    missed = 0
    for t, rising in zip(scan_t.tt, scan_v):
        if not any(r == bool(rising) and abs(x - t) * DAY_S < 2.0 for x, r in found):
            found.append((t, bool(rising)))
            missed += 1
    if missed:
        print(f'  {sat.name}: {missed} crossing(s) not reported by find_events, added from the scan')
    refined = sorted((refine_crossing(sat, topos, ts, t, rising), rising) for t, rising in found)
    return refined, culminations


def passes_for(sat, topos, ts, t0, t1):
    events, culminations = crossings(sat, topos, ts, t0, t1)
    windows = []
    cur = None
    if altitude(sat, topos, ts, t0.tt) >= MASK_DEG:
        cur = {'aos': t0.tt, 'partial': True}
    for t, rising in events:
        if rising:
            cur = {'aos': t, 'partial': False}
        elif cur is not None:
            cur['los'] = t
            windows.append(cur)
            cur = None
    if cur is not None:
        cur['los'] = t1.tt
        cur['partial'] = True
        windows.append(cur)
    for w in windows:
        peaks = [refine_max(sat, topos, ts, c) for c in culminations if w['aos'] <= c <= w['los']]
        w['max'] = max(peaks + [altitude(sat, topos, ts, w['aos']), altitude(sat, topos, ts, w['los'])])
    return windows


def write_passes(ts, sats, stations, t0, t1, suffix):
    for sid, topos in stations:
        rows = []
        for order, (norad, name, sat) in enumerate(sats):
            for w in passes_for(sat, topos, ts, t0, t1):
                rows.append((w['aos'], order, [norad, name, sid, iso_ms(ts.tt_jd(w['aos'])),
                             iso_ms(ts.tt_jd(w['los'])), f"{w['max']:.3f}",
                             'yes' if w['partial'] else 'no']))
        rows.sort(key=lambda r: (r[0], r[1]))
        path = os.path.join(OUT_DIR, f'skyfield-three-body-{sid}{suffix}.csv')
        with open(path, 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(HEADER)
            w.writerows(r[2] for r in rows)
        print(f'{path}: {len(rows)} passes')


def sunlit_function(sat):
    def sunlit(t):
        sat_m = sat.at(t).position.m
        pvh, _ = erfa.epv00(t.tdb, 0.0)
        sun_m = -np.asarray(pvh['p']).T * erfa.DAU
        earth_m = -sat_m
        _, far = intersect_line_and_sphere(sun_m + earth_m, earth_m, ERAD)
        return np.nan_to_num(far) <= 0
    sunlit.step_days = 60.0 / DAY_S
    return sunlit


def write_eclipses(sats, t0, t1):
    rows = []
    for order, (norad, name, sat) in enumerate(sats):
        f = sunlit_function(sat)
        times, lit = find_discrete(t0, t1, f)
        entry = t0 if not f(t0) else None
        for t, now_lit in zip(times, lit):
            if not now_lit:
                entry = t
            elif entry is not None:
                rows.append((entry.tt, order, [norad, name, iso_ms(entry), iso_ms(t),
                             'yes' if entry.tt == t0.tt else 'no']))
                entry = None
        if entry is not None:
            rows.append((entry.tt, order, [norad, name, iso_ms(entry), iso_ms(t1), 'yes']))
    rows.sort(key=lambda r: (r[0], r[1]))
    path = os.path.join(OUT_DIR, 'skyfield-three-body-eclipses.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['norad', 'name', 'entry_utc', 'exit_utc', 'partial'])
        w.writerows(r[2] for r in rows)
    print(f'{path}: {len(rows)} eclipses')


def main():
    global OUT_DIR
    if '--out' in sys.argv[1:]:
        OUT_DIR = os.path.abspath(sys.argv[sys.argv.index('--out') + 1])
    if '--skyfield-ut1' in sys.argv[1:]:
        ts = load.timescale(builtin=True)
    else:
        ts = load.timescale(delta_t=DELTA_T_UT1_EQ_UTC)
    sats = read_tle(ts)
    os.makedirs(OUT_DIR, exist_ok=True)
    for suffix, start, hours, ids in RUNS:
        t0 = ts.utc(*start)
        t1 = ts.tt_jd(t0.tt + hours / 24.0)
        write_passes(ts, sats, read_stations(ids), t0, t1, suffix)
    t0 = ts.utc(*RUNS[0][1])
    write_eclipses(sats, t0, ts.tt_jd(t0.tt + RUNS[0][2] / 24.0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
