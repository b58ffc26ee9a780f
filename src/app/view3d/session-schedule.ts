// Which downlink sessions are active at a time, without scanning all sessions each frame: sessions sorted
// by start, a binary search, then a backward scan bounded by the longest session. Pure; no three or React.
import type { SessionRecord } from '../../sim/engine/result-types.ts';

export class SessionSchedule {
  private order = new Int32Array(0);
  private startsMs = new Float64Array(0);
  private maxDurationMs = 0;
  sessions: readonly SessionRecord[] = [];

  /** Rebuilds the index (on run change). */
  rebuild(sessions: readonly SessionRecord[]): void {
    this.sessions = sessions;
    const idx = sessions.map((_, i) => i).sort((a, b) => sessions[a]!.startMs - sessions[b]!.startMs);
    this.order = Int32Array.from(idx);
    this.startsMs = Float64Array.from(idx, (i) => sessions[i]!.startMs);
    this.maxDurationMs = sessions.reduce((m, s) => Math.max(m, s.endMs - s.startMs), 0);
  }

  /**
   * Writes the indices (into `sessions`) of the sessions with startMs ≤ t < endMs into `out`, at most
   * `out.length`; returns how many.
   */
  activeAt(timeMs: number, out: Int32Array): number {
    const starts = this.startsMs;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= timeMs) lo = mid + 1;
      else hi = mid;
    }
    let n = 0;
    for (let j = lo - 1; j >= 0 && n < out.length; j--) {
      if (starts[j]! < timeMs - this.maxDurationMs) break;
      const i = this.order[j]!;
      if (timeMs < this.sessions[i]!.endMs) out[n++] = i;
    }
    return n;
  }
}
