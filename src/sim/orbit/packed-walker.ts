// Packed SGP4 elements of a Walker shell without one satellite.js SatRec per satellite: `sgp4init` runs once
// per plane and the other slots of the plane are that record with the mean anomaly and the three constants
// sgp4init derives from it patched — the same doubles `json2satrec` gives each satellite (tested). This is
// what lets the browser show 10⁶ satellites (a SatRec is ≈ 1 KB and ≈ 12 µs to make; a packed one 280 B, ≈ 0.1 µs).
// Imports satellite.js, the Walker generator and packed-sgp4.ts only.
import { constants, json2satrec, type SatRec } from 'satellite.js';
import { walkerMeanAnomalyDeg, walkerOmm, walkerShell, type WalkerParams, type WalkerShell } from '../catalog/walker.ts';
import { PACKED_FIELD as F, PACKED_STRIDE, packElements, type PackedElements } from './packed-sgp4.ts';

/**
 * Most satellites the orbit view packs from one Walker shell: 2 × the one-million-satellite filing the scale issue
 * cites, and 2,000,000 fits a 4096 × 489 keyframe texture (assumption: the view's upper bound, not a physical one).
 */
export const PACKED_WALKER_MAX_SATELLITES = 2_000_000;

/** Validated shell for packing (up to PACKED_WALKER_MAX_SATELLITES). Throws a RangeError naming the bad fields. */
export function packableWalkerShell(p: WalkerParams): WalkerShell {
  return walkerShell(p, PACKED_WALKER_MAX_SATELLITES);
}

/**
 * Packs satellites [from, to) of a shell (index = plane · S + slot) into `out` from row `row` on.
 * Rows of deep-space planes (period ≥ 225 min: packed kernel does not apply) are left unflagged (`nearEarth` 0)
 * and their SatRecs returned by row, for the caller's satellite.js fallback.
 */
export function packWalkerRange(w: WalkerShell, from: number, to: number, out: PackedElements, row = 0): Map<number, SatRec> {
  const deep = new Map<number, SatRec>();
  const S = w.satsPerPlane;
  const v = out.values;
  let plane = -1;
  let base: PackedElements | null = null;
  for (let i = from; i < to; i++, row++) {
    const p = Math.floor(i / S);
    const slot = i - p * S;
    if (p !== plane) {
      plane = p;
      base = packElements([json2satrec(walkerOmm(w, p, slot))]);
    }
    if (!base!.nearEarth[0]) {
      deep.set(row, json2satrec(walkerOmm(w, p, slot)));
      continue;
    }
    const o = row * PACKED_STRIDE;
    v.set(base!.values, o);
    // json2satrec: mo = MEAN_ANOMALY · deg2rad; sgp4init: delmo = (1 + η cos mo)³, sinmao = sin mo.
    const mo = walkerMeanAnomalyDeg(w, p, slot) * constants.deg2rad;
    const delmoTemp = 1.0 + v[o + F.eta]! * Math.cos(mo);
    v[o + F.mo] = mo;
    v[o + F.delmo] = delmoTemp * delmoTemp * delmoTemp;
    v[o + F.sinmao] = Math.sin(mo);
    out.nearEarth[row] = 1;
  }
  return deep;
}
