// The propagation output for one time chunk: struct-of-arrays typed arrays, satellite-major.
// Pure data and helpers; imports only orbit/frames.ts.
import { ecefToGeodetic } from './frames.ts';

/** SGP4 error codes as satellite.js reports them (`SatRecError`), 0 = none, 1..6 = SGP4 failures. */
export const SGP4_OK = 0;
/** Our own code: SGP4 reported no error but a result was NaN or infinite (e.g. a garbage TLE). */
export const ERROR_NON_FINITE = 7;

/**
 * One chunk of propagated states for `satCount` satellites at `timeCount` times.
 *
 * Layout (sat-major, as satellite.js's BulkPropagator): for satellite `s` and time index `t`,
 * - vectors: `[(s * timeCount + t) * 3 + k]`, k = 0,1,2 for x,y,z;
 * - scalars: `[s * timeCount + t]`.
 *
 * A sample with `errorCodes[i] !== 0` holds NaN in every field: check the code (or
 * `Number.isFinite`) before use.
 */
export interface OrbitChunk {
  readonly satCount: number;
  readonly timeCount: number;
  /** Sample times, ms since Unix epoch (UTC): `[t]`. */
  readonly timesMs: Float64Array;
  /** Position in the Earth-fixed frame (TEME rotated by GMST, see frames.ts), km: `[(s*T+t)*3+k]`. */
  readonly positionsEcefKm: Float64Array;
  /** Earth-relative velocity, the time derivative of positionsEcefKm, km/s: `[(s*T+t)*3+k]`. */
  readonly velocitiesEcefKmS: Float64Array;
  /** Position in TEME (the SGP4 output frame, an ECI frame of date), km: `[(s*T+t)*3+k]`. */
  readonly positionsEciKm: Float64Array;
  /** Share of the Sun's disc hidden by the Earth: 0 lit, 1 umbra, between = penumbra: `[s*T+t]`. */
  readonly shadowFraction: Float32Array;
  /** Geodetic latitude (WGS84), degrees: `[s*T+t]`. */
  readonly latDeg: Float32Array;
  /** Geodetic longitude (WGS84), degrees in [-180, 180]: `[s*T+t]`. */
  readonly lonDeg: Float32Array;
  /** Height above the WGS84 ellipsoid, km: `[s*T+t]`. */
  readonly altKm: Float32Array;
  /** 0 = ok, 1..6 = SGP4 error (satellite.js SatRecError), 7 = non-finite result: `[s*T+t]`. */
  readonly errorCodes: Int8Array;
}

/** Allocates a chunk for `satCount` satellites at `timeCount` times. */
export function allocateOrbitChunk(satCount: number, timeCount: number): OrbitChunk {
  const n = satCount * timeCount;
  return {
    satCount,
    timeCount,
    timesMs: new Float64Array(timeCount),
    positionsEcefKm: new Float64Array(n * 3),
    velocitiesEcefKmS: new Float64Array(n * 3),
    positionsEciKm: new Float64Array(n * 3),
    shadowFraction: new Float32Array(n),
    latDeg: new Float32Array(n),
    lonDeg: new Float32Array(n),
    altKm: new Float32Array(n),
    errorCodes: new Int8Array(n),
  };
}

/** Returns `out` when its shape fits, otherwise a new chunk. */
export function fitOrbitChunk(satCount: number, timeCount: number, out?: OrbitChunk): OrbitChunk {
  if (out && out.satCount === satCount && out.timeCount === timeCount) return out;
  return allocateOrbitChunk(satCount, timeCount);
}

/** Marks sample `i` as failed with `code`: every field NaN. Never throws. */
export function markSampleFailed(chunk: OrbitChunk, i: number, code: number): void {
  chunk.errorCodes[i] = code;
  for (let k = 0; k < 3; k++) {
    chunk.positionsEcefKm[i * 3 + k] = NaN;
    chunk.velocitiesEcefKmS[i * 3 + k] = NaN;
    chunk.positionsEciKm[i * 3 + k] = NaN;
  }
  chunk.shadowFraction[i] = NaN;
  chunk.latDeg[i] = NaN;
  chunk.lonDeg[i] = NaN;
  chunk.altKm[i] = NaN;
}

const RAD_TO_DEG = 180 / Math.PI;
const geodeticScratch = new Float64Array(3);

/** Fills latDeg, lonDeg, altKm of sample `i` from its Earth-fixed position. */
export function writeGeodetic(chunk: OrbitChunk, i: number): void {
  const p = chunk.positionsEcefKm;
  ecefToGeodetic(p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!, geodeticScratch);
  chunk.latDeg[i] = geodeticScratch[0]! * RAD_TO_DEG;
  chunk.lonDeg[i] = geodeticScratch[1]! * RAD_TO_DEG;
  chunk.altKm[i] = geodeticScratch[2]!;
}
