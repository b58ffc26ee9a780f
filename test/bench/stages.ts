// Benchmark child (not a test; run-all.ts starts it): the stage pipeline's reuse. Re-pricing a finished default
// run (a new GPU price: pricing and summary rerun, the earlier stages reused) against a full run of the same
// scenario, both measured here, interleaved. Prints bench/check lines (bench-util.ts).
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { runPipeline, type PipelineDeps, type PipelineRun } from '../../src/sim/engine/pipeline.ts';
import { summaryToJson } from '../../src/sim/export/index.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { parseScenario, type Scenario } from '../../src/sim/scenario/schema.ts';
import { benchRounds, median, printBench, printCheck } from './bench-util.ts';

/** Re-pricings per timed batch: one takes well under a millisecond, so a batch is timed and divided. */
const REPRICES_PER_BATCH = 200;

async function main(): Promise<void> {
  const deps: PipelineDeps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask() };
  const scenario = parseScenario(threeBodyScenario);
  const priced = (usdPerHour: number): Scenario => ({ ...scenario, gpu: { ...scenario.gpu, usdPerHour } });
  const rounds = benchRounds();
  const fullMs: number[] = [];
  const repriceMs: number[] = [];
  let base: PipelineRun | null = null;
  await runPipeline(scenario, deps); // warm-up (JIT, land mask)
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    base = await runPipeline(scenario, deps);
    fullMs.push(performance.now() - t0);
    const t1 = performance.now();
    for (let i = 0; i < REPRICES_PER_BATCH; i++) await runPipeline(priced(1 + i / 100), deps, base);
    repriceMs.push((performance.now() - t1) / REPRICES_PER_BATCH);
  }
  printBench('reprice-default-run', median(repriceMs), 'ms', 'full-default-run', median(fullMs), false);
  const check = priced(1.7);
  const rerun = await runPipeline(check, deps, base!);
  const same = summaryToJson(rerun.result.summary) === summaryToJson((await runPipeline(check, deps)).result.summary);
  printCheck('reprice-default-run-identical', same ? 'yes' : 'NO', '', `summary of a re-priced run vs a fresh run (ran from ${rerun.ranFrom})`);
  if (!same) process.exitCode = 1;
}

await main();
