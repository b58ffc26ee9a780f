// Evaluates study points locally: on worker threads (one per core by default), each with its own stage cache,
// fed contiguous blocks of the plan's evaluation order so consecutive points share their expensive stages; or in
// this thread (`workers: 0`). Rows arrive as they finish; an abort stops the workers and keeps what is done.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Assignment } from '../../sim/study/apply.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { cliStudyEvaluator } from './point-evaluator.ts';
import type { FromWorker, ToWorker } from './point-worker.ts';

const WORKER_ENTRY = new URL('./point-worker-entry.mjs', import.meta.url);

export interface PointJob {
  index: number;
  assignments: Assignment[];
}

export interface PoolOptions {
  /** Worker threads (default: one per core, at most the number of points); 0 = this thread. */
  workers?: number;
  signal?: AbortSignal;
  onRow(index: number, values: (number | null)[], names: string[] | null): void;
}

/** Thrown when a point fails (its index and the engine's message). */
export class PointError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(`point ${index}: ${message}`);
    this.name = 'PointError';
  }
}

export function defaultWorkers(points: number): number {
  return Math.max(1, Math.min(availableParallelism(), points));
}

/** Evaluates `jobs` (already in evaluation order); resolves when all are done or the signal aborts. */
export async function evaluateLocally(base: Scenario, jobs: readonly PointJob[], o: PoolOptions): Promise<void> {
  const workers = o.workers ?? defaultWorkers(jobs.length);
  if (workers === 0 || jobs.length === 0) return evaluateHere(base, jobs, o);
  const blockSize = Math.max(1, Math.ceil(jobs.length / (workers * 8)));
  const blocks: PointJob[][] = [];
  for (let i = 0; i < jobs.length; i += blockSize) blocks.push(jobs.slice(i, i + blockSize));
  let next = 0;
  const threads = Array.from({ length: Math.min(workers, blocks.length) }, () => new Worker(WORKER_ENTRY, { workerData: { base } }));
  const stop = () => threads.forEach((t) => void t.terminate());
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      threads.map(
        (t) =>
          new Promise<void>((resolve, reject) => {
            t.on('message', (m: FromWorker) => {
              if (m.type === 'row') o.onRow(m.index, m.values, m.names);
              else if (m.type === 'error') reject(new PointError(m.index, m.message));
              else if (o.signal?.aborted || next >= blocks.length) resolve();
              else t.postMessage({ type: 'points', points: blocks[next++]! } satisfies ToWorker);
            });
            t.on('error', reject);
            t.on('exit', (code) => (o.signal?.aborted ? resolve() : code === 0 ? resolve() : reject(new Error(`study worker stopped with exit code ${code}`))));
          }),
      ),
    );
  } finally {
    o.signal?.removeEventListener('abort', stop);
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

async function evaluateHere(base: Scenario, jobs: readonly PointJob[], o: PoolOptions): Promise<void> {
  const evaluator = await cliStudyEvaluator(base);
  let names: string[] | null = null;
  for (const j of jobs) {
    // Let the event loop run between points (the engine never waits on I/O here): Ctrl-C is a signal event.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (o.signal?.aborted) return;
    let r;
    try {
      r = await evaluator.evaluate(j.assignments);
    } catch (err) {
      throw new PointError(j.index, (err as Error).message);
    }
    const first: string[] | null = names ? null : await evaluator.metricNames();
    names ??= first;
    o.onRow(j.index, r.values, first);
  }
}
