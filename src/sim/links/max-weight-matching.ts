// Maximum-weight bipartite b-matching: left nodes (satellites) used at most once, right node j (a station) at most
// cap[j] times (its antennas). Successive shortest augmenting paths on the min-cost-flow network with costs −weight
// (Dijkstra on reduced costs with Johnson potentials; Ahuja, Magnanti & Orlin, "Network Flows", 1993, §9.7), stopping
// when the next path no longer adds weight: the result is a maximum-weight (not maximum-cardinality) b-matching.
// O(F · E log V) for F ≤ Σ cap augmentations. Pure; imports nothing.

export interface MatchEdge {
  left: number;
  right: number;
  /** ≥ 0. */
  weight: number;
}

/** A binary min-heap of (key, node) pairs. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, node: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.nodes.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.nodes[i] = this.nodes[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  /** Removes the smallest; returns its node (its key is in `lastKey`). */
  pop(): number {
    const top = this.nodes[0]!;
    this.lastKey = this.keys[0]!;
    const k = this.keys.pop()!;
    const n = this.nodes.pop()!;
    const size = this.keys.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const c = l + 1 < size && this.keys[l + 1]! < this.keys[l]! ? l + 1 : l;
        if (this.keys[c]! >= k) break;
        this.keys[i] = this.keys[c]!;
        this.nodes[i] = this.nodes[c]!;
        i = c;
      }
      this.keys[i] = k;
      this.nodes[i] = n;
    }
    return top;
  }
  lastKey = 0;
}

/**
 * Indices of the chosen edges (ascending). Edges are arcs left → right; `leftCount` and `cap.length` size the two
 * sides. Ties are broken by node and edge order, so the result is deterministic.
 */
export function maxWeightBMatching(leftCount: number, cap: readonly number[], edges: readonly MatchEdge[]): number[] {
  const R = cap.length;
  const src = leftCount + R;
  const sink = src + 1;
  const V = sink + 1;
  const to: number[] = [];
  const rest: number[] = [];
  const cost: number[] = [];
  const head = new Int32Array(V).fill(-1);
  const next: number[] = [];
  const arc = (u: number, v: number, c: number, w: number) => {
    for (const [a, b, cc, ww] of [
      [u, v, c, w],
      [v, u, 0, -w],
    ] as const) {
      to.push(b);
      rest.push(cc);
      cost.push(ww);
      next.push(head[a]!);
      head[a] = to.length - 1;
    }
  };
  for (let l = 0; l < leftCount; l++) arc(src, l, 1, 0);
  const edgeArc = edges.map((e) => {
    arc(e.left, leftCount + e.right, 1, -e.weight);
    return to.length - 2;
  });
  for (let j = 0; j < R; j++) arc(leftCount + j, sink, cap[j]!, 0);
  // Potentials of the acyclic start network: source and left 0, right node j = min incoming cost, sink = min of those.
  const pot = new Float64Array(V);
  for (const e of edges) pot[leftCount + e.right] = Math.min(pot[leftCount + e.right]!, -e.weight);
  for (let j = 0; j < R; j++) pot[sink] = Math.min(pot[sink]!, pot[leftCount + j]!);
  const dist = new Float64Array(V);
  const via = new Int32Array(V);
  for (;;) {
    dist.fill(Infinity);
    via.fill(-1);
    dist[src] = 0;
    const heap = new MinHeap();
    heap.push(0, src);
    while (heap.size > 0) {
      const u = heap.pop();
      if (heap.lastKey > dist[u]!) continue;
      for (let a = head[u]!; a >= 0; a = next[a]!) {
        if (rest[a]! <= 0) continue;
        const v = to[a]!;
        const d = dist[u]! + Math.max(0, cost[a]! + pot[u]! - pot[v]!);
        if (d < dist[v]!) {
          dist[v] = d;
          via[v] = a;
          heap.push(d, v);
        }
      }
    }
    if (!Number.isFinite(dist[sink]!)) break;
    // True cost of the path: reduced distance + pot[sink] − pot[src]; stop when it adds no weight.
    if (dist[sink]! + pot[sink]! - pot[src]! >= 0) break;
    for (let v = 0; v < V; v++) if (Number.isFinite(dist[v]!)) pot[v]! += dist[v]!;
    for (let v = sink; v !== src; v = to[via[v]! ^ 1]!) {
      rest[via[v]!]!--;
      rest[via[v]! ^ 1]!++;
    }
  }
  const chosen: number[] = [];
  edgeArc.forEach((a, i) => {
    if (rest[a] === 0) chosen.push(i);
  });
  return chosen;
}
