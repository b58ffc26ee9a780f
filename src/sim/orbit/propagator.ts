// Orbit propagation in time chunks for a whole catalogue: one API over the WASM bulk backend and
// the pure-JS backend. Imports only satellite.js and orbit/ modules (no DOM, no Node).
import type { SatRec } from 'satellite.js';
import { fitOrbitChunk, type OrbitChunk } from './orbit-chunk.ts';
import { propagateJs } from './js-backend.ts';
import { WasmBackend, createWasmRuntime, type SingleThreadRuntime } from './wasm-backend.ts';

export type PropagationBackend = 'wasm' | 'js';

export interface OrbitPropagatorOptions {
  /** 'wasm' (default): satellite.js BulkPropagator; 'js': satellite.js sgp4 per sample. */
  backend?: PropagationBackend;
  /** Reuse a WASM runtime across propagators (e.g. many small catalogues); one is made if absent. */
  runtime?: SingleThreadRuntime;
}

export interface OrbitPropagator {
  readonly backend: PropagationBackend;
  readonly satCount: number;
  /**
   * Propagates all satellites at `count` times `startMs + k·stepS·1000` (k = 0..count−1).
   * Reuses `out` when its shape fits. Never throws: failures are in `errorCodes`.
   */
  propagateGrid(startMs: number, stepS: number, count: number, out?: OrbitChunk): OrbitChunk;
  /** Propagates all satellites at arbitrary times (ms since Unix epoch, UTC). */
  propagateAt(timesMs: ArrayLike<number>, out?: OrbitChunk): OrbitChunk;
  /** Frees WASM memory. The propagator must not be used afterwards. */
  dispose(): void;
}

class ChunkPropagator implements OrbitPropagator {
  readonly satCount: number;

  constructor(
    readonly backend: PropagationBackend,
    private readonly satrecs: readonly SatRec[],
    private readonly wasm: WasmBackend | undefined,
  ) {
    this.satCount = satrecs.length;
  }

  propagateGrid(startMs: number, stepS: number, count: number, out?: OrbitChunk): OrbitChunk {
    const chunk = fitOrbitChunk(this.satCount, count, out);
    for (let k = 0; k < count; k++) chunk.timesMs[k] = startMs + k * stepS * 1000;
    this.fill(chunk);
    return chunk;
  }

  propagateAt(timesMs: ArrayLike<number>, out?: OrbitChunk): OrbitChunk {
    const chunk = fitOrbitChunk(this.satCount, timesMs.length, out);
    for (let k = 0; k < timesMs.length; k++) chunk.timesMs[k] = timesMs[k]!;
    this.fill(chunk);
    return chunk;
  }

  dispose(): void {
    this.wasm?.dispose();
  }

  private fill(chunk: OrbitChunk): void {
    if (this.satCount === 0 || chunk.timeCount === 0) return;
    if (this.wasm) this.wasm.propagate(chunk);
    else propagateJs(this.satrecs, chunk);
  }
}

/**
 * Creates a propagator for `satrecs` (order = satellite index in every chunk). Async because
 * the WASM runtime is instantiated here; `setSatRecs` (≈ 11 µs per satellite) runs once.
 */
export async function createOrbitPropagator(
  satrecs: readonly SatRec[], opts: OrbitPropagatorOptions = {},
): Promise<OrbitPropagator> {
  const backend = opts.backend ?? 'wasm';
  if (backend === 'js' || satrecs.length === 0) {
    return new ChunkPropagator(backend, satrecs, undefined);
  }
  const runtime = opts.runtime ?? (await createWasmRuntime());
  return new ChunkPropagator(backend, satrecs, new WasmBackend(runtime, satrecs));
}
