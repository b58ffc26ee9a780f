// One step of a satellite × station pair between two samples, refined on the Hermite interpolant: AOS and
// LOS by Brent on g = sin(el) − sin(mask) (and, for a station with a range limit, on min(g, 1 − |d|/R)), peaks
// by Brent on g'. Pure; imports only links/.
import { gateCone, hermiteBall, isBallFar } from './contact-bounds.ts';
import type { WindowStore } from './contact-windows.ts';
import { HermiteSegment, brentRoot } from './hermite.ts';
import type { StationGeometry } from './visibility.ts';

/** Root tolerance in time, s (well under the 1 s goal; Hermite itself errs ≈ 0.3 m at 60 s). */
const ROOT_TOL_S = 1e-3;

/** Refines steps for ContactFinder; `ends` sets the step's two samples, `step` handles one pair. */
export class StepRefiner {
  private readonly seg = new HermiteSegment();
  private readonly tmpP = new Float64Array(3);
  private readonly tmpV = new Float64Array(3);
  /** Per station: cos(mask), the sine of the half-angle of the cone above the mask (`gateCone`). */
  private readonly maskSin: Float64Array;
  /** Ball of the step's Hermite arc (`hermiteBall`: 4 floats + 12 scratch). */
  private readonly arcBall = new Float64Array(16);
  // The step's ends: position and velocity at pA[oA..], vA[oA..] (time tAMs) and pB[oB..], vB[oB..].
  private pA: Float64Array = new Float64Array(0);
  private vA: Float64Array = new Float64Array(0);
  private oA = 0;
  private tAMs = 0;
  private pB: Float64Array = new Float64Array(0);
  private vB: Float64Array = new Float64Array(0);
  private oB = 0;
  private tBMs = 0;
  /** Station of the segment being refined, read by gAt / gdAt (bound once: no closure per step). */
  private station = 0;
  private readonly gAt = (tau: number): number => this.gOnSegment(this.station, tau);
  private readonly gdAt = (tau: number): number => this.gdOnSegment(this.station, tau);
  /** g = min(g_el, g_r) and its g' for a station with a range limit (`stepRange`). */
  private readonly gMinAt = (tau: number): number => this.rangeOnSegment(this.station, tau, false);
  private readonly gdMinAt = (tau: number): number => this.rangeOnSegment(this.station, tau, true);

  constructor(
    private readonly geometry: StationGeometry,
    private readonly windows: WindowStore,
  ) {
    this.maskSin = geometry.sinMask.map((s) => gateCone(s)[1]);
  }

  /** Sets the ends of the step (km, km/s, ms); the arrays are read, not kept beyond the step. */
  ends(pA: Float64Array, vA: Float64Array, oA: number, tAMs: number, pB: Float64Array, vB: Float64Array, oB: number, tBMs: number): void {
    this.pA = pA;
    this.vA = vA;
    this.oA = oA;
    this.tAMs = tAMs;
    this.pB = pB;
    this.vB = vB;
    this.oB = oB;
    this.tBMs = tBMs;
  }

  /**
   * Handles the step for pair p (station j), with g and g' at its ends (g' NaN below the peak gate):
   * - sign change of g → AOS or LOS by Brent on g over the Hermite interpolant;
   * - g' > 0 at a and g' < 0 at b → a local maximum inside: found by Brent on g'; if it is inside a
   *   window it refines the max elevation; if both samples are below the mask and the maximum is above
   *   it, it is a short pass between samples, with AOS and LOS found on each side.
   */
  step(p: number, j: number, ga: number, gda: number, gb: number, gdb: number): void {
    if (this.geometry.maxRangeKm[j]! < Infinity) {
      this.stepRange(p, j, ga, gda, gb, gdb);
      return;
    }
    const w = this.windows;
    const tb = this.tBMs;
    const stillOpen = w.open[p] === 1 && gb >= 0;
    if (stillOpen && !(gda > 0 && gdb < 0)) {
      w.updateMax(p, gb, tb); // no peak inside the step: the samples bound the maximum
      return;
    }
    // Closed, below the mask at both ends: only a peak above the mask would open a window.
    if (!w.open[p] && !(gb >= 0) && this.arcBelowMask(j)) return;
    const seg = this.seg.set(this.tAMs, this.pA, this.vA, this.oA, tb, this.pB, this.vB, this.oB);
    const tol = ROOT_TOL_S / seg.hS;
    this.station = j;
    const { gAt, gdAt } = this;
    if (stillOpen) {
      this.refinePeak(p, 0, 1, gda, gdb, tol);
      w.updateMax(p, gb, tb);
    } else if (gb >= 0) {
      const tauA = brentRoot(gAt, 0, 1, ga, gb, tol);
      w.openWindow(p, seg.timeMs(tauA), false, gb, tb);
      if (gdb < 0) this.refinePeak(p, tauA, 1, gdAt(tauA), gdb, tol);
    } else if (w.open[p]) {
      const tauL = brentRoot(gAt, 0, 1, ga, gb, tol);
      if (gda > 0) this.refinePeak(p, 0, tauL, gda, gdAt(tauL), tol);
      w.close(p, seg.timeMs(tauL), false);
    } else {
      const tauM = brentRoot(gdAt, 0, 1, gda, gdb, tol);
      const gm = gAt(tauM);
      if (!(gm > 0)) return;
      const tauA = brentRoot(gAt, 0, tauM, ga, gm, tol);
      const tauL = brentRoot(gAt, tauM, 1, gm, gb, tol);
      w.openWindow(p, seg.timeMs(tauA), false, gm, seg.timeMs(tauM));
      w.close(p, seg.timeMs(tauL), false);
    }
  }

