// Price paths: linear interpolation between dated points, end values held (or compounded by annualChange) outside,
// exact means over a window, and the factors the pricing stage applies (run dates; the launch date for launch).
import { describe, expect, it } from 'vitest';
import { electricityMultiplier, electricityPriceFactorAt, meanPathFactor, pathFactorAt, priceFactors, YEAR_MS } from '../../src/sim/cost/price-paths.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import type { PricePath } from '../../src/sim/scenario/schema-pricing.ts';
import { threeBody } from '../helpers/run.ts';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const path = (points: [string, number][], annualChange = 0): PricePath => ({ points: points.map(([dateIso, factor]) => ({ dateIso, factor })), annualChange });

// The seed: H100 1-year reserved $1.70/h (Oct 2025) → $2.35/h (Mar 2026), as an index of the scenario's $2.35/h.
const rent = path([
  ['2025-10-01', 1.7 / 2.35],
  ['2026-03-01', 1],
]);
const REF = ms('2026-04-02');

describe('pathFactorAt', () => {
  it('interpolates linearly in time between points: $1.70 → $2.35 over 151 days, 92 days in = $2.096', () => {
    expect(2.35 * pathFactorAt(rent, REF, ms('2025-10-01'))).toBeCloseTo(1.7, 12);
    expect(2.35 * pathFactorAt(rent, REF, ms('2026-03-01'))).toBeCloseTo(2.35, 12);
    expect(2.35 * pathFactorAt(rent, REF, ms('2026-01-01'))).toBeCloseTo(1.7 + (92 / 151) * 0.65, 12); // 2.0960…
  });

  it('holds the end values outside the points', () => {
    expect(2.35 * pathFactorAt(rent, REF, ms('2020-01-01'))).toBeCloseTo(1.7, 12);
    expect(pathFactorAt(rent, REF, ms('2030-01-01'))).toBe(1);
  });

  it('compounds annualChange outside the points: −50 %/yr halves one year after the last point, doubles one before the first', () => {
    const p = path([['2026-03-01', 1]], -0.5);
    expect(pathFactorAt(p, REF, ms('2026-03-01') + YEAR_MS)).toBeCloseTo(0.5, 12);
    expect(pathFactorAt(p, REF, ms('2026-03-01') - YEAR_MS)).toBeCloseTo(2, 12);
  });

  it('without points: 1 at the reference (the run epoch), compounded from there', () => {
    expect(pathFactorAt(path([]), REF, ms('2040-01-01'))).toBe(1);
    expect(pathFactorAt(path([], 1), REF, REF)).toBe(1);
    expect(pathFactorAt(path([], 1), REF, REF + 2 * YEAR_MS)).toBeCloseTo(4, 12);
  });
});

describe('meanPathFactor', () => {
  it('is the value at the middle inside one linear segment, and exact across a point', () => {
    const p = path([
      ['2026-01-01', 1],
      ['2026-01-11', 2],
    ]);
    const t0 = ms('2026-01-01');
    expect(meanPathFactor(p, REF, t0 + 2 * DAY, t0 + 6 * DAY)).toBeCloseTo(1.4, 12);
    // [5 d, 15 d]: 5 days averaging 1.75, then 5 days held at 2 → 1.875.
    expect(meanPathFactor(p, REF, t0 + 5 * DAY, t0 + 15 * DAY)).toBeCloseTo(1.875, 12);
    expect(meanPathFactor(p, REF, t0 + 5 * DAY, t0 + 5 * DAY)).toBeCloseTo(1.5, 12);
  });

  it('integrates compounded tails exactly: a price doubling each year averages 1/ln 2 over its first year', () => {
    expect(meanPathFactor(path([], 1), REF, REF, REF + YEAR_MS)).toBeCloseTo(1 / Math.LN2, 12);
    expect(meanPathFactor(path([], 0), REF, REF - YEAR_MS, REF + YEAR_MS)).toBe(1);
  });
});

describe('priceFactors (what the pricing stage applies)', () => {
  const scenario = (extra: object) => parseScenario({ ...threeBody(), ...extra });

  it('are all 1 without paths', () => {
    const f = priceFactors(scenario({}));
    expect([f.gpuUsdPerHour, f.gpuUsdPerMTok, f.launchUsdPerKg]).toEqual([1, 1, 1]);
    expect(electricityMultiplier(scenario({}))).toBeUndefined(); // flat hubs are charged on their totals, as before paths
  });

  it('apply operations paths over the run window and the launch path at the launch date', () => {
    const s = scenario({
      epochIso: '2026-01-01T00:00:00Z',
      durationH: 24,
      economics: { launchDateIso: '2025-01-01' },
      pricePaths: {
        gpuUsdPerHour: {
          points: [
            { dateIso: '2025-10-01', factor: 0.5 },
            { dateIso: '2026-01-01', factor: 1 },
          ],
          annualChange: 0,
        },
        gpuUsdPerMTok: { annualChange: -0.5 },
        launchUsdPerKg: { annualChange: -0.5 },
        electricityUsdPerKWh: { points: [{ dateIso: '2026-01-01', factor: 1.2 }] },
      },
    });
    const f = priceFactors(s);
    expect(f.gpuUsdPerHour).toBe(1); // the run starts at the last point: held at 1
    // A year before the epoch at −50 %/yr the launch price was double (365 days = 0.99932 Julian years).
    expect(f.launchUsdPerKg).toBeCloseTo(2 ** ((365 * DAY) / YEAR_MS), 12);
    // 24 h of a price halving every year: mean = (1 − 2^(−d)) / (d ln 2), d = 1 day in years ≈ 0.99905.
    const d = DAY / YEAR_MS;
    expect(f.gpuUsdPerMTok).toBeCloseTo((1 - 2 ** -d) / (d * Math.LN2), 12);
    expect(electricityPriceFactorAt(s, 3, ms('2030-01-01'))).toBe(1.2);
    expect(electricityMultiplier(s)!(3, ms('2026-01-01'))).toBe(1.2);
  });
});
