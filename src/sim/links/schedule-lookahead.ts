// Scheduling policy `lookahead`: the run is cut into slots (`slotS`); in each slot the antennas are given to
// satellites by a maximum-weight matching (max-weight-matching.ts) over every station at once, a satellite taking at
// most one antenna. The weight of satellite s at a station is the bytes it can send in the next slot (at most what
// waits, BacklogTracker) × (1 + age / agingS) × how long those bytes would otherwise wait: the time until s next
// rises over any station, looked up over the horizon (`horizonH`, capped there). So a satellite about to leave all
// coverage is served before one that will be back soon, older data before newer. A new pair loses the acquisition
// time, so the planner hands an antenna over only when it pays. MaxWeight scheduling (Tassiulas & Ephremides 1992)
// with a look-ahead weight; a rolling horizon as EarthSight (MLSys 2026) plans ground contacts 6 h ahead.
// Pure; imports only links/ modules.
import { BacklogTracker } from './backlog-tracker.ts';
import { maxWeightBMatching, type MatchEdge } from './max-weight-matching.ts';
import {
  contentionOf,
  sortSessions,
  type DemandModel,
  type DownlinkSession,
  type ScheduleInput,
  type ScheduleResult,
  type SchedulerOptions,
} from './scheduler.ts';

type Input = ScheduleInput & { demand: DemandModel; minSessionS: number };

/** Weight per byte-second of a pair that carries nothing useful (no data waiting): keeps antennas busy, never wins. */
const IDLE_WEIGHT_PER_BYTE = 1e-9;

interface Candidate {
  window: number;
  sat: number;
  station: number;
  /** Service would start at this time (after acquisition for a new pair), ms. */
  fromMs: number;
}

/** Per satellite, the AOS times of its windows in order, with a cursor that only moves forward. */
class NextRise {
  private readonly aos: number[][];
  private readonly at: Int32Array;
  constructor(inp: Input) {
    this.aos = Array.from({ length: inp.satCount }, () => []);
    for (const w of inp.windows) this.aos[w.satIndex]!.push(w.aosMs);
    for (const list of this.aos) list.sort((a, b) => a - b);
    this.at = new Int32Array(inp.satCount);
  }
  /** The first AOS of satellite s at or after tMs (Infinity if none); tMs must not decrease between calls for s. */
  after(s: number, tMs: number): number {
    const list = this.aos[s]!;
    let i = this.at[s]!;
    while (i < list.length && list[i]! < tMs) i++;
    this.at[s] = i;
    return i < list.length ? list[i]! : Infinity;
  }
}

