// One worker's share of a constellation too large to simulate in the browser, for the 3D view only: the
// satellites [from, to) of the scenario's catalogue as packed SGP4 elements (Walker shells packed without
// SatRecs, text catalogues parsed and sliced), and their position/velocity keyframes written frame-major
// into the whole constellation's arrays (or the slice's own). Pure: imports catalog/, orbit/ and types only.
import type { SatRec } from 'satellite.js';
import { catalogueEntry, catalogueIndex, loadCatalogue, type CatalogueIndex, type CataloguePart, type ReadText } from '../catalog/load.ts';
import { rankOf, searchQuery } from '../catalog/search.ts';
import type { IngestIssue } from '../catalog/types.ts';
import { allocateOrbitChunk, splitRanges, type OrbitChunk } from '../orbit/orbit-chunk.ts';
import { PackedBackend } from '../orbit/packed-backend.ts';
import { PACKED_STRIDE, packElements, type PackedElements } from '../orbit/packed-sgp4.ts';
import { PACKED_WALKER_MAX_SATELLITES, packWalkerRange } from '../orbit/packed-walker.ts';
import type { Scenario } from '../scenario/schema.ts';
import { MAX_SAMPLES_PER_CHUNK } from './keyframes.ts';

/**
 * Satellites propagated per kernel call; × frames ≤ MAX_SAMPLES_PER_CHUNK (keyframes.ts), which bounds the Float64
 * scratch to ≈ 23 MB. Assumption: 2¹⁶ keeps four frames per call for 10⁶-satellite slices.
 */
const SUB_SATELLITES = 65_536;

/** A search hit: global satellite index, rank (0 best), name and NORAD number. */
export interface SliceMatch {
  index: number;
  rank: number;
  name: string;
  norad: number;
}

/** Best rank first, then catalogue order (as searchSatellites). */
export function compareMatches(a: SliceMatch, b: SliceMatch): number {
  return a.rank - b.rank || a.index - b.index;
}

export interface OrbitSliceInfo {
  /** Satellites of the whole constellation. */
  satCount: number;
  from: number;
  to: number;
  /** Catalogue issues (every slice sees the same ones). */
  issues: IngestIssue[];
}

export class OrbitSlice {
  private readonly subs: PackedBackend[] = [];
  private readonly subFrom: number[] = [];
  private scratch: OrbitChunk | null = null;

  private constructor(
    readonly info: OrbitSliceInfo,
    private readonly catalogue: CatalogueIndex,
    elements: PackedElements,
    deep: Map<number, SatRec>,
  ) {
    const m = info.to - info.from;
    for (let s0 = 0; s0 < m; s0 += SUB_SATELLITES) {
      const s1 = Math.min(m, s0 + SUB_SATELLITES);
      const sub: PackedElements = {
        count: s1 - s0,
        values: elements.values.subarray(s0 * PACKED_STRIDE, s1 * PACKED_STRIDE),
        nearEarth: elements.nearEarth.subarray(s0, s1),
      };
      const deepSub: (SatRec | undefined)[] = [];
      for (const [row, r] of deep) if (row >= s0 && row < s1) deepSub[row - s0] = r;
      this.subs.push(new PackedBackend(sub, deepSub));
      this.subFrom.push(s0);
    }
  }

  /**
   * Loads the scenario's catalogue with the one loader (catalog/load.ts: a source that cannot be loaded is
   * quarantined with an issue naming it, as in a run; Walker shells up to PACKED_WALKER_MAX_SATELLITES) and keeps
   * slice `part` of `parts`.
   */
  static async load(scenario: Pick<Scenario, 'constellation' | 'epochIso'>, readText: ReadText, part: number, parts: number): Promise<OrbitSlice> {
    const catalogue = await loadCatalogue(scenario, readText, { maxWalkerSatellites: PACKED_WALKER_MAX_SATELLITES });
    const bounds = splitRanges(catalogue.satCount, parts);
    const from = bounds[part]!;
    const to = bounds[part + 1]!;
    const { elements, deep } = packSlice(catalogue.parts, from, to);
    // Packed: the SGP4 records are not needed any more; names and numbers stay for describe and search.
    return new OrbitSlice({ satCount: catalogue.satCount, from, to, issues: catalogue.issues }, catalogueIndex(catalogue), elements, deep);
  }

  /** Name and NORAD number of global satellite `index` (any slice can answer: names are derived or kept). */
  describe(index: number): { name: string; norad: number } | null {
    return catalogueEntry(this.catalogue, index);
  }

