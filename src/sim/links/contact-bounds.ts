// Conservative bounds for the contact finder's shortcuts: bounding balls of runs of samples and of Hermite
// arcs, the test that a ball lies wholly outside a station's cone (below the peak gate or the mask), and
// certificates for the sign of g and g' without sqrt or division. Pure; imports only the orbit chunk type.
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';

/** Samples per block (measured: 4, 8 and 16 at 60 s steps; 8 was fastest, §6 of docs/performance.md). */
export const BLOCK_SAMPLES = 8;
/** Floats per block in the balls array: centre x, y, z (km, ECEF) and radius with margin (km). */
export const BALL_STRIDE = 4;
/**
 * Margin added to a ball's radius, km, absolute and relative to |centre|: covers rounding in the ball
 * and in the cone test (≈ 1e-15 relative) a millionfold, so a skipped sample is far in floating point
 * too, not only in exact arithmetic (assumption, see `isBallFar`).
 */
const MARGIN_KM = 1e-3;
const MARGIN_REL = 1e-9;

/**
 * Bounding balls of one satellite's blocks of samples [t0 + b·B, t0 + (b+1)·B) ∩ [t0, T) in a chunk, 4 floats
 * each (`pointsBall`) in `arcs[b·4 ..]`: the block's samples and the Hermite arcs into each of them from the
 * sample before (within the block, or the block's previous sample, or the one before t0 when given).
 * Radius +∞ where a sample of the block failed or a point is not finite (the caller then scans the block).
 */
export class BlockBalls {
  arcs = new Float64Array(0);
  /** Blocks filled by the last `fill`. */
  count = 0;
  private readonly points = new Float64Array((1 + 3 * BLOCK_SAMPLES) * 3);

  /**
   * Fills the balls of satellite `s` from sample t0 on; the sample before t0 is at `prevPos[prevO]`,
   * `prevVel[prevO]`, time `prevMs`, used when `hasPrev`.
   */
  fill(c: OrbitChunk, s: number, t0: number, prevPos: Float64Array, prevVel: Float64Array, prevO: number, prevMs: number, hasPrev: boolean): void {
    const T = c.timeCount;
    const P = c.positionsEcefKm,
      V = c.velocitiesEcefKmS;
    this.count = Math.ceil((T - t0) / BLOCK_SAMPLES);
    if (this.arcs.length < this.count * BALL_STRIDE) this.arcs = new Float64Array(this.count * BALL_STRIDE);
    for (let b = 0, ta = t0; ta < T; ta += BLOCK_SAMPLES, b++) {
      const tb = Math.min(T, ta + BLOCK_SAMPLES);
      let failed = false;
      for (let t = ta; t < tb; t++) if (c.errorCodes[s * T + t] !== 0) failed = true;
      let n = 0;
      if (ta > t0) n = this.arc(n, P, V, (s * T + ta - 1) * 3, c.timesMs[ta - 1]!, P, V, (s * T + ta) * 3, c.timesMs[ta]!);
      else if (hasPrev) n = this.arc(n, prevPos, prevVel, prevO, prevMs, P, V, (s * T + ta) * 3, c.timesMs[ta]!);
      else n = this.arc(n, P, V, -1, NaN, P, V, (s * T + ta) * 3, c.timesMs[ta]!);
      for (let t = ta + 1; t < tb; t++) {
        n = this.arc(n, P, V, (s * T + t - 1) * 3, c.timesMs[t - 1]!, P, V, (s * T + t) * 3, c.timesMs[t]!);
      }
      pointsBall(this.points, 0, n, this.arcs, b * BALL_STRIDE);
      if (failed) this.arcs[b * BALL_STRIDE + 3] = Infinity;
    }
  }

  /**
   * Appends the Bézier control points of the Hermite arc A → B (`hermiteBall`) as points n, n+1, …: A itself
   * only when n = 0, and only B when `oA` < 0 (no arc into B). Returns the new point count.
   */
  private arc(n: number, pA: Float64Array, vA: Float64Array, oA: number, tAMs: number, pB: Float64Array, vB: Float64Array, oB: number, tBMs: number): number {
    const h3 = (tBMs - tAMs) / 3000;
    if (oA >= 0) {
      if (n === 0) n = this.put(n, pA, vA, oA, 0);
      n = this.put(n, pA, vA, oA, h3);
      n = this.put(n, pB, vB, oB, -h3);
    }
    return this.put(n, pB, vB, oB, 0);
  }

