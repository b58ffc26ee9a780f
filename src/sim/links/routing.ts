// Latency-weighted shortest paths over satellites (relays) and ground nodes (endpoints only): a CSR graph
// built per step from ISL and ground-link edges, and Dijkstra with an indexed binary heap.
// Pure; imports only links/ modules (no DOM, no Node). Dijkstra, "A note on two problems in connexion with
// graphs", Numerische Mathematik 1 (1959); binary heap: Williams, CACM 7(6) (1964).
import type { IslEdgeList } from './isl-edges.ts';
import { islLatencyS, linkRangeKm } from './isl-geometry.ts';
import { isVisible, type StationGeometry } from './visibility.ts';

/**
 * An undirected graph in compressed sparse rows. Nodes `[0, relayCount)` are satellites and may forward
 * traffic; nodes `[relayCount, nodeCount)` are ground nodes: a path may start or end at one but never passes
 * through one. Neighbours of node v: `neighbours[offsets[v] .. offsets[v+1])`, edge latency `weightsS[...]` in s.
 */
export interface RoutingGraph {
  readonly nodeCount: number;
  readonly relayCount: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weightsS: Float64Array;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Collects undirected edges, then builds the CSR graph. Arrays are reused; they grow only when a step needs more. */
export class RoutingGraphBuilder {
  private ea = new Int32Array(1024);
  private eb = new Int32Array(1024);
  private ew = new Float64Array(1024);
  private count = 0;
  private nodeCount = 0;
  private relayCount = 0;
  private readonly graph: Mutable<RoutingGraph> = {
    nodeCount: 0,
    relayCount: 0,
    offsets: new Int32Array(1),
    neighbours: new Int32Array(0),
    weightsS: new Float64Array(0),
  };

  /** Starts a new graph of `satCount` satellites followed by `groundCount` ground nodes. */
  reset(satCount: number, groundCount: number): this {
    this.count = 0;
    this.relayCount = satCount;
    this.nodeCount = satCount + groundCount;
    return this;
  }

  /** Adds an undirected edge a–b with latency weightS (s). Ignores bad node indices and non-finite weights. */
  addEdge(a: number, b: number, weightS: number): void {
    if (a === b || !(a >= 0 && b >= 0 && a < this.nodeCount && b < this.nodeCount) || !(weightS >= 0 && weightS < Infinity)) return;
    if (this.count === this.ea.length) this.grow();
    this.ea[this.count] = a;
    this.eb[this.count] = b;
    this.ew[this.count] = weightS;
    this.count++;
  }

  /** Adds every ISL (weight range/c + perHopS); with `usable`, only edges whose flag is 1 (e.g. acquired links). */
  addIslEdges(edges: IslEdgeList, usable?: Uint8Array, perHopS = 0): void {
    for (let e = 0; e < edges.count; e++) {
      if (usable && usable[e] !== 1) continue;
      this.addEdge(edges.a[e]!, edges.b[e]!, islLatencyS(edges.rangeKm[e]!) + perHopS);
    }
  }

  /**
   * Adds ISL pairs `[a0, b0, a1, b1, …]` (e.g. the acquired links of a past step) re-ranged at `positionsEcefKm`
   * (`[s*3+k]`, km): weight range / c; a pair no longer linkable there (linkRangeKm) is left out.
   */
  addIslPairs(pairs: Int32Array, positionsEcefKm: Float64Array, maxRangeKm: number, minRadiusKm: number): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const r = linkRangeKm(positionsEcefKm, pairs[i]!, pairs[i + 1]!, maxRangeKm, minRadiusKm);
      if (r >= 0) this.addEdge(pairs[i]!, pairs[i + 1]!, islLatencyS(r));
    }
  }

  /**
   * Links ground node `relayCount + j` to satellite s, weight = slant range / c: `positionsEcefKm[s*3+k]` and
   * `groundEcefKm[j*3+k]`, km (NaN, e.g. a lost satellite, adds nothing).
   */
  addGroundLink(j: number, s: number, positionsEcefKm: Float64Array, groundEcefKm: Float64Array): void {
    const dx = positionsEcefKm[s * 3]! - groundEcefKm[j * 3]!;
    const dy = positionsEcefKm[s * 3 + 1]! - groundEcefKm[j * 3 + 1]!;
    const dz = positionsEcefKm[s * 3 + 2]! - groundEcefKm[j * 3 + 2]!;
    this.addEdge(this.relayCount + j, s, islLatencyS(Math.hypot(dx, dy, dz)));
  }

  /**
   * Links ground node `relayCount + j` to every satellite above station j's mask in `stations` (addGroundLink).
   * `positionsEcefKm[s*3+k]` for the first relayCount satellites (NaN = lost, never visible).
   */
  addGroundEdges(stations: StationGeometry, j: number, positionsEcefKm: Float64Array): void {
    for (let s = 0; s < this.relayCount; s++) {
      if (isVisible(stations, j, positionsEcefKm[s * 3]!, positionsEcefKm[s * 3 + 1]!, positionsEcefKm[s * 3 + 2]!))
        this.addGroundLink(j, s, positionsEcefKm, stations.ecefKm);
    }
  }

  /** Builds the CSR graph (counting sort; neighbours keep insertion order). Overwritten by the next build. */
  build(): RoutingGraph {
    const n = this.nodeCount;
    const m = this.count;
    const g = this.graph;
    if (g.offsets.length < n + 1) g.offsets = new Int32Array(n + 1);
    if (g.neighbours.length < 2 * m) {
      g.neighbours = new Int32Array(2 * m);
      g.weightsS = new Float64Array(2 * m);
    }
    g.nodeCount = n;
    g.relayCount = this.relayCount;
    const off = g.offsets;
    off.fill(0, 0, n + 1);
    for (let e = 0; e < m; e++) {
      off[this.ea[e]! + 1]!++;
      off[this.eb[e]! + 1]!++;
    }
    for (let v = 0; v < n; v++) off[v + 1] = off[v + 1]! + off[v]!;
    // Fill with a moving cursor kept in off[v] itself, then shift back.
    for (let e = 0; e < m; e++) {
      const a = this.ea[e]!;
      const b = this.eb[e]!;
      const w = this.ew[e]!;
      g.neighbours[off[a]!] = b;
      g.weightsS[off[a]!++] = w;
      g.neighbours[off[b]!] = a;
      g.weightsS[off[b]!++] = w;
    }
    for (let v = n; v > 0; v--) off[v] = off[v - 1]!;
    off[0] = 0;
    return g;
  }

  private grow(): void {
    const c = this.ea.length * 2;
    const a = new Int32Array(c);
    const b = new Int32Array(c);
    const w = new Float64Array(c);
    a.set(this.ea);
    b.set(this.eb);
    w.set(this.ew);
    this.ea = a;
    this.eb = b;
    this.ew = w;
  }
}

