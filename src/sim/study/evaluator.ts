// Evaluates study points: the base scenario with a point's assignments applied, run through the stage pipeline
// from the first stage the assignments invalidate, reusing a recent run's earlier stages (a small cache of
// finished runs; the one allowing the latest start is chosen). A point's summary is identical to a plain run of
// the same modified scenario (test/study/evaluator.test.ts). Pure: the pipeline's dependencies are injected.
import { runPipeline, type PipelineDeps, type PipelineRun } from '../engine/pipeline.ts';
import type { RunSummary } from '../engine/result-types.ts';
import { firstStageToRerun, STAGES, type StageName } from '../engine/stage-reads.ts';
import type { Scenario } from '../scenario/schema.ts';
import { applyAssignments, type Assignment } from './apply.ts';
import { summaryMetrics, type MetricValue } from './metrics.ts';

/** Finished runs kept for reuse (assumption: enough for the few distinct expensive stages of a grid's block). */
export const STAGE_CACHE_RUNS = 4;

export interface PointResult {
  /** Metric values in `metricNames` order. */
  values: MetricValue[];
  /** The first stage this point computed. */
  ranFrom: StageName;
}

export class StudyEvaluator {
  private readonly cache: PipelineRun[] = [];
  private names: string[] | null = null;

  /** `deps`: no timeline and no kept positions are needed for studies (they only change exports). */
  constructor(
    readonly base: Scenario,
    private readonly deps: PipelineDeps,
    private readonly cacheRuns = STAGE_CACHE_RUNS,
  ) {}

  /** Makes a finished run of a scenario available for reuse (e.g. the run the app shows). */
  adopt(run: PipelineRun): void {
    this.cache.unshift(run);
    if (this.cache.length > this.cacheRuns) this.cache.pop();
    this.names ??= summaryMetrics(run.result.summary).names;
  }

  /** The metric column names (known after the first evaluation; the base run is made if none was). */
  async metricNames(): Promise<string[]> {
    if (!this.names) await this.evaluate([]);
    return this.names!;
  }

  /** The summary of the base scenario with `assignments` applied. */
  async summary(assignments: readonly Assignment[]): Promise<RunSummary> {
    return (await this.run(applyAssignments(this.base, assignments))).result.summary;
  }

  /** `scenario`: the base with `assignments` applied and validated, when the caller has it already. */
  async evaluate(assignments: readonly Assignment[], scenario?: Scenario): Promise<PointResult> {
    const run = await this.run(scenario ?? applyAssignments(this.base, assignments));
    const m = summaryMetrics(run.result.summary);
    this.names ??= m.names;
    return { values: m.values, ranFrom: run.ranFrom };
  }

  private async run(scenario: Scenario): Promise<PipelineRun> {
    let best: PipelineRun | undefined;
    let bestAt = -1;
    for (const prev of this.cache) {
      const at = STAGES.indexOf(firstStageToRerun(prev.scenario, scenario) ?? 'summary');
      if (at > bestAt) [best, bestAt] = [prev, at];
    }
    const run = await runPipeline(scenario, this.deps, best, undefined, best ? STAGES[bestAt] : undefined);
    if (STAGES.indexOf(run.ranFrom) <= STAGES.indexOf('processing')) {
      // Keep runs that computed something expensive; pricing-only reruns are cheaper than a cache slot is worth.
      this.cache.unshift(run);
      if (this.cache.length > this.cacheRuns) this.cache.pop();
    }
    return run;
  }
}
