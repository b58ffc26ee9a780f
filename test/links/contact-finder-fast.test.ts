// The optimised ContactFinder (block skips, lazy g, arc pruning, radix sort) against the unchanged
// finder it replaced (contact-finder-oracle.ts): bit-identical windows on random orbits (two-body, LEO to
// HEO), random stations and masks, random chunking with overlaps, steps and failed samples.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContactFinder, type ContactWindow } from '../../src/sim/links/contacts.ts';
import type { GroundStation } from '../../src/sim/links/visibility.ts';
import { markSampleFailed, type OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { packWindowTable, packWindows } from '../../src/cli/contact-transfer.ts';
import { OracleContactFinder } from './contact-finder-oracle.ts';
import { RE_KM, START_MS, twoBodyChunk as chunk, type Orbit } from './two-body.ts';

const orbitArb = fc
  .oneof(
    { weight: 6, arbitrary: fc.record({ hKm: fc.double({ min: 250, max: 2000, noNaN: true }), e: fc.double({ min: 0, max: 0.02, noNaN: true }) }) },
    { weight: 1, arbitrary: fc.record({ hKm: fc.double({ min: 2000, max: 36000, noNaN: true }), e: fc.double({ min: 0, max: 0.1, noNaN: true }) }) },
    { weight: 1, arbitrary: fc.record({ hKm: fc.double({ min: 20000, max: 30000, noNaN: true }), e: fc.double({ min: 0.5, max: 0.74, noNaN: true }) }) },
  )
  .chain(({ hKm, e }) =>
    fc.record({
      aKm: fc.constant(RE_KM + hKm),
      e: fc.constant(e),
      incRad: fc.double({ min: 0, max: Math.PI, noNaN: true }),
      raanRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      argpRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      m0Rad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    }),
  );

const stationArb: fc.Arbitrary<GroundStation> = fc.record({
  id: fc.constant('s'),
  name: fc.constant('s'),
  latDeg: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lonDeg: fc.double({ min: -180, max: 180, noNaN: true }),
  altM: fc.double({ min: -100, max: 5000, noNaN: true }),
  minElevationDeg: fc.oneof(fc.constantFrom(0, 5, 10, 25, 30), fc.double({ min: -5, max: 70, noNaN: true })),
});

const runArb: fc.Arbitrary<Run> = fc.record({
  orbits: fc.array(orbitArb, { minLength: 1, maxLength: 12 }),
  stations: fc.array(stationArb, { minLength: 1, maxLength: 6 }),
  stepS: fc.constantFrom(10, 30, 60, 60, 90, 120),
  steps: fc.integer({ min: 1, max: 400 }),
  chunkSteps: fc.integer({ min: 1, max: 130 }),
  overlap: fc.boolean(),
  failures: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 7 })), { maxLength: 6 }),
});

interface Run {
  orbits: Orbit[];
  stations: GroundStation[];
  stepS: number;
  steps: number;
  chunkSteps: number;
  overlap: boolean;
  /** (satellite, sample, SGP4 error code), both indices taken modulo their counts. */
  failures: [number, number, number][];
}

/** The run's chunks (with a sample k of satellite s failed for each failure (s, k, code)). */
function chunks(r: Run): OrbitChunk[] {
  const out: OrbitChunk[] = [];
  for (let k0 = 0; k0 <= r.steps; k0 += r.chunkSteps) {
    const from = r.overlap && k0 > 0 ? k0 - 1 : k0;
    const c = chunk(r.orbits, from, Math.min(k0 + r.chunkSteps, r.steps + 1), r.stepS);
    for (const [s, k, code] of r.failures) {
      const t = (k % (r.steps + 1)) - from;
      if (t >= 0 && t < c.timeCount) markSampleFailed(c, (s % r.orbits.length) * c.timeCount + t, code);
    }
    out.push(c);
  }
  return out;
}

function bothFinders(r: Run): { fast: ContactFinder; oracle: OracleContactFinder } {
  const fast = new ContactFinder(r.orbits.length, r.stations);
  const oracle = new OracleContactFinder(r.orbits.length, r.stations);
  for (const c of chunks(r)) {
    fast.addChunk(c);
    oracle.addChunk(c);
  }
  return { fast, oracle };
}

/** Field by field with Object.is (bit-identical numbers, ±0 told apart). */
function expectIdentical(a: readonly ContactWindow[], b: readonly ContactWindow[]): void {
  expect(a.length).toBe(b.length);
  const keys = ['satIndex', 'stationIndex', 'aosMs', 'losMs', 'maxElevationDeg', 'maxElevationMs', 'partialStart', 'partialEnd'] as const;
  a.forEach((w, i) => {
    for (const key of keys) if (!Object.is(w[key], b[i]![key])) expect({ i, key, fast: w[key] }).toEqual({ i, key, fast: b[i]![key] });
  });
}

describe('ContactFinder (optimised) against the finder it replaced', () => {
  it('gives bit-identical windows on random orbits, stations, steps, chunkings and failures', () => {
    let windows = 0,
      partial = 0;
    fc.assert(
      fc.property(runArb, (r) => {
        const { fast, oracle } = bothFinders(r);
        const want = oracle.finish();
        expectIdentical(fast.finish(), want);
        windows += want.length;
        partial += want.filter((w) => w.partialStart || w.partialEnd).length;
      }),
      { numRuns: 300, seed: 20261123 },
    );
    // The runs exercise windows and partial ones (run ends, failures); passes between samples: below.
    expect(windows).toBeGreaterThan(5000);
    expect(partial).toBeGreaterThan(100);
  });

  it.each([
    [60, [0, 10, 25]],
    [120, [25, 40, 55]],
  ])('gives bit-identical windows for a dense LEO shell over 30 stations, a day at %i s (masks %j)', (stepS, masks) => {
    const orbits: Orbit[] = [];
    for (let k = 0; k < 120; k++) {
      const incDeg = [53, 97.6, 43][k % 3]!;
      orbits.push({
        aKm: RE_KM + 340 + (k % 5) * 100,
        e: 0.0001 * (k % 4),
        incRad: (incDeg * Math.PI) / 180,
        raanRad: (k % 12) * 0.52,
        argpRad: k,
        m0Rad: k * 0.37,
      });
    }
    const stations: GroundStation[] = [];
    for (let j = 0; j < 30; j++)
      stations.push({ id: `g${j}`, name: 'g', latDeg: -60 + 4 * j, lonDeg: -170 + 11.3 * j, altM: 10 * j, minElevationDeg: masks[j % 3]! });
    const steps = (24 * 3600) / stepS;
    const r: Run = {
      orbits,
      stations,
      stepS,
      steps,
      chunkSteps: 120,
      overlap: false,
      failures: [
        [3, 400, 6],
        [7, 401, 1],
        [7, 402, 1],
      ],
    };
    const { fast, oracle } = bothFinders(r);
    const want = oracle.finish();
    expectIdentical(fast.finish(), want);
    const step = (ms: number) => Math.floor((ms - START_MS) / (stepS * 1000));
    expect(want.length).toBeGreaterThan(5000);
    // Passes that rise and set between two samples (found by the peak search) are among them.
    expect(want.filter((w) => !w.partialStart && step(w.aosMs) === step(w.losMs)).length).toBeGreaterThan(10);
  });

  it('packs its table for the worker exactly as packWindows packs finish()', () => {
    fc.assert(
      fc.property(runArb, (r) => {
        const { fast } = bothFinders(r);
        const again = bothFinders(r).fast;
        expect(packWindowTable(fast.finishTable())).toEqual(packWindows(again.finish()));
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});
