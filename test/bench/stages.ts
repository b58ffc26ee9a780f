// Benchmark child (not a test; run-all.ts starts it): the stage pipeline's reuse. Re-pricing a finished default
// run (a new GPU price: pricing and summary rerun, the earlier stages reused) and a run with time-of-use tariffs (a new
// valley price, charged over the hour bins) against full runs of the same scenarios, interleaved. Prints bench/check
// lines (bench-util.ts).
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { runPipeline, type PipelineDeps, type PipelineRun } from '../../src/sim/engine/pipeline.ts';
import { summaryToJson } from '../../src/sim/export/index.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { parseScenario, type Scenario } from '../../src/sim/scenario/schema.ts';
import { withPublishedTariffs } from '../../src/sim/scenario/tariff-presets.ts';
import { benchRounds, median, printBench, printCheck } from './bench-util.ts';

/** Re-pricings per timed batch: one takes well under a millisecond, so a batch is timed and divided. */
const REPRICES_PER_BATCH = 200;

async function main(): Promise<void> {
  const deps: PipelineDeps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask() };
  const scenario = parseScenario(threeBodyScenario);
  await runPipeline(scenario, deps); // warm-up (JIT, land mask)
  await measure('default-run', scenario, (x) => ({ ...scenario, gpu: { ...scenario.gpu, usdPerHour: 1 + x } }), deps);
  // Time-of-use tariffs on every hub (west-first): a new valley price reprices every cluster's hour bins, pricing only.
  const tou = parseScenario({ ...threeBodyScenario, hubs: withPublishedTariffs(threeBodyScenario.hubs) });
  const valley = (x: number): Scenario => ({ ...tou, hubs: tou.hubs.map((h) => ({ ...h, timeOfUse: { ...h.timeOfUse!, valleyFactor: 0.2 + x / 10 } })) });
  await measure('tou-run', tou, valley, deps);
}

/** Re-pricing a finished run of `scenario` (edits `edit(x)`, x in [0, 2)) against full runs; then checks one rerun. */
async function measure(name: string, scenario: Scenario, edit: (x: number) => Scenario, deps: PipelineDeps): Promise<void> {
  const fullMs: number[] = [];
  const repriceMs: number[] = [];
  let base: PipelineRun | null = null;
  for (let r = 0; r < benchRounds(); r++) {
    const t0 = performance.now();
    base = await runPipeline(scenario, deps);
    fullMs.push(performance.now() - t0);
    const t1 = performance.now();
    for (let i = 0; i < REPRICES_PER_BATCH; i++) await runPipeline(edit(i / 100), deps, base);
    repriceMs.push((performance.now() - t1) / REPRICES_PER_BATCH);
  }
  printBench(`reprice-${name}`, median(repriceMs), 'ms', `full-${name}`, median(fullMs), false);
  const check = edit(0.7);
  const rerun = await runPipeline(check, deps, base!);
  const same = rerun.ranFrom === 'pricing' && summaryToJson(rerun.result.summary) === summaryToJson((await runPipeline(check, deps)).result.summary);
  printCheck(`reprice-${name}-identical`, same ? 'yes' : 'NO', '', `summary of a re-priced run vs a fresh run (ran from ${rerun.ranFrom})`);
  if (!same) process.exitCode = 1;
}

await main();
