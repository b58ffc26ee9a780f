// Link acquisition over time: remembers since when each ISL has been up, so a new link carries data only
// after the acquisition time. Pure; imports only links/isl-edges.ts. No allocation per step.
import type { IslEdgeList } from './isl-edges.ts';

/**
 * Tracks link ages between successive `update` calls. A link present at two consecutive samples is taken to
 * have stayed up in between (the sampling assumption); one absent at a sample must be acquired again. A link
 * first seen at sample k became possible at an unknown time in (t[k−1], t[k]]: it is taken to start acquiring at
 * the midpoint (t[k−1] + t[k]) / 2, the unbiased guess for a uniformly distributed start.
 * Layout: per satellite `maxDegree` slots, `[s*maxDegree + k]` partner index and up-since time (ms).
 */
export class IslAcquisitionTracker {
  private prevPartner: Int32Array;
  private prevSinceMs: Float64Array;
  private prevN: Int32Array;
  private curPartner: Int32Array;
  private curSinceMs: Float64Array;
  private curN: Int32Array;
  private started = false;
  private prevTimeMs = 0;

  /** @param maxDegree most links of one satellite (IslParams.terminalsPerSat, at least 4 for +Grid). */
  constructor(
    readonly satCount: number,
    readonly maxDegree: number,
  ) {
    const n = satCount * maxDegree;
    this.prevPartner = new Int32Array(n);
    this.prevSinceMs = new Float64Array(n);
    this.prevN = new Int32Array(satCount);
    this.curPartner = new Int32Array(n);
    this.curSinceMs = new Float64Array(n);
    this.curN = new Int32Array(satCount);
  }

  /**
   * Records the links present at `tMs` (increasing from call to call) and writes, per edge `e`,
   * `upSinceMsOut[e]` (−Infinity for links present at the first update: the run starts with an established
   * network) and `usableOut[e]` = 1 when the link has been up for ≥ acquisitionS. Never throws; links beyond maxDegree per satellite are not tracked
   * (treated as new each step).
   */
  update(edges: IslEdgeList, tMs: number, acquisitionS: number, usableOut: Uint8Array, upSinceMsOut?: Float64Array): void {
    this.curN.fill(0);
    const newSinceMs = (this.prevTimeMs + tMs) / 2;
    for (let e = 0; e < edges.count; e++) {
      const a = edges.a[e]!;
      const b = edges.b[e]!;
      const since = this.started ? this.previousSince(a, b, newSinceMs) : -Infinity;
      this.remember(a, b, since);
      this.remember(b, a, since);
      usableOut[e] = tMs - since >= acquisitionS * 1000 ? 1 : 0;
      if (upSinceMsOut) upSinceMsOut[e] = since;
    }
    this.started = true;
    this.prevTimeMs = tMs;
    const partner = this.prevPartner;
    this.prevPartner = this.curPartner;
    this.curPartner = partner;
    const since = this.prevSinceMs;
    this.prevSinceMs = this.curSinceMs;
    this.curSinceMs = since;
    const count = this.prevN;
    this.prevN = this.curN;
    this.curN = count;
  }

  /** Forgets every link (e.g. when the run restarts). */
  reset(): void {
    this.prevN.fill(0);
    this.started = false;
  }

  private previousSince(a: number, b: number, newSinceMs: number): number {
    const d = this.maxDegree;
    for (let k = 0; k < this.prevN[a]!; k++) if (this.prevPartner[a * d + k] === b) return this.prevSinceMs[a * d + k]!;
    return newSinceMs;
  }

  private remember(s: number, partner: number, sinceMs: number): void {
    const n = this.curN[s]!;
    if (n >= this.maxDegree) return;
    this.curPartner[s * this.maxDegree + n] = partner;
    this.curSinceMs[s * this.maxDegree + n] = sinceMs;
    this.curN[s] = n + 1;
  }
}
