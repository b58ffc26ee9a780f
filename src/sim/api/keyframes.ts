// Position + velocity keyframes of a stored run for the 3D view: propagates the run's satellites on a coarse
// time grid in bounded sub-chunks and writes them frame-major, Float32. Pure: imports only orbit/ and protocol types.
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import type { OrbitPropagator } from '../orbit/propagator.ts';
import type { KeyframeBlock, KeyframeRequest } from './protocol.ts';

/**
 * Most satellite-samples propagated at once. The scratch OrbitChunk costs 89 B per sample (three Float64
 * vectors, four Float32 scalars, one Int8 code), so this bounds it to ≈ 23 MB whatever the catalogue
 * (assumption: a size a browser worker holds comfortably; 25 keyframes of the 10,313-satellite Starlink set).
 */
export const MAX_SAMPLES_PER_CHUNK = 262_144;
/** Most keyframes one request may ask for (the client asks for 60 at a time). */
export const MAX_KEYFRAMES_PER_BLOCK = 4096;

/** Why a keyframe request is invalid (naming the field, under `prefix`), or null when it is valid. */
export function keyframeRequestError(req: Pick<KeyframeRequest, 'startMs' | 'stepS' | 'count'>, prefix = 'keyframes'): string | null {
  if (!Number.isFinite(req.startMs)) return `${prefix}.startMs: must be a finite time in ms, got ${req.startMs}`;
  if (!(req.stepS > 0) || !Number.isFinite(req.stepS)) return `${prefix}.stepS: must be > 0 s, got ${req.stepS}`;
  if (!Number.isInteger(req.count) || req.count < 1 || req.count > MAX_KEYFRAMES_PER_BLOCK)
    return `${prefix}.count: must be an integer within [1, ${MAX_KEYFRAMES_PER_BLOCK}], got ${req.count}`;
  return null;
}

/** A keyframe block without its ISL fields (sim-api.ts adds them). */
export type OrbitKeyframes = Omit<KeyframeBlock, 'islOffsets' | 'islPairs'>;

export interface KeyframeSource {
  propagator: OrbitPropagator;
  /** Time each satellite was lost, ms since the Unix epoch (+Infinity if never): `[s]`. Keyframes from then on are NaN. */
  lostAtMs: Float64Array;
  /** Reusable Float64 scratch (kept between blocks). */
  scratch?: OrbitChunk;
  /** Reusable one-time scratch for routes. */
  routeScratch?: OrbitChunk;
}

/**
 * Keyframes `startMs + f·stepS` for f = 0..count−1 of every satellite, frame-major:
 * `positionsKm[(f * satCount + s) * 3 + k]` (the propagator's output is satellite-major: transposed here).
 * `alloc` makes the output arrays (plain Float32Array, or views on a SharedArrayBuffer). Never throws.
 */
export function buildKeyframeBlock(
  src: KeyframeSource,
  runId: number,
  req: KeyframeRequest,
  alloc: (length: number) => Float32Array,
  maxSamplesPerChunk = MAX_SAMPLES_PER_CHUNK,
): OrbitKeyframes {
  const n = src.propagator.satCount;
  const positionsKm = alloc(req.count * n * 3);
  const velocitiesKmS = alloc(req.count * n * 3);
  const framesPerChunk = Math.max(1, Math.min(req.count, Math.floor(maxSamplesPerChunk / Math.max(1, n))));
  for (let f0 = 0; f0 < req.count; f0 += framesPerChunk) {
    const count = Math.min(framesPerChunk, req.count - f0);
    const chunk = src.propagator.propagateGrid(req.startMs + f0 * req.stepS * 1000, req.stepS, count, src.scratch);
    src.scratch = chunk;
    transposeInto(chunk, f0, src.lostAtMs, positionsKm, velocitiesKmS);
  }
  return { runId, startMs: req.startMs, stepS: req.stepS, count: req.count, satCount: n, positionsKm, velocitiesKmS };
}

/** Copies a satellite-major chunk into frame-major output starting at frame `f0`; NaN from each satellite's loss on. */
function transposeInto(chunk: OrbitChunk, f0: number, lostAtMs: Float64Array, pos: Float32Array, vel: Float32Array): void {
  const n = chunk.satCount;
  const T = chunk.timeCount;
  for (let s = 0; s < n; s++) {
    const lostMs = lostAtMs[s] ?? Infinity;
    for (let t = 0; t < T; t++) {
      const from = (s * T + t) * 3;
      const to = ((f0 + t) * n + s) * 3;
      const lost = chunk.timesMs[t]! >= lostMs;
      for (let k = 0; k < 3; k++) {
        pos[to + k] = lost ? NaN : chunk.positionsEcefKm[from + k]!;
        vel[to + k] = lost ? NaN : chunk.velocitiesEcefKmS[from + k]!;
      }
    }
  }
}
