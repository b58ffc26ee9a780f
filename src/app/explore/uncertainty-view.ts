// What the uncertainty panel shows from the samples received: the share in which orbit is cheaper and faster, the
// spread (p5, p50, p95) of cost and latency per mode (the study core's uncertaintySummary on those columns), and the
// histogram of orbit and ground cost per million tokens. Pure: no DOM or React.
import { uncertaintySummary, type StudyTable, type UncertaintySummary } from '../../sim/study/analysis.ts';
import { histogram, type Histogram } from './histogram.ts';
import type { ReceivedRows } from './study-table.ts';

export const UNCERTAINTY_MODES = ['onboard', 'ground'] as const;
const COLUMNS = ['onboard.costUsdPerMTok', 'ground.costUsdPerMTok', 'onboard.latencyS.p50', 'ground.latencyS.p50'];

export interface UncertaintyView {
  summary: UncertaintySummary;
  /** Orbit and ground cost per million tokens. */
  costHistogram: Histogram;
}

/** Null before the first sample (or when the run lacks orbit or ground). */
export function uncertaintyView(metrics: readonly string[], rows: ReceivedRows, bins: number): UncertaintyView | null {
  const at = COLUMNS.map((c) => metrics.indexOf(c));
  if (at.some((i) => i < 0)) return null;
  const table: StudyTable = { columns: COLUMNS, rows: [] };
  for (const r of rows) if (r) table.rows.push(at.map((i) => r[i] ?? null));
  if (table.rows.length === 0) return null;
  const summary = uncertaintySummary(table, 0);
  const costHistogram = histogram(
    [0, 1].map((c) => table.rows.map((r) => r[c] as number | null)),
    bins,
  );
  return { summary, costHistogram };
}
