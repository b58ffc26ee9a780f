// Earth-fixed positions by step for the ISL relay in pass 2, a window of steps at a time: re-propagated on
// demand instead of kept for the whole run (satellites × steps × 3 floats: 48 MB for a day of 2,800 satellites
// at 60 s, 1.7 GB for 10^5). Pure; the propagator is passed in.
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import type { GridPropagator } from '../orbit/propagator.ts';

/** Steps per window (assumption: as the geometry pass's chunks, 2 h at 60 s). */
export const POSITION_WINDOW_STEPS = 120;

/**
 * Step-major Float32 positions of steps `[k0, k1]`, NaN from a satellite's lost step on (as pass 1 saw it).
 * The relay reads step k and k + 1 (k − 1 at the run's last step, k = K − 1), so consecutive windows share
 * one step and `localStepCount` makes the relay pick the same neighbour as with the whole run.
 */
export class PositionWindow {
  /** ECEF km at the start of step k0 + j: `[(j * n + s) * 3 + c]`. */
  positions = new Float32Array(0);
  k0 = 0;
  /** Steps held: k0 … k0 + localStepCount − 1. */
  localStepCount = 0;
  private chunk: OrbitChunk | undefined;

  constructor(
    private readonly propagator: GridPropagator,
    private readonly stepCount: number,
    private readonly startMs: number,
    private readonly stepS: number,
    private readonly lostAtStep: Int32Array,
    private readonly windowSteps = POSITION_WINDOW_STEPS,
  ) {}

  /** Makes step k (and its neighbour) available: `positions` then holds step k at local index k − k0. */
  async ensure(k: number): Promise<void> {
    const k1 = this.k0 + this.localStepCount - 1;
    if (this.localStepCount > 0 && k >= this.k0 && (k < k1 || k === this.stepCount - 1)) return;
    this.k0 = k;
    this.localStepCount = Math.min(k + this.windowSteps, this.stepCount - 1) - k + 1;
    // Grid times as pass 1 computes them (exact in ms for steps that are whole milliseconds).
    this.chunk = await this.propagator.propagateGrid(this.startMs + k * this.stepS * 1000, this.stepS, this.localStepCount, this.chunk?.timeCount === this.localStepCount ? this.chunk : undefined);
    this.fill(this.chunk);
  }

  private fill(c: OrbitChunk): void {
    const n = c.satCount;
    const T = c.timeCount;
    if (this.positions.length !== T * n * 3) this.positions = new Float32Array(T * n * 3);
    const p = this.positions;
    for (let s = 0; s < n; s++) {
      const lost = this.lostAtStep[s]!;
      for (let t = 0; t < T; t++) {
        const o = (t * n + s) * 3;
        const i = (s * T + t) * 3;
        const gone = lost >= 0 && this.k0 + t >= lost;
        p[o] = gone ? NaN : c.positionsEcefKm[i]!;
        p[o + 1] = gone ? NaN : c.positionsEcefKm[i + 1]!;
        p[o + 2] = gone ? NaN : c.positionsEcefKm[i + 2]!;
      }
    }
  }
}
