// The ISL edge list of one time step: struct-of-arrays typed arrays, reused from step to step.
// Pure data; imports nothing.

/**
 * Undirected laser links at one time. Edge `e < count`: satellites `a[e] < b[e]` (indices into the
 * position array), range `rangeKm[e]` in km. Entries at `e ≥ count` are stale.
 */
export interface IslEdgeList {
  count: number;
  /** Lower satellite index of each edge: `[e]`. */
  a: Int32Array;
  /** Higher satellite index of each edge: `[e]`. */
  b: Int32Array;
  /** Range between the two satellites, km: `[e]`. */
  rangeKm: Float64Array;
}

export function allocateIslEdges(capacity: number): IslEdgeList {
  return { count: 0, a: new Int32Array(capacity), b: new Int32Array(capacity), rangeKm: new Float64Array(capacity) };
}

/** Appends edge (i, j) with its range; returns false (and drops it) when the list is full. Never throws. */
export function pushIslEdge(out: IslEdgeList, i: number, j: number, rangeKm: number): boolean {
  const e = out.count;
  if (e >= out.a.length) return false;
  out.a[e] = i < j ? i : j;
  out.b[e] = i < j ? j : i;
  out.rangeKm[e] = rangeKm;
  out.count = e + 1;
  return true;
}
