// Contact windows (AOS, LOS, max elevation) of every satellite × station, streamed over orbit
// chunks and refined between samples on the Hermite interpolant. Pure; imports orbit/ and links/.
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import { BALL_STRIDE, BLOCK_SAMPLES, BlockBalls, RATIO_MARGIN, ballCone, certainGdSign, gateCone, isBelowGate, isRatioInside } from './contact-bounds.ts';
import { StepRefiner } from './contact-refine.ts';
import { WindowStore, type ContactWindow, type WindowTable } from './contact-windows.ts';
import { hasRangeLimit, stationGeometry, type GroundStation, type StationGeometry } from './visibility.ts';

export { compareWindows, type ContactWindow, type WindowTable } from './contact-windows.ts';

/**
 * Below g = sin(el) − sin(mask) = −0.5 we skip the derivative and the search for a peak between
 * samples. Safe while the elevation moves by less than ≈ 0.5 in sine over half a step: at LEO
 * heights ≥ 300 km the elevation rate near the horizon is ≤ 0.3°/s, i.e. ≤ 0.16 in 30 s
 * (assumption checked for steps ≤ 120 s; the property tests use 60 s).
 */
const PEAK_GATE = -0.5;
/** Stand-in for g below the gate (g ≥ −2 always): right sign for Brent, skips sqrt and divisions. */
const FAR_G = -2;
/**
 * Stand-in for a g between the gate and the mask that was not computed (|g| ≤ 2 always, so never a real
 * value); g' then holds only its sign, ±1. Both are computed from the sample when a step needs them.
 */
const LAZY_G = 4;
/** Block kinds of `scanPair` (`ballCone`'s codes, gate cone first): scan; wholly below the gate; below the mask. */
const SCAN = 0;
const BELOW_GATE = 1;
const BELOW_MASK = 2;

/**
 * Finds contact windows chunk by chunk. Chunks must come in time order; samples at or before the
 * previous chunk's last time are skipped (so overlapping chunks are fine). The elevation function
 * is g = sin(el) − sin(mask) (same sign as el − mask, smooth); its time derivative uses the
 * Earth-fixed velocity. A station with a range limit R (`maxRangeKm`) has g = min(g_el, 1 − |d|/R): in view
 * when above the mask and within range; its windows' maximum elevation is that of g_el (StepRefiner.stepRange),
 * and the lazy shortcuts below are off for it (they certify signs of g_el only). Steps between samples go to `StepRefiner` when a window opens, closes or is
 * open, or g' turns from + to − (a peak). Shortcuts that change no result, bit for bit (checked against
 * the finder without them in test/links/contact-finder-fast.test.ts): blocks of samples whose bounding
 * ball lies below the gate or the mask are skipped (`scanPair`); between gate and mask, g and g' are not
 * computed when their signs are certain (`isRatioInside`, `certainGdSign`); peak searches on arcs that
 * stay below the mask are skipped (`StepRefiner`); `finish` sorts by radix (`sortOrder`). Not detected:
 * two sign changes of g' within one step (impossible for LEO at steps ≤ 120 s).
 */
export class ContactFinder {
  readonly geometry: StationGeometry;
  private readonly stationCount: number;
  private lastTimeMs = NaN;
  private readonly lastPos: Float64Array;
  private readonly lastVel: Float64Array;
  private readonly lastValid: Uint8Array;
  private readonly lastG: Float64Array;
  private readonly lastGd: Float64Array;
  private readonly windows: WindowStore;
  private readonly refiner: StepRefiner;
  /** Per station: k = sin(mask) + PEAK_GATE and √(1 − k²) (NaN when |k| ≥ 1), the cone of `isBallFar`. */
  private readonly gateK: Float64Array;
  private readonly gateSin: Float64Array;
  /** Per station: the band (gate, mask) in sin(el), narrowed by RATIO_MARGIN (`isRatioInside`). */
  private readonly bandLo: Float64Array;
  private readonly bandHi: Float64Array;
  /** Per station: sin(mask) and cos(mask) (NaN when |sin| ≥ 1), the cone above the mask. */
  private readonly maskK: Float64Array;
  private readonly maskSin: Float64Array;
  /** Bounding balls of the current satellite's blocks of samples. */
  private readonly balls = new BlockBalls();
  /** Whether the pair being scanned has a valid previous sample (carried from block to block). */
  private hasPrev = false;
  /** g and g' of the last `exact` call, and its g_el = sin(el) − sin(mask) (= g without a range limit). */
  private eG = 0;
  private eGd = 0;
  private eEl = 0;
  /** Per station: range limit, km (Infinity = none); whether any station has one. */
  private readonly rangeKm: Float64Array;
  private readonly anyRange: boolean;

