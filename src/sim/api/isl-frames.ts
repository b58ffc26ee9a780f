// The laser inter-satellite links of a run at its keyframe times, for the 3D view and for routes: one IslNetwork
// per run (links/isl-network.ts, as the engine's relay), fed keyframes in time order. Pure: imports only links/.
import type { WalkerSlot } from '../catalog/types.ts';
import type { IslParams } from '../links/isl.ts';
import { IslNetwork } from '../links/isl-network.ts';

/** Usable ISLs at one keyframe: satellite pairs `[a0, b0, a1, b1, …]`, a < b. */
export interface IslFrame {
  timeMs: number;
  /** Keyframe spacing of the block it came from, ms (the frame stands for [timeMs, timeMs + stepMs)). */
  stepMs: number;
  pairs: Int32Array;
}

/** What a keyframe block carries: per-frame offsets into one pair array. */
export interface IslBlockEdges {
  /** Pairs of frame f are `islPairs[2·islOffsets[f] .. 2·islOffsets[f+1])`: offsets count links (count + 1 entries). */
  islOffsets: Int32Array;
  islPairs: Int32Array;
}

/**
 * Steps an IslNetwork through successive keyframes of one run and keeps every frame's usable (present and
 * acquired) pairs for routes. The network is the engine's: for the same states at the same times it gives the
 * relay's links (test/links/isl-network-callers.test.ts); keyframes sample at their own spacing, though, which may
 * differ from the run's step. A frame whose pairs equal the previous frame's shares its array (a +Grid shell's
 * links rarely change), so memory grows with the changes, not with the run length.
 */
export class IslFrameLog {
  readonly frames: IslFrame[] = [];
  private readonly network: IslNetwork;
  private lastTimeMs = -Infinity;

  constructor(layouts: readonly (WalkerSlot | undefined)[], params: Readonly<IslParams>) {
    this.network = new IslNetwork(layouts, params);
  }

  get satCount(): number {
    return this.network.satCount;
  }

  /**
   * ISLs of `count` frames `startMs + f·stepS` whose positions and velocities are `positionsKm[(f·n + s)·3 + k]`,
   * `velocitiesKmS[…]` (a keyframe block's layout, ECEF km and km/s). Blocks should come in increasing time; a
   * block at or before the last frame seen restarts the network (links are recomputed from it on as if the run
   * started there) and replaces the stored frames it overlaps. Never throws.
   */
  addBlock(positionsKm: Float32Array, velocitiesKmS: Float32Array, startMs: number, stepS: number, count: number): IslBlockEdges {
    const states = { positionsKm, velocitiesKmS };
    const islOffsets = new Int32Array(count + 1);
    const added: IslFrame[] = [];
    let prev = startMs > this.lastTimeMs ? this.frames.at(-1)?.pairs : undefined;
    for (let f = 0; f < count; f++) {
      const tMs = startMs + f * stepS * 1000;
      this.network.stepFrame(states, f, tMs);
      const pairs = sameOr(prev, this.network.usablePairs());
      added.push({ timeMs: tMs, stepMs: stepS * 1000, pairs });
      islOffsets[f + 1] = islOffsets[f]! + pairs.length / 2;
      prev = pairs;
    }
    this.lastTimeMs = startMs + (count - 1) * stepS * 1000;
    this.merge(added);
    const islPairs = new Int32Array(islOffsets[count]! * 2);
    added.forEach((fr, f) => islPairs.set(fr.pairs, islOffsets[f]! * 2));
    return { islOffsets, islPairs };
  }

  /** Pairs of the latest frame at or before tMs, if tMs lies within that frame's step; else null. */
  frameAt(tMs: number): IslFrame | null {
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.frames[mid]!.timeMs <= tMs) lo = mid + 1;
      else hi = mid;
    }
    const f = this.frames[lo - 1];
    return f && tMs < f.timeMs + f.stepMs ? f : null;
  }

  /** Inserts frames (sorted, contiguous in time) in place of the stored frames within their time span. */
  private merge(added: IslFrame[]): void {
    if (added.length === 0) return;
    const t0 = added[0]!.timeMs;
    const t1 = added.at(-1)!.timeMs;
    let from = this.frames.length;
    while (from > 0 && this.frames[from - 1]!.timeMs >= t0) from--;
    let to = from;
    while (to < this.frames.length && this.frames[to]!.timeMs <= t1) to++;
    this.frames.splice(from, to - from, ...added);
  }
}

/** `prev` when `pairs` holds the same links in the same order (so equal frames share one array), else `pairs`. */
function sameOr(prev: Int32Array | undefined, pairs: Int32Array): Int32Array {
  if (!prev || prev.length !== pairs.length) return pairs;
  for (let i = 0; i < pairs.length; i++) if (prev[i] !== pairs[i]) return pairs;
  return prev;
}
