// The propagation output for one time chunk: struct-of-arrays typed arrays, satellite-major, optionally
// over shared memory so workers fill their satellite rows in place. Pure data and helpers; imports only
// orbit/frames.ts.
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

/** Makes the memory behind a chunk's arrays (e.g. `(n) => new SharedArrayBuffer(n)` for workers). */
export type BufferFactory = (byteLength: number) => ArrayBufferLike;

/** The buffers behind a chunk, one per field: what a worker needs to rebuild the same views. */
export interface OrbitChunkBuffers {
  readonly satCount: number;
  readonly timeCount: number;
  readonly timesMs: ArrayBufferLike;
  readonly positionsEcefKm: ArrayBufferLike;
  readonly velocitiesEcefKmS: ArrayBufferLike;
  readonly positionsEciKm: ArrayBufferLike;
  readonly shadowFraction: ArrayBufferLike;
  readonly latDeg: ArrayBufferLike;
  readonly lonDeg: ArrayBufferLike;
  readonly altKm: ArrayBufferLike;
  readonly errorCodes: ArrayBufferLike;
}

/** Allocates a chunk for `satCount` satellites at `timeCount` times (plain ArrayBuffers by default). */
export function allocateOrbitChunk(satCount: number, timeCount: number, newBuffer?: BufferFactory): OrbitChunk {
  const n = satCount * timeCount;
  if (!newBuffer) {
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
  return orbitChunkRows(
    {
      satCount,
      timeCount,
      timesMs: newBuffer(timeCount * 8),
      positionsEcefKm: newBuffer(n * 24),
      velocitiesEcefKmS: newBuffer(n * 24),
      positionsEciKm: newBuffer(n * 24),
      shadowFraction: newBuffer(n * 4),
      latDeg: newBuffer(n * 4),
      lonDeg: newBuffer(n * 4),
      altKm: newBuffer(n * 4),
      errorCodes: newBuffer(n),
    },
    0,
    satCount,
  );
}

/** The buffers behind `chunk` (whole buffers: only meaningful for chunks made by `allocateOrbitChunk`). */
export function orbitChunkBuffers(chunk: OrbitChunk): OrbitChunkBuffers {
  return {
    satCount: chunk.satCount,
    timeCount: chunk.timeCount,
    timesMs: chunk.timesMs.buffer,
    positionsEcefKm: chunk.positionsEcefKm.buffer,
    velocitiesEcefKmS: chunk.velocitiesEcefKmS.buffer,
    positionsEciKm: chunk.positionsEciKm.buffer,
    shadowFraction: chunk.shadowFraction.buffer,
    latDeg: chunk.latDeg.buffer,
    lonDeg: chunk.lonDeg.buffer,
    altKm: chunk.altKm.buffer,
    errorCodes: chunk.errorCodes.buffer,
  };
}

/**
 * A chunk of satellites `[s0, s1)` viewing the same memory as the whole chunk behind `b` (sat-major
 * layout: a satellite range is one contiguous slice of every array). Writes through it land in the
 * whole chunk; `timesMs` is shared.
 */
export function orbitChunkRows(b: OrbitChunkBuffers, s0: number, s1: number): OrbitChunk {
  const T = b.timeCount;
  const i0 = s0 * T;
  const n = (s1 - s0) * T;
  return {
    satCount: s1 - s0,
    timeCount: T,
    timesMs: new Float64Array(b.timesMs, 0, T),
    positionsEcefKm: new Float64Array(b.positionsEcefKm, i0 * 24, n * 3),
    velocitiesEcefKmS: new Float64Array(b.velocitiesEcefKmS, i0 * 24, n * 3),
    positionsEciKm: new Float64Array(b.positionsEciKm, i0 * 24, n * 3),
    shadowFraction: new Float32Array(b.shadowFraction, i0 * 4, n),
    latDeg: new Float32Array(b.latDeg, i0 * 4, n),
    lonDeg: new Float32Array(b.lonDeg, i0 * 4, n),
    altKm: new Float32Array(b.altKm, i0 * 4, n),
    errorCodes: new Int8Array(b.errorCodes, i0, n),
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

/** Splits n satellites into `parts` contiguous ranges of near-equal size: boundaries `[0, …, n]` (workers' slices). */
export function splitRanges(n: number, parts: number): number[] {
  return Array.from({ length: parts + 1 }, (_, k) => Math.round((k * n) / parts));
}
