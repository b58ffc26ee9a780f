// Relaying over laser inter-satellite links during a run: at each step, satellites out of contact send their
// results (and, if enabled, raw data up to the receiver's spare downlink) over the shortest ISL path to a
// satellite that is downlinking this step. `prepare` steps the one IslNetwork (links/) and finds those paths (the
// routing stage does it once per step for the whole run, routing-stage.ts); `useRoutes` loads a step's stored
// routes and `relay` moves one mode's data along them. Pure.
import type { CatalogRecord } from '../catalog/types.ts';
import { islParams, type IslParams } from '../links/isl.ts';
import { IslNetwork, type IslFrames } from '../links/isl-network.ts';
import type { Scenario } from '../scenario/schema.ts';
import { BatchField, emptyBatch } from './batch-queue.ts';
import type { ModeState } from './mode-state.ts';
import type { DownlinkSegment } from './mode-step.ts';

export class IslRelay {
  /** The ISL network the relay routes over; after `prepare` it holds that step's links. */
  readonly network: IslNetwork;
  private readonly sources: number[] = [];
  /** Hop count of each satellite's path to its receiver at the current step (−1 unreachable, 0 in contact). */
  private hops: Int32Array;
  /** Each satellite's receiver (the satellite in contact its path ends at) at the current step, −1 if none. */
  private receiver: Int32Array;
  /** Light time along each satellite's path at the current step, s (Infinity when unreachable). */
  private latencyS: Float64Array;
  /** Per receiver: bytes it can still take this step (NaN = not computed yet). */
  private readonly spare: Float64Array;
  /** The piece being moved (scratch). */
  private readonly piece = emptyBatch();

  constructor(
    records: readonly CatalogRecord[],
    params: IslParams,
    private readonly relayResults: boolean,
    private readonly relayRaw: boolean,
  ) {
    this.network = new IslNetwork(
      records.map((r) => r.walker),
      params,
    );
    this.hops = new Int32Array(records.length);
    this.receiver = new Int32Array(records.length);
    this.latencyS = new Float64Array(records.length);
    this.spare = new Float64Array(records.length);
  }

  static fromScenario(scenario: Scenario, records: readonly CatalogRecord[]): IslRelay | null {
    const i = scenario.isl;
    if (!i.enabled || (!i.relayResults && !i.relayRaw) || records.length < 2) return null;
    return new IslRelay(records, islParams(i), i.relayResults, i.relayRaw);
  }

  /** Whether `prepare` needs the satellites' velocities (range pairing with a look-ahead). */
  get needsVelocities(): boolean {
    return this.network.needsVelocities;
  }

  /**
   * Steps the ISL network to the step start `tMs` with frame `f` of `frames` (the engine's PositionWindow: ECEF
   * positions, and velocities when `needsVelocities`), then finds the shortest paths from every satellite
   * downlinking this step. `segsBySat[s]` are this step's segments.
   */
  prepare(frames: IslFrames, f: number, tMs: number, segsBySat: readonly (readonly DownlinkSegment[])[]): void {
    const n = this.hops.length;
    const net = this.network;
    net.stepFrame(frames, f, tMs);
    const graph = net.graph().build();
    this.sources.length = 0;
    for (let s = 0; s < n; s++) if (segsBySat[s]!.length > 0) this.sources.push(s);
    const paths = net.paths;
    paths.run(graph, this.sources);
    for (let s = 0; s < n; s++) {
      let h = -1;
      if (paths.distS[s]! < Infinity) for (let v = s, c = 0; v !== -1; v = paths.prev[v]!, c++) h = c;
      this.hops[s] = h;
      this.receiver[s] = paths.origin[s]!;
      this.latencyS[s] = paths.distS[s]!;
    }
  }

  /** Copies this step's routes (after `prepare`) into row `k` of stored per-step arrays `[k·n + s]`. */
  storeRoutes(k: number, hops: Int32Array, receiver: Int32Array, latencyS: Float64Array): void {
    const o = k * this.hops.length;
    hops.set(this.hops, o);
    receiver.set(this.receiver, o);
    latencyS.set(this.latencyS, o);
  }

  /** Loads row `k` of stored per-step routes (views, no copy) for `relay`. */
  useRoutes(k: number, hops: Int32Array, receiver: Int32Array, latencyS: Float64Array): void {
    const n = this.spare.length;
    this.hops = hops.subarray(k * n, (k + 1) * n);
    this.receiver = receiver.subarray(k * n, (k + 1) * n);
    this.latencyS = latencyS.subarray(k * n, (k + 1) * n);
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
    const rateBitPerS = this.network.params.rateGbps * 1e9;
    for (let s = 0; s < n; s++) {
      const h = this.hops[s]!;
      if (h <= 0) continue; // in contact itself (0) or unreachable (−1)
      const to = this.receiver[s]!;
      const readyMs = t0Ms + this.latencyS[s]! * 1000;
      const q = st.down[s]!;
      if (Number.isNaN(this.spare[to]!)) this.spare[to] = spareBytes(st, to, segsBySat[to]!);
      while (q.length > 0 && this.spare[to]! > 0) {
        q.takeBytes(Math.min(q.headBytes(), this.spare[to]!), piece);
        if (q.headBytes() <= 0) q.dropHead();
        this.spare[to]! -= piece.bytes;
        piece.readyMs = Math.max(piece.readyMs, readyMs + ((piece.bytes * 8) / rateBitPerS) * 1000);
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
