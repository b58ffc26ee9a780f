// Benchmark (not a test): propagation throughput of the engine's CLI path (ParallelPropagator: the packed
// kernel in one worker thread per core, filling a shared chunk) on 10^5 Walker satellites, against
// satellite.js's WASM BulkPropagator on one thread and its plain JS `propagate()`, in the same run.
// Run: npx tsx test/bench/propagation.ts  (or npm run bench)
import {
  BulkPropagator,
  EcfPositionCalculator,
  EcfVelocityCalculator,
  EciBaseCalculator,
  GeodeticPositionCalculator,
  GmstCalculator,
  ShadowFractionCalculator,
  SunPositionCalculator,
  createSingleThreadRuntime,
  propagate,
  type SatRec,
} from 'satellite.js';
import { availableParallelism } from 'node:os';
import { generateWalker } from '../../src/sim/catalog/walker.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import type { OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { ParallelPropagator } from '../../src/cli/parallel-propagator.ts';
import { benchRounds, interleavedRounds, median, printBench, printCheck } from './bench-util.ts';

const SATS = 100_000;
/** Grid times per call: 10^6 satellite-times per round. */
const TIMES = 10;
const EPOCH_MS = Date.parse('2026-05-12T00:00:00Z');
const START_MS = EPOCH_MS + 3_600_000;
const STEP_S = 60;

/** 400 planes × 250 satellites at 550 km, 53°: a Starlink-like shell of 10^5. */
function walkerSatrecs(): SatRec[] {
  return generateWalker({ pattern: 'delta', planes: 400, satsPerPlane: 250, phasing: 1, altitudeKm: 550, inclinationDeg: 53, epochMs: EPOCH_MS }).map(
    (r) => r.satrec,
  );
}

async function wasmBulk(satrecs: SatRec[], calculators: ConstructorParameters<typeof BulkPropagator>[0]['calculators']) {
  const bulk = new BulkPropagator({ runtime: await createSingleThreadRuntime(), calculators, satRecsCount: satrecs.length, datesCount: TIMES });
  bulk.setSatRecs(satrecs);
  bulk.setDates(Array.from({ length: TIMES }, (_, k) => new Date(START_MS + k * STEP_S * 1000)));
  return bulk;
}

/** Largest |Δr| (km) between the chunk and satellite.js `propagate` + `eciToEcf`-free TEME, over a sample. */
function worstPositionDiffKm(satrecs: SatRec[], chunk: OrbitChunk): number {
  let worst = 0;
  for (let s = 0; s < satrecs.length; s += 97) {
    for (let t = 0; t < TIMES; t++) {
      const pv = propagate(satrecs[s]!, new Date(chunk.timesMs[t]!));
      if (!pv) continue;
      const o = (s * TIMES + t) * 3;
      const p = chunk.positionsEciKm;
      worst = Math.max(worst, Math.abs(p[o]! - pv.position.x), Math.abs(p[o + 1]! - pv.position.y), Math.abs(p[o + 2]! - pv.position.z));
    }
  }
  return worst;
}

async function main(): Promise<void> {
  const satrecs = walkerSatrecs();
  const workers = availableParallelism();
  const parallel = await ParallelPropagator.create(satrecs, { workers });
  const packed = await createOrbitPropagator(satrecs, { backend: 'packed' });
  const engineWasm = await createOrbitPropagator(satrecs, { backend: 'wasm' });
  const wasmSgp4 = await wasmBulk(satrecs, [new EciBaseCalculator()]);
  const wasmOutputs = await wasmBulk(satrecs, [
    new EciBaseCalculator(),
    new GmstCalculator(),
    new EcfPositionCalculator(),
    new EcfVelocityCalculator(),
    new SunPositionCalculator(),
    new ShadowFractionCalculator(),
    new GeodeticPositionCalculator(),
  ]);
  const dates = Array.from({ length: TIMES }, (_, k) => new Date(START_MS + k * STEP_S * 1000));
  let chunkPar: OrbitChunk | undefined;
  let chunkOne: OrbitChunk | undefined;
  let chunkWasm: OrbitChunk | undefined;
  let sink = 0;
  const contenders = {
    parallel: async () => {
      chunkPar = await parallel.propagateGrid(START_MS, STEP_S, TIMES, chunkPar);
    },
    packed: () => {
      chunkOne = packed.propagateGrid(START_MS, STEP_S, TIMES, chunkOne);
    },
    engineWasm: () => {
      chunkWasm = engineWasm.propagateGrid(START_MS, STEP_S, TIMES, chunkWasm);
    },
    wasmSgp4: () => wasmSgp4.run(),
    wasmOutputs: () => wasmOutputs.run(),
    jsPropagate: () => {
      for (const satrec of satrecs) for (const d of dates) sink += propagate(satrec, d)?.position.x ?? 0;
    },
  };
  await interleavedRounds(1, contenders); // warm-up (JIT), not counted
  const ms = await interleavedRounds(benchRounds(5), contenders);
  parallel.dispose();
  const rate = (name: keyof typeof contenders) => (SATS * TIMES) / (median(ms[name]!) * 1000); // million per s
  const unit = 'Msat-times/s';
  const par = rate('parallel');
  printBench(`propagation-parallel-${workers}workers`, par, unit, 'wasm-bulk-1thread-sgp4-only', rate('wasmSgp4'), true);
  printBench(`propagation-parallel-${workers}workers`, par, unit, 'js-propagate', rate('jsPropagate'), true);
  printBench(`propagation-parallel-${workers}workers`, par, unit, 'wasm-bulk-1thread-engine-outputs', rate('wasmOutputs'), true);
  printBench(`propagation-parallel-${workers}workers`, par, unit, 'engine-wasm-backend-1thread', rate('engineWasm'), true);
  printBench('propagation-packed-1thread', rate('packed'), unit, 'wasm-bulk-1thread-sgp4-only', rate('wasmSgp4'), true);
  printCheck('propagation-satellites', SATS, 'satellites', `${TIMES} times per round, median of ${ms.parallel!.length} rounds`);
  printCheck(
    'propagation-max-position-diff-vs-satellite.js',
    worstPositionDiffKm(satrecs, chunkPar!),
    'km',
    'every 97th satellite × 10 times, TEME, against propagate()',
  );
  if (sink === 42) console.log(''); // keeps the JS loop's results alive
  wasmSgp4.dispose();
  wasmOutputs.dispose();
  engineWasm.dispose();
}

await main();
