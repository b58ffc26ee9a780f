// The fast propagation paths give satellite.js's answers: the packed kernel against satellite.js's own
// sgp4 (Starlink sample, SCS-01, Vallado's verification set with its deep-space and failing cases), and
// the worker-thread ParallelPropagator bit-identical to the packed kernel on one thread.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoline2satrec, type SatRec } from 'satellite.js';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { ERROR_NON_FINITE, type OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { modTwoPi } from '../../src/sim/orbit/packed-sgp4.ts';
import { ParallelPropagator, createCliPropagator, splitRanges } from '../../src/cli/parallel-propagator.ts';

function readTle(path: string, every = 1): SatRec[] {
  const lines = readFileSync(new URL(path, import.meta.url), 'utf8')
    .split(/\r?\n/)
    .filter((l) => /^[12] /.test(l));
  const out: SatRec[] = [];
  // Line 2 is cut at column 69: Vallado's file appends start, stop and step there.
  for (let k = 0; k + 1 < lines.length; k += 2 * every) out.push(twoline2satrec(lines[k]!, lines[k + 1]!.slice(0, 69)));
  return out;
}

const starlink = readTle('../../tle/starlink-20260512.tle', 50); // 207 of 10,313, spread over the file
const scs01 = readTle('../../tle/three-body.tle');
const VALLADO_TLE = new URL('../fixtures/catalog/SGP4-VER.TLE', import.meta.url);
/** Vallado's deep-space cases (period ≥ 225 min): the packed path hands them to satellite.js's sgp4. */
const deepSpace = readTle(VALLADO_TLE.href)
  .filter((s) => s.method === 'd')
  .slice(0, 4);
const START_MS = Date.parse('2026-05-12T00:00:00Z');
const FIELDS = ['positionsEcefKm', 'velocitiesEcefKmS', 'positionsEciKm', 'shadowFraction', 'latDeg', 'lonDeg', 'altKm', 'errorCodes'] as const;

/** Largest |a − b| over the samples both propagated (NaN-free), per field. */
function maxDiff(a: OrbitChunk, b: OrbitChunk, field: (typeof FIELDS)[number]): number {
  const x = a[field];
  const y = b[field];
  let m = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}

/** Indices where the two chunks differ in any bit (NaN equals NaN). */
function bitDifferences(a: OrbitChunk, b: OrbitChunk): number {
  let n = 0;
  for (const f of FIELDS) for (let i = 0; i < a[f].length; i++) if (!Object.is(a[f][i], b[f][i])) n++;
  return n + (Object.is(a.timesMs[0], b.timesMs[0]) ? 0 : 1);
}

describe('modTwoPi', () => {
  it('is exactly x % 2π, including near multiples and the sign of zero', () => {
    const twoPi = 2 * Math.PI;
    const xs = [0, -0, 1, -1, twoPi, -twoPi, 1e-300, 3 * twoPi + 1e-13, -7 * twoPi - 1e-15, 700.123456789, -12553.804243744813];
    for (let n = -3000; n <= 3000; n += 7) for (const d of [-1e-12, -1e-15, 0, 1e-15, 1e-12, 2.5]) xs.push(n * twoPi + d);
    for (const x of xs) expect(Object.is(modTwoPi(x), x % twoPi), `x = ${x}`).toBe(true);
  });
});

