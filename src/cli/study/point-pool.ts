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
  /** The point's scenario, validated already (used in this thread; threads apply the assignments themselves). */
  scenario?: Scenario;
}

export interface PoolOptions {
  /**
   * Worker threads; 0 = this thread. Default: this thread first, moving the rest to one thread per core once the
   * points measured so far say the remainder would take longer than ADAPTIVE_THREADS_AFTER_S here.
   */
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

/**
 * Remaining work, s, above which the default moves to threads. Assumption: a thread starts in ≈ 1 s (tsx) and runs
 * its first point from scratch, so below this threads do not pay off on two cores.
 */
export const ADAPTIVE_THREADS_AFTER_S = 6;

/** Evaluates `jobs` (already in evaluation order); resolves when all are done or the signal aborts. */
export async function evaluateLocally(base: Scenario, jobs: readonly PointJob[], o: PoolOptions): Promise<number> {
  if (o.workers === undefined) {
    const done = await evaluateHere(base, jobs, o, true);
    if (done >= jobs.length || o.signal?.aborted) return 1;
    const rest = jobs.slice(done);
    await evaluateOnThreads(base, rest, { ...o, workers: defaultWorkers(rest.length) });
    return defaultWorkers(rest.length);
  }
  if (o.workers === 0 || jobs.length === 0) return (await evaluateHere(base, jobs, o, false), 1);
  await evaluateOnThreads(base, jobs, o);
  return o.workers;
}

async function evaluateOnThreads(base: Scenario, jobs: readonly PointJob[], o: PoolOptions): Promise<void> {
  const workers = o.workers!;
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
              // The thread validates the assignments itself: scenarios are not copied across.
              else t.postMessage({ type: 'points', points: blocks[next++]!.map(({ index, assignments }) => ({ index, assignments })) } satisfies ToWorker);
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

/**
 * Evaluates in this thread; returns how many jobs were done. `adaptive`: stops once the points after the first
 * (which runs from scratch) say the rest would take longer than ADAPTIVE_THREADS_AFTER_S, if there are cores to use.
 */
async function evaluateHere(base: Scenario, jobs: readonly PointJob[], o: PoolOptions, adaptive: boolean): Promise<number> {
  const evaluator = await cliStudyEvaluator(base);
  let names: string[] | null = null;
  let since = 0;
  for (const [i, j] of jobs.entries()) {
    // Let the event loop run between points (the engine never waits on I/O here): Ctrl-C is a signal event.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (o.signal?.aborted) return i;
    if (i === 1) since = performance.now();
    if (adaptive && i >= 3 && availableParallelism() > 1 && ((performance.now() - since) / (i - 1)) * (jobs.length - i) > ADAPTIVE_THREADS_AFTER_S * 1000)
      return i;
    let r;
    try {
      r = await evaluator.evaluate(j.assignments, j.scenario);
    } catch (err) {
      throw new PointError(j.index, (err as Error).message);
    }
    const first: string[] | null = names ? null : await evaluator.metricNames();
    names ??= first;
    o.onRow(j.index, r.values, first);
  }
  return jobs.length;
}
