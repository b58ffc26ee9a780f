// Node worker thread for ParallelPropagator: a thin shell around src/sim's PackedBackend that fills its
// satellites' rows of a shared-memory chunk in place and, when given stations, runs src/sim's
// ContactFinder on them. Imports src/sim and node:worker_threads only.
import { parentPort, workerData } from 'node:worker_threads';
import type { SatRec } from 'satellite.js';
import { ContactFinder } from '../sim/links/contacts.ts';
import { orbitChunkRows } from '../sim/orbit/orbit-chunk.ts';
import { PackedBackend } from '../sim/orbit/packed-backend.ts';
import { packWindowTable, packWindows } from './contact-transfer.ts';
import type { PropagationWorkerData, WorkerReply, WorkerRequest } from './propagation-protocol.ts';

const data = workerData as PropagationWorkerData;
const count = data.nearEarth.length;
const deepSpace: (SatRec | undefined)[] = new Array(count);
for (const [s, satrec] of data.deepSpace) deepSpace[s] = satrec;
const backend = new PackedBackend({ count, values: data.values, nearEarth: data.nearEarth }, deepSpace);
let finder = data.stations ? new ContactFinder(count, data.stations) : undefined;
const port = parentPort!;

function handle(req: WorkerRequest): void {
  if (req.kind === 'finishContacts') {
    const windows = finder ? packWindowTable(finder.finishTable()) : packWindows([]);
    finder = undefined;
    port.postMessage({ kind: 'contacts', id: req.id, windows } satisfies WorkerReply, [windows.buffer]);
    return;
  }
  const rows = orbitChunkRows(req.buffers, req.s0, req.s1);
  backend.propagate(rows);
  if (req.scan) finder?.addChunk(rows);
  port.postMessage({ kind: 'done', id: req.id } satisfies WorkerReply);
}

port.on('message', (req: WorkerRequest) => {
  try {
    handle(req);
  } catch (err) {
    port.postMessage({ kind: 'failed', id: req.id, message: (err as Error).message } satisfies WorkerReply);
  }
});
port.postMessage({ kind: 'ready' } satisfies WorkerReply);
