// What the Explore view studies (the part the URL keeps) and the points it sends to the worker: a sweep of one
// registry parameter (and a few values of a second), the tornado of every parameter at its low and high, or Latin
// hypercube samples. Points come from the study core (planStudy, spacedValues). Pure: no DOM, React or worker code.
import type { StudyParamInfo } from '../../../workers/protocol.ts';
import { STAGES, type StageName } from '../../sim/engine/stage-reads.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { assignmentCell, type Assignment } from '../../sim/study/apply.ts';
import { spacedValues } from '../../sim/study/axes.ts';
import { defaultDistribution } from '../../sim/study/distributions.ts';
import { findParam, type ParamDef } from '../../sim/study/params.ts';
import { planStudy, type StudySpec } from '../../sim/study/plan.ts';

export type ExploreKind = 'sweep' | 'tornado' | 'uncertainty';
export const EXPLORE_KINDS: readonly ExploreKind[] = ['sweep', 'tornado', 'uncertainty'];

/** Which parameters an uncertainty study samples: prices only, everything from processing on, or all. */
export type UncertaintyScope = 'pricing' | 'processing' | 'all';
export const UNCERTAINTY_SCOPES: readonly UncertaintyScope[] = ['pricing', 'processing', 'all'];

/** The metric a tornado ranks by (a summary path of each mode). */
export type TornadoMetric = 'costUsdPerMTok' | 'latencyS.p50' | 'latencyS.p90';
export const TORNADO_METRICS: readonly TornadoMetric[] = ['costUsdPerMTok', 'latencyS.p50', 'latencyS.p90'];

/** One swept parameter: `n` values from `low` to `high`, spaced on the registry's scale. */
export interface ExploreAxis {
  path: string;
  low: number;
  high: number;
  n: number;
}

export interface ExploreStudy {
  kind: ExploreKind;
  /** The swept parameter (sweep). */
  x: ExploreAxis;
  /** An optional second parameter, a few values drawn as separate curves (sweep). */
  y: ExploreAxis | null;
  /** Prices held at a value by the sliders, applied to every point of a sweep. */
  fixed: Assignment[];
  metric: TornadoMetric;
  /** Latin hypercube samples (uncertainty). */
  samples: number;
  scope: UncertaintyScope;
}

/** Most points of one sweep axis, most curves of the second, most samples (assumption: a few seconds of pricing). */
export const MAX_AXIS_POINTS = 201;
export const MAX_SERIES = 5;
export const MAX_SAMPLES = 1000;
export const DEFAULT_SAMPLES = 64;
/** Seed of the draws: `ocsim uncertainty`'s default (--seed 1), so both sample the same points; the runs keep the scenario's. */
export const UNCERTAINTY_SEED = 1;

/** Points of a sweep axis by default: many where a point is instant, few where it reruns the contacts. */
export function defaultPoints(stage: StageName): number {
  return stage === 'pricing' ? 41 : stage === 'processing' || stage === 'routing' ? 11 : 6;
}

/** The registry's range and the stage's default number of points. */
export function defaultAxis(def: ParamDef, stage: StageName): ExploreAxis {
  return { path: def.path, low: def.low, high: def.high, n: defaultPoints(stage) };
}

export const DEFAULT_STUDY: ExploreStudy = {
  kind: 'sweep',
  x: { path: 'economics.launchUsdPerKg', low: 30, high: 10_000, n: 41 },
  y: null,
  fixed: [],
  metric: 'costUsdPerMTok',
  samples: DEFAULT_SAMPLES,
  scope: 'processing',
};

/** The values of an axis: `n` from low to high, geometric for log-scale parameters; integers rounded, once each. */
export function axisValues(axis: ExploreAxis): number[] {
  const def = findParam(axis.path);
  const log = def?.scale === 'log' && axis.low > 0 && axis.high > 0;
  const values = spacedValues(axis.low, axis.high, Math.max(1, Math.round(axis.n)), log);
  return def?.integer ? [...new Set(values.map((v) => Math.round(v)))] : values;
}

