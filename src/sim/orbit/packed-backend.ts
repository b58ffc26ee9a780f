// Packed propagation backend: the allocation-free near-earth kernel (packed-kernel.ts) with every per-time
// quantity computed once per chunk; deep-space satellites go through satellite.js's `sgp4` (js-backend.ts).
// Within 1e-8 km of the JS backend (packed-kernel.ts says why not bit-identical). Imports only satellite.js
// and orbit/ modules.
import type { SatRec } from 'satellite.js';
import { ERROR_NON_FINITE, markSampleFailed, type OrbitChunk } from './orbit-chunk.ts';
import { fillSample, timeTerms, type TimeTerms } from './js-backend.ts';
import { packElements, type PackedElements } from './packed-sgp4.ts';
import { TIME_STRIDE, fillPackedSatellite } from './packed-kernel.ts';

/** As satellite.js shadow.js: nominal solar radius (IAU 2015 B3), km; the astronomical unit, km. */
const SUN_RADIUS_KM = 695700;
const KM_PER_AU = 149597870.69098932;

/** Fills the per-time table row `tab[o..o+6]` (see TIME_STRIDE) in satellite.js's order of operations. */
function fillTimeRow(tt: TimeTerms, tab: Float64Array, o: number): void {
  tab[o] = tt.jd;
  tab[o + 1] = Math.cos(tt.gmstRad);
  tab[o + 2] = Math.sin(tt.gmstRad);
  // shadow.js: antisolar = normalize(−sun_km), Sun angular radius = asin(R_sun / |sun_km|).
  const sx = tt.sunEciAu.x * KM_PER_AU,
    sy = tt.sunEciAu.y * KM_PER_AU,
    sz = tt.sunEciAu.z * KM_PER_AU;
  const nx = -sx,
    ny = -sy,
    nz = -sz;
  const len = Math.sqrt(nx * nx + ny * ny + nz * nz);
  tab[o + 3] = nx / len;
  tab[o + 4] = ny / len;
  tab[o + 5] = nz / len;
  tab[o + 6] = Math.asin(SUN_RADIUS_KM / Math.sqrt(sx * sx + sy * sy + sz * sz));
}

/**
 * The packed kernel bound to one catalogue. `deepSpace[s]` is needed only for satellites that
 * `elements.nearEarth` does not flag (a sparse array is fine).
 */
export class PackedBackend {
  private readonly terms: TimeTerms[] = [];
  private tab = new Float64Array(0);

  constructor(
    private readonly elements: PackedElements,
    private readonly deepSpace: readonly (SatRec | undefined)[],
  ) {}

  /** Packs `satrecs` (≈ 1 µs per satellite) and keeps the deep-space ones. */
  static fromSatrecs(satrecs: readonly SatRec[]): PackedBackend {
    const elements = packElements(satrecs);
    return new PackedBackend(
      elements,
      satrecs.map((r, s) => (elements.nearEarth[s] ? undefined : r)),
    );
  }

  get satCount(): number {
    return this.elements.count;
  }

  /** Propagates every satellite at every time of `out.timesMs` (already filled) into `out`. */
  propagate(out: OrbitChunk): void {
    const T = out.timeCount;
    if (T === 0) return;
    this.prepareTimes(out.timesMs, T);
    const p = this.elements;
    for (let s = 0; s < p.count; s++) {
      if (p.nearEarth[s]) {
        fillPackedSatellite(p, s, s, this.tab, out);
        continue;
      }
      const deep = this.deepSpace[s];
      for (let t = 0; t < T; t++) {
        if (deep) fillSample(deep, this.terms[t]!, out, s * T + t);
        else markSampleFailed(out, s * T + t, ERROR_NON_FINITE);
      }
    }
  }

  private prepareTimes(timesMs: Float64Array, T: number): void {
    if (this.tab.length < T * TIME_STRIDE) this.tab = new Float64Array(T * TIME_STRIDE);
    this.terms.length = T;
    for (let t = 0; t < T; t++) {
      const tt = timeTerms(timesMs[t]!);
      this.terms[t] = tt;
      fillTimeRow(tt, this.tab, t * TIME_STRIDE);
    }
  }
}
