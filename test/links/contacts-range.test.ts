// Ground links limited by slant range (a station's maxRangeKm) as well as by the elevation mask: the visibility
// test at a hand-computed geometry, the contact finder on an equatorial overhead pass whose window ends are known in
// closed form, and properties on random two-body orbits against a 1-s brute-force scan of the exact trajectories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactFinder, type ContactWindow } from '../../src/sim/links/contacts.ts';
import { isVisible, lookAngles, stationGeometry, type GroundStation } from '../../src/sim/links/visibility.ts';
import { slantRangeKm } from '../../src/sim/links/link-budget.ts';
import { matchWindows, type NaiveWindow } from '../bench/naive-contacts.ts';
import { RE_KM, START_MS, stateEcef, twoBodyChunk, type Orbit } from './two-body.ts';

const MU_KM3_S2 = 398600.4418;
const EARTH_RATE_RAD_S = 7.292115e-5;
const DEG = Math.PI / 180;
/** Hypatia's satellite cone for its Starlink shell 1: √(940.7² + 550²) km (snkas/hypatia main_starlink_550.py). */
const HYPATIA_MAX_GSL_KM = Math.sqrt(940.7 ** 2 + 550 ** 2);

const station = (over: Partial<GroundStation> = {}): GroundStation => ({ id: 'eq', name: 'eq', latDeg: 0, lonDeg: 0, altM: 0, minElevationDeg: 10, ...over });

/** The finder's windows over a run of `steps` samples at `stepS`, in chunks of 50 samples. */
function findWindows(orbits: Orbit[], stations: GroundStation[], stepS: number, steps: number): ContactWindow[] {
  const f = new ContactFinder(orbits.length, stations);
  for (let k0 = 0; k0 <= steps; k0 += 50) f.addChunk(twoBodyChunk(orbits, k0, Math.min(k0 + 50, steps + 1), stepS));
  return f.finish();
}

describe('isVisible with a range limit', () => {
  it('a satellite 781.025 km away at 39.81° elevation is in view by a 10° mask, not within 781 km', () => {
    // Station at (0°, 0°, 0 m): ECEF (6378.137, 0, 0), up = +x. Satellite at (6378.137 + 500, 0, 600):
    // d = (500, 0, 600), |d| = √610,000 = 781.0250 km, elevation = atan(500 / 600) = 39.8056°.
    const x = RE_KM + 500,
      z = 600;
    const look = lookAngles([x, 0, z], stationGeometry([station()]), 0);
    expect(look.rangeKm).toBeCloseTo(781.025, 3);
    expect(look.elevationDeg).toBeCloseTo(39.8056, 4);
    expect(isVisible(stationGeometry([station()]), 0, x, 0, z)).toBe(true);
    expect(isVisible(stationGeometry([station({ maxRangeKm: 781 })]), 0, x, 0, z)).toBe(false);
    expect(isVisible(stationGeometry([station({ maxRangeKm: 781.03 })]), 0, x, 0, z)).toBe(true);
    // Above the range but below a 40° mask: the mask still applies.
    expect(isVisible(stationGeometry([station({ minElevationDeg: 40, maxRangeKm: 1000 })]), 0, x, 0, z)).toBe(false);
    expect(stationGeometry([station()]).maxRangeKm[0]).toBe(Infinity);
  });
});

