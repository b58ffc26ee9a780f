// TEST ORACLE: a verbatim copy of src/sim/links/contacts.ts's ContactFinder as it was before the block
// early-out and the radix sort (issue 6, 2026-11-23). Never edit its logic: contact-finder-fast.test.ts
// checks the optimised finder against it bit for bit. Imports src/sim/links helpers (and the window type) only.
import type { OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import type { ContactWindow } from '../../src/sim/links/contacts.ts';
import { HermiteSegment, brentRoot } from '../../src/sim/links/hermite.ts';
import { stationGeometry, type GroundStation, type StationGeometry } from '../../src/sim/links/visibility.ts';

/** Root tolerance in time, s (well under the 1 s goal; Hermite itself errs ≈ 0.3 m at 60 s). */
const ROOT_TOL_S = 1e-3;
const RAD_TO_DEG = 180 / Math.PI;
/**
 * Below g = sin(el) − sin(mask) = −0.5 we skip the derivative and the search for a peak between
 * samples. Safe while the elevation moves by less than ≈ 0.5 in sine over half a step: at LEO
 * heights ≥ 300 km the elevation rate near the horizon is ≤ 0.3°/s, i.e. ≤ 0.16 in 30 s
 * (assumption checked for steps ≤ 120 s; the property tests use 60 s).
 */
const PEAK_GATE = -0.5;
/** Stand-in for g below the gate (g ≥ −2 always): right sign for Brent, skips sqrt and divisions. */
const FAR_G = -2;

/** Deterministic order: aosMs, then satIndex, then stationIndex. */
function compareWindows(a: ContactWindow, b: ContactWindow): number {
  return a.aosMs - b.aosMs || a.satIndex - b.satIndex || a.stationIndex - b.stationIndex;
}

/**
 * Finds contact windows chunk by chunk. Chunks must come in time order; samples at or before the
 * previous chunk's last time are skipped (so overlapping chunks are fine). The elevation function
 * is g = sin(el) − sin(mask) (same sign as el − mask, smooth); its time derivative uses the
 * Earth-fixed velocity. Between two samples a and b:
 * - sign change of g → AOS or LOS by Brent on g over the Hermite interpolant;
 * - g' > 0 at a and g' < 0 at b → a local maximum inside: found by Brent on g'; if it is inside
 *   a window it refines the max elevation; if both samples are below the mask and the maximum is
 *   above it, it is a short pass between samples, with AOS and LOS found on each side.
 * Not detected: two sign changes of g' within one step (impossible for LEO at steps ≤ 120 s).
 */
export class OracleContactFinder {
  readonly geometry: StationGeometry;
  private readonly stationCount: number;
  private lastTimeMs = NaN;
  private readonly lastPos: Float64Array;
  private readonly lastVel: Float64Array;
  private readonly lastValid: Uint8Array;
  private readonly lastG: Float64Array;
  private readonly lastGd: Float64Array;
  private readonly open: Uint8Array;
  private readonly partialStart: Uint8Array;
  private readonly aosMs: Float64Array;
  private readonly maxG: Float64Array;
  private readonly maxMs: Float64Array;
  private readonly closed: ContactWindow[] = [];
  private readonly seg = new HermiteSegment();
  private readonly tmpP = new Float64Array(3);
  private readonly tmpV = new Float64Array(3);
  /** Station of the segment being refined, read by gAt / gdAt (bound once: no closure per step). */
  private station = 0;
  private readonly gAt = (tau: number): number => this.gOnSegment(this.station, tau);
  private readonly gdAt = (tau: number): number => this.gdOnSegment(this.station, tau);

  constructor(
    readonly satCount: number,
    stations: readonly GroundStation[] | StationGeometry,
  ) {
    this.geometry = Array.isArray(stations) ? stationGeometry(stations) : (stations as StationGeometry);
    this.stationCount = this.geometry.count;
    const pairs = satCount * this.stationCount;
    this.lastPos = new Float64Array(satCount * 3);
    this.lastVel = new Float64Array(satCount * 3);
    this.lastValid = new Uint8Array(satCount);
    this.lastG = new Float64Array(pairs);
    this.lastGd = new Float64Array(pairs);
    this.open = new Uint8Array(pairs);
    this.partialStart = new Uint8Array(pairs);
    this.aosMs = new Float64Array(pairs);
    this.maxG = new Float64Array(pairs);
    this.maxMs = new Float64Array(pairs);
  }

  /** Scans one chunk (same satellite order as the constructor's satCount). Never throws. */
  addChunk(chunk: OrbitChunk): void {
    const T = chunk.timeCount;
    if (chunk.satCount !== this.satCount || T === 0) return;
    let t0 = 0;
    while (t0 < T && chunk.timesMs[t0]! <= this.lastTimeMs) t0++;
    if (t0 === T) return;
    for (let s = 0; s < this.satCount; s++) {
      for (let j = 0; j < this.stationCount; j++) this.scanPair(chunk, s, j, t0);
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
    const pairs = this.satCount * this.stationCount;
    for (let p = 0; p < pairs; p++) if (this.open[p]) this.close(p, this.lastTimeMs, true);
    return [...this.closed].sort(compareWindows);
  }

  private scanPair(c: OrbitChunk, s: number, j: number, t0: number): void {
    const g = this.geometry;
    const p = s * this.stationCount + j;
    const T = c.timeCount;
    const P = c.positionsEcefKm;
    const V = c.velocitiesEcefKmS;
    const sx = g.ecefKm[j * 3]!,
      sy = g.ecefKm[j * 3 + 1]!,
      sz = g.ecefKm[j * 3 + 2]!;
    const ux = g.enu[j * 9 + 6]!,
      uy = g.enu[j * 9 + 7]!,
      uz = g.enu[j * 9 + 8]!;
    const sinMask = g.sinMask[j]!;
    const k = sinMask + PEAK_GATE;
    const k2 = k * k;
    let hasPrev = this.lastValid[s] === 1;
    let ga = this.lastG[p]!;
    let gda = this.lastGd[p]!;
    for (let t = t0; t < T; t++) {
      const i = s * T + t;
      const tb = c.timesMs[t]!;
      if (c.errorCodes[i] !== 0) {
        if (this.open[p]) this.close(p, this.prevTime(c, t, t0), true);
        hasPrev = false;
        continue;
      }
      const o = i * 3;
      const dx = P[o]! - sx,
        dy = P[o + 1]! - sy,
        dz = P[o + 2]! - sz;
      const r2 = dx * dx + dy * dy + dz * dz;
      const upd = ux * dx + uy * dy + uz * dz;
      // g > PEAK_GATE ⇔ upd/|d| > k, tested without sqrt (the dot-product test, docs/sources.md#visibility-test).
      const nearGate = k <= 0 ? upd >= 0 || upd * upd < k2 * r2 : upd > 0 && upd * upd > k2 * r2;
      let gb = FAR_G;
      let gdb = NaN; // NaN fails every comparison: no peak search below the gate
      if (nearGate || this.open[p]) {
        const r = Math.sqrt(r2);
        gb = upd / r - sinMask;
        if (gb > PEAK_GATE) {
          const upv = ux * V[o]! + uy * V[o + 1]! + uz * V[o + 2]!;
          const dv = dx * V[o]! + dy * V[o + 1]! + dz * V[o + 2]!;
          gdb = upv / r - (upd * dv) / (r2 * r);
        }
      }
      if (!hasPrev) {
        if (gb >= 0) this.openWindow(p, tb, true, gb);
      } else if (this.open[p] || gb >= 0 || (gda > 0 && gdb < 0)) {
        this.interval(c, s, j, t, t === t0, ga, gda, gb, gdb);
      }
      hasPrev = true;
      ga = gb;
      gda = gdb;
    }
    this.lastG[p] = ga;
    this.lastGd[p] = gda;
  }

  private prevTime(c: OrbitChunk, t: number, t0: number): number {
    return t === t0 ? this.lastTimeMs : c.timesMs[t - 1]!;
  }

  /** Handles the step from sample t−1 (or the stored last sample) to sample t for pair (s, j). */
  private interval(c: OrbitChunk, s: number, j: number, t: number, fromState: boolean, ga: number, gda: number, gb: number, gdb: number): void {
    const p = s * this.stationCount + j;
    const tb = c.timesMs[t]!;
    const stillOpen = this.open[p] && gb >= 0;
    if (stillOpen && !(gda > 0 && gdb < 0)) {
      this.updateMax(p, gb, tb); // no peak inside the step: the samples bound the maximum
      return;
    }
    const seg = this.segment(c, s, t, fromState);
    const tol = ROOT_TOL_S / seg.hS;
    this.station = j;
    const { gAt, gdAt } = this;
    if (stillOpen) {
      this.refinePeak(p, 0, 1, gda, gdb, tol);
      this.updateMax(p, gb, tb);
    } else if (gb >= 0) {
      const tauA = brentRoot(gAt, 0, 1, ga, gb, tol);
      this.openWindow(p, seg.timeMs(tauA), false, gb, tb);
      if (gdb < 0) this.refinePeak(p, tauA, 1, gdAt(tauA), gdb, tol);
    } else if (this.open[p]) {
      const tauL = brentRoot(gAt, 0, 1, ga, gb, tol);
      if (gda > 0) this.refinePeak(p, 0, tauL, gda, gdAt(tauL), tol);
      this.close(p, seg.timeMs(tauL), false);
    } else {
      const tauM = brentRoot(gdAt, 0, 1, gda, gdb, tol);
      const gm = gAt(tauM);
      if (!(gm > 0)) return;
      const tauA = brentRoot(gAt, 0, tauM, ga, gm, tol);
      const tauL = brentRoot(gAt, tauM, 1, gm, gb, tol);
      this.openWindow(p, seg.timeMs(tauA), false, gm, seg.timeMs(tauM));
      this.close(p, seg.timeMs(tauL), false);
    }
  }

  private segment(c: OrbitChunk, s: number, t: number, fromState: boolean): HermiteSegment {
    const T = c.timeCount;
    const ob = (s * T + t) * 3;
    const P = c.positionsEcefKm;
    const V = c.velocitiesEcefKmS;
    if (fromState) return this.seg.set(this.lastTimeMs, this.lastPos, this.lastVel, s * 3, c.timesMs[t]!, P, V, ob);
    return this.seg.set(c.timesMs[t - 1]!, P, V, ob - 3, c.timesMs[t]!, P, V, ob);
  }

  /** g = sin(el) − sin(mask) at τ on the current segment. */
  private gOnSegment(j: number, tau: number): number {
    const g = this.geometry;
    const q = this.seg.position(tau, this.tmpP);
    const dx = q[0]! - g.ecefKm[j * 3]!,
      dy = q[1]! - g.ecefKm[j * 3 + 1]!,
      dz = q[2]! - g.ecefKm[j * 3 + 2]!;
    const upd = g.enu[j * 9 + 6]! * dx + g.enu[j * 9 + 7]! * dy + g.enu[j * 9 + 8]! * dz;
    return upd / Math.sqrt(dx * dx + dy * dy + dz * dz) - g.sinMask[j]!;
  }

  /** dg/dt (1/s) at τ on the current segment: (up·v)/|d| − (up·d)(d·v)/|d|³. */
  private gdOnSegment(j: number, tau: number): number {
    const g = this.geometry;
    const q = this.seg.position(tau, this.tmpP);
    const v = this.seg.velocity(tau, this.tmpV);
    const dx = q[0]! - g.ecefKm[j * 3]!,
      dy = q[1]! - g.ecefKm[j * 3 + 1]!,
      dz = q[2]! - g.ecefKm[j * 3 + 2]!;
    const ux = g.enu[j * 9 + 6]!,
      uy = g.enu[j * 9 + 7]!,
      uz = g.enu[j * 9 + 8]!;
    const r2 = dx * dx + dy * dy + dz * dz;
    const r = Math.sqrt(r2);
    const upd = ux * dx + uy * dy + uz * dz;
    const upv = ux * v[0]! + uy * v[1]! + uz * v[2]!;
    const dv = dx * v[0]! + dy * v[1]! + dz * v[2]!;
    return upv / r - (upd * dv) / (r2 * r);
  }

  /** Max of g on [lo, hi] where g' goes from + to −: the root of g' (current segment, station). */
  private refinePeak(p: number, lo: number, hi: number, gdLo: number, gdHi: number, tol: number): void {
    const tau = brentRoot(this.gdAt, lo, hi, gdLo, gdHi, tol);
    if (Number.isNaN(tau)) return;
    this.updateMax(p, this.gAt(tau), this.seg.timeMs(tau));
  }

  private openWindow(p: number, aosMs: number, partial: boolean, g: number, gMs = aosMs): void {
    this.open[p] = 1;
    this.partialStart[p] = partial ? 1 : 0;
    this.aosMs[p] = aosMs;
    this.maxG[p] = g;
    this.maxMs[p] = gMs;
  }

  private updateMax(p: number, g: number, ms: number): void {
    if (g > this.maxG[p]!) {
      this.maxG[p] = g;
      this.maxMs[p] = ms;
    }
  }

  private close(p: number, losMs: number, partialEnd: boolean): void {
    const j = p % this.stationCount;
    const sinEl = Math.min(1, this.maxG[p]! + this.geometry.sinMask[j]!);
    this.closed.push({
      satIndex: (p - j) / this.stationCount,
      stationIndex: j,
      aosMs: this.aosMs[p]!,
      losMs,
      maxElevationDeg: Math.asin(sinEl) * RAD_TO_DEG,
      maxElevationMs: this.maxMs[p]!,
      partialStart: this.partialStart[p] === 1,
      partialEnd,
    });
    this.open[p] = 0;
  }
}
