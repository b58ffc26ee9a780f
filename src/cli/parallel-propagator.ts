// Propagation on every core for the headless runner: the satellites are split into contiguous ranges,
// one Node worker thread per range, each running src/sim's packed kernel straight into a chunk in
// SharedArrayBuffers (sat-major, so a range is one slice of every array: no copy, no transfer), and,
// given stations, src/sim's ContactFinder on its own satellites. Results are bit-identical to
// `createOrbitPropagator(satrecs, { backend: 'packed' })` and one ContactFinder over all satellites.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SatRec } from 'satellite.js';
import { allocateOrbitChunk, orbitChunkBuffers, splitRanges, type OrbitChunk } from '../sim/orbit/orbit-chunk.ts';
import { PACKED_STRIDE, packElements } from '../sim/orbit/packed-sgp4.ts';
import { createOrbitPropagator, type GridPropagator } from '../sim/orbit/propagator.ts';
import type { ContactWindow } from '../sim/links/contacts.ts';
import type { StationGeometry } from '../sim/links/visibility.ts';
import { mergeSortedWindows, unpackWindows } from './contact-transfer.ts';
import type { PropagationWorkerData, WorkerReply, WorkerRequest } from './propagation-protocol.ts';

const WORKER_ENTRY = new URL('./propagation-worker-entry.mjs', import.meta.url);
/**
 * Below this many satellites the CLI propagates on the main thread: starting a worker costs ≈ 0.5 s
 * (tsx), more than a day of a few hundred satellites takes (assumption from measurements on the dev machine).
 */
export const PARALLEL_MIN_SATELLITES = 2000;

export interface ParallelPropagatorOptions {
  /** Worker threads (default: `os.availableParallelism()`, at least 1). */
  workers?: number;
  /**
   * Stations whose contact windows the workers find while they propagate (every chunk until
   * `finishContacts`, which must then see the run's chunks in time order, as the geometry pass asks them).
   */
  stations?: StationGeometry;
}

/** One request to every worker: settles when all replied. */
interface Pending {
  remaining: number;
  /** Per worker: its packed windows (finishContacts replies). */
  windows: Float64Array[];
  resolve: () => void;
  reject: (e: Error) => void;
}

const newShared = (bytes: number) => new SharedArrayBuffer(bytes);

export { splitRanges } from '../sim/orbit/orbit-chunk.ts';

export class ParallelPropagator implements GridPropagator {
  readonly backend = 'packed-parallel';
  readonly concurrent = true;
  private readonly pending = new Map<number, Pending>();
  private readonly owned = new WeakSet<OrbitChunk>();
  private nextId = 1;
  private failure: Error | undefined;
  private scanning: boolean;

