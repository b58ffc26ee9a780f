// Contact windows: invariants on random stations (fast-check) checked against direct satellite.js
// propagation, streaming over chunks of any size, short passes between samples, failed samples.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gstime, propagate, eciToEcf, twoline2satrec, type SatRec } from 'satellite.js';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { allocateOrbitChunk, markSampleFailed, type OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { ContactFinder, type ContactWindow } from '../../src/sim/links/contacts.ts';
import { lookAngles, stationGeometry, type GroundStation, type StationGeometry } from '../../src/sim/links/visibility.ts';

const lines = readFileSync(new URL('../../tle/three-body.tle', import.meta.url), 'utf8').split('\n');
const satrecs: SatRec[] = [];
for (let k = 0; k + 2 < lines.length; k += 3) satrecs.push(twoline2satrec(lines[k + 1]!, lines[k + 2]!));
const START_MS = Date.parse('2026-04-02T00:00:00Z');
const STEPS = 1441;
const MIYUN: GroundStation = { id: 'cn-miyun', name: 'Miyun', latDeg: 40.374444, lonDeg: 116.839444, altM: 0, minElevationDeg: 10 };

let day: OrbitChunk;
beforeAll(async () => {
  const p = await createOrbitPropagator(satrecs);
  day = p.propagateGrid(START_MS, 60, STEPS);
  p.dispose();
});

/** Samples [t0, t1) of a chunk as a new chunk. */
function slice(c: OrbitChunk, t0: number, t1: number): OrbitChunk {
  const n = t1 - t0;
  const out = allocateOrbitChunk(c.satCount, n);
  out.timesMs.set(c.timesMs.subarray(t0, t1));
  for (let s = 0; s < c.satCount; s++) {
    const a = s * c.timeCount + t0;
    out.errorCodes.set(c.errorCodes.subarray(a, a + n), s * n);
    out.positionsEcefKm.set(c.positionsEcefKm.subarray(a * 3, (a + n) * 3), s * n * 3);
    out.velocitiesEcefKmS.set(c.velocitiesEcefKmS.subarray(a * 3, (a + n) * 3), s * n * 3);
  }
  return out;
}

function run(stations: readonly GroundStation[], chunks: OrbitChunk[]): ContactWindow[] {
  const f = new ContactFinder(satrecs.length, stations);
  for (const c of chunks) f.addChunk(c);
  return f.finish();
}

/** Elevation from an independent path: satellite.js propagate + eciToEcf at the rounded ms. */
function directElevationDeg(s: number, ms: number, g: StationGeometry, j: number): number {
  const date = new Date(Math.round(ms));
  const ecf = eciToEcf(propagate(satrecs[s]!, date)!.position, gstime(date));
  return lookAngles([ecf.x, ecf.y, ecf.z], g, j).elevationDeg;
}

const sampleElevationDeg = (s: number, t: number, g: StationGeometry, j: number) => lookAngles(day.positionsEcefKm, g, j, (s * STEPS + t) * 3).elevationDeg;

function checkWindow(w: ContactWindow, g: StationGeometry): void {
  const mask = g.minElevationDeg[w.stationIndex]!;
  const j = w.stationIndex;
  expect(w.aosMs).toBeLessThanOrEqual(w.losMs);
  expect(w.maxElevationDeg).toBeLessThanOrEqual(90);
  expect(w.maxElevationDeg).toBeGreaterThanOrEqual(mask - 1e-9);
  expect(directElevationDeg(w.satIndex, (w.aosMs + w.losMs) / 2, g, j)).toBeGreaterThan(mask - 0.01);
  expect(Math.abs(directElevationDeg(w.satIndex, w.maxElevationMs, g, j) - w.maxElevationDeg)).toBeLessThan(0.01);
  if (!w.partialStart) {
    expect(Math.abs(directElevationDeg(w.satIndex, w.aosMs, g, j) - mask)).toBeLessThan(0.01);
    const k = Math.floor((w.aosMs - START_MS) / 60_000); // bracketing step [k, k+1]
    expect(sampleElevationDeg(w.satIndex, k, g, j)).toBeLessThan(mask);
    const next = sampleElevationDeg(w.satIndex, k + 1, g, j);
    expect(next >= mask || w.losMs <= day.timesMs[k + 1]!).toBe(true);
  }
  if (!w.partialEnd) expect(Math.abs(directElevationDeg(w.satIndex, w.losMs, g, j) - mask)).toBeLessThan(0.01);
}

const stationArb = fc.record({
  id: fc.constant('s'),
  name: fc.constant('s'),
  latDeg: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lonDeg: fc.double({ min: -180, max: 180, noNaN: true }),
  altM: fc.double({ min: 0, max: 5000, noNaN: true }),
  minElevationDeg: fc.double({ min: 0, max: 45, noNaN: true }),
});

