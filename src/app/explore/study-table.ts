// The rows a session has received, as the study core's table (leading cells, then every metric: what the CSV and
// Parquet exports, the tornado and the uncertainty summary read), and one metric of a sweep along x for a chart.
// Pure: no DOM or React.
import type { StudyTable } from '../../sim/study/analysis.ts';
import type { PointValue } from './crossover.ts';
import type { BuiltStudy } from './explore-study.ts';

export type ReceivedRows = readonly (readonly (number | null)[] | undefined)[];

/** The points received so far, in point order: `built.columns` then `metrics`. */
export function studyTable(built: BuiltStudy, metrics: readonly string[], rows: ReceivedRows): StudyTable {
  const out: StudyTable['rows'] = [];
  for (let i = 0; i < built.points.length; i++) {
    const r = rows[i];
    if (r) out.push([...built.cells[i]!, ...r]);
  }
  return { columns: [...built.columns, ...metrics], rows: out };
}

/**
 * A sensitivity table with only the parameters whose low and high have both arrived (and the base), so a tornado
 * drawn while the study runs shows whole bars; null until the base point is in.
 */
export function completeSensitivityTable(t: StudyTable): StudyTable | null {
  const [iParam, iLevel] = [t.columns.indexOf('param'), t.columns.indexOf('level')];
  if (!t.rows.some((r) => r[iLevel] === 'base')) return null;
  const levels = new Map<string, number>();
  for (const r of t.rows) if (r[iLevel] !== 'base') levels.set(String(r[iParam]), (levels.get(String(r[iParam])) ?? 0) + 1);
  return { columns: t.columns, rows: t.rows.filter((r) => r[iLevel] === 'base' || levels.get(String(r[iParam])) === 2) };
}

/** Metric `m` along x for the y value `iy` (0 without y): undefined where the point has not arrived. */
export function sweepValues(built: BuiltStudy, rows: ReceivedRows, m: number, iy: number): PointValue[] {
  const ny = Math.max(1, built.ys.length);
  return built.xs.map((_, ix) => {
    const r = rows[ix * ny + iy];
    return r ? (r[m] ?? null) : undefined;
  });
}