  constructor(
    readonly satCount: number,
    stations: readonly GroundStation[] | StationGeometry,
  ) {
    const g = Array.isArray(stations) ? stationGeometry(stations) : (stations as StationGeometry);
    this.geometry = g;
    this.stationCount = g.count;
    const pairs = satCount * this.stationCount;
    this.lastPos = new Float64Array(satCount * 3);
    this.lastVel = new Float64Array(satCount * 3);
    this.lastValid = new Uint8Array(satCount);
    this.lastG = new Float64Array(pairs);
    this.lastGd = new Float64Array(pairs);
    this.windows = new WindowStore(pairs, this.stationCount, g.sinMask);
    this.refiner = new StepRefiner(g, this.windows);
    this.gateK = g.sinMask.map((s) => s + PEAK_GATE);
    this.gateSin = g.sinMask.map((s) => gateCone(s + PEAK_GATE)[1]);
    this.rangeKm = g.maxRangeKm;
    this.anyRange = hasRangeLimit(g);
    // NaN bounds: `isRatioInside` is false, so stations with a range limit always compute g and g' (`exact`).
    this.bandLo = g.sinMask.map((s, j) => (g.maxRangeKm[j]! < Infinity ? NaN : s + PEAK_GATE + RATIO_MARGIN));
    this.bandHi = g.sinMask.map((s, j) => (g.maxRangeKm[j]! < Infinity ? NaN : s - RATIO_MARGIN));
    this.maskK = g.sinMask.map((s) => gateCone(s)[0]);
    this.maskSin = g.sinMask.map((s) => gateCone(s)[1]);
  }

  /** Scans one chunk (same satellite order as the constructor's satCount). Never throws. */
  addChunk(chunk: OrbitChunk): void {
    const T = chunk.timeCount;
    if (chunk.satCount !== this.satCount || T === 0) return;
    let t0 = 0;
    while (t0 < T && chunk.timesMs[t0]! <= this.lastTimeMs) t0++;
    if (t0 === T) return;
    const blockCount = Math.ceil((T - t0) / BLOCK_SAMPLES);
    for (let s = 0; s < this.satCount; s++) {
      this.balls.fill(chunk, s, t0, this.lastPos, this.lastVel, s * 3, this.lastTimeMs, this.lastValid[s] === 1);
      for (let j = 0; j < this.stationCount; j++) this.scanPair(chunk, s, j, t0, blockCount);
      const i = s * T + T - 1;
      this.lastValid[s] = chunk.errorCodes[i] === 0 ? 1 : 0;
      for (let k = 0; k < 3; k++) {
        this.lastPos[s * 3 + k] = chunk.positionsEcefKm[i * 3 + k]!;
        this.lastVel[s * 3 + k] = chunk.velocitiesEcefKmS[i * 3 + k]!;
      }
    }
    this.lastTimeMs = chunk.timesMs[T - 1]!;
  }

  /** Closes windows still open (partialEnd) and returns all windows in deterministic order. */
  finish(): ContactWindow[] {
    return this.windows.finish(this.lastTimeMs);
  }

  /** `finish` as columns with their sort order, no objects (for packing in a worker). */
  finishTable(): WindowTable {
    return this.windows.finishTable(this.lastTimeMs);
  }

  /**
   * Pair (s, j) over samples t0..T−1, block by block; runs of blocks to scan go to `scanSamples` in one
   * call. With no window open at its start, a block is skipped when the ball of its samples and of the
   * Hermite arcs into them (`BlockBalls`) is wholly below the gate (each sample would only have set
   * g = FAR_G, g' = NaN) or below the mask (no window opens, peak searches find g < 0): the pair's state
   * is then that of the block's last sample, as the scan would have left it.
   */
  private scanPair(c: OrbitChunk, s: number, j: number, t0: number, blockCount: number): void {
    const g = this.geometry;
    const p = s * this.stationCount + j;
    const sx = g.ecefKm[j * 3]!,
      sy = g.ecefKm[j * 3 + 1]!,
      sz = g.ecefKm[j * 3 + 2]!;
    const ux = g.enu[j * 9 + 6]!,
      uy = g.enu[j * 9 + 7]!,
      uz = g.enu[j * 9 + 8]!;
    const k = this.gateK[j]!,
      sinG = this.gateSin[j]!,
      km = this.maskK[j]!,
      sinM = this.maskSin[j]!;
    const arcs = this.balls.arcs;
    const open = this.windows.open;
    const T = c.timeCount;
    this.hasPrev = this.lastValid[s] === 1;
    let runFrom = -1; // first sample of the pending run of blocks to scan, −1 when none
    for (let b = 0; b < blockCount; b++) {
      const ta = t0 + b * BLOCK_SAMPLES;
      const kind = ballCone(sx, sy, sz, ux, uy, uz, arcs, b * BALL_STRIDE, k, sinG, km, sinM);
      if (kind !== SCAN && runFrom >= 0) {
        this.scanSamples(c, s, j, t0, runFrom, ta);
        runFrom = -1;
      }
      if (kind === SCAN || open[p] !== 0) {
        if (runFrom < 0) runFrom = ta;
      } else {
        if (kind === BELOW_GATE) {
          this.lastG[p] = FAR_G;
          this.lastGd[p] = NaN;
        } else if (kind === BELOW_MASK) {
          this.settle(c, (s * T + Math.min(T, ta + BLOCK_SAMPLES) - 1) * 3, j, p);
        }
        this.hasPrev = true;
      }
    }
    if (runFrom >= 0) this.scanSamples(c, s, j, t0, runFrom, T);
  }

