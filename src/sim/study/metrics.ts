// The numeric metrics of a run, as named columns: `<mode>.<path>` for every number of each mode's summary in the
// JSON export (same names, same rounding: `onboard.costUsdPerMTok`, `ground.latencyS.p50`), then the run-level
// counts (`contacts.sessions`, …) and the antenna fairness (`fairness.jainIndexMinutes`,
// `fairness.leastServed.sessionMinutes`, …). null where the export has null (no tokens, no delivered tile). Arrays
// (per-cluster utilisation, per-shell service) and names are not metrics and are left out. Pure.
import type { RunSummary } from '../engine/result-types.ts';
import { roundSignificant } from '../export/index.ts';
import { processingModes } from '../scenario/schema.ts';

export type MetricValue = number | null;

const RUN_LEVEL = ['satellites', 'contacts', 'imaging', 'fairness'] as const;

/** Column names and values of a summary, in export order. */
export function summaryMetrics(summary: RunSummary): { names: string[]; values: MetricValue[] } {
  const names: string[] = [];
  const values: MetricValue[] = [];
  const rounded = roundSignificant(summary);
  const walk = (v: unknown, name: string) => {
    if (v === null || typeof v === 'number') {
      names.push(name);
      values.push(v === null || !Number.isFinite(v) ? null : v);
    } else if (typeof v === 'object' && v !== undefined && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, `${name}.${k}`);
  };
  for (const mode of processingModes) {
    const m = rounded.modes[mode];
    if (m) for (const [k, x] of Object.entries(m)) if (k !== 'mode') walk(x, `${mode}.${k}`);
  }
  for (const k of RUN_LEVEL) walk(rounded[k], k);
  return { names, values };
}