  /** Writes p[o..] + f·v[o..] as point n; returns n + 1. */
  private put(n: number, p: Float64Array, v: Float64Array, o: number, f: number): number {
    for (let k = 0; k < 3; k++) this.points[n * 3 + k] = p[o + k]! + f * v[o + k]!;
    return n + 1;
  }
}

/**
 * Bounding ball of the `n` points `xyz[o ..]` into `out[oOut ..]`: the centre of their axis-aligned box,
 * and the largest distance of a point from it plus the margin; radius +∞ when a coordinate is not finite.
 */
function pointsBall(xyz: ArrayLike<number>, o: number, n: number, out: Float64Array, oOut: number): void {
  let x0 = Infinity,
    y0 = Infinity,
    z0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity,
    z1 = -Infinity;
  for (let q = o; q < o + 3 * n; q += 3) {
    x0 = Math.min(x0, xyz[q]!);
    x1 = Math.max(x1, xyz[q]!);
    y0 = Math.min(y0, xyz[q + 1]!);
    y1 = Math.max(y1, xyz[q + 1]!);
    z0 = Math.min(z0, xyz[q + 2]!);
    z1 = Math.max(z1, xyz[q + 2]!);
  }
  const cx = 0.5 * (x0 + x1),
    cy = 0.5 * (y0 + y1),
    cz = 0.5 * (z0 + z1);
  let r2 = 0;
  for (let q = o; q < o + 3 * n; q += 3) {
    const dx = xyz[q]! - cx,
      dy = xyz[q + 1]! - cy,
      dz = xyz[q + 2]! - cz;
    r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
  }
  const rKm = Math.sqrt(r2) + MARGIN_KM + MARGIN_REL * Math.sqrt(cx * cx + cy * cy + cz * cz);
  out[oOut] = cx;
  out[oOut + 1] = cy;
  out[oOut + 2] = cz;
  out[oOut + 3] = Number.isFinite(rKm) ? rKm : Infinity;
}

/**
 * Bounding ball (into `out[0..3]`; `out` holds ≥ 16 floats, 4..15 are scratch) of the cubic Hermite arc
 * from (p, v) at `pA[oA]`, `vA[oA]` to (p, v) at `pB[oB]`, `vB[oB]`, `hS` seconds apart: the ball of its
 * Bézier control points p₀, p₀ + h·v₀/3, p₁ − h·v₁/3, p₁, whose convex hull holds the whole arc
 * (Farin, "Curves and Surfaces for CAGD", 5th ed.: Hermite to Bézier form, convex hull property).
 */
export function hermiteBall(
  pA: ArrayLike<number>,
  vA: ArrayLike<number>,
  oA: number,
  pB: ArrayLike<number>,
  vB: ArrayLike<number>,
  oB: number,
  hS: number,
  out: Float64Array,
): void {
  const h3 = hS / 3;
  for (let k = 0; k < 3; k++) {
    out[4 + k] = pA[oA + k]!;
    out[7 + k] = pA[oA + k]! + h3 * vA[oA + k]!;
    out[10 + k] = pB[oB + k]! - h3 * vB[oB + k]!;
    out[13 + k] = pB[oB + k]!;
  }
  pointsBall(out, 4, 4, out, 0);
}

/**
 * sin and cos of the half-angle γ = acos(k) of the cone {d : up·d > k·|d|} around a station's up vector,
 * k = sin(mask) + gate: `[k, √(1 − k²)]`; `[NaN, NaN]` when |k| ≥ 1 (then every ball test fails).
 */
export function gateCone(k: number): [number, number] {
  return Math.abs(k) < 1 ? [k, Math.sqrt(1 - k * k)] : [NaN, NaN];
}

/**
 * Whether every point of the ball (centre `c`, radius `rKm`) is outside the cone {P : up·(P − S) > k·|P − S|}
 * of station S (apex S, axis up, half-angle γ, cos γ = k, sin γ = `sinG`), i.e. below the gate.
 * With D = c − S, x = up·D, y = |D − x·up| (≥ 0) and θ the angle between D and up, the distance from
 * c to that cone is at least |D|·sin(θ − γ) = y·cos γ − x·sin γ whenever this is > 0 (equal to it when the
 * outside of the cone is convex, γ > 90°; a lower bound when γ ≤ 90°); so that > radius suffices.
 * NaN anywhere gives false.
 */
export function isBallFar(
  sx: number,
  sy: number,
  sz: number,
  ux: number,
  uy: number,
  uz: number,
  k: number,
  sinG: number,
  balls: Float64Array,
  o: number,
): boolean {
  return ballCone(sx, sy, sz, ux, uy, uz, balls, o, k, sinG, NaN, NaN) === 1;
}

