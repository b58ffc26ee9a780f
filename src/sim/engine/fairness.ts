// Who got the antennas: sessions, session minutes and bytes downlinked (per mode) per satellite and per shell (a
// constellation source), the least-served satellite and Jain's fairness index of the minutes. Part of the summary
// stage; reads only the catalogue, the schedule and the modes' per-session bytes. Pure.
import type { CatalogRecord } from '../catalog/types.ts';
import type { ScheduleResult } from '../links/scheduler.ts';
import type { ProcessingMode, Scenario } from '../scenario/schema.ts';
import type { GeometryResult } from './geometry-pass.ts';
import type { ModeOutcome } from './usage.ts';

/** Downlink service of one satellite or one shell over the run. */
export interface DownlinkService {
  sessions: number;
  sessionMinutes: number;
  /** Bytes sent over the downlink (raw + results) per simulated mode. */
  bytesDownlinked: Partial<Record<ProcessingMode, number>>;
}

export interface ShellService extends DownlinkService {
  /** The constellation source's label (a Walker shell's label, an element file's name). */
  name: string;
  satellites: number;
}

export interface LeastServed extends DownlinkService {
  norad: number;
  name: string;
  shell: string;
}

export interface FairnessSummary {
  /** `scheduler.policy` of the run. */
  policy: string;
  /** Antennas taken from a satellite still in view and given to another. */
  handOvers: number;
  satellitesWithoutSession: number;
  /** Jain's index of session minutes over the satellites, (Σx)² / (n Σx²): 1 equal, 1/n one satellite has all; null without sessions. */
  jainIndexMinutes: number | null;
  /** The satellite (not lost during the run) with the fewest session minutes, then bytes; null when all were lost. */
  leastServed: LeastServed | null;
  shells: ShellService[];
}

const emptyService = (modes: readonly ModeOutcome[]): DownlinkService => ({
  sessions: 0,
  sessionMinutes: 0,
  bytesDownlinked: Object.fromEntries(modes.map((o) => [o.mode, 0])),
});

function add(into: DownlinkService, from: DownlinkService): void {
  into.sessions += from.sessions;
  into.sessionMinutes += from.sessionMinutes;
  for (const [m, b] of Object.entries(from.bytesDownlinked) as [ProcessingMode, number][]) into.bytesDownlinked[m] = (into.bytesDownlinked[m] ?? 0) + b;
}

/** Per satellite, in satellite order. */
export function serviceBySatellite(satCount: number, schedule: ScheduleResult, outcomes: readonly ModeOutcome[]): DownlinkService[] {
  const out = Array.from({ length: satCount }, () => emptyService(outcomes));
  schedule.sessions.forEach((ses, i) => {
    const sv = out[ses.satIndex]!;
    sv.sessions++;
    sv.sessionMinutes += (ses.endMs - ses.startMs) / 60_000;
    for (const o of outcomes) sv.bytesDownlinked[o.mode]! += o.bytesBySession[i]!;
  });
  return out;
}

export function fairnessSummary(
  scenario: Scenario,
  records: readonly CatalogRecord[],
  geo: Pick<GeometryResult, 'lostAtStep'>,
  schedule: ScheduleResult,
  outcomes: readonly ModeOutcome[],
): FairnessSummary {
  const bySat = serviceBySatellite(records.length, schedule, outcomes);
  const shells = new Map<string, ShellService>();
  let least = -1;
  const firstMode = outcomes[0]?.mode;
  const bytesOf = (s: number) => (firstMode ? bySat[s]!.bytesDownlinked[firstMode]! : 0);
  let sum = 0;
  let sumSq = 0;
  records.forEach((r, s) => {
    const sv = bySat[s]!;
    let shell = shells.get(r.source);
    if (!shell) shells.set(r.source, (shell = { name: r.source, satellites: 0, ...emptyService(outcomes) }));
    shell.satellites++;
    add(shell, sv);
    sum += sv.sessionMinutes;
    sumSq += sv.sessionMinutes ** 2;
    if (geo.lostAtStep[s]! >= 0) return;
    const l = bySat[least];
    if (!l || sv.sessionMinutes < l.sessionMinutes || (sv.sessionMinutes === l.sessionMinutes && bytesOf(s) < bytesOf(least))) least = s;
  });
  const l = least >= 0 ? records[least]! : null;
  return {
    policy: scenario.scheduler.policy,
    handOvers: schedule.handOvers,
    satellitesWithoutSession: bySat.filter((x) => x.sessions === 0).length,
    jainIndexMinutes: sumSq > 0 ? (sum * sum) / (records.length * sumSq) : null,
    leastServed: l ? { norad: l.norad, name: l.name, shell: l.source, ...bySat[least]! } : null,
    shells: [...shells.values()],
  };
}
