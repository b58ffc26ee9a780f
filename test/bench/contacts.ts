// Benchmark (not a test): a day of contact windows of the 10,313 Starlink TLEs over all 65 stations of
// public/data/ground-stations.csv (10° mask, the scenario default), windows refined below 1 s. The engine
// path (worker threads each propagating its satellites at 60 s and running the streaming ContactFinder with
// Hermite refinement on them) against the naive library route (naive-contacts.ts) in the same run.
// The naive route on all satellites would take many minutes: it runs on a seeded random subset and is
// scaled linearly by satellite count (its cost is per satellite). Run: npx tsx test/bench/contacts.ts
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { SatRec } from 'satellite.js';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import { parseStationCsv } from '../../src/sim/ground/station-csv.ts';
import type { ContactWindow } from '../../src/sim/links/contacts.ts';
import { stationGeometry, type GroundStation } from '../../src/sim/links/visibility.ts';
import type { OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { createRng } from '../../src/sim/rng.ts';
import { ParallelPropagator } from '../../src/cli/parallel-propagator.ts';
import { PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { benchRounds, interleavedRounds, median, printBench, printCheck } from './bench-util.ts';
import { matchWindows, naiveContacts } from './naive-contacts.ts';

const START_MS = Date.parse('2026-05-12T12:00:00Z');
const STEP_S = 60;
const STEPS = 24 * 60; // 1,441 grid times
const CHUNK_STEPS = 120;
/** Satellites in the naive route's subset (assumption: enough windows to compare, ≈ 5 s per round). */
const SUBSET = 100;

function loadSatrecs(): SatRec[] {
  const text = readFileSync(`${PROJECT_ROOT}/tle/starlink-20260512.tle`, 'utf8');
  return parseCatalog(text, { source: 'starlink-20260512.tle', referenceMs: START_MS }).records.map((r) => r.satrec);
}

function loadStations(): GroundStation[] {
  const { stations } = parseStationCsv(readFileSync(`${PROJECT_ROOT}/public/data/ground-stations.csv`, 'utf8'));
  return stations.map((s) => ({ id: s.id, name: s.name, latDeg: s.latDeg, lonDeg: s.lonDeg, altM: s.altM, minElevationDeg: 10 }));
}

/**
 * The engine path, worker start-up included: as the geometry pass runs it in the CLI, workers propagate their
 * satellites and find their windows, the next chunk is asked for before this one is awaited.
 */
async function engineContacts(satrecs: SatRec[], stations: GroundStation[]): Promise<ContactWindow[]> {
  const prop = await ParallelPropagator.create(satrecs, { workers: availableParallelism(), stations: stationGeometry(stations) });
  try {
    const countAt = (k0: number) => Math.min(CHUNK_STEPS, STEPS + 1 - k0);
    const request = (k0: number, reuse?: OrbitChunk) => prop.propagateGrid(START_MS + k0 * STEP_S * 1000, STEP_S, countAt(k0), reuse);
    let pending = request(0);
    let spare: OrbitChunk | undefined;
    for (let k0 = 0; k0 <= STEPS; k0 += CHUNK_STEPS) {
      const chunk = await pending;
      const next = k0 + CHUNK_STEPS;
      if (next <= STEPS) pending = request(next, spare?.timeCount === countAt(next) ? spare : undefined);
      spare = chunk;
    }
    return await prop.finishContacts();
  } finally {
    prop.dispose();
  }
}

async function main(): Promise<void> {
  const satrecs = loadSatrecs();
  const stations = loadStations();
  const rng = createRng(20260512, 'bench:contacts-subset');
  const subset = new Set<number>();
  while (subset.size < SUBSET) subset.add(Math.floor(rng.next() * satrecs.length));
  const picked = [...subset].sort((a, b) => a - b);
  let engine: ContactWindow[] = [];
  let naive: ReturnType<typeof naiveContacts> = [];
  let shared: ReturnType<typeof naiveContacts> = [];
  const ms = await interleavedRounds(benchRounds(3), {
    engine: async () => {
      engine = await engineContacts(satrecs, stations);
    },
    naive: () => {
      naive = naiveContacts(satrecs, picked, stations, START_MS, STEP_S, STEPS, 'per-station');
    },
    shared: () => {
      shared = naiveContacts(satrecs, picked, stations, START_MS, STEP_S, STEPS, 'shared-propagation');
    },
  });
  const scale = satrecs.length / picked.length;
  const engineS = median(ms.engine!) / 1000;
  const name = 'contacts-day-starlink-65-stations';
  printBench(name, engineS, 's', `naive-per-station-scaled-from-${picked.length}-sats`, (median(ms.naive!) / 1000) * scale, false);
  printBench(name, engineS, 's', `naive-shared-propagation-scaled-from-${picked.length}-sats`, (median(ms.shared!) / 1000) * scale, false);
  printCheck(
    'contacts-satellites',
    satrecs.length,
    'satellites',
    `${stations.length} stations, ${STEPS + 1} grid times at ${STEP_S} s, median of ${ms.engine!.length} rounds`,
  );
  printCheck(
    'contacts-naive-subset-times',
    `${(median(ms.naive!) / 1000).toFixed(2)} / ${(median(ms.shared!) / 1000).toFixed(2)}`,
    's',
    `per-station / shared-propagation on ${picked.length} random satellites (seeded), scaled × ${scale.toFixed(2)}`,
  );
  printCheck('contacts-engine-windows', engine.length, 'windows');
  const m = matchWindows(naive, engine, 1);
  printCheck(
    'contacts-subset-windows-matched',
    `${m.matched}/${naive.length}`,
    'windows',
    'naive windows with an engine window of the same pair, AOS and LOS within 1 s',
  );
  printCheck(
    'contacts-subset-naive-modes-agree',
    matchWindows(shared, naive, 1e-9).matched === naive.length && shared.length === naive.length ? 'yes' : 'no',
    '',
  );
  printCheck('contacts-subset-worst-aos-los-diff', m.worstS, 's');
  const extra = m.unmatchedEngine.map((w) => (w.losMs - w.aosMs) / 1000);
  printCheck(
    'contacts-subset-engine-only-windows',
    extra.length,
    'windows',
    `short passes between two 60 s samples the naive scan cannot see; longest ${extra.length ? Math.max(...extra).toFixed(1) : 0} s`,
  );
}

await main();
