// Shared checks: epoch-age thresholds, SGP4 sanity on garbage, element ranges, the Kepler axis.
import { twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { checkElementRanges, checkEpochAge, checkSgp4, semiMajorAxisKm } from '../../src/sim/catalog/checks';

const DAY_MS = 86_400_000;
const REF_MS = Date.parse('2026-04-02T00:00:00Z');
const opts = { source: 's', referenceMs: REF_MS };

describe('epoch age', () => {
  it('warns past 14 days and quarantines past 30, on either side of the reference', () => {
    expect(checkEpochAge(REF_MS - 14 * DAY_MS, opts)).toBeNull();
    expect(checkEpochAge(REF_MS - 14.01 * DAY_MS, opts)).toMatchObject({ severity: 'warning', code: 'epoch-age' });
    expect(checkEpochAge(REF_MS + 20 * DAY_MS, opts)?.text).toContain('20.0 days after the reference');
    expect(checkEpochAge(REF_MS - 30 * DAY_MS, opts)?.severity).toBe('warning');
    expect(checkEpochAge(REF_MS - 30.01 * DAY_MS, opts)).toMatchObject({ severity: 'error', code: 'epoch-stale' });
    expect(checkEpochAge(REF_MS - 3 * DAY_MS, { ...opts, warnEpochAgeDays: 1, maxEpochAgeDays: 2 })?.code).toBe('epoch-stale');
  });
});

describe('SGP4 sanity', () => {
  it('catches garbage that satellite.js turns into NaN with error 0', () => {
    const satrec = twoline2satrec(`1 ${'x'.repeat(67)}`, `2 ${'y'.repeat(67)}`);
    expect(satrec.error).toBe(0); // the library does not complain (docs/sources.md#failure-modes)
    const f = checkSgp4(satrec, REF_MS, REF_MS);
    expect(f?.code).toMatch(/^sgp4-/);
  });

  it('names the SGP4 error: mean motion 16.9 rev/day one day on → error 1', () => {
    const l1 = '1 63983U 25100B   26092.98145178  .00060184  00000+0  17765-2 0  9995';
    const l2 = '2 63983  97.3674 169.9246 0010086 197.3242 162.7658 16.90000000 49361';
    const epochMs = Date.UTC(2026, 0, 1) + 91.98145178 * DAY_MS;
    const f = checkSgp4(twoline2satrec(l1, l2), epochMs, epochMs + DAY_MS);
    expect(f).toMatchObject({ code: 'sgp4-error' });
    expect(f?.text).toMatch(/^SGP4 error 1 \(mean eccentricity out of \[0, 1\) or semi-major axis below 0\.95 Earth radii\)/);
  });
});

describe('element ranges', () => {
  const good = { inclinationDeg: 97.37, raanDeg: 0, argPerigeeDeg: 359.9999, meanAnomalyDeg: 180, eccentricity: 0, meanMotionRevPerDay: 15.2 };
  const shown = (k: string) => `<${k}>`;

  it('accepts the edges [0, 180], [0, 360), [0, 1), (0, 18]', () => {
    expect(checkElementRanges(good, shown)).toEqual([]);
    expect(checkElementRanges({ ...good, inclinationDeg: 180, raanDeg: 0 }, shown)).toEqual([]);
  });

  it('rejects each field outside its range', () => {
    const keys = (el: typeof good) => checkElementRanges(el, shown).map((v) => v.key);
    expect(keys({ ...good, inclinationDeg: -0.1 })).toEqual(['inclinationDeg']);
    expect(keys({ ...good, raanDeg: 360 })).toEqual(['raanDeg']);
    expect(keys({ ...good, argPerigeeDeg: -1 })).toEqual(['argPerigeeDeg']);
    expect(keys({ ...good, meanAnomalyDeg: 400 })).toEqual(['meanAnomalyDeg']);
    expect(keys({ ...good, eccentricity: 1 })).toEqual(['eccentricity']);
    expect(keys({ ...good, meanMotionRevPerDay: 18.01 })).toEqual(['meanMotionRevPerDay']);
    expect(keys({ ...good, meanMotionRevPerDay: 0 })).toEqual(['meanMotionRevPerDay']);
  });

  it('rejects a perigee below the surface: n = 15.2, e = 0.08 → rp ≈ 6333 km', () => {
    // n = 1.105375e-3 rad/s → a = 6884.0 km; rp = a(1 − e) = 6333.3 km, 44.9 km below 6378.137 km.
    const v = checkElementRanges({ ...good, eccentricity: 0.08 }, shown);
    expect(v.map((x) => x.key)).toEqual(['eccentricity']);
    expect(v[0]!.text).toContain('gives a perigee altitude of -45 km (a = 6884 km)');
  });

  it('Kepler axis: 15.21426337 rev/day (SCS-01 A) → a = 6879.7 km', () => {
    // n = 15.21426337·2π/86400 = 1.106414e-3 rad/s; a = (398600.4418 / n²)^(1/3) = 6879.67 km.
    expect(semiMajorAxisKm(15.21426337)).toBeCloseTo(6879.67, 1);
  });
});
