// Link budget: cote's bent-pipe downlink reproduced against hand-computed and published numbers (docs/sources.md#cote).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COTE_BENT_PIPE_DOWNLINK,
  SMAD_DOWNLINK_X_BAND_NOISE,
  linkBudgetDb,
  linkRateBps,
  slantRangeKm,
  smadSystemNoiseTempK,
  validateLinkBudgetParams,
} from '../../src/sim/links/link-budget.ts';
import { EARTH_EQUATORIAL_RADIUS_KM } from '../../src/sim/constants.ts';

/** Altitude of cote's bent-pipe satellite, km: Flock 3k-3 TLE (cote planet.tle) mean motion 15.24309684 rev/day → a = 6871.0 km. */
const COTE_ALTITUDE_KM = 493;

describe('SMAD system noise temperature (cote calcSystemNoiseTemp)', () => {
  it('is 25 K + 35.385 K line + 84.250 K receiver = 144.636 K at X band', () => {
    // Hand: T_line = 290·(1−0.8912509)/0.8912509 = 35.385; T_rx = 290·(10^0.1 − 1)/0.8912509 = 84.250.
    expect(smadSystemNoiseTempK(SMAD_DOWNLINK_X_BAND_NOISE)).toBeCloseTo(144.636, 2);
    expect(COTE_BENT_PIPE_DOWNLINK.systemNoiseTempK).toBeCloseTo(144.636, 2);
  });
});

describe('slantRangeKm', () => {
  it('equals the altitude at zenith', () => {
    expect(slantRangeKm(493, 90)).toBeCloseTo(493, 9);
  });
  it('matches the law of cosines through the Earth-central angle at 10°', () => {
    const e = (10 * Math.PI) / 180;
    const r = EARTH_EQUATORIAL_RADIUS_KM + 493;
    const theta = Math.PI / 2 - e - Math.asin((EARTH_EQUATORIAL_RADIUS_KM * Math.cos(e)) / r);
    const expected = Math.sqrt(EARTH_EQUATORIAL_RADIUS_KM ** 2 + r * r - 2 * EARTH_EQUATORIAL_RADIUS_KM * r * Math.cos(theta));
    expect(slantRangeKm(493, 10)).toBeCloseTo(expected, 6);
    expect(slantRangeKm(493, 10)).toBeCloseTo(1677.868, 2);
  });
  it('returns NaN for a negative altitude instead of throwing', () => {
    expect(slantRangeKm(-1, 45)).toBeNaN();
  });
});

describe('cote bent-pipe downlink rate', () => {
  it('derives cote altitude ≈ 493 km from the Flock 3k-3 mean motion', () => {
    const n = (15.24309684 * 2 * Math.PI) / 86400;
    const a = Math.cbrt(398600.4418 / (n * n));
    expect(a - EARTH_EQUATORIAL_RADIUS_KM).toBeCloseTo(COTE_ALTITUDE_KM, 0);
  });
  // docs/sources.md#cote, "derived from that configuration": 75 / 109 / 136 / 143.5 Mbit/s; tolerance ±2%.
  it.each([
    [10, 75e6],
    [30, 109e6],
    [60, 136e6],
    [90, 143.5e6],
  ])('at %d° elevation is ≈ %d bit/s (±2%%)', (elevationDeg, expectedBps) => {
    const rate = linkRateBps(COTE_BENT_PIPE_DOWNLINK, slantRangeKm(COTE_ALTITUDE_KM, elevationDeg));
    expect(Math.abs(rate / expectedBps - 1)).toBeLessThan(0.02);
  });
  it('is 143.50 Mbit/s at zenith within 0.05 Mbit/s (hand dB budget: C/N = 21.57 dB)', () => {
    expect(linkRateBps(COTE_BENT_PIPE_DOWNLINK, 493) / 1e6).toBeCloseTo(143.5, 1);
  });
  it('gives integer bit/s like cote (uint64_t)', () => {
    expect(Number.isInteger(linkRateBps(COTE_BENT_PIPE_DOWNLINK, 1000))).toBe(true);
  });
});

describe('linkBudgetDb', () => {
  it('reproduces the hand budget at 493 km zenith', () => {
    const b = linkBudgetDb(COTE_BENT_PIPE_DOWNLINK, 493);
    expect(b.eirpDbw).toBeCloseTo(8.0103, 3); // 10·log10(2 W · 0.7943) + 6 dBi
    expect(b.fsplDb).toBeCloseTo(164.528, 2); // 20·log10(4π·493 km / 3.678 cm)
    expect(b.gOverTDbPerK).toBeCloseTo(44.1 - 21.6031, 3);
    expect(b.cOverNDb).toBeCloseTo(21.5685, 2);
    expect(b.cOverN0DbHz - b.cOverNDb).toBeCloseTo(73.0103, 3); // 10·log10(20 MHz)
  });
  it('is consistent with the linear rate at any range', () => {
    fc.assert(
      fc.property(fc.double({ min: 300, max: 5000, noNaN: true }), (rangeKm) => {
        const b = linkBudgetDb(COTE_BENT_PIPE_DOWNLINK, rangeKm);
        const fromDb = 20e6 * Math.log2(1 + 10 ** (b.cOverNDb / 10));
        return Math.abs(fromDb - b.rateBps) <= 1 + 1e-9 * fromDb;
      }),
    );
  });
});

describe('rate properties', () => {
  it('never decreases as elevation rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 300, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 90, noNaN: true }),
        fc.double({ min: 0, max: 90, noNaN: true }),
        (altitudeKm, e1, e2) => {
          const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
          const rLo = linkRateBps(COTE_BENT_PIPE_DOWNLINK, slantRangeKm(altitudeKm, lo));
          const rHi = linkRateBps(COTE_BENT_PIPE_DOWNLINK, slantRangeKm(altitudeKm, hi));
          return rLo <= rHi;
        },
      ),
    );
  });
  it('respects the modem cap and leaves lower rates alone', () => {
    const capped = { ...COTE_BENT_PIPE_DOWNLINK, maxRateBps: 100e6 };
    expect(linkRateBps(capped, slantRangeKm(493, 90))).toBe(100e6);
    const low = linkRateBps(capped, slantRangeKm(493, 10));
    expect(low).toBe(linkRateBps(COTE_BENT_PIPE_DOWNLINK, slantRangeKm(493, 10)));
    expect(low).toBeLessThan(100e6);
  });
  it('returns the fixed rate at any range, and 0 for an impossible range', () => {
    expect(linkRateBps({ kind: 'fixed', rateBps: 160e6 }, 2500)).toBe(160e6);
    expect(linkRateBps(COTE_BENT_PIPE_DOWNLINK, 0)).toBe(0);
    expect(linkRateBps(COTE_BENT_PIPE_DOWNLINK, Number.NaN)).toBe(0);
  });
});

describe('validateLinkBudgetParams', () => {
  it('accepts cote parameters', () => {
    expect(validateLinkBudgetParams(COTE_BENT_PIPE_DOWNLINK)).toEqual([]);
  });
  it('names each bad field', () => {
    const errors = validateLinkBudgetParams({ ...COTE_BENT_PIPE_DOWNLINK, bandwidthHz: 0, lineLossFactor: 1.5 }, 'scenario.downlink');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('scenario.downlink.bandwidthHz');
    expect(errors[1]).toContain('scenario.downlink.lineLossFactor');
    expect(validateLinkBudgetParams({ kind: 'fixed', rateBps: -1 })[0]).toContain('link.rateBps');
  });
});
