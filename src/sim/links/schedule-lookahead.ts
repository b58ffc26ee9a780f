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

/** Relative weight bonus of a pair already in service: a tie never hands an antenna over. */
const HOLD_BONUS = 1e-6;

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
  const planner = new Planner(inp, opt);
  planner.run();
  const sorted = sortSessions(planner.sessions);
  const { denied, contendedS } = contentionOf(inp.windows, sorted, inp.acquisitionS);
  return { sessions: sorted, deniedWindows: denied, contendedS, handOvers: planner.handOvers };
}

/**
 * The planner's state. Decision times: every slot boundary, the LOS of a served window (its antenna frees) and the
 * AOS of a window at a station with an antenna free (so no antenna idles while a risen satellite waits); in between
 * the assignment holds. Only risen windows are candidates: no antenna is reserved ahead of a rise.
 */
class Planner {
  readonly sessions: DownlinkSession[] = [];
  handOvers = 0;
  private readonly ws: Input['windows'];
  private readonly slotMs: number;
  private readonly acqMs: number;
  private readonly minMs: number;
  private readonly tracker: BacklogTracker;
  private readonly rise: NextRise;
  private readonly byAos: number[];
  /** Window → its session's service start, ms. */
  private readonly serving = new Map<number, number>();
  private active: number[] = [];
  private ia = 0;

  constructor(
    private readonly inp: Input,
    private readonly opt: SchedulerOptions,
  ) {
    this.ws = inp.windows;
    this.slotMs = opt.slotS * 1000;
    this.acqMs = inp.acquisitionS * 1000;
    this.minMs = inp.minSessionS * 1000;
    this.tracker = new BacklogTracker(inp.demand, inp.satCount, inp.startMs);
    this.rise = new NextRise(inp);
    this.byAos = this.ws.map((_, i) => i).sort((a, b) => this.ws[a]!.aosMs - this.ws[b]!.aosMs || a - b);
  }

  run(): void {
    const ws = this.ws;
    for (let aMs = this.inp.startMs; aMs < this.inp.endMs;) {
      for (; this.ia < this.byAos.length && ws[this.byAos[this.ia]!]!.aosMs <= aMs; this.ia++) this.active.push(this.byAos[this.ia]!);
      this.active = this.active.filter((wi) => {
        if (ws[wi]!.losMs > aMs) return true;
        if (this.serving.has(wi)) this.end(wi, ws[wi]!.losMs);
        return false;
      });
      this.plan(aMs);
      if (this.ia >= this.byAos.length && this.active.length === 0) break;
      aMs = this.nextDecision(aMs);
    }
    for (const wi of [...this.serving.keys()]) this.end(wi, Math.min(ws[wi]!.losMs, this.inp.endMs));
  }

  private end(wi: number, tMs: number): void {
    const w = this.ws[wi]!;
    const fromMs = this.serving.get(wi)!;
    if (tMs - fromMs >= this.minMs) this.sessions.push({ satIndex: w.satIndex, stationIndex: w.stationIndex, windowIndex: wi, startMs: fromMs, endMs: tMs });
    this.tracker.stopServing(w.satIndex, tMs);
    this.serving.delete(wi);
  }

  /** The matching at aMs: served pairs not chosen are handed over, chosen new pairs start (after acquisition). */
  private plan(aMs: number): void {
    // A pair in acquisition or in its first minimum session keeps its antenna (as in `priority`): no empty sessions.
    const cap = this.inp.antennasByStation.slice();
    const locked = new Set<number>();
    for (const [wi, fromMs] of this.serving)
      if (aMs < fromMs + this.minMs) {
        locked.add(this.ws[wi]!.satIndex);
        cap[this.ws[wi]!.stationIndex]!--;
      }
    const cands = candidates(this.active, this.serving, aMs, this.acqMs, this.minMs, this.inp).filter((c) => !locked.has(c.sat));
    const picked = matchSlot(cands, aMs, this.slotMs, this.acqMs, this.opt, this.inp, this.tracker, this.rise, cap);
    const chosen = new Set(picked.map((k) => cands[k]!.window));
    for (const [wi, fromMs] of this.serving) if (aMs < fromMs + this.minMs) chosen.add(wi);
    for (const wi of [...this.serving.keys()])
      if (!chosen.has(wi)) {
        this.end(wi, aMs);
        this.handOvers++;
      }
    for (const k of picked) {
      const c = cands[k]!;
      if (this.serving.has(c.window)) continue;
      this.serving.set(c.window, c.fromMs);
      this.tracker.startServing(c.sat, c.window, aMs, c.fromMs);
    }
  }

  /** The next slot boundary, or earlier: a served window's LOS, or an AOS at a station with an antenna free. */
  private nextDecision(aMs: number): number {
    const ws = this.ws;
    const { startMs, endMs } = this.inp;
    let bMs = Math.min(startMs + (Math.floor((aMs - startMs) / this.slotMs) + 1) * this.slotMs, endMs);
    const used = new Int32Array(this.inp.antennasByStation.length);
    for (const wi of this.serving.keys()) {
      used[ws[wi]!.stationIndex]!++;
      if (ws[wi]!.losMs < bMs) bMs = ws[wi]!.losMs;
    }
    for (let i = this.ia; i < this.byAos.length && ws[this.byAos[i]!]!.aosMs < bMs; i++) {
      const w = ws[this.byAos[i]!]!;
      if (used[w.stationIndex]! < this.inp.antennasByStation[w.stationIndex]!) bMs = w.aosMs;
    }
    // Nothing in view and nothing served: jump to the slot of the next rise.
    if (this.active.length === 0 && this.serving.size === 0 && this.ia < this.byAos.length) {
      const nextAos = ws[this.byAos[this.ia]!]!.aosMs;
      if (nextAos > bMs) bMs = Math.min(endMs, Math.max(bMs, nextAos));
    }
    return Math.max(bMs, aMs + 1);
  }
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
  cap: readonly number[],
): number[] {
  if (cands.length === 0) return [];
  const left = new Map<number, number>();
  const horizonMs = opt.horizonH * 3_600_000;
  const edges: MatchEdge[] = cands.map((c) => {
    if (!left.has(c.sat)) left.set(c.sat, left.size);
    const w = inp.windows[c.window]!;
    // The pair's next slot of service (plus the acquisition a new pair spends first).
    const evalEndMs = Math.min(w.losMs, Math.max(aMs, w.aosMs) + slotMs + acqMs);
    const fromMs = Math.max(aMs, c.fromMs);
    const capBytes = evalEndMs > fromMs ? inp.demand.capacityBytes(c.window, fromMs, evalEndMs) : 0;
    const useful = Math.min(capBytes, tracker.backlogBytes(c.sat, aMs));
    const waitS = Math.min(horizonMs, rise.after(c.sat, aMs + slotMs) - aMs) / 1000;
    const weight = (useful * (1 + tracker.ageS(c.sat, aMs) / opt.agingS) * waitS + IDLE_WEIGHT_PER_BYTE * capBytes) * (c.fromMs < aMs ? 1 + HOLD_BONUS : 1);
    return { left: left.get(c.sat)!, right: c.station, weight };
  });
  return maxWeightBMatching(left.size, cap, edges);
}
