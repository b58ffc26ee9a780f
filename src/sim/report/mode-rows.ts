// The rows of the per-mode comparison (CLI table, the app's comparison table) and of the cost breakdown, and which
// mode is best in a row. Pure: imports only result types and ./format.ts.
import type { CostBreakdownUsd } from '../cost/cost-model.ts';
import type { ModeSummary } from '../engine/result-types.ts';
import { formatDurationS, formatGB, formatKWh, formatMTok, formatNumber, formatPercent, formatUsd } from './format.ts';

/** What a row needs of the run besides the mode: its length (a censored latency reads "> 24 h"). */
export interface RowContext {
  durationH: number;
}

export interface ModeRow {
  /** As it reads inside a sentence ("latency p50", "GPU hours"); the CLI prints it so, the app as a title (rowTitle). */
  label: string;
  value(m: ModeSummary, ctx: RowContext): string;
  /** Which way is better, for marking the best mode; absent where neither is. */
  better?: 'lower' | 'higher';
  /** The number compared for `better`. */
  raw?(m: ModeSummary): number | null;
  /** The value was not reached within the run (a censored latency): worse than any reached, never the best. */
  censored?(m: ModeSummary): boolean;
  /** Shown only in the app's comparison table, not in the CLI's (whose text stays as published). */
  appOnly?: true;
  /** Left out of the CLI table when no mode has it (revenue without a sale price). */
  optional?: true;
}

export const MODE_ROWS: readonly ModeRow[] = [
  latencyRow('p50'),
  latencyRow('p90'),
  latencyRow('p99'),
  withinRow('5 min', 'within5min'),
  withinRow('1 h', 'within1h'),
  withinRow('6 h', 'within6h'),
  withinRow('24 h', 'within24h'),
  { label: 'tiles resolved', value: (m) => formatPercent(m.deliveredTileFraction), better: 'higher', raw: (m) => m.deliveredTileFraction },
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
  { label: 'GPU utilisation', value: (m) => formatPercent(m.clusterUtilisation?.overall) },
  { label: 'energy', value: (m) => formatKWh(m.energyJ.total), better: 'lower', raw: (m) => m.energyJ.total },
  { label: 'cost total', value: (m) => formatUsd(m.costUsd.totalUsd), better: 'lower', raw: (m) => m.costUsd.totalUsd },
  { label: '$ per M tokens', value: (m) => formatUsd(m.costUsdPerMTok), better: 'lower', raw: (m) => m.costUsdPerMTok },
  {
    label: 'electricity per M ground tokens',
    value: (m) => formatUsd(m.electricityUsdPerMTok),
    better: 'lower',
    raw: (m) => m.electricityUsdPerMTok ?? null,
    appOnly: true,
  },
  { label: 'revenue', value: (m) => formatUsd(m.revenue?.revenueUsd), better: 'higher', raw: (m) => m.revenue?.revenueUsd ?? null, optional: true },
  { label: 'margin', value: (m) => formatUsd(m.revenue?.marginUsd), better: 'higher', raw: (m) => m.revenue?.marginUsd ?? null, optional: true },
  {
    label: 'margin per M tokens',
    value: (m) => formatUsd(m.revenue?.marginUsdPerMTok),
    better: 'higher',
    raw: (m) => m.revenue?.marginUsdPerMTok ?? null,
    optional: true,
  },
];

/** A Kaplan–Meier latency percentile over every captured tile; "> 21.60 h" (its horizon) when the run never reached it. */
function latencyRow(q: 'p50' | 'p90' | 'p99'): ModeRow {
  return {
    label: `latency ${q}`,
    value: (m) => (m.latencyS.censored[q] ? `> ${formatDurationS(m.latencyS.horizonS)}` : formatDurationS(m.latencyS[q])),
    better: 'lower',
    raw: (m) => m.latencyS[q],
    censored: (m) => m.latencyS.censored[q],
  };
}

/** The share of captured tiles whose insight arrived within a horizon (the decision metric). */
function withinRow(label: string, key: Exclude<keyof ModeSummary['deliveredWithinShare'], 'censored'>): ModeRow {
  return {
    label: `insight ≤ ${label}`,
    value: (m) => `${m.deliveredWithinShare.censored[key] ? '≥ ' : ''}${formatPercent(m.deliveredWithinShare[key])}`,
    better: 'higher',
    raw: (m) => m.deliveredWithinShare[key],
    censored: (m) => m.deliveredWithinShare.censored[key],
  };
}

/** The rows of the CLI table. */
export const CLI_MODE_ROWS: readonly ModeRow[] = MODE_ROWS.filter((r) => !r.appOnly);

/** The rows worth showing for these modes: an optional row only when some mode has its value. */
export function rowsWithValues(rows: readonly ModeRow[], modes: readonly ModeSummary[]): ModeRow[] {
  return rows.filter((r) => !r.optional || modes.some((m) => r.raw?.(m) != null));
}

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

/**
 * Index of the mode to mark best in a row, or null: modes whose value is missing are left out; a censored value
 * (not reached in the run) counts as worse than any reached one and is never best; null when all that count are equal.
 */
export function bestModeIndex(row: ModeRow, modes: readonly ModeSummary[]): number | null {
  if (!row.better || !row.raw) return null;
  const values = modes.map((m) => (row.censored?.(m) ? (row.better === 'lower' ? Infinity : -Infinity) : row.raw!(m)));
  return bestIndex(values, row.better);
}

/** Index of the best of `values` by `better` (null and NaN ignored, ±Infinity never best); null when none differ. */
export function bestIndex(values: readonly (number | null)[], better: 'lower' | 'higher'): number | null {
  let best: number | null = null;
  let distinct = false;
  let seen: number | null = null;
  values.forEach((v, i) => {
    if (v === null || Number.isNaN(v)) return;
    if (seen !== null && v !== seen) distinct = true;
    seen ??= v;
    if (!Number.isFinite(v)) return;
    if (best === null) return void (best = i);
    const b = values[best]!;
    if (better === 'lower' ? v < b : v > b) best = i;
  });
  return distinct ? best : null;
}