/**
 * Two `isBallFar` tests of one ball at once: 1 when it is outside the first cone (k1, sinG1), else 2 when
 * outside the second (k2, sinG2), else 0. Without sqrt: for R = r + x·sin γ, y·cos γ > R ⇔ (R < 0 and
 * (cos γ ≥ 0 or y²cos²γ < R²)) or (R ≥ 0 and cos γ > 0 and y²cos²γ > R²), y² = |D − x·up|².
 */
export function ballCone(
  sx: number,
  sy: number,
  sz: number,
  ux: number,
  uy: number,
  uz: number,
  balls: Float64Array,
  o: number,
  k1: number,
  sinG1: number,
  k2: number,
  sinG2: number,
): number {
  const dx = balls[o]! - sx,
    dy = balls[o + 1]! - sy,
    dz = balls[o + 2]! - sz;
  const x = ux * dx + uy * dy + uz * dz;
  const ex = dx - x * ux,
    ey = dy - x * uy,
    ez = dz - x * uz; // D − x·up, without cancellation
  const y2 = ex * ex + ey * ey + ez * ez;
  const r = balls[o + 3]!;
  if (beyond(y2, x, r, k1, sinG1)) return 1;
  return beyond(y2, x, r, k2, sinG2) ? 2 : 0;
}

/** y·k − x·sinG > r with y = √y2 ≥ 0, on squares; false on NaN. */
function beyond(y2: number, x: number, r: number, k: number, sinG: number): boolean {
  const R = r + x * sinG;
  const a = y2 * k * k;
  const b = R * R;
  return R < 0 ? k >= 0 || a < b : k > 0 && a > b;
}

/**
 * The scan's float test that g = upd/√r2 − sin(mask) is at or below the gate, k = sin(mask) + gate,
 * k2 = k² (the dot-product test of docs/sources.md#visibility-test, without sqrt).
 */
export function isBelowGate(upd: number, r2: number, k: number, k2: number): boolean {
  return k > 0 ? !(upd > 0 && upd * upd > k2 * r2) : !(upd >= 0 || upd * upd < k2 * r2);
}

/** Relative margin of `certainGdSign`: far above the ≈ 1e-15 rounding of g' and of F. */
const GD_SIGN_REL = 1e-12;
/** Margin in sin(el) that callers put between the true bounds and those given to `isRatioInside`. */
export const RATIO_MARGIN = 1e-9;

/**
 * Range of r2 = |d|², km², where the certificates below hold: no product of theirs overflows, and none
 * underflows by more than ≈ 1e-100 in q or 1e-300 in g′ (the satellite–station distance is ≥ 0.1 km).
 */
const R2_MIN = 1e-100;
const R2_MAX = 1e100;

/**
 * Whether q = upd / √r2 lies in (lo, hi), tested on squares (`lo2` = lo², `hi2` = hi²) without sqrt. The
 * squares err by ≈ 1e-15 relative, so q may lie up to that outside: callers pass bounds narrowed by
 * `RATIO_MARGIN`, and then q and the float upd / √r2 are both inside the wider interval.
 */
export function isRatioInside(upd: number, r2: number, lo: number, lo2: number, hi: number, hi2: number): boolean {
  if (!(r2 > R2_MIN && r2 < R2_MAX)) return false;
  const aboveLo = lo < 0 ? upd >= 0 || upd * upd < lo2 * r2 : upd > 0 && upd * upd > lo2 * r2;
  return aboveLo && (hi > 0 ? upd <= 0 || upd * upd < hi2 * r2 : upd < 0 && upd * upd > hi2 * r2);
}

/**
 * The sign (±1) of g' = upv/r − (upd·dv)/(r2·r), r = √r2, as floating point computes it, when it is
 * certain; 0 when not. g'·r³ = F = upv·r2 − upd·dv; the float g' errs by ≤ 4 ulp of its two terms, F
 * by ≤ 2 ulp of its own: when |F| > 1e-12 (|upv·r2| + |upd·dv|), both have the sign of F (away from
 * underflow: the terms' sum must exceed 1e-150, r2 lie in (R2_MIN, R2_MAX)).
 */
export function certainGdSign(upv: number, dv: number, upd: number, r2: number): number {
  const a = upv * r2;
  const b = upd * dv;
  const f = a - b;
  const scale = Math.abs(a) + Math.abs(b);
  if (!(scale > 1e-150 && r2 > R2_MIN && r2 < R2_MAX && Math.abs(f) > GD_SIGN_REL * scale)) return 0;
  return f > 0 ? 1 : -1;
}