describe('ContactFinder', () => {
  it('keeps its invariants for random stations (elevation ≤ 90°, ≥ mask inside, ≈ mask at AOS/LOS, no overlap, complete)', () => {
    fc.assert(
      fc.property(fc.array(stationArb, { minLength: 1, maxLength: 3 }), (stations) => {
        const g = stationGeometry(stations);
        const windows = run(stations, [day]);
        for (const w of windows) checkWindow(w, g);
        for (let s = 0; s < satrecs.length; s++) {
          for (let j = 0; j < stations.length; j++) {
            const mine = windows.filter((w) => w.satIndex === s && w.stationIndex === j);
            for (let i = 1; i < mine.length; i++) expect(mine[i]!.aosMs).toBeGreaterThan(mine[i - 1]!.losMs);
            for (let t = 0; t < STEPS; t++) {
              if (sampleElevationDeg(s, t, g, j) <= stations[j]!.minElevationDeg) continue;
              const tMs = day.timesMs[t]!;
              expect(mine.some((w) => w.aosMs <= tMs && tMs <= w.losMs)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('gives the same windows however the run is cut into chunks, overlapping or not', () => {
    const stations = [MIYUN, { ...MIYUN, id: 'mohe', latDeg: 52.971944, lonDeg: 122.538889, altM: 435 }];
    const whole = run(stations, [day]);
    expect(whole.length).toBeGreaterThan(60);
    for (const size of [1, 7, 120]) {
      const chunks: OrbitChunk[] = [];
      for (let t = 0; t < STEPS; t += size) chunks.push(slice(day, t, Math.min(STEPS, t + size)));
      expect(run(stations, chunks)).toEqual(whole);
      const overlapping = chunks.map((_, i) => slice(day, Math.max(0, i * size - 1), Math.min(STEPS, (i + 1) * size)));
      expect(run(stations, overlapping)).toEqual(whole);
    }
  });

  it('finds a 23 s pass that rises and sets between two 60 s samples (SCS-01 K over Miyun)', async () => {
    // Grid shifted by 30 s so that no sample falls inside the pass (12:53:39.6–12:54:03.0).
    const p = await createOrbitPropagator([satrecs[9]!]);
    const shifted = p.propagateGrid(START_MS + 30_000, 60, STEPS - 1);
    p.dispose();
    const f = new ContactFinder(1, [MIYUN]);
    f.addChunk(shifted);
    const k = f.finish().find((w) => w.aosMs > Date.parse('2026-04-02T12:50:00Z'));
    expect(k).toBeDefined();
    const t = Math.floor((k!.aosMs - START_MS - 30_000) / 60_000);
    expect(shifted.timesMs[t]!).toBeLessThan(k!.aosMs);
    expect(shifted.timesMs[t + 1]!).toBeGreaterThan(k!.losMs); // no sample inside the pass
    // Skyfield golden (test/golden/skyfield-three-body-cn-miyun.csv): 12:53:39.583, 12:54:03.005, 10.032°.
    expect(Math.abs(k!.aosMs - Date.parse('2026-04-02T12:53:39.583Z'))).toBeLessThan(50);
    expect(Math.abs(k!.losMs - Date.parse('2026-04-02T12:54:03.005Z'))).toBeLessThan(50);
    expect(k!.maxElevationDeg).toBeCloseTo(10.032, 3);
  });

  it('cuts a window at a failed sample and marks both parts partial', () => {
    const whole = run([MIYUN], [day]);
    const w = whole.find((x) => x.losMs - x.aosMs > 300_000)!;
    const broken = slice(day, 0, STEPS);
    const t = Math.round((w.maxElevationMs - START_MS) / 60_000);
    markSampleFailed(broken, w.satIndex * STEPS + t, 6);
    const cut = run([MIYUN], [broken]);
    expect(cut).toHaveLength(whole.length + 1);
    const parts = cut.filter((x) => x.satIndex === w.satIndex && x.aosMs >= w.aosMs && x.losMs <= w.losMs);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ aosMs: w.aosMs, losMs: day.timesMs[t - 1], partialStart: false, partialEnd: true });
    expect(parts[1]).toMatchObject({ aosMs: day.timesMs[t + 1], losMs: w.losMs, partialStart: true, partialEnd: false });
  });

  it('sorts windows by AOS, then satellite, then station', () => {
    const windows = run([MIYUN, { ...MIYUN, id: 'copy' }], [day]);
    for (let i = 1; i < windows.length; i++) {
      const a = windows[i - 1]!;
      const b = windows[i]!;
      expect(a.aosMs < b.aosMs || (a.aosMs === b.aosMs && (a.satIndex < b.satIndex || (a.satIndex === b.satIndex && a.stationIndex < b.stationIndex)))).toBe(
        true,
      );
    }
  });
});
