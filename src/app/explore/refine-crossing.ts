// Refines a crossover found between two sweep points with the study core's break-even search (findBreakeven:
// Brent's method inside the bracket), each evaluation one point in the worker with the sweep point's other
// assignments (sliders, the second parameter) kept. Pure: the one-point evaluation is injected.
import type { Assignment } from '../../sim/study/apply.ts';
import { findBreakeven, type BreakevenResult } from '../../sim/study/breakeven.ts';
import { findParam } from '../../sim/study/params.ts';
import type { Crossing } from './crossover.ts';
import type { BuiltStudy } from './explore-study.ts';

/** Most evaluations after the bracket's two ends (assumption: Brent needs ≈ 10 on a smooth cost curve). */
export const REFINE_MAX_ITERATIONS = 40;

export interface RefineTarget {
  built: BuiltStudy;
  crossing: Crossing;
  /** Index of the second parameter's value (0 without one). */
  iy: number;
  /** Metric columns of orbit and ground (e.g. onboard.costUsdPerMTok, ground.costUsdPerMTok). */
  orbitMetric: number;
  groundMetric: number;
}

/** The break-even inside the crossing's bracket; a point refused by the worker rejects. */
export async function refineCrossing(evaluate: (assignments: Assignment[]) => Promise<(number | null)[]>, t: RefineTarget): Promise<BreakevenResult> {
  const { built, crossing, iy } = t;
  const ny = Math.max(1, built.ys.length);
  const path = built.study.x.path;
  const template = built.points[crossing.i * ny + iy]!;
  const def = findParam(path);
  const at = async (x: number) => {
    const values = await evaluate(template.map((a) => (a.path === path ? { path, value: x } : a)));
    return { a: values[t.orbitMetric] ?? null, b: values[t.groundMetric] ?? null };
  };
  const [low, high] = [built.xs[crossing.i]!, built.xs[crossing.j]!];
  if (low === high) return findBreakeven(at, { low, high, log: false, integer: def?.integer ?? false, scanPoints: 1 });
  return findBreakeven(at, {
    low,
    high,
    log: def?.scale === 'log' && low > 0,
    integer: def?.integer ?? false,
    scanPoints: 2,
    maxIterations: REFINE_MAX_ITERATIONS,
  });
}