export function scheduleLookahead(inp: Input, opt: SchedulerOptions): ScheduleResult {
  const ws = inp.windows;
  const slotMs = opt.slotS * 1000;
  const acqMs = inp.acquisitionS * 1000;
  const minMs = inp.minSessionS * 1000;
  const tracker = new BacklogTracker(inp.demand, inp.satCount, inp.startMs);
  const rise = new NextRise(inp);
  const byAos = ws.map((_, i) => i).sort((a, b) => ws[a]!.aosMs - ws[b]!.aosMs || a - b);
  const serving = new Map<number, number>(); // window → service start, ms
  const sessions: DownlinkSession[] = [];
  let handOvers = 0;
  let active: number[] = [];
  let ia = 0;
  const end = (wi: number, tMs: number) => {
    const w = ws[wi]!;
    const fromMs = serving.get(wi)!;
    if (tMs - fromMs >= minMs) sessions.push({ satIndex: w.satIndex, stationIndex: w.stationIndex, windowIndex: wi, startMs: fromMs, endMs: tMs });
    tracker.stopServing(w.satIndex, tMs);
    serving.delete(wi);
  };
  for (let aMs = inp.startMs; aMs < inp.endMs;) {
    if (active.length === 0 && ia < byAos.length && ws[byAos[ia]!]!.aosMs >= aMs + slotMs)
      aMs = Math.max(aMs, inp.startMs + Math.floor((ws[byAos[ia]!]!.aosMs - inp.startMs) / slotMs) * slotMs); // skip empty slots
    const gridMs = inp.startMs + (Math.floor((aMs - inp.startMs) / slotMs) + 1) * slotMs;
    let bMs = Math.min(gridMs, inp.endMs);
    for (; ia < byAos.length && ws[byAos[ia]!]!.aosMs < bMs; ia++) active.push(byAos[ia]!);
    active = active.filter((wi) => {
      if (ws[wi]!.losMs > aMs) return true;
      if (serving.has(wi)) end(wi, ws[wi]!.losMs);
      return false;
    });
    const cands = candidates(active, serving, aMs, acqMs, minMs, inp);
    const chosen = new Set(matchSlot(cands, aMs, slotMs, acqMs, opt, inp, tracker, rise).map((k) => cands[k]!.window));
    for (const wi of [...serving.keys()])
      if (!chosen.has(wi)) {
        end(wi, aMs);
        handOvers++;
      }
    for (const c of cands)
      if (chosen.has(c.window) && !serving.has(c.window)) {
        serving.set(c.window, c.fromMs);
        tracker.startServing(c.sat, c.window, aMs, c.fromMs);
      }
    if (ia >= byAos.length && active.length === 0) break;
    // Re-plan when a served satellite sets before the next slot, so its antenna is not left idle.
    for (const wi of serving.keys()) if (ws[wi]!.losMs > aMs && ws[wi]!.losMs < bMs) bMs = ws[wi]!.losMs;
    aMs = bMs;
  }
  for (const wi of [...serving.keys()]) end(wi, Math.min(ws[wi]!.losMs, inp.endMs));
  const sorted = sortSessions(sessions);
  const { denied, contendedS } = contentionOf(ws, sorted, inp.acquisitionS);
  return { sessions: sorted, deniedWindows: denied, contendedS, handOvers };
}

/** The pairs that may hold an antenna in the slot starting at aMs: served ones go on, new ones need room for a session. */
function candidates(active: readonly number[], serving: ReadonlyMap<number, number>, aMs: number, acqMs: number, minMs: number, inp: Input): Candidate[] {
  const out: Candidate[] = [];
  for (const wi of active) {
    const w = inp.windows[wi]!;
    const going = serving.get(wi);
    const fromMs = going ?? Math.max(aMs, w.aosMs) + acqMs;
    if (going === undefined && fromMs + minMs > w.losMs) continue;
    out.push({ window: wi, sat: w.satIndex, station: w.stationIndex, fromMs });
  }
  return out;
}

/** Indices of the candidates the slot's maximum-weight matching gives an antenna. */
function matchSlot(
  cands: readonly Candidate[],
  aMs: number,
  slotMs: number,
  acqMs: number,
  opt: SchedulerOptions,
  inp: Input,
  tracker: BacklogTracker,
  rise: NextRise,
): number[] {
  if (cands.length === 0) return [];
  const left = new Map<number, number>();
  const horizonMs = opt.horizonH * 3_600_000;
  const edges: MatchEdge[] = cands.map((c) => {
    if (!left.has(c.sat)) left.set(c.sat, left.size);
    const w = inp.windows[c.window]!;
    // The pair's next slot of service (plus the acquisition a new pair spends first).
    const evalEndMs = Math.min(w.losMs, Math.max(aMs, w.aosMs) + slotMs + acqMs);
    const capBytes = evalEndMs > c.fromMs ? inp.demand.capacityBytes(c.window, c.fromMs, evalEndMs) : 0;
    const useful = Math.min(capBytes, tracker.backlogBytes(c.sat, aMs));
    const waitS = Math.min(horizonMs, rise.after(c.sat, aMs + slotMs) - aMs) / 1000;
    const weight = useful * (1 + tracker.ageS(c.sat, aMs) / opt.agingS) * waitS + IDLE_WEIGHT_PER_BYTE * capBytes;
    return { left: left.get(c.sat)!, right: c.station, weight };
  });
  return maxWeightBMatching(left.size, inp.antennasByStation, edges);
}
