// Human-readable CLI output: the per-mode comparison table and ingestion issues.
import type { IngestIssue } from '../sim/catalog/types.ts';
import type { ModeSummary, RunSummary } from '../sim/engine/result-types.ts';

const dur = (s: number | null): string => {
  if (s === null) return 'n/a';
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(2)} h`;
};
const gb = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
const pct = (f: number) => `${(f * 100).toFixed(1)} %`;
const usd = (v: number | null) => (v === null ? 'n/a' : v >= 100 ? `$${v.toFixed(0)}` : v >= 1 ? `$${v.toFixed(2)}` : `$${v.toPrecision(3)}`);
const mtok = (t: number) => `${(t / 1e6).toFixed(1)} M`;

const rows: [string, (m: ModeSummary) => string][] = [
  ['latency p50', (m) => dur(m.latencyS.p50)],
  ['latency p90', (m) => dur(m.latencyS.p90)],
  ['latency p99', (m) => dur(m.latencyS.p99)],
  ['tiles delivered', (m) => pct(m.deliveredTileFraction)],
  ['captured', (m) => gb(m.bytesCaptured)],
  ['downlinked', (m) => gb(m.bytesDownlinked)],
  ['bandwidth saved', (m) => pct(m.bandwidthSavedFraction)],
  ['dropped', (m) => gb(m.bytesDropped)],
  ['backlog at end', (m) => gb(m.backlogBytesEnd)],
  ['relayed over ISL', (m) => gb(m.bytesRelayedOverIsl)],
  ['tokens in orbit', (m) => mtok(m.tokensOnboard)],
  ['tokens on ground', (m) => mtok(m.tokensGround)],
  ['energy', (m) => `${(m.energyJ.total / 3.6e6).toFixed(1)} kWh`],
  ['cost total', (m) => usd(m.costUsd.totalUsd)],
  ['$ per M tokens', (m) => usd(m.costUsdPerMTok)],
];

export function formatSummaryTable(s: RunSummary): string {
  const modes = Object.values(s.modes);
  const head = [
    `scenario ${s.scenarioName}, seed ${s.seed}, ${s.epochIso} + ${s.durationH} h, step ${s.stepS} s`,
    `satellites: ${s.satellites.loaded} loaded, ${s.satellites.quarantined} quarantined, ${s.satellites.lost} lost; sunlit ${pct(s.imaging.sunlitFraction)}, imaging ${pct(s.imaging.imagingFraction)} of the time`,
    `contacts: ${s.contacts.windows} windows (${s.contacts.contactHours.toFixed(1)} h), ${s.contacts.sessions} downlink sessions (${s.contacts.sessionHours.toFixed(1)} h), ${s.contacts.deniedWindows} lost to antenna contention`,
    '',
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length)) + 2;
  const cells = rows.map(([, f]) => modes.map(f));
  const w = Math.max(12, ...cells.flat().map((c) => c.length + 2), ...modes.map((m) => m.mode.length + 2));
  const lines = [''.padEnd(w0) + modes.map((m) => m.mode.padStart(w)).join('')];
  rows.forEach(([label], i) => lines.push(label.padEnd(w0) + cells[i]!.map((c) => c.padStart(w)).join('')));
  return [...head, ...lines, ''].join('\n');
}

/** Issues grouped: errors first, at most `limit` lines, then a count by code. */
export function formatIssues(issues: readonly IngestIssue[], limit = 20): string {
  if (issues.length === 0) return '';
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const shown = [...errors, ...warnings].slice(0, limit).map((i) => `  ${i.severity}: ${i.message}`);
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  const more = issues.length > limit ? [`  … and ${issues.length - limit} more`] : [];
  return [
    `input: ${errors.length} item(s) quarantined, ${warnings.length} warning(s) (${[...byCode].map(([c, n]) => `${c} ×${n}`).join(', ')})`,
    ...shown,
    ...more,
    '',
  ].join('\n');
}
