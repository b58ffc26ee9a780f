// Contact windows from the fast path (worker-thread packed propagation at 60 s + the streaming
// ContactFinder with Hermite refinement) equal the naive satellite.js route (propagate + eciToEcf +
// ecfToLookAngles per station every 10 s, crossings bisected below 1 s) within 1 s, pass for pass, with and
// without range limits; with them, worker threads and this thread find the same windows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twoline2satrec, type SatRec } from 'satellite.js';
import { parseStationCsv } from '../../src/sim/ground/station-csv.ts';
import { ContactFinder } from '../../src/sim/links/contacts.ts';
import { stationGeometry, type GroundStation } from '../../src/sim/links/visibility.ts';
import type { OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { ParallelPropagator } from '../../src/cli/parallel-propagator.ts';
import { matchWindows, naiveContacts } from '../bench/naive-contacts.ts';

const lines = readFileSync(new URL('../../tle/starlink-20260512.tle', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => /^[12] /.test(l));
const STARLINK: SatRec[] = [];
for (let k = 0; k + 1 < lines.length; k += 2) STARLINK.push(twoline2satrec(lines[k]!, lines[k + 1]!));
/** All 65 stations of the CSV, with the scenario's default 10° mask (schema-ground.ts). */
const STATIONS: GroundStation[] = parseStationCsv(readFileSync(new URL('../../public/data/ground-stations.csv', import.meta.url), 'utf8')).stations.map(
  (s) => ({ id: s.id, name: s.name, latDeg: s.latDeg, lonDeg: s.lonDeg, altM: s.altM, minElevationDeg: 10 }),
);
const START_MS = Date.parse('2026-05-12T12:00:00Z');
const HOURS = 12;

describe('contact windows: fast path against the naive satellite.js route', () => {
  it('finds the same windows within 1 s (20 Starlink satellites × 65 stations, 12 h)', async () => {
    expect(STATIONS).toHaveLength(65);
    const picked = Array.from({ length: 20 }, (_, i) => i * 509); // spread over the 10,313 of the file
    const par = await ParallelPropagator.create(
      picked.map((s) => STARLINK[s]!),
      { workers: 2 },
    );
    const finder = new ContactFinder(picked.length, STATIONS);
    const steps = HOURS * 60;
    let chunk: OrbitChunk | undefined;
    try {
      for (let k0 = 0; k0 <= steps; k0 += 120) {
        chunk = await par.propagateGrid(START_MS + k0 * 60_000, 60, Math.min(120, steps + 1 - k0), chunk);
        finder.addChunk(chunk);
      }
    } finally {
      par.dispose();
    }
    const fast = finder.finish().map((w) => ({ ...w, satIndex: picked[w.satIndex]! }));
    const naive = naiveContacts(STARLINK, picked, STATIONS, START_MS, 10, HOURS * 360, 'shared-propagation');
    const m = matchWindows(naive, fast, 1);
    expect(naive.length).toBeGreaterThan(1000); // measured 2,268 windows
    expect(m.unmatchedReference).toEqual([]);
    expect(m.unmatchedEngine).toEqual([]);
    expect(m.matched).toBe(fast.length);
    expect(m.worstS).toBeLessThan(1); // measured 0.31 s (the naive bisection's own ±0.5 s)
  }, 60_000);
});

/** Hypatia's satellite cone for Starlink shell 1: mask 0°, slant range ≤ √(940.7² + 550²) km (main_starlink_550.py). */
const HYPATIA_MAX_GSL_KM = Math.sqrt(940.7 ** 2 + 550 ** 2);
/** Every other station limited by range: the cone on odd ones, 10° and 1,500 km on even ones. */
const RANGED: GroundStation[] = STATIONS.map((s, j) => ({ ...s, ...(j % 2 ? { minElevationDeg: 0, maxRangeKm: HYPATIA_MAX_GSL_KM } : { maxRangeKm: 1500 }) }));

describe('contact windows with range limits (maxRangeKm)', () => {
  it('equal the naive satellite.js route (elevation and rangeSat every 10 s, bisected) within 1 s', async () => {
    const picked = Array.from({ length: 20 }, (_, i) => 7 + i * 509);
    const par = await ParallelPropagator.create(
      picked.map((s) => STARLINK[s]!),
      { workers: 2 },
    );
    const finder = new ContactFinder(picked.length, RANGED);
    let chunk: OrbitChunk | undefined;
    try {
      for (let k0 = 0; k0 <= HOURS * 60; k0 += 120) {
        chunk = await par.propagateGrid(START_MS + k0 * 60_000, 60, Math.min(120, HOURS * 60 + 1 - k0), chunk);
        finder.addChunk(chunk);
      }
    } finally {
      par.dispose();
    }
    const fast = finder.finish().map((w) => ({ ...w, satIndex: picked[w.satIndex]! }));
    const naive = naiveContacts(STARLINK, picked, RANGED, START_MS, 10, HOURS * 360, 'shared-propagation');
    const m = matchWindows(naive, fast, 1);
    expect(naive.length).toBeGreaterThan(500);
    expect(m.unmatchedReference).toEqual([]);
    expect(m.unmatchedEngine).toEqual([]);
    expect(m.worstS).toBeLessThan(1);
    // The range binds: fewer windows than with the masks alone, and none reaching beyond its limit.
    expect(naiveContacts(STARLINK, picked, STATIONS, START_MS, 10, HOURS * 360, 'shared-propagation').length).toBeGreaterThan(naive.length);
  }, 60_000);

  it('are the same whether worker threads or this thread find them', async () => {
    const picked = Array.from({ length: 300 }, (_, i) => i * 34);
    const sats = picked.map((s) => STARLINK[s]!);
    const geometry = stationGeometry(RANGED);
    const workers = await ParallelPropagator.create(sats, { workers: 2, stations: geometry });
    const here = await ParallelPropagator.create(sats, { workers: 2 });
    const finder = new ContactFinder(sats.length, geometry);
    try {
      for (let k0 = 0; k0 <= 6 * 60; k0 += 120) {
        const count = Math.min(120, 6 * 60 + 1 - k0);
        await workers.propagateGrid(START_MS + k0 * 60_000, 60, count);
        finder.addChunk(await here.propagateGrid(START_MS + k0 * 60_000, 60, count));
      }
      const fromWorkers = await workers.finishContacts();
      expect(fromWorkers.length).toBeGreaterThan(1000);
      expect(fromWorkers).toEqual(finder.finish());
    } finally {
      workers.dispose();
      here.dispose();
    }
  }, 60_000);
});
