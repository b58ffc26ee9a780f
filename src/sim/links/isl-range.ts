// Range / line-of-sight ISLs for arbitrary satellite sets: keeps still-valid links, then pairs satellites
// best-ranked first under a per-satellite terminal limit. Pure; imports only links/isl-*.ts.
import { linkRangeKm } from './isl-geometry.ts';
import { pushIslEdge, type IslEdgeList } from './isl-edges.ts';
import { NeighbourGrid, type NeighbourQuery } from './isl-neighbours.ts';

/**
 * Reusable pairing workspace. Arrays grow only when a larger satellite count arrives; a step allocates nothing.
 * Layouts: candidate pairs `[p]`; partners `[s*T + k]` (T = terminalsPerSat).
 */
export class RangeLinker {
  private readonly grid: NeighbourGrid;
  private cap = 0;
  private pairA = new Int32Array(0);
  private pairB = new Int32Array(0);
  private pairKey = new Float64Array(0);
  private order = new Int32Array(0);
  private used = new Int32Array(0);
  private partner = new Int32Array(0);
  private prevPartner = new Int32Array(0);
  private prevN = new Int32Array(0);
  private partnersSatCount = -1;

  /**
   * @param terminalsPerSat laser terminals per satellite: the most links one satellite holds.
   * @param candidatesPerSat best-ranked linkable neighbours each satellite offers to the pairing.
   */
  constructor(
    readonly terminalsPerSat: number,
    readonly candidatesPerSat: number,
  ) {
    this.grid = new NeighbourGrid(candidatesPerSat);
  }

  /**
   * Appends to `out` the links among the satellites with `member[s] = 1` (all when null). A pair is linkable
   * when its range ≤ q.maxRangeKm and its segment stays ≥ q.minRadiusKm from the Earth's centre.
   * 1. Links of the previous call that are still linkable are kept (a terminal is not re-pointed for a
   *    marginally better partner: every new link costs the acquisition time; assumption, see docs).
   * 2. Free terminals are filled from the candidate pairs, best key first (key: NeighbourGrid; ties by lower,
   *    then higher index), while both ends have a free terminal (greedy b-matching).
   * Never throws; stops adding when `out` is full.
   */
  link(q: NeighbourQuery, satCount: number, member: Uint8Array | null, out: IslEdgeList): void {
    this.ensure(satCount);
    const m = this.grid.build(q, satCount, member);
    this.used.fill(0, 0, satCount);
    if (m < 2) {
      this.reset();
      return;
    }
    this.keepLinks(q, satCount, out);
    const pairs = this.collectPairs(satCount);
    this.sortPairs(pairs);
    const t = this.terminalsPerSat;
    for (let k = 0; k < pairs; k++) {
      const p = this.order[k]!;
      const a = this.pairA[p]!;
      const b = this.pairB[p]!;
      if (this.used[a]! >= t || this.used[b]! >= t || this.linked(a, b)) continue;
      if (!pushIslEdge(out, a, b, linkRangeKm(q.pos, a, b, q.maxRangeKm, q.minRadiusKm))) break;
      this.addPartner(a, b);
      this.addPartner(b, a);
    }
    this.partnersSatCount = satCount;
    this.prevPartner.set(this.partner.subarray(0, satCount * t));
    this.prevN.set(this.used.subarray(0, satCount));
  }

  /** Forgets the links of the previous call (a new run, or a different catalogue). */
  reset(): void {
    this.partnersSatCount = -1;
  }

  /** Candidate list of satellite `s` after `link` (for tests): partner indices, best first. */
  candidates(s: number): number[] {
    const c = this.candidatesPerSat;
    return Array.from(this.grid.candJ.subarray(s * c, s * c + this.grid.candN[s]!));
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const c = this.candidatesPerSat;
    const t = this.terminalsPerSat;
    this.cap = n;
    this.pairA = new Int32Array(n * c);
    this.pairB = new Int32Array(n * c);
    this.pairKey = new Float64Array(n * c);
    this.order = new Int32Array(n * c);
    this.used = new Int32Array(n);
    this.partner = new Int32Array(n * t);
    this.prevPartner = new Int32Array(n * t);
    this.prevN = new Int32Array(n);
    this.partnersSatCount = -1;
  }

  private keepLinks(q: NeighbourQuery, n: number, out: IslEdgeList): void {
    if (this.partnersSatCount !== n) return;
    const t = this.terminalsPerSat;
    for (let a = 0; a < n; a++) {
      if (!this.grid.isMember(a)) continue;
      for (let k = 0; k < this.prevN[a]!; k++) {
        const b = this.prevPartner[a * t + k]!;
        if (b < a || !this.grid.isMember(b)) continue;
        const r = linkRangeKm(q.pos, a, b, q.maxRangeKm, q.minRadiusKm);
        if (r < 0 || !pushIslEdge(out, a, b, r)) continue;
        this.addPartner(a, b);
        this.addPartner(b, a);
      }
    }
  }

  private addPartner(s: number, j: number): void {
    this.partner[s * this.terminalsPerSat + this.used[s]!] = j;
    this.used[s] = this.used[s]! + 1;
  }

  private linked(a: number, b: number): boolean {
    const t = this.terminalsPerSat;
    for (let k = 0; k < this.used[a]!; k++) if (this.partner[a * t + k] === b) return true;
    return false;
  }

  /** Union of all candidate lists as pairs (lower, higher), each pair once. Returns the pair count. */
  private collectPairs(n: number): number {
    const { candN, candJ, candKey } = this.grid;
    const c = this.candidatesPerSat;
    let p = 0;
    for (let s = 0; s < n; s++) {
      for (let k = 0; k < candN[s]!; k++) {
        const j = candJ[s * c + k]!;
        if (j < s && this.listHas(j, s)) continue; // already added from j's list
        this.pairA[p] = Math.min(s, j);
        this.pairB[p] = Math.max(s, j);
        this.pairKey[p] = candKey[s * c + k]!;
        this.order[p] = p;
        p++;
      }
    }
    return p;
  }

  private listHas(s: number, j: number): boolean {
    const c = this.candidatesPerSat;
    const { candN, candJ } = this.grid;
    for (let k = 0; k < candN[s]!; k++) if (candJ[s * c + k] === j) return true;
    return false;
  }

  private before(x: number, y: number): boolean {
    const kx = this.pairKey[x]!;
    const ky = this.pairKey[y]!;
    if (kx !== ky) return kx < ky;
    if (this.pairA[x] !== this.pairA[y]) return this.pairA[x]! < this.pairA[y]!;
    return this.pairB[x]! < this.pairB[y]!;
  }

  /** In-place heapsort of `order[0..n)` by (key, a, b): allocation-free and deterministic (Williams 1964). */
  private sortPairs(n: number): void {
    const o = this.order;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, n);
    for (let end = n - 1; end > 0; end--) {
      const t = o[0]!;
      o[0] = o[end]!;
      o[end] = t;
      this.siftDown(0, end);
    }
  }

  private siftDown(i: number, n: number): void {
    const o = this.order;
    for (;;) {
      let big = i;
      const l = 2 * i + 1;
      if (l < n && this.before(o[big]!, o[l]!)) big = l;
      if (l + 1 < n && this.before(o[big]!, o[l + 1]!)) big = l + 1;
      if (big === i) return;
      const t = o[i]!;
      o[i] = o[big]!;
      o[big] = t;
      i = big;
    }
  }
}
