// Messages between ParallelPropagator (parallel-propagator.ts) and its Node worker threads
// (propagation.worker.ts). Types only; imports only types from src/sim.
import type { SatRec } from 'satellite.js';
import type { OrbitChunkBuffers } from '../sim/orbit/orbit-chunk.ts';
import type { StationGeometry } from '../sim/links/visibility.ts';

/** `workerData` of one propagation worker: its satellites, packed (packed-sgp4.ts layout). */
export interface PropagationWorkerData {
  /** Packed near-earth constants of this worker's satellites, `PACKED_STRIDE` numbers each. */
  values: Float64Array;
  /** 1 = near-earth (packed kernel), 0 = deep space: `[local index]`. */
  nearEarth: Uint8Array;
  /** Deep-space satellites of this worker as [local index, satrec] (satellite.js sgp4 for them). */
  deepSpace: Array<[number, SatRec]>;
  /** When present, the worker also finds its satellites' contact windows over these stations. */
  stations?: StationGeometry;
}

export type WorkerRequest =
  /**
   * Fill rows [s0, s1) of the shared chunk behind `buffers` (its `timesMs` already written); with `scan`,
   * feed them to the worker's ContactFinder too.
   */
  | { kind: 'propagate'; id: number; buffers: OrbitChunkBuffers; s0: number; s1: number; scan: boolean }
  /** Close the contact finder and send its windows (packed, see contact-transfer.ts); scanning stops. */
  | { kind: 'finishContacts'; id: number };

/** Sent once when the worker is ready, then once per request. */
export type WorkerReply =
  { kind: 'ready' } | { kind: 'done'; id: number } | { kind: 'contacts'; id: number; windows: Float64Array } | { kind: 'failed'; id: number; message: string };