describe('ContactFinder with a range limit: an equatorial pass straight overhead', () => {
  // A circular equatorial orbit at 550 km, overhead of the (0°, 0°) station at t = 1800 s. In the Earth-fixed frame
  // it turns at n − ω_E, and at central angle θ from the station the range is √(a² + Re² − 2·a·Re·cos θ) and
  // the elevation e satisfies cos(θ + e) = Re·cos(e)/a. So the window is |θ| ≤ min(θ_mask, θ_range) with
  // θ_mask = acos(Re·cos(mask)/a) − mask and cos θ_range = (a² + Re² − R²)/(2·a·Re).
  const aKm = RE_KM + 550;
  const rateRadS = Math.sqrt(MU_KM3_S2 / aKm ** 3) - EARTH_RATE_RAD_S;
  const orbit: Orbit = { aKm, e: 0, incRad: 0, raanRad: 0, argpRad: 0, m0Rad: -rateRadS * 1800 };
  const thetaMask = (maskDeg: number) => Math.acos((RE_KM * Math.cos(maskDeg * DEG)) / aKm) - maskDeg * DEG;
  const thetaRange = (rKm: number) => Math.acos((aKm * aKm + RE_KM * RE_KM - rKm * rKm) / (2 * aKm * RE_KM));

  it.each([
    ["Hypatia's cone: mask 0°, range 1,089.686 km (the range binds)", 0, HYPATIA_MAX_GSL_KM, thetaRange(HYPATIA_MAX_GSL_KM)],
    ['mask 25°, range 1,089.686 km (the range binds: 25° is 1,123 km away)', 25, HYPATIA_MAX_GSL_KM, thetaRange(HYPATIA_MAX_GSL_KM)],
    ['mask 40°, range 1,089.686 km (the mask binds: 40° is 812 km away)', 40, HYPATIA_MAX_GSL_KM, thetaMask(40)],
    ['mask 10°, no range limit', 10, undefined, thetaMask(10)],
  ])('%s', (_, maskDeg, maxRangeKm, thetaRad) => {
    const halfS = thetaRad / rateRadS;
    const [w, ...rest] = findWindows([orbit], [station({ minElevationDeg: maskDeg, ...(maxRangeKm ? { maxRangeKm } : {}) })], 60, 60);
    expect(rest).toEqual([]);
    expect(Math.abs(w!.aosMs - (START_MS + (1800 - halfS) * 1000))).toBeLessThan(5);
    expect(Math.abs(w!.losMs - (START_MS + (1800 + halfS) * 1000))).toBeLessThan(5);
    // The maximum is of the elevation (90° overhead), not of the range function (asin(1 − 550/1089.686) = 29.7°).
    expect(w!.maxElevationDeg).toBeGreaterThan(89.99);
    expect(Math.abs(w!.maxElevationMs - (START_MS + 1800_000))).toBeLessThan(50);
  });

  it('the window ends where the range is the limit', () => {
    // Hand check of the closed form: cos θ_range = (6928.137² + 6378.137² − 1089.686²)/(2·6928.137·6378.137)
    // = 87,492,298/88,377,209 = 0.989987, θ_range = 8.115°; cos θ_0 = 6378.137/6928.137 = 0.920614, θ_0 = 22.984°.
    expect(thetaRange(HYPATIA_MAX_GSL_KM) / DEG).toBeCloseTo(8.115, 3);
    expect(thetaMask(0) / DEG).toBeCloseTo(22.984, 3);
    const [w] = findWindows([orbit], [station({ minElevationDeg: 0, maxRangeKm: HYPATIA_MAX_GSL_KM })], 60, 60);
    const state = new Float64Array(6);
    const g = stationGeometry([station()]);
    for (const ms of [w!.aosMs, w!.losMs]) {
      stateEcef(orbit, (ms - START_MS) / 1000, state, 0);
      expect(lookAngles(state, g, 0).rangeKm).toBeCloseTo(HYPATIA_MAX_GSL_KM, 1);
    }
  });
});

const orbitArb: fc.Arbitrary<Orbit> = fc.record({
  aKm: fc.double({ min: RE_KM + 300, max: RE_KM + 1500, noNaN: true }),
  e: fc.double({ min: 0, max: 0.01, noNaN: true }),
  incRad: fc.double({ min: 0, max: Math.PI, noNaN: true }),
  raanRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  argpRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  m0Rad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
});

/** A station whose range limit is `rangeFraction` × the slant range at its mask from 900 km (0: none). */
const stationArb: fc.Arbitrary<GroundStation> = fc
  .record({
    latDeg: fc.double({ min: -70, max: 70, noNaN: true }),
    lonDeg: fc.double({ min: -180, max: 180, noNaN: true }),
    altM: fc.double({ min: 0, max: 3000, noNaN: true }),
    minElevationDeg: fc.constantFrom(0, 5, 10, 25, 40),
    rangeFraction: fc.constantFrom(0, 0.4, 0.7, 0.9, 1.1),
  })
  .map(({ rangeFraction, ...s }) => ({
    id: 's',
    name: 's',
    ...s,
    ...(rangeFraction > 0 ? { maxRangeKm: rangeFraction * slantRangeKm(900, s.minElevationDeg) } : {}),
  }));

const STEP_S = 60;
const STEPS = 150;

