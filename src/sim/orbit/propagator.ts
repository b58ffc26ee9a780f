// Orbit propagation in time chunks for a whole catalogue: one API over the WASM bulk backend, the
// packed JS kernel and the pure-JS backend. Imports only satellite.js and orbit/ modules (no DOM, no Node).
import type { SatRec } from 'satellite.js';
import { fitOrbitChunk, type OrbitChunk } from './orbit-chunk.ts';
import { propagateJs } from './js-backend.ts';
import { PackedBackend } from './packed-backend.ts';
import { WasmBackend, createWasmRuntime, type SingleThreadRuntime } from './wasm-backend.ts';

export type PropagationBackend = 'wasm' | 'js' | 'packed';

export interface OrbitPropagatorOptions {
  /**
   * 'packed' (default): the allocation-free near-earth kernel (packed-kernel.ts), satellite.js's SGP4 within
   * 1e-8 km, ≈ 2× the WASM backend here and the same kernel as the CLI's worker threads, so the browser and
   * the CLI give bit-identical runs; 'wasm': satellite.js BulkPropagator; 'js': satellite.js sgp4 per sample.
   * docs/performance.md has the measurements.
   */
  backend?: PropagationBackend;
  /** Reuse a WASM runtime across propagators (e.g. many small catalogues); implies 'wasm' when no backend is given. */
  runtime?: SingleThreadRuntime;
}

/**
 * What the engine's geometry pass needs: chunks on a time grid, from this thread (`OrbitPropagator`,
 * returns the chunk) or from workers (returns a promise; see src/cli/parallel-propagator.ts).
 */
export interface GridPropagator {
  readonly satCount: number;
  /**
   * True when `propagateGrid` runs off the calling thread: the caller may then ask for the next chunk
   * (into another `out`) before it reads this one, overlapping propagation with its own work.
   */
  readonly concurrent?: boolean;
  /** As `OrbitPropagator.propagateGrid`; the promise never rejects for SGP4 failures (they are codes). */
  propagateGrid(startMs: number, stepS: number, count: number, out?: OrbitChunk): OrbitChunk | Promise<OrbitChunk>;
  /** Frees memory and workers. The propagator must not be used afterwards. */
  dispose(): void;
}

export interface OrbitPropagator extends GridPropagator {
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
    private readonly packed?: PackedBackend,
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
    else if (this.packed) this.packed.propagate(chunk);
    else propagateJs(this.satrecs, chunk);
  }
}

/**
 * Creates a propagator for `satrecs` (order = satellite index in every chunk). Async because the WASM
 * backend instantiates its runtime here (`setSatRecs`, ≈ 11 µs per satellite, runs once); the packed
 * backend packs ≈ 35 numbers per satellite.
 */
export async function createOrbitPropagator(satrecs: readonly SatRec[], opts: OrbitPropagatorOptions = {}): Promise<OrbitPropagator> {
  const backend = opts.backend ?? (opts.runtime ? 'wasm' : 'packed');
  if (backend === 'packed') {
    return new ChunkPropagator(backend, satrecs, undefined, PackedBackend.fromSatrecs(satrecs));
  }
  if (backend === 'js' || satrecs.length === 0) {
    return new ChunkPropagator(backend, satrecs, undefined);
  }
  const runtime = opts.runtime ?? (await createWasmRuntime());
  return new ChunkPropagator(backend, satrecs, new WasmBackend(runtime, satrecs));
}
