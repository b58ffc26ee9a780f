// The study half of the simulation API (the app's Explore view): the parameters and metrics of a finished run,
// and points evaluated against it in the worker, reusing the run's stages (a price point reruns only pricing),
// streamed back in batches and cancellable. Pure: the event-loop yield is injected (cancel requests arrive as
// messages between points).
import type { PipelineRun } from '../engine/pipeline.ts';
import type { PipelineDeps } from '../engine/pipeline.ts';
import { StudyInputError, valuesAt, type Assignment } from '../study/apply.ts';
import { StudyEvaluator } from '../study/evaluator.ts';
import { paramStage, PARAMS, type ParamDef } from '../study/params.ts';
import { evaluationOrder } from '../study/plan.ts';
import type { StageName } from '../engine/stage-reads.ts';

export interface StudyParamInfo extends ParamDef {
  stage: StageName;
  /** The run's value(s): one, or one per element of a `[*]` parameter. */
  base: number[];
}

export interface StudyInfo {
  runId: number;
  params: StudyParamInfo[];
  /** Metric columns, `<mode>.<path>` as in the JSON export (study/metrics.ts). */
  metrics: string[];
  /** The run's own values of the metrics. */
  baseValues: (number | null)[];
}

export interface StudyPointsRequest {
  runId: number;
  /** Names this study for cancelStudy; a new id per study. */
  studyId: number;
  points: Assignment[][];
  /** Rows per batch sent to onRows (default 16; 1 for sliders). */
  batch?: number;
}

export interface StudyRow {
  index: number;
  values: (number | null)[];
}

export interface StudyPointsReply {
  studyId: number;
  done: number;
  cancelled: boolean;
  /** The first point the engine refused, with the field (e.g. a value outside the schema's range). */
  error?: string;
}

/** A finished run's study state, made on first use. */
export interface StudyHost {
  pipeline: PipelineRun;
  deps: PipelineDeps;
  evaluator?: StudyEvaluator;
}

export function evaluatorOf(host: StudyHost): StudyEvaluator {
  if (!host.evaluator) {
    host.evaluator = new StudyEvaluator(host.pipeline.scenario, { ...host.deps, recordTimeline: false, keepOrbitSamples: false });
    host.evaluator.adopt(host.pipeline);
  }
  return host.evaluator;
}

export async function studyInfo(runId: number, host: StudyHost): Promise<StudyInfo> {
  const ev = evaluatorOf(host);
  const base = await ev.evaluate([]);
  return {
    runId,
    params: PARAMS.map((p) => ({ ...p, stage: paramStage(p.path, host.pipeline.scenario), base: valuesAt(host.pipeline.scenario, p.path) })).filter(
      (p) => p.base.length > 0,
    ),
    metrics: await ev.metricNames(),
    baseValues: base.values,
  };
}

/**
 * Evaluates the points (in an order that shares expensive stages), sending rows in batches; stops early when
 * `isCancelled()` turns true. Never rejects: a refused point ends the study with its message.
 */
export async function studyPoints(
  req: StudyPointsRequest,
  host: StudyHost,
  yieldToEvents: () => Promise<void>,
  isCancelled: () => boolean,
  onRows?: (rows: StudyRow[]) => void,
): Promise<StudyPointsReply> {
  const ev = evaluatorOf(host);
  const batch = Math.max(1, Math.floor(req.batch ?? 16));
  let pending: StudyRow[] = [];
  let done = 0;
  const flush = () => {
    if (pending.length === 0) return;
    try {
      onRows?.(pending);
    } catch {
      // the listener's problem (e.g. a closed page), not the study's
    }
    pending = [];
  };
  for (const index of evaluationOrder(req.points)) {
    await yieldToEvents();
    if (isCancelled()) {
      flush();
      return { studyId: req.studyId, done, cancelled: true };
    }
    try {
      pending.push({ index, values: (await ev.evaluate(req.points[index]!)).values });
    } catch (err) {
      flush();
      const message = err instanceof StudyInputError ? err.message : `the engine failed: ${(err as Error).message}`;
      return { studyId: req.studyId, done, cancelled: false, error: `point ${index}: ${message}` };
    }
    done++;
    if (pending.length >= batch) flush();
  }
  flush();
  return { studyId: req.studyId, done, cancelled: false };
}
