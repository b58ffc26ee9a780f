// The data-aware schedulers' estimate of the data waiting on each satellite, advanced as the schedule is built:
// bytes captured (DemandModel) minus bytes its sessions so far could carry, first in first out, so the oldest
// waiting byte's capture time gives the data's age. Lazy: a satellite is brought up to date only when asked.
// Pure; imports only types.
import type { DemandModel } from './scheduler.ts';

export class BacklogTracker {
  private readonly lastMs: Float64Array;
  private readonly captured: Float64Array;
  private readonly sent: Float64Array;
  /** Window serving the satellite (−1: none) and the time its service began (after acquisition), ms. */
  private readonly servingWindow: Int32Array;
  private readonly servingFromMs: Float64Array;

  constructor(
    private readonly demand: DemandModel,
    satCount: number,
    startMs: number,
  ) {
    this.lastMs = new Float64Array(satCount).fill(startMs);
    this.captured = new Float64Array(satCount);
    this.sent = new Float64Array(satCount);
    this.servingWindow = new Int32Array(satCount).fill(-1);
    this.servingFromMs = new Float64Array(satCount);
  }

  /** Brings satellite s up to tMs: adds its capture and, while it is served, what the link carried (at most what waits). */
  update(s: number, tMs: number): void {
    const last = this.lastMs[s]!;
    if (!(tMs > last)) return;
    const w = this.servingWindow[s]!;
    if (w >= 0) {
      const from = Math.max(last, this.servingFromMs[s]!);
      if (from > last) this.capture(s, from);
      const newly = this.demand.capturedToMs(s, tMs) - this.captured[s]!;
      const carried = tMs > from ? this.demand.capacityBytes(w, from, tMs) : 0;
      this.sent[s] = Math.min(this.sent[s]! + carried, this.captured[s]! + newly);
      this.captured[s]! += newly;
    } else this.capture(s, tMs);
    this.lastMs[s] = tMs;
  }

  private capture(s: number, tMs: number): void {
    this.captured[s] = Math.max(this.captured[s]!, this.demand.capturedToMs(s, tMs));
    this.lastMs[s] = tMs;
  }

  /** Satellite s is served by window w from `fromMs` on (its acquisition ends then). */
  startServing(s: number, w: number, atMs: number, fromMs: number): void {
    this.update(s, atMs);
    this.servingWindow[s] = w;
    this.servingFromMs[s] = fromMs;
  }

  /** Service of satellite s ends at tMs. */
  stopServing(s: number, tMs: number): void {
    this.update(s, tMs);
    this.servingWindow[s] = -1;
  }

  /** Bytes waiting on satellite s at tMs. */
  backlogBytes(s: number, tMs: number): number {
    this.update(s, tMs);
    return Math.max(0, this.captured[s]! - this.sent[s]!);
  }

  /** Age of the oldest byte waiting on satellite s at tMs, s (0 when nothing waits). */
  ageS(s: number, tMs: number): number {
    if (this.backlogBytes(s, tMs) <= 0) return 0;
    return Math.max(0, (tMs - this.demand.captureTimeMs(s, this.sent[s]!)) / 1000);
  }

  /** The priority score: bytes waiting × (1 + age / agingS). */
  score(s: number, tMs: number, agingS: number): number {
    const bytes = this.backlogBytes(s, tMs);
    return bytes > 0 ? bytes * (1 + this.ageS(s, tMs) / agingS) : 0;
  }
}