  private constructor(
    readonly satCount: number,
    private readonly workers: Worker[],
    private readonly bounds: number[],
    stations: boolean,
  ) {
    this.scanning = stations;
    workers.forEach((w, k) => {
      w.on('message', (m: WorkerReply) => this.onReply(k, m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => this.fail(new Error(`propagation worker exited (code ${code})`)));
    });
  }

  /** Starts the workers and hands each its packed satellites; resolves when all are ready. */
  static async create(satrecs: readonly SatRec[], opts: ParallelPropagatorOptions = {}): Promise<ParallelPropagator> {
    const parts = Math.max(1, Math.min(opts.workers ?? availableParallelism(), satrecs.length || 1));
    const bounds = splitRanges(satrecs.length, parts);
    const packed = packElements(satrecs);
    const workers = bounds.slice(0, -1).map(
      (s0, k) =>
        new Worker(WORKER_ENTRY, {
          workerData: { ...workerDataFor(satrecs, packed, s0, bounds[k + 1]!), ...(opts.stations ? { stations: opts.stations } : {}) },
        }),
    );
    try {
      await Promise.all(workers.map(waitReady));
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new ParallelPropagator(satrecs.length, workers, bounds, opts.stations !== undefined);
  }

  /** True while the workers find contact windows in the chunks they fill (created with stations, not finished). */
  get scansContacts(): boolean {
    return this.scanning;
  }

  propagateGrid(startMs: number, stepS: number, count: number, out?: OrbitChunk): Promise<OrbitChunk> {
    const chunk = this.fit(count, out);
    for (let k = 0; k < count; k++) chunk.timesMs[k] = startMs + k * stepS * 1000;
    return this.fill(chunk);
  }

  propagateAt(timesMs: ArrayLike<number>, out?: OrbitChunk): Promise<OrbitChunk> {
    const chunk = this.fit(timesMs.length, out);
    for (let k = 0; k < timesMs.length; k++) chunk.timesMs[k] = timesMs[k]!;
    return this.fill(chunk);
  }

  /**
   * The contact windows of every chunk filled so far, in ContactFinder.finish() order (windows still open
   * close at the last sample, partialEnd). Scanning stops: later chunks are propagated only.
   */
  async finishContacts(): Promise<ContactWindow[]> {
    this.scanning = false;
    const windows = await this.send((id) => ({ kind: 'finishContacts', id }));
    return mergeSortedWindows(windows.map((w, k) => unpackWindows(w, this.bounds[k]!)));
  }

  dispose(): void {
    this.failure ??= new Error('propagator disposed');
    for (const w of this.workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }

  /** `out` if this propagator made it and its shape fits, else a new shared chunk. */
  private fit(count: number, out?: OrbitChunk): OrbitChunk {
    if (out && this.owned.has(out) && out.timeCount === count) return out;
    const chunk = allocateOrbitChunk(this.satCount, count, newShared);
    this.owned.add(chunk);
    return chunk;
  }

  private async fill(chunk: OrbitChunk): Promise<OrbitChunk> {
    if (this.satCount === 0 || chunk.timeCount === 0) return chunk;
    const buffers = orbitChunkBuffers(chunk);
    const scan = this.scanning;
    await this.send((id, k) => ({ kind: 'propagate', id, buffers, s0: this.bounds[k]!, s1: this.bounds[k + 1]!, scan }));
    return chunk;
  }

  /** Sends one request to every worker; resolves with the windows each sent back (empty for 'done'). */
  private send(request: (id: number, worker: number) => WorkerRequest): Promise<Float64Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const p: Pending = { remaining: this.workers.length, windows: [], resolve: () => resolve(p.windows), reject };
      this.pending.set(id, p);
      this.workers.forEach((w, k) => w.postMessage(request(id, k)));
    });
  }

  private onReply(worker: number, m: WorkerReply): void {
    if (m.kind === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return; // a reply to a request already failed: dropped
    if (m.kind === 'failed') {
      this.pending.delete(m.id);
      p.reject(new Error(`propagation worker: ${m.message}`));
      return;
    }
    if (m.kind === 'contacts') p.windows[worker] = m.windows;
    if (--p.remaining === 0) {
      this.pending.delete(m.id);
      p.resolve();
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}

function workerDataFor(satrecs: readonly SatRec[], packed: ReturnType<typeof packElements>, s0: number, s1: number): PropagationWorkerData {
  const deepSpace: Array<[number, SatRec]> = [];
  for (let s = s0; s < s1; s++) if (!packed.nearEarth[s]) deepSpace.push([s - s0, satrecs[s]!]);
  return {
    values: packed.values.slice(s0 * PACKED_STRIDE, s1 * PACKED_STRIDE),
    nearEarth: packed.nearEarth.slice(s0, s1),
    deepSpace,
  };
}

function waitReady(w: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerReply) => {
      if (m.kind !== 'ready') return;
      w.off('error', reject);
      w.off('message', onMessage);
      resolve();
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
}

/**
 * The CLI's propagator: worker threads for large catalogues (finding contacts too when given stations),
 * the packed kernel on this thread for small ones or when workers cannot start (`onFallback` says why).
 * Same results either way.
 */
export async function createCliPropagator(
  satrecs: SatRec[],
  opts: ParallelPropagatorOptions & { onFallback?: (why: string) => void } = {},
): Promise<GridPropagator> {
  if (satrecs.length >= PARALLEL_MIN_SATELLITES && (opts.workers ?? availableParallelism()) > 1) {
    try {
      return await ParallelPropagator.create(satrecs, opts);
    } catch (err) {
      opts.onFallback?.(`worker threads unavailable (${(err as Error).message}); propagating on the main thread`);
    }
  }
  return createOrbitPropagator(satrecs, { backend: 'packed' });
}
