// `ocsim route` end to end: Beijing → London over the Starlink and star-compute-2800 presets (latency between
// the great-circle light-time bound and a sane maximum, hops from ground to ground), no-route rows, bad input.
import { describe, expect, it } from 'vitest';
import { ROUTE_TSV_HEADER, runRouteCommand, type RouteCommandOptions } from '../../src/cli/route-command.ts';
import { greatCircleKm } from '../../src/sim/ground/backhaul.ts';
import { SPEED_OF_LIGHT_KM_S } from '../../src/sim/constants.ts';

const BEIJING = '39.9042,116.4074';
const LONDON = '51.5074,-0.1278';

async function route(o: Partial<RouteCommandOptions>) {
  let out = '';
  let err = '';
  const code = await runRouteCommand({ scenario: 'three-body', from: BEIJING, to: LONDON, ...o }, { out: (s) => (out += s), err: (s) => (err += s) });
  const lines = out.split('\n').filter((l) => l !== '');
  const rows = lines.filter((l) => /^\d{4}-/.test(l)).map((l) => l.split('\t'));
  return { code, out, err, lines, rows };
}

// 8,141 km on the mean-radius sphere: 27.16 ms at c is a hard lower bound (every hop stays outside the Earth).
const gcKm = greatCircleKm(39.9042, 116.4074, 51.5074, -0.1278);
const lowerBoundMs = (gcKm / SPEED_OF_LIGHT_KM_S) * 1000;
// Sane maximum: twice the straight-fibre time (c / 1.4682, Corning SMF-28 group index), ≈ 79.7 ms.
const saneMaxMs = (2 * gcKm * 1.4682 * 1000) / SPEED_OF_LIGHT_KM_S;

function checkRow(row: string[], satName: RegExp): void {
  const [time, oneWay, roundTrip, satHops, path] = row;
  expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  const ms = Number(oneWay);
  expect(ms).toBeGreaterThan(lowerBoundMs);
  expect(ms).toBeLessThan(saneMaxMs);
  expect(Number(roundTrip)).toBeCloseTo(2 * ms, 1);
  const hops = path!.split(' → ');
  expect(hops[0]).toBe('ground (39.9042,116.4074)');
  expect(hops[hops.length - 1]).toBe('ground (51.5074,-0.1278)');
  expect(hops).toHaveLength(Number(satHops) + 2);
  for (const h of hops.slice(1, -1)) expect(h).toMatch(satName);
}