  /**
   * `step` for a station with a range limit: the window follows g = min(g_el, g_r) (ends by Brent on it, a pass
   * between samples by Brent on its g'), and its maximum elevation follows g_el alone over the part of the step in
   * view (`maxElevationOn`), since the range may bind when the elevation peaks.
   */
  private stepRange(p: number, j: number, ga: number, gda: number, gb: number, gdb: number): void {
    const w = this.windows;
    const open = w.open[p] === 1;
    if (!open && !(gb >= 0) && this.arcBelowMask(j)) return;
    const seg = this.seg.set(this.tAMs, this.pA, this.vA, this.oA, this.tBMs, this.pB, this.vB, this.oB);
    const tol = ROOT_TOL_S / seg.hS;
    this.station = j;
    const { gMinAt, gAt } = this;
    let from = 0;
    let to = 1;
    if (open && !(gb >= 0)) to = brentRoot(gMinAt, 0, 1, ga, gb, tol);
    else if (!open && gb >= 0) from = brentRoot(gMinAt, 0, 1, ga, gb, tol);
    else if (!open) {
      const tauM = brentRoot(this.gdMinAt, 0, 1, gda, gdb, tol);
      const gm = gMinAt(tauM);
      if (!(gm > 0)) return;
      from = brentRoot(gMinAt, 0, tauM, ga, gm, tol);
      to = brentRoot(gMinAt, tauM, 1, gm, gb, tol);
    }
    if (!open) w.openWindow(p, seg.timeMs(from), false, gAt(from));
    this.maxElevationOn(p, from, to, tol);
    if (!(gb >= 0)) w.close(p, seg.timeMs(to), false);
  }

  /** Raises the window's maximum to g_el at τ = `to` and at a peak of g_el inside [from, to] (g_el' from + to −). */
  private maxElevationOn(p: number, from: number, to: number, tol: number): void {
    const w = this.windows;
    w.updateMax(p, this.gAt(to), this.seg.timeMs(to));
    const dFrom = this.gdAt(from);
    const dTo = this.gdAt(to);
    if (!(dFrom > 0 && dTo < 0)) return;
    const tau = brentRoot(this.gdAt, from, to, dFrom, dTo, tol);
    if (!Number.isNaN(tau)) w.updateMax(p, this.gAt(tau), this.seg.timeMs(tau));
  }

  /**
   * g = min(g_el, g_r) at τ, g_r = 1 − |d|/R, or (with `derivative`) its g': that of the smaller term,
   * g_r' = −(d·v)/(|d|·R). The finder's `exact` computes the same at the samples.
   */
  private rangeOnSegment(j: number, tau: number, derivative: boolean): number {
    const el = derivative ? this.gdOnSegment(j, tau) : 0;
    const gEl = this.gOnSegment(j, tau);
    const g = this.geometry;
    const maxKm = g.maxRangeKm[j]!;
    const q = this.seg.position(tau, this.tmpP);
    const dx = q[0]! - g.ecefKm[j * 3]!,
      dy = q[1]! - g.ecefKm[j * 3 + 1]!,
      dz = q[2]! - g.ecefKm[j * 3 + 2]!;
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    const gr = 1 - r / maxKm;
    if (!(gr < gEl)) return derivative ? el : gEl;
    if (!derivative) return gr;
    const v = this.seg.velocity(tau, this.tmpV);
    return -(dx * v[0]! + dy * v[1]! + dz * v[2]!) / (r * maxKm);
  }

  /**
   * Whether the step's Hermite arc stays below station j's mask everywhere (its control points' ball is
   * outside the cone above the mask): then the peak search would find g < 0 and change nothing.
   */
  private arcBelowMask(j: number): boolean {
    hermiteBall(this.pA, this.vA, this.oA, this.pB, this.vB, this.oB, (this.tBMs - this.tAMs) / 1000, this.arcBall);
    const g = this.geometry;
    const e = g.enu;
    return isBallFar(
      g.ecefKm[j * 3]!,
      g.ecefKm[j * 3 + 1]!,
      g.ecefKm[j * 3 + 2]!,
      e[j * 9 + 6]!,
      e[j * 9 + 7]!,
      e[j * 9 + 8]!,
      g.sinMask[j]!,
      this.maskSin[j]!,
      this.arcBall,
      0,
    );
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
    this.windows.updateMax(p, this.gAt(tau), this.seg.timeMs(tau));
  }
}
