// Relaying over laser inter-satellite links during a run: at each step, satellites out of contact send their
// results (and, if enabled, raw data up to the receiver's spare downlink) over the shortest ISL path to a
// satellite that is downlinking this step. Graph and paths are computed once per step for all modes. Pure.
import type { CatalogRecord } from '../catalog/types.ts';
import { IslAcquisitionTracker } from '../links/isl-acquisition.ts';
import { IslLinker, type IslParams } from '../links/isl.ts';
import { RoutingGraphBuilder, ShortestPaths } from '../links/routing.ts';
import type { Scenario } from '../scenario/schema.ts';
import { BatchField, emptyBatch } from './batch-queue.ts';
import type { ModeState } from './mode-state.ts';
import type { DownlinkSegment } from './mode-step.ts';

export class IslRelay {
  private readonly linker: IslLinker;
  private readonly tracker: IslAcquisitionTracker;
  private readonly builder = new RoutingGraphBuilder();
  private readonly paths = new ShortestPaths();
  private readonly pos: Float64Array;
  private readonly vel: Float64Array;
  private usable = new Uint8Array(0);
  private readonly sources: number[] = [];
  /** Hop count of each satellite's path to its receiver at the current step (−1 unreachable). */
  private readonly hops: Int32Array;
  /** Per receiver: bytes it can still take this step (NaN = not computed yet). */
  private readonly spare: Float64Array;
  /** The piece being moved (scratch). */
  private readonly piece = emptyBatch();
  /** Edges present at the last step (for the view and the metrics). */
  activeLinks = 0;

  constructor(
    records: readonly CatalogRecord[],
    private readonly params: IslParams,
    private readonly relayResults: boolean,
    private readonly relayRaw: boolean,
  ) {
    this.linker = new IslLinker(records.map((r) => r.walker), params);
    this.tracker = new IslAcquisitionTracker(records.length, Math.max(4, params.terminalsPerSat));
    this.pos = new Float64Array(records.length * 3);
    this.vel = new Float64Array(records.length * 3);
    this.hops = new Int32Array(records.length);
    this.spare = new Float64Array(records.length);
  }

  static fromScenario(scenario: Scenario, records: readonly CatalogRecord[]): IslRelay | null {
    const i = scenario.isl;
    if (!i.enabled || (!i.relayResults && !i.relayRaw) || records.length < 2) return null;
    const { enabled: _e, relayResults, relayRaw, ...params } = i;
    return new IslRelay(records, params, relayResults, relayRaw);
  }

  /**
   * Builds the ISL graph at the step start and the shortest paths from every satellite downlinking this step.
   * `positions` is the step's slice of GeometryResult.positionsByStep; `segsBySat[s]` this step's segments.
   */
  prepare(positions: Float32Array, k: number, stepCount: number, stepS: number, tMs: number, segsBySat: readonly (readonly DownlinkSegment[])[]): void {
    const n = this.hops.length;
    const offset = k * n * 3;
    // Velocities by finite difference of the step positions (forward; backward at the last step): range pairing
    // ranks partners by how close they stay over its look-ahead (docs/parts/isl-routing.md).
    const dir = k + 1 < stepCount ? 1 : -1;
    const other = offset + dir * n * 3;
    for (let i = 0; i < n * 3; i++) {
      this.pos[i] = positions[offset + i]!;
      this.vel[i] = stepCount > 1 ? (dir * (positions[other + i]! - positions[offset + i]!)) / stepS : 0;
    }
    const edges = this.linker.linksAt(this.pos, stepCount > 1 ? this.vel : null);
    if (this.usable.length < edges.count) this.usable = new Uint8Array(edges.count * 2);
    this.tracker.update(edges, tMs, this.params.acquisitionS, this.usable);
    this.activeLinks = edges.count;
    const g = this.builder.reset(n, 0);
    g.addIslEdges(edges, this.usable);
    const graph = g.build();
    this.sources.length = 0;
    for (let s = 0; s < n; s++) if (segsBySat[s]!.length > 0) this.sources.push(s);
    this.paths.run(graph, this.sources);
    for (let s = 0; s < n; s++) {
      let h = -1;
      if (this.paths.distS[s]! < Infinity) for (let v = s, c = 0; v !== -1; v = this.paths.prev[v]!, c++) h = c;
      this.hops[s] = h;
    }
  }

  /**
   * Moves this mode's relayable data (results in onboard mode; raw data in ground/hybrid when relayRaw) from
   * satellites out of contact to their receivers, up to what each receiver can still downlink this step beyond its
   * own queue — so data never pile up on a receiver or bounce between satellites.
   */
  relay(st: ModeState, t0Ms: number, segsBySat: readonly (readonly DownlinkSegment[])[]): void {
    const n = this.hops.length;
    const rawAllowed = this.relayRaw && st.mode !== 'onboard';
    const resultsAllowed = this.relayResults && st.mode === 'onboard';
    if (!rawAllowed && !resultsAllowed) return;
    this.spare.fill(NaN);
    const piece = this.piece;
    for (let s = 0; s < n; s++) {
      const h = this.hops[s]!;
      if (h <= 0) continue; // in contact itself (0) or unreachable (−1)
      const to = this.paths.origin[s]!;
      const readyMs = t0Ms + this.paths.distS[s]! * 1000;
      const q = st.down[s]!;
      if (Number.isNaN(this.spare[to]!)) this.spare[to] = spareBytes(st, to, segsBySat[to]!);
      while (q.length > 0 && this.spare[to]! > 0) {
        q.takeBytes(Math.min(q.headBytes(), this.spare[to]!), piece);
        if (q.headBytes() <= 0) q.dropHead();
        this.spare[to]! -= piece.bytes;
        piece.readyMs = Math.max(piece.readyMs, readyMs + ((piece.bytes * 8) / (this.params.rateGbps * 1e9)) * 1000);
        st.storedBytes[s]! -= piece.bytes;
        st.storedBytes[to]! += piece.bytes;
        st.down[to]!.push(piece);
        st.counters.islRelayedBytes += piece.bytes;
        st.counters.islHopBytes += piece.bytes * h;
      }
    }
  }
}

/** What the receiver can still send this step beyond its own queue. */
function spareBytes(st: ModeState, to: number, segs: readonly DownlinkSegment[]): number {
  let cap = 0;
  for (const g of segs) cap += g.capacityBytes;
  const own = st.down[to]!.addUp(BatchField.bytes);
  return Math.max(0, cap - own);
}