describe('ocsim route', () => {
  it('routes Beijing → London over the 10,313 Starlink satellites at 2026-05-12T12:00Z, every minute for 3 minutes', async () => {
    const r = await route({ scenario: 'starlink', at: '2026-05-12T12:00:00Z', durationS: 180, stepS: 60, isl: { topology: 'range' } });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('# route (39.9042,116.4074) → (51.5074,-0.1278); scenario starlink, 10313 satellites');
    expect(r.out).toContain('# great circle 8141 km: 27.16 ms at c (lower bound), 39.87 ms in straight fibre');
    expect(r.lines).toContain(ROUTE_TSV_HEADER);
    expect(r.rows.map((x) => x[0])).toEqual(['2026-05-12T12:00:00.000Z', '2026-05-12T12:01:00.000Z', '2026-05-12T12:02:00.000Z', '2026-05-12T12:03:00.000Z']);
    for (const row of r.rows) checkRow(row, /^STARLINK-\d+( \[DTC\])? \[\d{5}\]$/);
    expect(r.lines[r.lines.length - 1]).toBe('# routes found at 4 of 4 time(s)');
  }, 60_000);

  it('routes Beijing → London over the +Grid of the star-compute-2800 inference shell', async () => {
    const r = await route({ scenario: 'star-compute-2800', at: '2026-04-02T06:00:00Z' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('# ISL: plus-grid, ≤ 5016 km, ≥ 80 km above the surface, 4 terminals, 100 Gbit/s, 15 s acquisition; endpoint masks 25° / 25°');
    expect(r.rows).toHaveLength(1);
    checkRow(r.rows[0]!, /^STAR-COMPUTE-I \d+-\d+ \[90\d{4}\]$/);
    // The shells keep the scenario epoch (00:00): at 06:00 they have moved on; plane 6 slot 19 is over Beijing
    // (docs/parts/isl-routing.md). Generated anew at 06:00 that satellite would be over the Atlantic.
    expect(r.rows[0]!.slice(1, 4)).toEqual(['33.35', '66.69', '16']);
    expect(r.rows[0]![4]).toMatch(/^ground \(39\.9042,116\.4074\) → STAR-COMPUTE-I 6-19 \[900268\] → /);
  }, 60_000);

  it('limits both ends by --max-range-km (with --mask-deg 0: a cone), and reports it in the header', async () => {
    const at = '2026-04-02T06:00:00Z';
    const cone = await route({ scenario: 'star-compute-2800', at, maskDeg: 0, maxRangeKm: 2500 });
    expect(cone.code).toBe(0);
    expect(cone.out).toContain('15 s acquisition; endpoint masks 0° / 0°, ranges ≤ 2500 km / 2500 km');
    checkRow(cone.rows[0]!, /^STAR-COMPUTE-I \d+-\d+ \[90\d{4}\]$/);
    // Its shells fly at 550 and 1,000 km: no satellite is ever within 400 km of a city.
    const none = await route({ scenario: 'star-compute-2800', at, maskDeg: 0, maxRangeKm: 400 });
    expect(none.rows[0]!.slice(1)).toEqual(['-', '-', '0', 'no route (0 satellite(s) in view of (39.9042,116.4074), 0 of (51.5074,-0.1278))']);
  }, 60_000);

  it('prints "no route" rows (exit 0) when no satellite is in view, and accepts station and hub ids', async () => {
    const r = await route({ from: 'cn-miyun', to: 'zhangjiakou', at: '2026-04-02T00:00:00Z', durationS: 120, stepS: 60 });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('# route cn-miyun → zhangjiakou; scenario three-body, 12 satellites');
    expect(r.out).toContain('endpoint masks 10° / 25°'); // Miyun's scenario mask; hubs take the user-terminal 25°
    expect(r.rows).toHaveLength(3);
    for (const row of r.rows) expect(row.slice(1)).toEqual(['-', '-', '0', 'no route (0 satellite(s) in view of cn-miyun, 0 of zhangjiakou)']);
  });

  it('rejects bad input with exit code 2 and a message naming the flag or field', async () => {
    const cases: [Partial<RouteCommandOptions>, RegExp][] = [
      [{ from: '95,0' }, /--from: latitude must be in \[-90, 90\], got 95/],
      [{ to: 'atlantis' }, /--to: "atlantis" is neither LAT,LON .* nor a ground station or hub id of the scenario \(cn-miyun, /],
      [{ at: 'yesterday' }, /--at: "yesterday" is not an ISO 8601 UTC time/],
      [{ scenario: 'no-such-preset' }, /--scenario: "no-such-preset" is neither a preset/],
      [{ stepS: 0 }, /--step-s: must be > 0, got 0/],
      [{ durationS: 1e9, stepS: 1 }, /--duration-s \/ --step-s: 1000000001 times, more than 10000/],
      [{ maskDeg: 90 }, /--mask-deg: must be in \[0, 90\), got 90/],
      [{ maxRangeKm: 0.5 }, /--max-range-km: must be in \[1, 100000\] km, got 0.5/],
      [{ isl: { maxRangeKm: -1, terminalsPerSat: 0 } }, /isl.maxRangeKm: must be in \(0, 1e6\] km, got -1; isl.terminalsPerSat/],
    ];
    for (const [o, msg] of cases) {
      const r = await route(o);
      expect(r.code, JSON.stringify(o)).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).toMatch(/^ocsim route: /);
    }
  });
});
