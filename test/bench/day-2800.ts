// Benchmark child (not a test; run-all.ts starts it, one process per run so peak RSS is the run's own):
// a full simulation day, all three modes, of the star-compute-2800 preset (2,800 Walker satellites, 60 s
// steps, ISL relay on) through runScenario. `--propagator cli` is the CLI path (worker threads finding the
// contacts too), `--propagator wasm` the single-thread WASM propagator the engine used by default before.
// Prints one JSON line: wall and pass-1 time (s), peak RSS (MB), the geometry pass's own arrays (MB).
import { runScenario } from '../../src/sim/engine/run.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { starCompute2800Scenario } from '../../src/sim/scenario/presets.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { POSITION_WINDOW_STEPS } from '../../src/sim/engine/step-positions.ts';
import { createCliPropagator } from '../../src/cli/parallel-propagator.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';

export interface DayResult {
  propagator: string;
  wallS: number;
  /** Load + pass 1 (propagation, contacts, geometry), s. */
  pass1S: number;
  peakRssMB: number;
  satellites: number;
  steps: number;
  windows: number;
  /** Pass 1's per satellite-step arrays (shadow Float32 + capture bytes Float64), MB. */
  geometryArraysMB: number;
  /** The ISL relay's position window (Float32, step-major), MB. */
  positionWindowMB: number;
}

async function main(): Promise<void> {
  const which = process.argv[process.argv.indexOf('--propagator') + 1] === 'wasm' ? 'wasm' : 'cli';
  const scenario = parseScenario(starCompute2800Scenario);
  const landMask = await defaultLandMask();
  const t0 = performance.now();
  let pass1Ms = NaN;
  const result = await runScenario(scenario, {
    readText: fileReader(PROJECT_ROOT),
    landMask,
    createPropagator: which === 'cli' ? (s, { stations }) => createCliPropagator(s, { stations }) : (s) => createOrbitPropagator(s, { backend: 'wasm' }),
    onProgress: (phase) => {
      if (phase === 'simulate' && Number.isNaN(pass1Ms)) pass1Ms = performance.now() - t0;
    },
  });
  const wallS = (performance.now() - t0) / 1000;
  const n = result.satellites.length;
  const K = result.series.timesMs.length;
  const out: DayResult = {
    propagator: which,
    wallS,
    pass1S: pass1Ms / 1000,
    peakRssMB: process.resourceUsage().maxRSS / 1024, // kB on Linux
    satellites: n,
    steps: K,
    windows: result.contacts.length,
    geometryArraysMB: (n * K * (4 + 8)) / 1e6,
    positionWindowMB: (n * (POSITION_WINDOW_STEPS + 1) * 3 * 4) / 1e6,
  };
  console.log(JSON.stringify(out));
}

await main();