  /**
   * lastG, lastGd of pair p (station j) after the sample at chunk offset o, valid, below the mask, no window
   * open, as `scanSamples` leaves them: FAR_G below the gate, LAZY_G when certain, else computed. (Where
   * the scan would compute g and g' to run a step that changes nothing, LAZY_G stands for the same values.)
   */
  private settle(c: OrbitChunk, o: number, j: number, p: number): void {
    const g = this.geometry;
    const P = c.positionsEcefKm,
      V = c.velocitiesEcefKmS;
    const dx = P[o]! - g.ecefKm[j * 3]!,
      dy = P[o + 1]! - g.ecefKm[j * 3 + 1]!,
      dz = P[o + 2]! - g.ecefKm[j * 3 + 2]!;
    const ux = g.enu[j * 9 + 6]!,
      uy = g.enu[j * 9 + 7]!,
      uz = g.enu[j * 9 + 8]!;
    const r2 = dx * dx + dy * dy + dz * dz;
    const upd = ux * dx + uy * dy + uz * dz;
    const k = this.gateK[j]!;
    if (isBelowGate(upd, r2, k, k * k)) {
      this.lastG[p] = FAR_G;
      this.lastGd[p] = NaN;
      return;
    }
    const vx = V[o]!,
      vy = V[o + 1]!,
      vz = V[o + 2]!;
    const lo = this.bandLo[j]!,
      hi = this.bandHi[j]!;
    const sign = isRatioInside(upd, r2, lo, lo * lo, hi, hi * hi) ? certainGdSign(ux * vx + uy * vy + uz * vz, dx * vx + dy * vy + dz * vz, upd, r2) : 0;
    if (sign === 0) this.exact(P, V, o, j);
    this.lastG[p] = sign === 0 ? this.eG : LAZY_G;
    this.lastGd[p] = sign === 0 ? this.eGd : sign;
  }

  /** Pair (s, j) over samples tFrom..tTo−1 one by one; its state comes from and goes to lastG, lastGd, hasPrev. */
  private scanSamples(c: OrbitChunk, s: number, j: number, t0: number, tFrom: number, tTo: number): void {
    const g = this.geometry;
    const p = s * this.stationCount + j;
    const T = c.timeCount;
    const P = c.positionsEcefKm,
      V = c.velocitiesEcefKmS,
      E = c.errorCodes;
    const open = this.windows.open;
    const sx = g.ecefKm[j * 3]!,
      sy = g.ecefKm[j * 3 + 1]!,
      sz = g.ecefKm[j * 3 + 2]!;
    const ux = g.enu[j * 9 + 6]!,
      uy = g.enu[j * 9 + 7]!,
      uz = g.enu[j * 9 + 8]!;
    const k = this.gateK[j]!,
      k2 = k * k;
    const lo = this.bandLo[j]!,
      lo2 = lo * lo,
      hi = this.bandHi[j]!,
      hi2 = hi * hi;
    let hasPrev = this.hasPrev;
    let ga = this.lastG[p]!;
    let gda = this.lastGd[p]!;
    for (let t = tFrom; t < tTo; t++) {
      const i = s * T + t;
      if (E[i] !== 0) {
        if (open[p]) this.windows.close(p, t === t0 ? this.lastTimeMs : c.timesMs[t - 1]!, true);
        hasPrev = false;
        continue;
      }
      const o = i * 3;
      const dx = P[o]! - sx,
        dy = P[o + 1]! - sy,
        dz = P[o + 2]! - sz;
      const r2 = dx * dx + dy * dy + dz * dz;
      const upd = ux * dx + uy * dy + uz * dz;
      if (open[p] === 0) {
        if (isBelowGate(upd, r2, k, k2)) {
          hasPrev = true; // below the gate: g = FAR_G, g' = NaN, and nothing can happen
          ga = FAR_G;
          gda = NaN;
          continue;
        }
        const vx = V[o]!,
          vy = V[o + 1]!,
          vz = V[o + 2]!;
        const sign = isRatioInside(upd, r2, lo, lo2, hi, hi2) ? certainGdSign(ux * vx + uy * vy + uz * vz, dx * vx + dy * vy + dz * vz, upd, r2) : 0;
        if (sign !== 0 && !(hasPrev && gda > 0 && sign < 0)) {
          hasPrev = true; // between gate and mask, no peak to look for: only the sign of g' is kept
          ga = LAZY_G;
          gda = sign;
          continue;
        }
      }
      this.exact(P, V, o, j);
      const gb = this.eG,
        gdb = this.eGd;
      if (!hasPrev) {
        if (gb >= 0) this.windows.openWindow(p, c.timesMs[t]!, true, this.eEl);
      } else if (open[p] || gb >= 0 || (gda > 0 && gdb < 0)) {
        this.step(c, s, j, t, t === t0, ga, gda, gb, gdb);
      }
      hasPrev = true;
      ga = gb;
      gda = gdb;
    }
    this.hasPrev = hasPrev;
    this.lastG[p] = ga;
    this.lastGd[p] = gda;
  }