describe('packed kernel against satellite.js', () => {
  it('gives satellite.js positions within 1e-6 km over a day (207 Starlink + 12 SCS-01, every 20 min)', async () => {
    const satrecs = [...starlink, ...scs01];
    const packed = (await createOrbitPropagator(satrecs, { backend: 'packed' })).propagateGrid(START_MS, 1200, 73);
    const js = (await createOrbitPropagator(satrecs, { backend: 'js' })).propagateGrid(START_MS, 1200, 73);
    expect([...js.errorCodes]).toEqual([...packed.errorCodes]);
    expect(js.errorCodes.filter((e) => e === 0).length).toBeGreaterThan(satrecs.length * 73 * 0.99);
    // Measured: 7e-9 km (the Kepler step and the argument-of-latitude rotation, packed-kernel.ts).
    expect(maxDiff(packed, js, 'positionsEciKm')).toBeLessThan(1e-6);
    expect(maxDiff(packed, js, 'positionsEcefKm')).toBeLessThan(1e-6);
    expect(maxDiff(packed, js, 'velocitiesEcefKmS')).toBeLessThan(1e-9);
    expect(maxDiff(packed, js, 'shadowFraction')).toBeLessThan(1e-6);
    expect(maxDiff(packed, js, 'latDeg')).toBeLessThan(1e-5); // Float32: ulp 7.6e-6 deg at 90°
    expect(maxDiff(packed, js, 'lonDeg')).toBeLessThan(2e-5); // ulp 1.5e-5 deg at 180°
    expect(maxDiff(packed, js, 'altKm')).toBeLessThan(1e-4); // ulp 3e-5 km at 550 km
  });

  it("matches satellite.js on Vallado's 33 verification cases (deep space, failures) at every listed time", async () => {
    const lines = readFileSync(VALLADO_TLE, 'utf8')
      .split(/\r?\n/)
      .filter((l) => /^[12] /.test(l));
    let compared = 0;
    let failed = 0;
    for (let k = 0; k + 1 < lines.length; k += 2) {
      const l2 = lines[k + 1]!;
      const [startMin, stopMin, stepMin] = l2.slice(69).trim().split(/\s+/).map(Number) as [number, number, number];
      const satrec = twoline2satrec(lines[k]!, l2.slice(0, 69));
      const epochMs = (satrec.jdsatepoch - 2440587.5) * 86_400_000;
      const times: number[] = [];
      for (let t = startMin; t <= stopMin; t += stepMin) times.push(Math.round(epochMs + t * 60_000));
      const a = (await createOrbitPropagator([satrec], { backend: 'packed' })).propagateAt(times);
      const b = (await createOrbitPropagator([satrec], { backend: 'js' })).propagateAt(times);
      expect([...a.errorCodes], `case ${lines[k]!.slice(2, 7)}`).toEqual([...b.errorCodes]);
      expect(maxDiff(a, b, 'positionsEciKm'), `case ${lines[k]!.slice(2, 7)}`).toBeLessThan(1e-6);
      compared += times.length;
      failed += a.errorCodes.filter((e) => e !== 0).length;
    }
    expect(compared).toBeGreaterThan(500);
    expect(failed).toBeGreaterThan(0); // the intended failures are flagged with satellite.js's codes
  });

  it('turns failures into codes and NaN like satellite.js: garbage elements, e ≥ 1 (error 4), decay (error 6)', async () => {
    const garbage = twoline2satrec(
      '1 99999U 00000A   xxxxxxxxxxxx  .00000000  00000-0  00000-0 0  9990',
      '2 99999  xx.xxxx xxx.xxxx xxxxxxx xxx.xxxx xxx.xxxx xx.xxxxxxxxxxxxxx',
    );
    const eccentric = twoline2satrec(
      '1 33333U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534',
      '2 33333  96.4736 157.9986 9950000 244.0492 110.6523  4.00004038 10708',
    );
    const decaying = twoline2satrec(
      '1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534',
      '2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708',
    );
    const c = (await createOrbitPropagator([scs01[0]!, garbage], { backend: 'packed' })).propagateAt([START_MS]);
    expect([c.errorCodes[0], c.errorCodes[1]]).toEqual([0, ERROR_NON_FINITE]);
    expect(Number.isNaN(c.positionsEcefKm[3]!) && Number.isNaN(c.shadowFraction[1]!)).toBe(true);
    const epochMs = (eccentric.jdsatepoch - 2440587.5) * 86_400_000;
    const d = (await createOrbitPropagator([eccentric, decaying], { backend: 'packed' })).propagateAt([epochMs, epochMs + 25 * 60_000, epochMs + 60 * 60_000]);
    expect([...d.errorCodes]).toEqual([0, 4, 0, 0, 0, 6]); // as the wasm and js backends (propagator.test.ts)
    expect(Number.isNaN(d.latDeg[5]!)).toBe(true);
  });
});

describe('ParallelPropagator (2 worker threads)', () => {
  const satrecs = [...starlink, ...deepSpace, ...scs01];
  let par: ParallelPropagator;
  beforeAll(async () => {
    par = await ParallelPropagator.create(satrecs, { workers: 2 });
  }, 60_000);
  afterAll(() => par.dispose());

  it('splits satellites into contiguous near-equal ranges', () => {
    expect(splitRanges(10, 3)).toEqual([0, 3, 7, 10]);
    expect(splitRanges(220, 2)).toEqual([0, 110, 220]);
  });

  it('fills chunks bit-identical to the packed kernel on one thread, grid and arbitrary times, reusing its chunk', async () => {
    const one = await createOrbitPropagator(satrecs, { backend: 'packed' });
    const a = await par.propagateGrid(START_MS, 60, 40);
    expect(a.positionsEcefKm.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(bitDifferences(a, one.propagateGrid(START_MS, 60, 40))).toBe(0);
    const b = await par.propagateGrid(START_MS + 2_400_000, 60, 40, a);
    expect(b).toBe(a);
    expect(bitDifferences(b, one.propagateGrid(START_MS + 2_400_000, 60, 40))).toBe(0);
    const times = [START_MS + 123_456, START_MS + 86_400_000, START_MS + 5 * 86_400_000];
    expect(bitDifferences(await par.propagateAt(times), one.propagateAt(times))).toBe(0);
  });

  it('rejects after dispose instead of hanging; the CLI propagator falls back to one thread for small catalogues', async () => {
    const p = await ParallelPropagator.create(scs01, { workers: 2 });
    p.dispose();
    await expect(p.propagateGrid(START_MS, 60, 3)).rejects.toThrow(/disposed/);
    const small = await createCliPropagator(scs01);
    expect(small.concurrent).toBeFalsy();
    expect(small.satCount).toBe(12);
  }, 60_000);
});