/** A study with its points, ready for studyPoints; its table's leading columns and cells. */
export interface BuiltStudy {
  study: ExploreStudy;
  /** Identity: equal keys are the same points. */
  key: string;
  /** Sweeps of the same axes share a shape: a slider's update overwrites the rows in place. */
  shape: string;
  columns: string[];
  cells: (number | string)[][];
  points: Assignment[][];
  /** Sweep: the values of x and of y ([] without y); point index = ix × max(1, ys.length) + iy. */
  xs: number[];
  ys: number[];
}

/** Stable text of a study: the fields its kind uses (the sliders' values sorted by path). */
export function studyKey(s: ExploreStudy): string {
  const fixed = [...s.fixed].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (s.kind === 'sweep') return JSON.stringify(['sweep', s.x, s.y, fixed]);
  if (s.kind === 'tornado') return JSON.stringify(['tornado']);
  return JSON.stringify(['uncertainty', s.samples, s.scope]);
}

/**
 * The points of `study` against the run's scenario `base` (`params`: the registry entries the run has, from
 * studyInfo). Throws a StudyInputError (from the study core) naming the field for points the core refuses.
 */
export function buildStudy(study: ExploreStudy, base: Scenario, params: readonly StudyParamInfo[]): BuiltStudy {
  const key = studyKey(study);
  if (study.kind === 'sweep') return buildSweep(study, base, key);
  const spec: StudySpec =
    study.kind === 'tornado'
      ? { kind: 'sensitivity', params: params.map((p) => ({ path: p.path, low: p.low, high: p.high })) }
      : {
          kind: 'uncertainty',
          params: params.filter((p) => inScope(p.stage, study.scope)).map((p) => ({ path: p.path, dist: defaultDistribution(p) })),
          samples: Math.max(1, Math.min(MAX_SAMPLES, Math.round(study.samples))),
          seed: UNCERTAINTY_SEED,
          method: 'lhs',
        };
  const plan = planStudy(spec, base);
  return {
    study,
    key,
    shape: key,
    columns: plan.columns,
    cells: plan.points.map((p) => p.cells),
    points: plan.points.map((p) => p.assignments),
    xs: [],
    ys: [],
  };
}

function buildSweep(study: ExploreStudy, base: Scenario, key: string): BuiltStudy {
  const xs = axisValues(study.x);
  const y = study.y && study.y.path !== study.x.path ? study.y : null;
  const ys = y ? axisValues({ ...y, n: Math.min(MAX_SERIES, y.n) }) : [];
  const axes = [{ path: study.x.path, values: xs }, ...(y ? [{ path: y.path, values: ys }] : [])];
  const plan = planStudy({ kind: 'sweep', axes }, base);
  const fixed = study.fixed.filter((f) => f.path !== study.x.path && f.path !== y?.path);
  return {
    study,
    key,
    shape: JSON.stringify([axes, fixed.map((f) => f.path).sort()]),
    columns: [...plan.columns, ...fixed.map((f) => f.path)],
    cells: plan.points.map((p) => [...p.cells, ...fixed.map(assignmentCell)]),
    points: plan.points.map((p) => [...fixed, ...p.assignments]),
    xs,
    ys,
  };
}

/** Whether a parameter's stage is sampled by an uncertainty study of `scope`. */
export function inScope(stage: StageName, scope: UncertaintyScope): boolean {
  if (scope === 'all') return true;
  return STAGES.indexOf(stage) >= STAGES.indexOf(scope);
}

/** Download name: `<scenario>-seed<seed>-<what>.<ext>`, e.g. `three-body-seed20250514-sweep-launchUsdPerKg.csv`. */
export function studyFileName(scenarioName: string, seed: number, study: ExploreStudy, ext: string): string {
  const short = (path: string) => path.replace(/\[[^\]]*\]/g, '').replace(/^.*\./, '');
  const what =
    study.kind === 'sweep'
      ? `sweep-${short(study.x.path)}${study.y ? `-by-${short(study.y.path)}` : ''}`
      : study.kind === 'tornado'
        ? `tornado-${study.metric.replace('.', '-')}`
        : `uncertainty-lhs${study.samples}-${study.scope}`;
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(scenarioName)}-seed${seed}-${safe(what)}.${ext}`;
}
