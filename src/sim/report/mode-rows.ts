// The rows of the per-mode comparison (CLI table, the app's comparison table) and of the cost breakdown, and which
// mode is best in a row. Pure: imports only result types and ./format.ts.
import type { CostBreakdownUsd } from '../cost/cost-model.ts';
import type { ModeSummary } from '../engine/result-types.ts';
import { formatDurationS, formatGB, formatKWh, formatMTok, formatNumber, formatPercent, formatUsd } from './format.ts';

export interface ModeRow {
  /** As it reads inside a sentence ("latency p50", "GPU hours"); the CLI prints it so, the app as a title (rowTitle). */
  label: string;
  value(m: ModeSummary): string;
  /** Which way is better, for marking the best mode; absent where neither is. */
  better?: 'lower' | 'higher';
  /** The number compared for `better`. */
  raw?(m: ModeSummary): number | null;
  /** Shown only in the app's comparison table, not in the CLI's (whose text stays as published). */
  appOnly?: true;
}

export const MODE_ROWS: readonly ModeRow[] = [
  { label: 'latency p50', value: (m) => formatDurationS(m.latencyS.p50), better: 'lower', raw: (m) => m.latencyS.p50 },
  { label: 'latency p90', value: (m) => formatDurationS(m.latencyS.p90), better: 'lower', raw: (m) => m.latencyS.p90 },
  { label: 'latency p99', value: (m) => formatDurationS(m.latencyS.p99), better: 'lower', raw: (m) => m.latencyS.p99 },
  { label: 'tiles delivered', value: (m) => formatPercent(m.deliveredTileFraction), better: 'higher', raw: (m) => m.deliveredTileFraction },
  { label: 'captured', value: (m) => formatGB(m.bytesCaptured) },
  { label: 'downlinked', value: (m) => formatGB(m.bytesDownlinked), better: 'lower', raw: (m) => m.bytesDownlinked },
  { label: 'bandwidth saved', value: (m) => formatPercent(m.bandwidthSavedFraction), better: 'higher', raw: (m) => m.bandwidthSavedFraction },
  { label: 'dropped', value: (m) => formatGB(m.bytesDropped), better: 'lower', raw: (m) => m.bytesDropped },
  { label: 'backlog at end', value: (m) => formatGB(m.backlogBytesEnd), better: 'lower', raw: (m) => m.backlogBytesEnd },
  { label: 'backlog max', value: (m) => formatGB(m.backlogBytesMax), better: 'lower', raw: (m) => m.backlogBytesMax, appOnly: true },
  { label: 'relayed over ISL', value: (m) => formatGB(m.bytesRelayedOverIsl) },
  { label: 'tokens in orbit', value: (m) => formatMTok(m.tokensOnboard) },
  { label: 'tokens on ground', value: (m) => formatMTok(m.tokensGround) },
  { label: 'GPU hours', value: (m) => formatNumber(m.gpuHours, 1), appOnly: true },
  { label: 'energy', value: (m) => formatKWh(m.energyJ.total), better: 'lower', raw: (m) => m.energyJ.total },
  { label: 'cost total', value: (m) => formatUsd(m.costUsd.totalUsd), better: 'lower', raw: (m) => m.costUsd.totalUsd },
  { label: '$ per M tokens', value: (m) => formatUsd(m.costUsdPerMTok), better: 'lower', raw: (m) => m.costUsdPerMTok },
];

/** The rows of the CLI table. */
export const CLI_MODE_ROWS: readonly ModeRow[] = MODE_ROWS.filter((r) => !r.appOnly);

/** A row label as a title: its first letter upper-cased ("latency p50" → "Latency p50"; "GPU hours" unchanged). */
export function rowTitle(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The items of the cost breakdown (summary.modes[mode].costUsd), in order. */
export const COST_ROWS: readonly { key: Exclude<keyof CostBreakdownUsd, 'totalUsd'>; label: string }[] = [
  { key: 'onboardHardwareUsd', label: 'Compute payload (amortised)' },
  { key: 'launchUsd', label: 'Launch (amortised)' },
  { key: 'operationsUsd', label: 'Operations' },
  { key: 'gpuUsd', label: 'GPU rental' },
  { key: 'electricityUsd', label: 'Electricity × PUE' },
  { key: 'stationUsd', label: 'Ground-station time' },
  { key: 'backhaulUsd', label: 'Backhaul' },
];

/** Index of the best of `values` by `better` (null and non-finite ignored); null when fewer than two differ. */
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
