// The plain-text run summary `ocsim run` prints: head lines (scenario, satellites, contacts, fairness, GPU pricing) and
// the per-mode table of CLI_MODE_ROWS, columns right-aligned, and the satellites lost during the run. Pure: imports only
// result and cost types, time.ts and this folder.
import type { GpuPricing } from '../cost/gpu-pricing.ts';
import type { DownlinkService, FairnessSummary } from '../engine/fairness.ts';
import type { RunSummary, SatelliteInfo } from '../engine/result-types.ts';
import { isoUtc } from '../time.ts';
import { formatBytes, formatNumber, formatPercent } from './format.ts';
import { CLI_MODE_ROWS, rowsWithValues } from './mode-rows.ts';

/** What each GPU pricing model bills (the head line of the table). */
export const GPU_PRICING_TEXT: Readonly<Record<GpuPricing, string>> = {
  'on-demand': 'billed per GPU-hour used',
  reserved: 'every GPU of the hubs leased for the whole run, busy or idle (onboard mode leases none)',
  'per-token': "an API's price per million input and output tokens, power included",
};

/** Narrowest value column, characters (value + 2 spaces of gutter at least). */
const MIN_COLUMN_WIDTH = 12;

/** The summary as text, one line per row, ending with a newline. */
export function formatSummaryTable(s: RunSummary): string {
  const modes = Object.values(s.modes);
  const head = [
    `scenario ${s.scenarioName}, seed ${s.seed}, ${s.epochIso} + ${s.durationH} h, step ${s.stepS} s`,
    `satellites: ${s.satellites.loaded} loaded, ${s.satellites.quarantined} quarantined, ${s.satellites.lost} lost; ` +
      `sunlit ${formatPercent(s.imaging.sunlitFraction)}, imaging ${formatPercent(s.imaging.imagingFraction)} of the time`,
    `contacts: ${formatContacts(s.contacts)}`,
    ...(s.fairness ? formatFairness(s.fairness) : []),
    ...(s.gpuPricing ? [`ground GPUs ${s.gpuPricing}: ${GPU_PRICING_TEXT[s.gpuPricing]}`] : []),
    '',
  ];
  const rows = rowsWithValues(CLI_MODE_ROWS, modes);
  const labelWidth = Math.max(...rows.map((r) => r.label.length)) + 2;
  const cells = rows.map((row) => modes.map((m) => row.value(m, { durationH: s.durationH })));
  const width = Math.max(MIN_COLUMN_WIDTH, ...cells.flat().map((x) => x.length + 2), ...modes.map((m) => m.mode.length + 2));
  const lines = [''.padEnd(labelWidth) + modes.map((m) => m.mode.padStart(width)).join('')];
  rows.forEach((row, i) => lines.push(row.label.padEnd(labelWidth) + cells[i]!.map((x) => x.padStart(width)).join('')));
  return [...head, ...lines, ''].join('\n');
}

/** "200 windows (18.4 h), 150 downlink sessions (6.8 h), 57 lost to antenna contention". */
export function formatContacts(c: RunSummary['contacts']): string {
  return (
    `${c.windows} windows (${formatNumber(c.contactHours, 1)} h), ${c.sessions} downlink sessions ` +
    `(${formatNumber(c.sessionHours, 1)} h), ${c.deniedWindows} lost to antenna contention`
  );
}

/** "10 sessions, 10.3 min" of a satellite's or a shell's downlink service. */
export function formatService(sv: Pick<DownlinkService, 'sessions' | 'sessionMinutes'>): string {
  return `${sv.sessions} sessions, ${formatNumber(sv.sessionMinutes, 1)} min`;
}

/** "SCS-01 K (tle/three-body.tle): 10 sessions, 10.3 min", or that every satellite was lost. */
export function formatLeastServed(f: FairnessSummary): string {
  const l = f.leastServed;
  return l ? `${l.name} (${l.shell}): ${formatService(l)}` : 'every satellite was lost';
}

/** "Jain index of minutes 0.78", or that nothing was sent. */
export function formatJain(f: FairnessSummary): string {
  return f.jainIndexMinutes === null ? 'no sessions' : `Jain index of minutes ${formatNumber(f.jainIndexMinutes, 2)}`;
}

/** Two lines: the scheduler and the least-served satellite; sessions, hours and bytes down per shell. */
export function formatFairness(f: FairnessSummary): string[] {
  const bytes = (sv: DownlinkService) => Object.values(sv.bytesDownlinked).map(formatBytes).join(' / ');
  const modes = f.shells[0] ? Object.keys(f.shells[0].bytesDownlinked).join(' / ') : '';
  const least = f.leastServed ? `least served ${formatLeastServed(f)}` : formatLeastServed(f);
  return [
    `scheduler ${f.policy}, ${f.handOvers} hand-overs; ${least}; ${f.satellitesWithoutSession} satellites never served; ${formatJain(f)}`,
    `per shell (sessions, hours, down ${modes}): ` +
      f.shells.map((sh) => `${sh.name} × ${sh.satellites}: ${sh.sessions}, ${formatNumber(sh.sessionMinutes / 60, 1)} h, ${bytes(sh)}`).join('; '),
  ];
}

/** Lost satellites, one line each (name, NORAD, time, reason), at most `max` then a count: for the console. */
export function formatLostSatellites(satellites: readonly SatelliteInfo[], max = 20): string {
  const lost = satellites.filter((s) => s.lostAtMs !== null);
  const lines = lost.slice(0, max).map((s) => `lost: ${s.name} (NORAD ${s.norad}) at ${isoUtc(s.lostAtMs!)}: ${s.lostReason ?? 'unknown reason'}`);
  if (lost.length > max)
    lines.push(`lost: … and ${(lost.length - max).toLocaleString('en-US')} more satellites (every one is in the JSON export's satellites)`);
  return lines.join('\n');
}
