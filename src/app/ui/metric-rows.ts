// The rows of the mode comparison (same quantities and formats as the CLI table, src/cli/format.ts), shared by
// the metrics panel and the comparison table. Pure.
import type { ModeSummary } from '../../sim/engine/result-types.ts';
import { formatDurationS, formatGB, formatKWh, formatMTok, formatPercent, formatUsd } from './format.ts';

export interface MetricRow {
  label: string;
  value: (m: ModeSummary) => string;
  /** Which way is better, for highlighting the best mode in the comparison. */
  better?: 'lower' | 'higher';
  raw?: (m: ModeSummary) => number | null;
}

export const COMPARE_ROWS: readonly MetricRow[] = [
  { label: 'Latency p50', value: (m) => formatDurationS(m.latencyS.p50), better: 'lower', raw: (m) => m.latencyS.p50 },
  { label: 'Latency p90', value: (m) => formatDurationS(m.latencyS.p90), better: 'lower', raw: (m) => m.latencyS.p90 },
  { label: 'Latency p99', value: (m) => formatDurationS(m.latencyS.p99), better: 'lower', raw: (m) => m.latencyS.p99 },
  { label: 'Tiles delivered', value: (m) => formatPercent(m.deliveredTileFraction), better: 'higher', raw: (m) => m.deliveredTileFraction },
  { label: 'Captured', value: (m) => formatGB(m.bytesCaptured) },
  { label: 'Downlinked', value: (m) => formatGB(m.bytesDownlinked), better: 'lower', raw: (m) => m.bytesDownlinked },
  { label: 'Bandwidth saved', value: (m) => formatPercent(m.bandwidthSavedFraction), better: 'higher', raw: (m) => m.bandwidthSavedFraction },
  { label: 'Dropped', value: (m) => formatGB(m.bytesDropped), better: 'lower', raw: (m) => m.bytesDropped },
  { label: 'Backlog at end', value: (m) => formatGB(m.backlogBytesEnd), better: 'lower', raw: (m) => m.backlogBytesEnd },
  { label: 'Backlog max', value: (m) => formatGB(m.backlogBytesMax), better: 'lower', raw: (m) => m.backlogBytesMax },
  { label: 'Relayed over ISL', value: (m) => formatGB(m.bytesRelayedOverIsl ?? 0) },
  { label: 'Tokens in orbit', value: (m) => formatMTok(m.tokensOnboard) },
  { label: 'Tokens on ground', value: (m) => formatMTok(m.tokensGround) },
  { label: 'GPU hours', value: (m) => m.gpuHours.toFixed(1) },
  { label: 'Energy', value: (m) => formatKWh(m.energyJ.total), better: 'lower', raw: (m) => m.energyJ.total },
  { label: 'Cost total', value: (m) => formatUsd(m.costUsd.totalUsd), better: 'lower', raw: (m) => m.costUsd.totalUsd },
  { label: '$ per M tokens', value: (m) => formatUsd(m.costUsdPerMTok), better: 'lower', raw: (m) => m.costUsdPerMTok },
];

/** Cost items of the breakdown, in order. */
export const COST_ITEMS: readonly { key: keyof ModeSummary['costUsd']; label: string }[] = [
  { key: 'onboardHardwareUsd', label: 'Compute payload (amortised)' },
  { key: 'launchUsd', label: 'Launch (amortised)' },
  { key: 'operationsUsd', label: 'Operations' },
  { key: 'gpuUsd', label: 'GPU rental' },
  { key: 'electricityUsd', label: 'Electricity × PUE' },
  { key: 'stationUsd', label: 'Ground-station time' },
  { key: 'backhaulUsd', label: 'Backhaul' },
];

/** Index of the best of `values` by `better` (null values ignored; null when fewer than two or all equal). */
export function bestIndex(values: readonly (number | null)[], better: 'lower' | 'higher'): number | null {
  let best: number | null = null;
  let distinct = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (best === null) return void (best = i);
    const b = values[best]!;
    if (v !== b) distinct = true;
    if (better === 'lower' ? v < b : v > b) best = i;
  });
  return distinct ? best : null;
}