/** A route: total latency and the node list from the source to the target (both included). */
export interface Route {
  /** One-way latency, s. */
  latencyS: number;
  /** Node indices: satellites < relayCount, ground nodes ≥ relayCount. */
  hops: number[];
}

/**
 * Dijkstra workspace, reused across runs. After `run`: `distS[v]` (s, Infinity when unreachable), `prev[v]`
 * (predecessor, −1 for a source or unreached), `origin[v]` (the source v's best path starts at, −1 unreached).
 * Ties: the heap orders by (distance, node index) and an equal-length path never replaces the first one found,
 * so results are deterministic.
 */
export class ShortestPaths {
  distS = new Float64Array(0);
  prev = new Int32Array(0);
  origin = new Int32Array(0);
  private heap = new Int32Array(0);
  private pos = new Int32Array(0);
  private size = 0;

  /**
   * Multi-source shortest paths: each `sources[i]` starts at delay `initialS?.[i] ?? 0` (s). With `target ≥ 0`,
   * stops once the target is settled. Ground nodes are expanded only when they are sources. Never throws
   * (bad source indices are skipped).
   */
  run(g: RoutingGraph, sources: ArrayLike<number>, initialS?: ArrayLike<number>, target = -1): void {
    this.ensure(g.nodeCount);
    const n = g.nodeCount;
    this.distS.fill(Infinity, 0, n);
    this.prev.fill(-1, 0, n);
    this.origin.fill(-1, 0, n);
    this.pos.fill(-1, 0, n);
    this.size = 0;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      const d = initialS ? initialS[i]! : 0;
      if (!(s >= 0 && s < n) || !(d >= 0) || d >= this.distS[s]!) continue;
      this.distS[s] = d;
      this.origin[s] = s;
      this.push(s);
    }
    while (this.size > 0) {
      const u = this.pop();
      if (u === target) return;
      if (u >= g.relayCount && this.prev[u] !== -1) continue; // ground node reached on the way: an endpoint only
      const du = this.distS[u]!;
      for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
        const v = g.neighbours[k]!;
        const dv = du + g.weightsS[k]!;
        if (dv >= this.distS[v]!) continue;
        this.distS[v] = dv;
        this.prev[v] = u;
        this.origin[v] = this.origin[u]!;
        if (this.pos[v]! >= 0) this.siftUp(this.pos[v]!);
        else this.push(v);
      }
    }
  }

  /** The node list from the path's source to `to` after `run`, or null when `to` was not reached. */
  pathTo(to: number): number[] | null {
    if (!(to >= 0 && to < this.distS.length) || this.distS[to] === Infinity) return null;
    const hops: number[] = [];
    for (let v = to; v !== -1; v = this.prev[v]!) hops.push(v);
    return hops.reverse();
  }

  private ensure(n: number): void {
    if (this.distS.length >= n) return;
    this.distS = new Float64Array(n);
    this.prev = new Int32Array(n);
    this.origin = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n);
  }

  private less(a: number, b: number): boolean {
    const da = this.distS[a]!;
    const db = this.distS[b]!;
    return da < db || (da === db && a < b);
  }

  private push(v: number): void {
    this.heap[this.size] = v;
    this.pos[v] = this.size;
    this.siftUp(this.size++);
  }

  private pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -2; // settled
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const v = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(v, h[p]!)) break;
      h[i] = h[p]!;
      this.pos[h[i]!] = i;
      i = p;
    }
    h[i] = v;
    this.pos[v] = i;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const v = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const c = l + 1 < this.size && this.less(h[l + 1]!, h[l]!) ? l + 1 : l;
      if (!this.less(h[c]!, v)) break;
      h[i] = h[c]!;
      this.pos[h[i]!] = i;
      i = c;
    }
    h[i] = v;
    this.pos[v] = i;
  }
}

/** Single-pair shortest path: the route from `from` to `to`, or null when none exists. */
export function shortestPath(g: RoutingGraph, from: number, to: number, ws = new ShortestPaths()): Route | null {
  ws.run(g, [from], undefined, to);
  const hops = ws.pathTo(to);
  return hops ? { latencyS: ws.distS[to]!, hops } : null;
}