  /**
   * The best `limit` matches of `query` among this slice's satellites (search.ts ranking), as global indices
   * with their names: O(slice) name checks, a few ms per 10⁵ satellites.
   */
  search(query: string, limit: number): SliceMatch[] {
    const { q, digits } = searchQuery(query);
    if (q === '') return [];
    const found: SliceMatch[] = [];
    for (let i = this.info.from; i < this.info.to; i++) {
      const d = this.describe(i)!;
      const rank = rankOf(d, q, digits);
      if (rank >= 0) found.push({ index: i, rank, ...d });
    }
    return found.sort(compareMatches).slice(0, limit);
  }

  /**
   * Keyframes `startMs + f·stepS`, f < count, of this slice's satellites, Earth-fixed km and km/s, written
   * frame-major as Float32 into `positionsKm`/`velocitiesKmS` at `[(f·stride + offset + s)·3 + k]`:
   * stride = satCount and offset = from for the whole constellation's (shared) arrays, stride = slice
   * size and offset 0 for the slice's own. Failed samples (decayed) are NaN, so the view hides them.
   */
  fill(startMs: number, stepS: number, count: number, positionsKm: Float32Array, velocitiesKmS: Float32Array, stride: number, offset: number): void {
    for (let k = 0; k < this.subs.length; k++) {
      const sub = this.subs[k]!;
      const n = sub.satCount;
      const frames = Math.max(1, Math.min(count, Math.floor(MAX_SAMPLES_PER_CHUNK / n)));
      for (let f0 = 0; f0 < count; f0 += frames) {
        const T = Math.min(frames, count - f0);
        const chunk = this.chunk(n, T);
        for (let t = 0; t < T; t++) chunk.timesMs[t] = startMs + (f0 + t) * stepS * 1000;
        sub.propagate(chunk);
        writeFrameMajor(chunk, f0, offset + this.subFrom[k]!, stride, positionsKm, velocitiesKmS);
      }
    }
  }

  private chunk(n: number, T: number): OrbitChunk {
    const c = this.scratch;
    if (c && c.satCount === n && c.timeCount === T) return c;
    this.scratch = allocateOrbitChunk(n, T);
    return this.scratch;
  }
}

/** Packs global satellites [from, to) of the parts into one PackedElements (row = index − from). */
function packSlice(parts: readonly CataloguePart[], from: number, to: number): { elements: PackedElements; deep: Map<number, SatRec> } {
  const m = to - from;
  const elements: PackedElements = { count: m, values: new Float64Array(m * PACKED_STRIDE), nearEarth: new Uint8Array(m) };
  const deep = new Map<number, SatRec>();
  let base = 0;
  for (const p of parts) {
    const a = Math.max(from, base);
    const b = Math.min(to, base + p.count);
    if (a < b) {
      if (p.kind === 'walker' && !p.kept) {
        for (const [row, r] of packWalkerRange(p.shell, a - base, b - base, elements, a - from)) deep.set(row, r);
      } else if (p.kind === 'walker') {
        // Some of the shell's numbers were taken by an earlier source: pack the kept satellites one by one.
        for (let j = a - base; j < b - base; j++) {
          const i = p.kept![j]!;
          for (const [row, r] of packWalkerRange(p.shell, i, i + 1, elements, base + j - from)) deep.set(row, r);
        }
      } else {
        const recs = p.records.slice(a - base, b - base).map((r) => r.satrec);
        const packed = packElements(recs);
        elements.values.set(packed.values, (a - from) * PACKED_STRIDE);
        elements.nearEarth.set(packed.nearEarth, a - from);
        recs.forEach((r, j) => packed.nearEarth[j] || deep.set(a - from + j, r));
      }
    }
    base += p.count;
  }
  return { elements, deep };
}

/** Copies a satellite-major Float64 chunk into frame-major Float32 arrays (see OrbitSlice.fill). */
function writeFrameMajor(chunk: OrbitChunk, f0: number, satOffset: number, stride: number, pos: Float32Array, vel: Float32Array): void {
  const n = chunk.satCount;
  const T = chunk.timeCount;
  const p = chunk.positionsEcefKm;
  const v = chunk.velocitiesEcefKmS;
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < T; t++) {
      const from = (s * T + t) * 3;
      const to = ((f0 + t) * stride + satOffset + s) * 3;
      pos[to] = p[from]!;
      pos[to + 1] = p[from + 1]!;
      pos[to + 2] = p[from + 2]!;
      vel[to] = v[from]!;
      vel[to + 1] = v[from + 1]!;
      vel[to + 2] = v[from + 2]!;
    }
  }
}
