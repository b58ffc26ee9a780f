// Data of the time-series charts from a run's series: backlog bytes, downlinked bytes (cumulative) and tokens
// (cumulative, onboard + ground) per mode, x in seconds since the Unix epoch (uPlot's time scale). Pure.
import type { RunSeries } from '../../sim/engine/result-types.ts';
import type { ProcessingMode } from '../../sim/scenario/schema.ts';

export type ChartKind = 'backlog' | 'downlinked' | 'tokens';

export const CHARTS: readonly { kind: ChartKind; title: string; unit: 'bytes' | 'tokens' }[] = [
  { kind: 'backlog', title: 'Backlog onboard', unit: 'bytes' },
  { kind: 'downlinked', title: 'Downlinked (cumulative)', unit: 'bytes' },
  { kind: 'tokens', title: 'Tokens inferred (cumulative)', unit: 'tokens' },
];

export interface ChartData {
  /** Step end times, s since the Unix epoch. */
  xs: Float64Array;
  /** One column per mode of `modes` (null when the run has no series for that mode). */
  ys: (Float64Array | null)[];
  modes: ProcessingMode[];
}

export function chartData(series: RunSeries, kind: ChartKind, modes: readonly ProcessingMode[]): ChartData {
  const n = series.timesMs.length;
  const xs = new Float64Array(n);
  for (let k = 0; k < n; k++) xs[k] = series.timesMs[k]! / 1000;
  const ys = modes.map((mode) => {
    const m = series.modes[mode];
    if (!m) return null;
    if (kind === 'backlog') return m.backlogBytes;
    if (kind === 'downlinked') return m.downlinkedBytesCum;
    const tokens = new Float64Array(n);
    for (let k = 0; k < n; k++) tokens[k] = m.tokensOnboardCum[k]! + m.tokensGroundCum[k]!;
    return tokens;
  });
  return { xs, ys, modes: [...modes] };
}
