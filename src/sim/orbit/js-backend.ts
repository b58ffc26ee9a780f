// Pure-JS propagation backend (satellite.js sgp4 + gstime + sunPos + shadowFraction): the
// reference for the WASM path and its fallback. Imports only satellite.js and orbit/ modules.
import { gstime, jday, sgp4, shadowFraction, sunPos, type SatRec } from 'satellite.js';
import { ERROR_NON_FINITE, SGP4_OK, markSampleFailed, writeGeodetic, type OrbitChunk } from './orbit-chunk.ts';
import { removeEarthRotation, temeToEcef } from './frames.ts';

const MINUTES_PER_DAY = 1440;

/** Per-time quantities shared by all satellites. */
export interface TimeTerms {
  jd: number;
  gmstRad: number;
  sunEciAu: { x: number; y: number; z: number };
}

export function timeTerms(timeMs: number): TimeTerms {
  // jday(Date) exactly as satellite.js's propagate() and BulkPropagator.setDates() compute it, so
  // both backends see the same Julian date to the last bit.
  const jd = jday(new Date(timeMs));
  return { jd, gmstRad: gstime(jd), sunEciAu: sunPos(jd).rsun };
}

/** Fills sample `i` of `out` for one satellite at one time. Never throws. */
export function fillSample(satrec: SatRec, tt: TimeTerms, out: OrbitChunk, i: number): void {
  const pv = sgp4(satrec, (tt.jd - satrec.jdsatepoch) * MINUTES_PER_DAY);
  if (!pv) {
    markSampleFailed(out, i, satrec.error === SGP4_OK ? ERROR_NON_FINITE : satrec.error);
    return;
  }
  const r = pv.position;
  const v = pv.velocity;
  if (!(Number.isFinite(r.x) && Number.isFinite(r.y) && Number.isFinite(r.z) && Number.isFinite(v.x) && Number.isFinite(v.y) && Number.isFinite(v.z))) {
    markSampleFailed(out, i, ERROR_NON_FINITE);
    return;
  }
  const o = i * 3;
  out.errorCodes[i] = SGP4_OK;
  out.positionsEciKm[o] = r.x;
  out.positionsEciKm[o + 1] = r.y;
  out.positionsEciKm[o + 2] = r.z;
  temeToEcef(r.x, r.y, r.z, tt.gmstRad, out.positionsEcefKm, o);
  temeToEcef(v.x, v.y, v.z, tt.gmstRad, out.velocitiesEcefKmS, o);
  removeEarthRotation(out.positionsEcefKm, out.velocitiesEcefKmS, o);
  out.shadowFraction[i] = shadowFraction(tt.sunEciAu, r);
  writeGeodetic(out, i);
}

/** Propagates every satellite at every time of `out.timesMs` (already filled) into `out`. */
export function propagateJs(satrecs: readonly SatRec[], out: OrbitChunk): void {
  const timeCount = out.timeCount;
  const terms: TimeTerms[] = [];
  for (let t = 0; t < timeCount; t++) terms.push(timeTerms(out.timesMs[t]!));
  for (let s = 0; s < satrecs.length; s++) {
    const satrec = satrecs[s]!;
    for (let t = 0; t < timeCount; t++) fillSample(satrec, terms[t]!, out, s * timeCount + t);
  }
}
