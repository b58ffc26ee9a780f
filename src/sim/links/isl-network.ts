// One laser ISL network stepped through time: the linker, the acquisition tracker and the routing graph of one set
// of satellites. The engine's relay, the keyframe links of the view and routes all step one of these, so they pair
// satellites identically. Pure; imports only links/ modules and catalogue / orbit-chunk types.
import type { WalkerSlot } from '../catalog/types.ts';
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import { IslAcquisitionTracker } from './isl-acquisition.ts';
import { allocateIslEdges, type IslEdgeList } from './isl-edges.ts';
import { IslLinker, type IslParams } from './isl.ts';
import { RoutingGraphBuilder, ShortestPaths } from './routing.ts';

/**
 * Satellite states at successive times, frame-major (the layout of a keyframe block and of the engine's position
 * window): frame f, satellite s of n at `positionsKm[(f·n + s)·3 + k]`, ECEF km (NaN = lost), and velocities in
 * km/s at the same index (null when not kept: range pairing then ranks by the current range).
 */
export interface IslFrames {
  readonly positionsKm: ArrayLike<number>;
  readonly velocitiesKmS: ArrayLike<number> | null;
}

const EMPTY_PAIRS = new Int32Array(0);

/**
 * The ISLs of one catalogue through a run. Each step loads the satellites' state at one time, rounded to Float32
 * (≤ 0.5 m at LEO radii: the precision the engine's position window and the keyframes store, so a caller holding
 * Float64 states pairs exactly like one holding Float32), finds the links present (IslLinker) and which of them are
 * acquired (IslAcquisitionTracker). `graph` turns the acquired links into a routing graph; `paths` is the Dijkstra
 * workspace for it. Times must increase from step to step; a time at or before the last one restarts the network
 * there (links are recomputed as if the run started then). A step allocates nothing once `usable` has grown.
 */
export class IslNetwork {
  readonly satCount: number;
  /** The current step's positions, ECEF km, Float32-rounded: `[s*3+k]` (NaN = lost). */
  readonly positionsKm: Float64Array;
  /** The current step's velocities, ECEF km/s, Float32-rounded: `[s*3+k]` (stale when the step had none). */
  readonly velocitiesKmS: Float64Array;
  /** Links present at the current step: the linker's list, overwritten by the next step. */
  edges: IslEdgeList = allocateIslEdges(0);
  /** Per edge of `edges`: 1 when the link has been up for the acquisition time (it carries data), else 0. */
  usable = new Uint8Array(0);
  /** Shortest-path workspace for graphs from `graph()`; results stay until its next run. */
  readonly paths = new ShortestPaths();
  private readonly linker: IslLinker;
  private readonly tracker: IslAcquisitionTracker;
  private readonly builder = new RoutingGraphBuilder();
  private hasVelocities = false;
  private timeMs = -Infinity;

  /**
   * @param layouts one entry per satellite (position index): its Walker slot, or undefined (CatalogRecord.walker).
   * Throws a RangeError when the parameters are invalid (edge validation, IslLinker).
   */
  constructor(
    layouts: readonly (WalkerSlot | undefined)[],
    readonly params: Readonly<IslParams>,
  ) {
    this.linker = new IslLinker(layouts, params);
    this.satCount = layouts.length;
    // Tracker slots per satellite: its terminals, and at least the four links of the +Grid pattern.
    this.tracker = new IslAcquisitionTracker(this.satCount, Math.max(4, params.terminalsPerSat));
    this.positionsKm = new Float64Array(this.satCount * 3);
    this.velocitiesKmS = new Float64Array(this.satCount * 3);
  }

  /** Whether steps need velocities (range pairing with a look-ahead); without them the links would differ. */
  get needsVelocities(): boolean {
    return this.linker.ranksByMotion;
  }

  /** Steps to `tMs` with frame `f` of `frames` as the satellites' state. Never throws. */
  stepFrame(frames: IslFrames, f: number, tMs: number): void {
    const m = this.satCount * 3;
    const o = f * m;
    const pos = frames.positionsKm;
    for (let i = 0; i < m; i++) this.positionsKm[i] = Math.fround(pos[o + i]!);
    const vel = frames.velocitiesKmS;
    this.hasVelocities = vel !== null;
    if (vel) for (let i = 0; i < m; i++) this.velocitiesKmS[i] = Math.fround(vel[o + i]!);
    this.step(tMs);
  }

  /** Steps to time `t` of a satellite-major propagation chunk (`[(s·T + t)·3 + k]`). Never throws. */
  stepChunk(chunk: OrbitChunk, t: number): void {
    const T = chunk.timeCount;
    for (let s = 0; s < this.satCount; s++) {
      const i = (s * T + t) * 3;
      for (let k = 0; k < 3; k++) {
        this.positionsKm[s * 3 + k] = Math.fround(chunk.positionsEcefKm[i + k]!);
        this.velocitiesKmS[s * 3 + k] = Math.fround(chunk.velocitiesEcefKmS[i + k]!);
      }
    }
    this.hasVelocities = true;
    this.step(chunk.timesMs[t]!);
  }

  /** Number of acquired links at the current step. */
  get usableCount(): number {
    let m = 0;
    for (let e = 0; e < this.edges.count; e++) m += this.usable[e]!;
    return m;
  }

  /** The acquired links of the current step as pairs `[a0, b0, a1, b1, …]`, a < b, in edge order (a new array, or a shared empty one). */
  usablePairs(): Int32Array {
    const m = this.usableCount;
    if (m === 0) return EMPTY_PAIRS;
    const out = new Int32Array(m * 2);
    for (let e = 0, j = 0; e < this.edges.count; e++) {
      if (this.usable[e] !== 1) continue;
      out[j++] = this.edges.a[e]!;
      out[j++] = this.edges.b[e]!;
    }
    return out;
  }

  /**
   * A routing graph of the current step: satellites 0..n−1 joined by their acquired links (weight range / c),
   * then `groundCount` ground nodes n.. for the caller to link (e.g. `addGroundEdges`) before `build()`. The
   * builder is the network's own, reused by the next call.
   */
  graph(groundCount = 0): RoutingGraphBuilder {
    const g = this.builder.reset(this.satCount, groundCount);
    g.addIslEdges(this.edges, this.usable);
    return g;
  }

  /** Forgets every link: the next step starts a new run (its links are taken as established). */
  reset(): void {
    this.linker.reset();
    this.tracker.reset();
    this.timeMs = -Infinity;
  }

  private step(tMs: number): void {
    if (!(tMs > this.timeMs)) this.reset();
    this.edges = this.linker.linksAt(this.positionsKm, this.hasVelocities ? this.velocitiesKmS : null);
    if (this.usable.length < this.edges.count) this.usable = new Uint8Array(this.edges.count * 2);
    this.tracker.update(this.edges, tMs, this.params.acquisitionS, this.usable);
    this.timeMs = tMs;
  }
}
