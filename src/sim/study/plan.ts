// Study specifications (sweep, sensitivity, uncertainty: lists of points) and their plans: the points as
// assignments, the leading columns of the output table, and an evaluation order that keeps points sharing their
// expensive stages together (the stage cache then reuses them). Serialisable, so a queue worker or a shard
// rebuilds exactly the same plan. Pure.
import type { Scenario } from '../scenario/schema.ts';
import { STAGES } from '../engine/stage-reads.ts';
import { appliedValue, assignmentCell, choiceName, leavesAt, requireParam, StudyInputError, type Assignment } from './apply.ts';
import { distributionErrors, quantileOf, sampleUnits, type Distribution, type SamplingMethod } from './distributions.ts';
import { findChoice, findParam, paramStage } from './params.ts';

export interface SweepAxis {
  path: string;
  /** The values; for a model choice, indices into its ChoiceDef.choices. */
  values: number[];
  /** A model choice's names, one per value (the table shows them). */
  labels?: string[];
}

export type StudySpec =
  | { kind: 'sweep'; axes: SweepAxis[] }
  /** Each parameter at its low and high, the others at the base; the base point first. */
  | { kind: 'sensitivity'; params: { path: string; low: number; high: number }[] }
  | { kind: 'uncertainty'; params: { path: string; dist: Distribution }[]; samples: number; seed: number; method: SamplingMethod };

/** Most points of one study (assumption: a typo such as 1:2:1e9 must not allocate billions). */
export const MAX_STUDY_POINTS = 1_000_000;

export interface StudyPlan {
  spec: StudySpec;
  /** Leading columns of the table (before the metrics). */
  columns: string[];
  /** Per point: its leading cells (values or labels) and its assignments. */
  points: { cells: (number | string)[]; assignments: Assignment[] }[];
  /** Point indices in the order to evaluate them. */
  order: number[];
}

export function planStudy(spec: StudySpec, base: Scenario): StudyPlan {
  const points = spec.kind === 'sweep' ? sweepPoints(spec.axes) : spec.kind === 'sensitivity' ? sensitivityPoints(spec.params) : uncertaintyPoints(spec);
  const columns =
    spec.kind === 'sweep' ? spec.axes.map((a) => a.path) : spec.kind === 'sensitivity' ? ['param', 'level', 'value'] : spec.params.map((p) => p.path);
  for (const p of points)
    for (const a of p.assignments) if (leavesAt(base, a.path).length === 0) throw new StudyInputError(`${a.path}: this scenario has no such field`);
  return { spec, columns, points, order: evaluationOrder(points.map((p) => p.assignments)) };
}

function sweepPoints(axes: readonly SweepAxis[]): StudyPlan['points'] {
  if (axes.length < 1 || axes.length > 3) throw new StudyInputError(`--vary: a sweep has 1 to 3 parameters, got ${axes.length}`);
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.path)) throw new StudyInputError(`--vary: ${a.path} is given twice`);
    seen.add(a.path);
    if (a.values.length === 0) throw new StudyInputError(`--vary ${a.path}: no values`);
    const choice = findChoice(a.path);
    if (choice) {
      a.values.forEach((v, i) => {
        const name = choiceName(choice, v);
        if (a.labels && a.labels[i] !== name) throw new StudyInputError(`--vary ${a.path}: label ${i + 1} is not the name of value ${v} (${name})`);
      });
      continue;
    }
    const def = requireParam(a.path);
    a.values.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new StudyInputError(`--vary ${a.path}: value ${i + 1} is not a finite number`);
      if (def.integer && appliedValue(def, v) !== v)
        throw new StudyInputError(`--vary ${a.path}: ${v} is not an integer (${def.label} is counted in ${def.unit})`);
    });
  }
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > MAX_STUDY_POINTS) throw new StudyInputError(`--vary: ${total} points, more than ${MAX_STUDY_POINTS}`);
  const out: StudyPlan['points'] = [];
  // Row-major: the last --vary changes fastest.
  for (let i = 0; i < total; i++) {
    let rest = i;
    const values: number[] = new Array(axes.length);
    for (let a = axes.length - 1; a >= 0; a--) {
      const n = axes[a]!.values.length;
      values[a] = axes[a]!.values[rest % n]!;
      rest = Math.floor(rest / n);
    }
    const assignments = axes.map((a, k) => ({ path: a.path, value: values[k]! }));
    out.push({ cells: assignments.map(assignmentCell), assignments });
  }
  return out;
}

function sensitivityPoints(params: readonly { path: string; low: number; high: number }[]): StudyPlan['points'] {
  const out: StudyPlan['points'] = [{ cells: ['(base)', 'base', ''], assignments: [] }];
  const seen = new Set<string>();
  for (const p of params) {
    const def = requireParam(p.path, '--params');
    if (seen.has(p.path)) throw new StudyInputError(`--params: ${p.path} is given twice`);
    seen.add(p.path);
    if (!(Number.isFinite(p.low) && Number.isFinite(p.high))) throw new StudyInputError(`--params ${p.path}: low and high must be finite`);
    for (const [level, v] of [
      ['low', p.low],
      ['high', p.high],
    ] as const) {
      const value = appliedValue(def, v);
      out.push({ cells: [p.path, level, value], assignments: [{ path: p.path, value }] });
    }
  }
  return out;
}

function uncertaintyPoints(spec: Extract<StudySpec, { kind: 'uncertainty' }>): StudyPlan['points'] {
  if (!Number.isInteger(spec.samples) || spec.samples < 1 || spec.samples > MAX_STUDY_POINTS)
    throw new StudyInputError(`--samples: must be an integer in [1, ${MAX_STUDY_POINTS}], got ${spec.samples}`);
  for (const p of spec.params) {
    requireParam(p.path, '--params');
    const bad = distributionErrors(p.dist);
    if (bad.length) throw new StudyInputError(`--dist ${p.path}: ${bad.join('; ')}`);
  }
  const paths = spec.params.map((p) => p.path);
  const units = sampleUnits(paths, spec.samples, spec.seed, spec.method);
  return Array.from({ length: spec.samples }, (_, i) => {
    const values = spec.params.map((p, k) => appliedValue(findParam(p.path)!, quantileOf(p.dist, units[k]![i]!)));
    return { cells: values, assignments: spec.params.map((p, k) => ({ path: p.path, value: values[k]! })) };
  });
}

/**
 * Points sorted so that those sharing the values of their earliest-stage parameters come together (stable: ties
 * keep their index order). A sweep of antennas × launch price then runs each antenna count's schedule once.
 */
export function evaluationOrder(points: readonly (readonly Assignment[])[]): number[] {
  const key = (as: readonly Assignment[]) =>
    [...as].sort((a, b) => STAGES.indexOf(paramStage(a.path)) - STAGES.indexOf(paramStage(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const keys = points.map(key);
  const order = points.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i]!;
    const b = keys[j]!;
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      const x = a[k]!;
      const y = b[k]!;
      if (x.path !== y.path) return x.path < y.path ? -1 : 1;
      if (x.value !== y.value) return x.value - y.value;
    }
    return a.length - b.length || i - j;
  });
  return order;
}
