// Antenna scheduling: turns contact windows into downlink sessions under one of three policies (docs/model.md §5):
// `first-come` (schedule-first-come.ts), `priority` by data waiting and its age with pre-emption at window
// boundaries (schedule-priority.ts), and `lookahead`, a maximum-weight matching per slot weighted by how long the
// data would otherwise wait (schedule-lookahead.ts). Independent of the processing mode, so all modes see the same
// sessions. Pure; imports only links/ modules (the engine passes in what the data-aware policies need to know).
import { scheduleFirstCome } from './schedule-first-come.ts';
import { scheduleLookahead } from './schedule-lookahead.ts';
import { schedulePriority } from './schedule-priority.ts';

export { scheduleFirstCome as scheduleDownlinks } from './schedule-first-come.ts';

export interface WindowLike {
  satIndex: number;
  stationIndex: number;
  aosMs: number;
  losMs: number;
  maxElevationDeg: number;
}

/** A scheduled downlink session: the satellite transmits to the station during [startMs, endMs]. */
export interface DownlinkSession {
  satIndex: number;
  stationIndex: number;
  /** Index of the contact window it came from (a window may give several sessions when it is handed over). */
  windowIndex: number;
  startMs: number;
  endMs: number;
}

export interface ScheduleResult {
  sessions: DownlinkSession[];
  /** Windows that got no time: antenna busy or satellite radio busy for the whole window. */
  deniedWindows: number;
  /** Window-seconds lost to contention (beyond acquisition). */
  contendedS: number;
  /** Times an antenna was taken from a satellite still in view and given to another (priority, lookahead). */
  handOvers: number;
}

export const SCHEDULER_POLICIES = ['first-come', 'priority', 'lookahead'] as const;
export type SchedulerPolicy = (typeof SCHEDULER_POLICIES)[number];

/** The scenario's `scheduler` block (units in the names; ranges in src/sim/scenario/schema-scheduler.ts). */
export interface SchedulerOptions {
  policy: SchedulerPolicy;
  /** Age at which waiting data counts double in the priority (both data-aware policies), s. */
  agingS: number;
  /** priority: a rising satellite takes a busy antenna only if its score exceeds the holder's × (1 + margin). */
  preemptionMargin: number;
  /** lookahead: how far ahead the planner looks for a satellite's next contact, h. */
  horizonH: number;
  /** lookahead: planning slot; hand-overs happen at slot boundaries, s. */
  slotS: number;
}

/**
 * What the data-aware policies know of the data waiting onboard, an estimate shared by every mode: the bent-pipe
 * backlog (what the satellite captured minus what its earlier sessions could carry; docs/model.md §5). Queries for
 * one satellite come with non-decreasing times (and bytes), which the engine's implementation answers in O(1)
 * amortised.
 */
export interface DemandModel {
  /** Bytes satellite s captured from the run start to tMs. */
  capturedToMs(s: number, tMs: number): number;
  /** When satellite s's capture since the run start reached `bytes`, ms (the capture time of that byte). */
  captureTimeMs(s: number, bytes: number): number;
  /** Bytes the link of window w carries during [aMs, bMs]. */
  capacityBytes(w: number, aMs: number, bMs: number): number;
}

export interface ScheduleInput {
  windows: readonly WindowLike[];
  antennasByStation: readonly number[];
  satCount: number;
  acquisitionS: number;
  /** Run start and end, ms (the look-ahead's slot grid starts at the run start). */
  startMs: number;
  endMs: number;
  /** Needed by `priority` and `lookahead`; `first-come` ignores it. */
  demand?: DemandModel;
  /** Shortest session worth scheduling, s. Assumption: 1 s (below that the acquisition overhead dominates). */
  minSessionS?: number;
}

/** The sessions of `input` under the chosen policy, sorted by start time then satellite. */
export function scheduleSessions(input: ScheduleInput, options: SchedulerOptions): ScheduleResult {
  const minSessionS = input.minSessionS ?? 1;
  if (options.policy === 'first-come') return scheduleFirstCome(input.windows, input.antennasByStation, input.satCount, input.acquisitionS, minSessionS);
  if (!input.demand) throw new RangeError(`scheduler.policy ${options.policy} needs the demand model (the data waiting onboard)`);
  const full = { ...input, demand: input.demand, minSessionS };
  return options.policy === 'priority' ? schedulePriority(full, options) : scheduleLookahead(full, options);
}

/** Sessions in output order: start time, then satellite. */
export function sortSessions(sessions: DownlinkSession[]): DownlinkSession[] {
  return sessions.sort((a, b) => a.startMs - b.startMs || a.satIndex - b.satIndex || a.stationIndex - b.stationIndex);
}

/**
 * Denied windows (no session) and window-seconds not served beyond one acquisition per session, for the policies
 * that may split a window into several sessions.
 */
export function contentionOf(
  windows: readonly WindowLike[],
  sessions: readonly DownlinkSession[],
  acquisitionS: number,
): { denied: number; contendedS: number } {
  const servedMs = new Float64Array(windows.length);
  const count = new Uint32Array(windows.length);
  for (const s of sessions) {
    servedMs[s.windowIndex]! += s.endMs - s.startMs;
    count[s.windowIndex]!++;
  }
  let denied = 0;
  let contendedMs = 0;
  windows.forEach((w, i) => {
    if (count[i] === 0) denied++;
    contendedMs += Math.max(0, w.losMs - w.aosMs - servedMs[i]! - count[i]! * acquisitionS * 1000);
  });
  return { denied, contendedS: contendedMs / 1000 };
}
