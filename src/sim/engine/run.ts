// Runs a scenario: the composition of the engine's stages (pipeline.ts) — load the constellation, propagate
// (pass 1: geometry and contacts), schedule the antennas, step every processing mode over the same captured
// workload (pass 2), price the usage, summarise. Pure: file reading, the land mask and progress are injected.
import type { Scenario } from '../scenario/schema.ts';
import { runPipeline, type PipelineDeps, type RunPhase } from './pipeline.ts';
import type { RunResult } from './result-types.ts';

export type { RunPhase };
export type RunDeps = PipelineDeps;

export async function runScenario(scenario: Scenario, deps: RunDeps): Promise<RunResult> {
  return (await runPipeline(scenario, deps)).result;
}