  /**
   * g and g' (NaN at or below the gate) of the sample at pos[o..], vel[o..] for station j, into eG, eGd (and g_el
   * into eEl): the one place they are computed, so a value computed late (LAZY_G) has the same bits. With a range
   * limit R, g = min(g_el, g_r), g_r = 1 − r/R, g_r' = −(d·v)/(r·R); the gate stays on g_el (g ≤ g_el).
   */
  private exact(pos: Float64Array, vel: Float64Array, o: number, j: number): void {
    const g = this.geometry;
    const dx = pos[o]! - g.ecefKm[j * 3]!,
      dy = pos[o + 1]! - g.ecefKm[j * 3 + 1]!,
      dz = pos[o + 2]! - g.ecefKm[j * 3 + 2]!;
    const ux = g.enu[j * 9 + 6]!,
      uy = g.enu[j * 9 + 7]!,
      uz = g.enu[j * 9 + 8]!;
    const r2 = dx * dx + dy * dy + dz * dz;
    const upd = ux * dx + uy * dy + uz * dz;
    const r = Math.sqrt(r2);
    this.eG = upd / r - g.sinMask[j]!;
    this.eEl = this.eG;
    this.eGd = NaN; // NaN fails every comparison: no peak search below the gate
    let dv = NaN;
    if (this.eG > PEAK_GATE) {
      const vx = vel[o]!,
        vy = vel[o + 1]!,
        vz = vel[o + 2]!;
      const upv = ux * vx + uy * vy + uz * vz;
      dv = dx * vx + dy * vy + dz * vz;
      this.eGd = upv / r - (upd * dv) / (r2 * r);
    }
    if (this.anyRange && this.rangeKm[j]! < Infinity) this.limitRange(r, dv, this.rangeKm[j]!);
  }

  /** g = min(g_el, g_r) of the sample `exact` just computed (distance r km, d·v = dv, limit R km), and its g'. */
  private limitRange(r: number, dv: number, maxKm: number): void {
    const gr = 1 - r / maxKm;
    if (!(gr < this.eG)) return;
    this.eG = gr;
    if (!Number.isNaN(this.eGd)) this.eGd = -dv / (r * maxKm);
  }

  /** The step from sample t−1 (or the stored last sample) to sample t of pair (s, j), to the refiner. */
  private step(c: OrbitChunk, s: number, j: number, t: number, fromState: boolean, ga: number, gda: number, gb: number, gdb: number): void {
    const ob = (s * c.timeCount + t) * 3;
    const P = c.positionsEcefKm,
      V = c.velocitiesEcefKmS;
    const pA = fromState ? this.lastPos : P,
      vA = fromState ? this.lastVel : V,
      oA = fromState ? s * 3 : ob - 3;
    if (ga === LAZY_G) {
      this.exact(pA, vA, oA, j);
      ga = this.eG;
      gda = this.eGd;
    }
    this.refiner.ends(pA, vA, oA, fromState ? this.lastTimeMs : c.timesMs[t - 1]!, P, V, ob, c.timesMs[t]!);
    this.refiner.step(s * this.stationCount + j, j, ga, gda, gb, gdb);
  }
}
