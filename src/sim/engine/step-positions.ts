// Earth-fixed positions (and, when the ISL network needs them, velocities) by step for the ISL relay in pass 2, a
// window of steps at a time: re-propagated on demand instead of kept for the whole run (satellites × steps × 3
// floats: 48 MB for a day of 2,800 satellites at 60 s, 1.7 GB for 10^5). Pure; the propagator is passed in.
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import type { GridPropagator } from '../orbit/propagator.ts';
import type { IslFrames } from '../links/isl-network.ts';

/** Steps per window (assumption: as the geometry pass's chunks, 2 h at 60 s). */
export const POSITION_WINDOW_STEPS = 120;

/**
 * Step-major Float32 states of steps `[k0, k0 + localStepCount)`, NaN from a satellite's lost step on (as pass 1
 * saw it): the frames the relay steps its IslNetwork with (IslFrames, frame j = step k0 + j).
 */
export class PositionWindow implements IslFrames {
  /** ECEF km at the start of step k0 + j: `[(j * n + s) * 3 + c]`. */
  positionsKm = new Float32Array(0);
  /** ECEF km/s, same layout; null unless made `withVelocities`. */
  velocitiesKmS: Float32Array | null = null;
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
    private readonly withVelocities = false,
    private readonly windowSteps = POSITION_WINDOW_STEPS,
  ) {}

  /** Makes step k available: the arrays then hold step k at local index k − k0. */
  async ensure(k: number): Promise<void> {
    if (k >= this.k0 && k < this.k0 + this.localStepCount) return;
    this.k0 = k;
    this.localStepCount = Math.min(this.windowSteps, this.stepCount - k);
    // Grid times as pass 1 computes them (exact in ms for steps that are whole milliseconds).
    this.chunk = await this.propagator.propagateGrid(
      this.startMs + k * this.stepS * 1000,
      this.stepS,
      this.localStepCount,
      this.chunk?.timeCount === this.localStepCount ? this.chunk : undefined,
    );
    this.fill(this.chunk);
  }

  private fill(c: OrbitChunk): void {
    const n = c.satCount;
    const T = c.timeCount;
    if (this.positionsKm.length !== T * n * 3) {
      this.positionsKm = new Float32Array(T * n * 3);
      this.velocitiesKmS = this.withVelocities ? new Float32Array(T * n * 3) : null;
    }
    copyStates(c.positionsEcefKm, this.positionsKm, n, T, this.k0, this.lostAtStep);
    if (this.velocitiesKmS) copyStates(c.velocitiesEcefKmS, this.velocitiesKmS, n, T, this.k0, this.lostAtStep);
  }
}

/** Sat-major chunk vectors `[(s*T + t)*3 + c]` into step-major `[(t*n + s)*3 + c]`, NaN from each lost step on. */
function copyStates(from: Float64Array, to: Float32Array, n: number, T: number, k0: number, lostAtStep: Int32Array): void {
  for (let s = 0; s < n; s++) {
    const lost = lostAtStep[s]!;
    for (let t = 0; t < T; t++) {
      const o = (t * n + s) * 3;
      const i = (s * T + t) * 3;
      const gone = lost >= 0 && k0 + t >= lost;
      to[o] = gone ? NaN : from[i]!;
      to[o + 1] = gone ? NaN : from[i + 1]!;
      to[o + 2] = gone ? NaN : from[i + 2]!;
    }
  }
}
