// Scheduling policy `priority`: at every window boundary (an AOS or LOS at a station) the station's antennas go to
// the satellites in view with the highest score, bytes waiting × (1 + age of the oldest waiting byte / agingS)
// (BacklogTracker). A satellite rising over a station whose antennas are all busy pre-empts the lowest-scored holder
// when it scores more than that holder × (1 + preemptionMargin): the antenna is handed over, with a new acquisition.
// A holder in acquisition or in its first minimum session is not pre-empted; a satellite freed elsewhere takes only a
// free antenna. Work-conserving: an antenna is idle only when no satellite in view, with its radio free and enough
// window left, waits for it. Pure; imports only links/ modules.
import { BacklogTracker } from './backlog-tracker.ts';
import {
  contentionOf,
  sortSessions,
  type DemandModel,
  type DownlinkSession,
  type ScheduleInput,
  type ScheduleResult,
  type SchedulerOptions,
} from './scheduler.ts';

interface Holder {
  window: number;
  /** Service starts (acquisition over), ms. */
  fromMs: number;
}

type Input = ScheduleInput & { demand: DemandModel; minSessionS: number };

/** The event loop's state: open windows per station and satellite, antenna holders, the satellite holding each radio. */
class PriorityState {
  readonly openAtStation: number[][];
  readonly openBySat: number[][];
  readonly holders: Holder[][];
  /** Window holding satellite s's radio, −1 if none. */
  readonly busy: Int32Array;
  readonly sessions: DownlinkSession[] = [];
  readonly tracker: BacklogTracker;
  handOvers = 0;

  constructor(
    readonly inp: Input,
    readonly opt: SchedulerOptions,
  ) {
    this.openAtStation = inp.antennasByStation.map(() => []);
    this.openBySat = Array.from({ length: inp.satCount }, () => []);
    this.holders = inp.antennasByStation.map(() => []);
    this.busy = new Int32Array(inp.satCount).fill(-1);
    this.tracker = new BacklogTracker(inp.demand, inp.satCount, inp.startMs);
  }

  private acqMs(): number {
    return this.inp.acquisitionS * 1000;
  }

  /** Ends the holder's session at tMs and frees the satellite's radio and the antenna. */
  release(j: number, h: Holder, tMs: number): number {
    const w = this.inp.windows[h.window]!;
    if (tMs > h.fromMs) this.sessions.push({ satIndex: w.satIndex, stationIndex: j, windowIndex: h.window, startMs: h.fromMs, endMs: tMs });
    this.tracker.stopServing(w.satIndex, tMs);
    this.busy[w.satIndex] = -1;
    const list = this.holders[j]!;
    list.splice(list.indexOf(h), 1);
    return w.satIndex;
  }

  take(j: number, wi: number, tMs: number): void {
    const s = this.inp.windows[wi]!.satIndex;
    const fromMs = tMs + this.acqMs();
    this.holders[j]!.push({ window: wi, fromMs });
    this.busy[s] = wi;
    this.tracker.startServing(s, wi, tMs, fromMs);
  }

  /** Open windows at station j whose satellite's radio is free and that have room for a session, best first. */
  candidates(j: number, tMs: number): { wi: number; score: number }[] {
    const minMs = this.acqMs() + this.inp.minSessionS * 1000;
    const out: { wi: number; score: number }[] = [];
    for (const wi of this.openAtStation[j]!) {
      const w = this.inp.windows[wi]!;
      if (this.busy[w.satIndex]! >= 0 || w.losMs - tMs < minMs) continue;
      out.push({ wi, score: this.tracker.score(w.satIndex, tMs, this.opt.agingS) });
    }
    const ws = this.inp.windows;
    return out.sort((a, b) => b.score - a.score || ws[b.wi]!.maxElevationDeg - ws[a.wi]!.maxElevationDeg || ws[a.wi]!.satIndex - ws[b.wi]!.satIndex);
  }

