// Finds the two keyframes around a simulation time in the frame buffer's keyframe blocks, and evaluates the
// same cubic Hermite interpolant as the satellite vertex shader. Pure; must not import three or React.
import type { KeyframeBlock } from '../../../workers/protocol.ts';

/** The keyframe pair bracketing a time: global frame indices, the fraction u and the spacing h. */
export interface KeyframePair {
  /** Global index of the earlier keyframe (−1 when there is none). */
  k0: number;
  /** Global index of the later keyframe (= k0 at or beyond the ends). */
  k1: number;
  /** Fraction of the interval, 0–1 (clamped at the ends). */
  u: number;
  /** Keyframe spacing h, s (1 when k0 = k1, so h·v stays finite). */
  hS: number;
}

/**
 * All keyframes of a list of consecutive blocks, flattened: frame k is frame `offset[k]` of
 * `blocks[block[k]]` at `timesMs[k]`. A frame repeated at a block boundary (same time) is kept once.
 */
export class KeyframeIndex {
  timesMs = new Float64Array(0);
  block = new Int32Array(0);
  offset = new Int32Array(0);
  count = 0;
  satCount = 0;
  blocks: readonly KeyframeBlock[] = [];
  /**
   * Strict coverage (the orbit view's sliding window of blocks): no pair outside the loaded frames, instead of
   * the nearest end. Two frames further apart than the largest block step never pair (a gap in the window).
   */
  strict = false;
  private maxStepMs = Infinity;
  private last = 0;

  /** Rebuilds the index (on frame-buffer version change). Blocks whose satCount differs from the first are skipped. */
  rebuild(blocks: readonly KeyframeBlock[]): void {
    this.blocks = blocks;
    this.satCount = blocks[0]?.satCount ?? 0;
    let n = 0;
    for (const b of blocks) n += b.count;
    this.timesMs = new Float64Array(n);
    this.block = new Int32Array(n);
    this.offset = new Int32Array(n);
    let k = 0;
    for (let bi = 0; bi < blocks.length; bi++) {
      const b = blocks[bi]!;
      if (b.satCount !== this.satCount) continue;
      for (let f = 0; f < b.count; f++) {
        const t = b.startMs + f * b.stepS * 1000;
        if (k > 0 && t <= this.timesMs[k - 1]!) continue;
        this.timesMs[k] = t;
        this.block[k] = bi;
        this.offset[k] = f;
        k++;
      }
    }
    this.count = k;
    this.last = 0;
    this.maxStepMs = blocks.length ? Math.max(...blocks.map((b) => b.stepS * 1000)) * (1 + 1e-9) : Infinity;
  }

  /** Global index of the frame at exactly `timeMs`, or −1. */
  frameAt(timeMs: number): number {
    const k = upperBound(this.timesMs, this.count, timeMs) - 1;
    return k >= 0 && this.timesMs[k] === timeMs ? k : -1;
  }

  /** Writes the pair around `timeMs` into `out`. Amortised O(1) while time moves by less than a keyframe. */
  locate(timeMs: number, out: KeyframePair): KeyframePair {
    const n = this.count;
    const t = this.timesMs;
    if (n === 0) return setPair(out, -1, -1, 0, 1);
    if (this.strict && (timeMs < t[0]! || timeMs > t[n - 1]!)) return setPair(out, -1, -1, 0, 1);
    if (n === 1 || timeMs <= t[0]!) return setPair(out, 0, Math.min(1, n - 1), 0, n === 1 ? 1 : (t[1]! - t[0]!) / 1000);
    if (timeMs >= t[n - 1]!) return setPair(out, n - 2, n - 1, 1, (t[n - 1]! - t[n - 2]!) / 1000);
    let k = this.last;
    if (!(k < n - 1 && t[k]! <= timeMs && timeMs < t[k + 1]!)) {
      if (k + 2 < n && t[k + 1]! <= timeMs && timeMs < t[k + 2]!) k += 1;
      else k = upperBound(t, n, timeMs) - 1;
    }
    this.last = k;
    const hMs = t[k + 1]! - t[k]!;
    if (hMs > this.maxStepMs) return setPair(out, -1, -1, 0, 1); // not loaded between these two frames
    return setPair(out, k, k + 1, (timeMs - t[k]!) / hMs, hMs / 1000);
  }

  /** Offset of satellite `sat`'s x in the block arrays of global frame k. */
  vectorOffset(k: number, sat: number): number {
    return (this.offset[k]! * this.satCount + sat) * 3;
  }

  /**
   * Position of satellite `sat` at `timeMs`, km, into `out[0..2]` (same formula as the shader).
   * Returns false (and NaN) without keyframes or when the satellite is lost there.
   */
  positionKm(sat: number, timeMs: number, out: Float64Array, pair: KeyframePair = scratchPair): boolean {
    this.locate(timeMs, pair);
    if (pair.k0 < 0 || sat < 0 || sat >= this.satCount) {
      out[0] = out[1] = out[2] = NaN;
      return false;
    }
    const b0 = this.blocks[this.block[pair.k0]!]!;
    const b1 = this.blocks[this.block[pair.k1]!]!;
    hermitePositionKm(
      b0.positionsKm,
      b0.velocitiesKmS,
      this.vectorOffset(pair.k0, sat),
      b1.positionsKm,
      b1.velocitiesKmS,
      this.vectorOffset(pair.k1, sat),
      pair.u,
      pair.hS,
      out,
    );
    return Number.isFinite(out[0]) && Number.isFinite(out[1]) && Number.isFinite(out[2]);
  }
}

const scratchPair: KeyframePair = { k0: -1, k1: -1, u: 0, hS: 1 };

function setPair(out: KeyframePair, k0: number, k1: number, u: number, hS: number): KeyframePair {
  out.k0 = k0;
  out.k1 = k1;
  out.u = u;
  out.hS = hS;
  return out;
}

/** First index i in [0, n) with t[i] > x (n when none). */
function upperBound(t: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cubic Hermite position at fraction u of an interval of h seconds, km — the JS twin of `hermite()` in
 * satellite-shaders.ts: p(u) = h00 p0 + h10 h v0 + h01 p1 + h11 h v1 with h00 = 2u³−3u²+1, h10 = u³−2u²+u,
 * h01 = −2u³+3u², h11 = u³−u² (the basis of src/sim/links/hermite.ts). p at `o0`/`o1` in km, v in km/s.
 */
export function hermitePositionKm(
  p0: ArrayLike<number>,
  v0: ArrayLike<number>,
  o0: number,
  p1: ArrayLike<number>,
  v1: ArrayLike<number>,
  o1: number,
  u: number,
  hS: number,
  out: Float64Array,
): Float64Array {
  const u2 = u * u;
  const u3 = u2 * u;
  const a = 2 * u3 - 3 * u2 + 1;
  const b = (u3 - 2 * u2 + u) * hS;
  const c = -2 * u3 + 3 * u2;
  const d = (u3 - u2) * hS;
  for (let i = 0; i < 3; i++) out[i] = a * p0[o0 + i]! + b * v0[o0 + i]! + c * p1[o1 + i]! + d * v1[o1 + i]!;
  return out;
}