/** Windows from the exact trajectories sampled every second (in view: isVisible), and each one's highest sampled elevation. */
function bruteWindows(orbits: Orbit[], stations: GroundStation[]): (NaiveWindow & { maxElevationDeg: number })[] {
  const g = stationGeometry(stations);
  const out: (NaiveWindow & { maxElevationDeg: number })[] = [];
  const state = new Float64Array(6);
  const look = { elevationDeg: 0, azimuthDeg: 0, rangeKm: 0 };
  orbits.forEach((o, s) => {
    const open: (NaiveWindow & { maxElevationDeg: number })[] = [];
    for (let t = 0; t <= STEPS * STEP_S; t++) {
      stateEcef(o, t, state, 0);
      const ms = START_MS + t * 1000;
      for (let j = 0; j < g.count; j++) {
        const up = isVisible(g, j, state[0]!, state[1]!, state[2]!);
        const w = open[j];
        if (up) {
          const el = lookAngles(state, g, j, 0, look).elevationDeg;
          if (w) [w.losMs, w.maxElevationDeg] = [ms, Math.max(w.maxElevationDeg, el)];
          else open[j] = { satIndex: s, stationIndex: j, aosMs: ms, losMs: ms, partialStart: t === 0, partialEnd: false, maxElevationDeg: el };
        } else if (w) {
          out.push(w);
          open[j] = undefined!;
        }
      }
    }
    for (const w of open) if (w) out.push({ ...w, partialEnd: true });
  });
  return out;
}

describe('ContactFinder with range limits: properties on random orbits and stations', () => {
  it('finds the windows of a 1-s scan of the exact orbits within 1 s, with at least their sampled maximum elevation', () => {
    let compared = 0,
      ranged = 0;
    fc.assert(
      fc.property(fc.array(orbitArb, { minLength: 1, maxLength: 4 }), fc.array(stationArb, { minLength: 1, maxLength: 4 }), (orbits, stations) => {
        const found = findWindows(orbits, stations, STEP_S, STEPS);
        const brute = bruteWindows(orbits, stations);
        const m = matchWindows(brute, found, 1);
        // Only passes shorter than the scan's second may be seen by one side alone.
        for (const w of [...m.unmatchedReference, ...m.unmatchedEngine]) expect(w.losMs - w.aosMs).toBeLessThan(2000);
        for (const b of brute) {
          const f = found.find((w) => w.satIndex === b.satIndex && w.stationIndex === b.stationIndex && Math.abs(w.aosMs - b.aosMs) <= 1000);
          if (!f) continue;
          compared++;
          if (stations[b.stationIndex]!.maxRangeKm !== undefined) ranged++;
          expect(f.maxElevationDeg).toBeGreaterThan(b.maxElevationDeg - 1e-6);
          expect(f.maxElevationDeg).toBeLessThan(b.maxElevationDeg + 1); // the peak between two samples a second apart
        }
      }),
      { numRuns: 40, seed: 20260513 },
    );
    expect(compared).toBeGreaterThan(100);
    expect(ranged).toBeGreaterThan(50);
  });

  it('keeps every window inside a window of the mask alone, and changes none when the range never binds', () => {
    fc.assert(
      fc.property(fc.array(orbitArb, { minLength: 1, maxLength: 4 }), fc.array(stationArb, { minLength: 1, maxLength: 4 }), (orbits, stations) => {
        const maskOnly = stations.map(({ maxRangeKm: _, ...s }) => s);
        const limited = findWindows(orbits, stations, STEP_S, STEPS);
        const open = findWindows(orbits, maskOnly, STEP_S, STEPS);
        for (const w of limited) {
          const outer = open.find((o) => o.satIndex === w.satIndex && o.stationIndex === w.stationIndex && o.aosMs <= w.aosMs + 1 && o.losMs >= w.losMs - 1);
          expect(outer, JSON.stringify(w)).toBeDefined();
          // Both maxima are found by Brent to 1 ms; near 90° asin amplifies the last bits of sin(el).
          expect(w.maxElevationDeg).toBeLessThanOrEqual(outer!.maxElevationDeg + 1e-5);
        }
        // A limit beyond any LEO slant range (40,000 km): the same windows, ends within 1 ms, maxima within 1e-5°.
        const far = findWindows(
          orbits,
          maskOnly.map((s) => ({ ...s, maxRangeKm: 40_000 })),
          STEP_S,
          STEPS,
        );
        expect(far.length).toBe(open.length);
        far.forEach((w, i) => {
          const o = open[i]!;
          expect([w.satIndex, w.stationIndex, w.partialStart, w.partialEnd]).toEqual([o.satIndex, o.stationIndex, o.partialStart, o.partialEnd]);
          expect(Math.abs(w.aosMs - o.aosMs)).toBeLessThan(1);
          expect(Math.abs(w.losMs - o.losMs)).toBeLessThan(1);
          expect(Math.abs(w.maxElevationDeg - o.maxElevationDeg)).toBeLessThan(1e-5);
        });
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