  /**
   * Gives station j's free antennas to the best waiting satellites, then (with `preempt`) hands busy antennas over to
   * better ones. Returns the satellites it freed (pre-empted).
   */
  rebalance(j: number, tMs: number, preempt: boolean): number[] {
    const cands = this.candidates(j, tMs);
    const antennas = this.inp.antennasByStation[j]!;
    let next = 0;
    while (this.holders[j]!.length < antennas && next < cands.length) this.take(j, cands[next++]!.wi, tMs);
    const freed: number[] = [];
    if (!preempt) return freed;
    const protectMs = this.inp.minSessionS * 1000;
    while (next < cands.length) {
      let weakest: Holder | null = null;
      let weakestScore = Infinity;
      for (const h of this.holders[j]!) {
        if (tMs < h.fromMs + protectMs) continue;
        const sc = this.tracker.score(this.inp.windows[h.window]!.satIndex, tMs, this.opt.agingS) * (1 + this.opt.preemptionMargin);
        if (sc < weakestScore) [weakest, weakestScore] = [h, sc];
      }
      const c = cands[next++]!;
      if (!weakest || !(c.score > weakestScore)) break;
      freed.push(this.release(j, weakest, tMs));
      this.handOvers++;
      this.take(j, c.wi, tMs);
    }
    return freed;
  }
}

export function schedulePriority(inp: Input, opt: SchedulerOptions): ScheduleResult {
  const ws = inp.windows;
  const st = new PriorityState(inp, opt);
  const byAos = ws.map((_, i) => i).sort((a, b) => ws[a]!.aosMs - ws[b]!.aosMs || a - b);
  const byLos = ws.map((_, i) => i).sort((a, b) => ws[a]!.losMs - ws[b]!.losMs || a - b);
  let ia = 0;
  let il = 0;
  while (ia < byAos.length || il < byLos.length) {
    const tMs = Math.min(ia < byAos.length ? ws[byAos[ia]!]!.aosMs : Infinity, il < byLos.length ? ws[byLos[il]!]!.losMs : Infinity);
    const dirty = new Map<number, boolean>(); // station → may pre-empt
    const freed: number[] = [];
    for (; il < byLos.length && ws[byLos[il]!]!.losMs <= tMs; il++) closeWindow(st, byLos[il]!, tMs, dirty, freed);
    for (; ia < byAos.length && ws[byAos[ia]!]!.aosMs <= tMs; ia++) {
      const wi = byAos[ia]!;
      if (ws[wi]!.losMs <= tMs) continue; // opened and closed at once
      st.openAtStation[ws[wi]!.stationIndex]!.push(wi);
      st.openBySat[ws[wi]!.satIndex]!.push(wi);
      dirty.set(ws[wi]!.stationIndex, true);
    }
    markFreed(st, freed, dirty);
    while (dirty.size > 0) {
      const j = Math.min(...dirty.keys());
      const preempt = dirty.get(j)!;
      dirty.delete(j);
      markFreed(st, st.rebalance(j, tMs, preempt), dirty);
    }
  }
  const sessions = sortSessions(st.sessions);
  const { denied, contendedS } = contentionOf(ws, sessions, inp.acquisitionS);
  return { sessions, deniedWindows: denied, contendedS, handOvers: st.handOvers };
}

/** A window sets: its session (if it holds an antenna) ends at LOS; its station gets a boundary event. */
function closeWindow(st: PriorityState, wi: number, tMs: number, dirty: Map<number, boolean>, freed: number[]): void {
  const w = st.inp.windows[wi]!;
  const j = w.stationIndex;
  const at = st.openAtStation[j]!;
  const k = at.indexOf(wi);
  if (k < 0) return; // never opened (zero length)
  at.splice(k, 1);
  const bySat = st.openBySat[w.satIndex]!;
  bySat.splice(bySat.indexOf(wi), 1);
  const h = st.holders[j]!.find((x) => x.window === wi);
  if (h) freed.push(st.release(j, h, w.losMs));
  dirty.set(j, true);
}

/** Stations where freed satellites are in view get to fill free antennas (no pre-emption: not their boundary). */
function markFreed(st: PriorityState, freed: readonly number[], dirty: Map<number, boolean>): void {
  for (const s of freed)
    for (const wi of st.openBySat[s]!) if (!dirty.has(st.inp.windows[wi]!.stationIndex)) dirty.set(st.inp.windows[wi]!.stationIndex, false);
}
