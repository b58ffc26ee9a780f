// The evaluation threads of an `ocsim worker`: one per concurrent point, each the local studies' point thread
// (point-worker.ts) bound to one study's base scenario, so a study's points reuse that thread's stage cache. Points
// run off the main thread, which stays free to renew the queue's locks. Node only.
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { PointJob } from './point-pool.ts';
import type { FromWorker, ToWorker } from './point-worker.ts';

const ENTRY = new URL('./point-worker-entry.mjs', import.meta.url);

export interface ThreadRow {
  values: (number | null)[];
  /** The metric names, on the first row of a thread (null after). */
  names: string[] | null;
}

/** The engine threw while evaluating the point (the thread itself is fine). */
export class EvaluationError extends Error {
  override name = 'EvaluationError';
}

/** One point thread: evaluates one point at a time for its study. */
class PointThread {
  private readonly thread: Worker;
  private waiter: { message(m: FromWorker): void; fail(err: Error): void } | null = null;
  private readonly ready: Promise<void>;
  alive = true;

  constructor(
    readonly study: string,
    base: Scenario,
  ) {
    this.thread = new Worker(ENTRY, { workerData: { base } });
    this.ready = new Promise<void>((resolve, reject) => (this.waiter = { message: () => resolve(), fail: reject }));
    this.thread.on('message', (m: FromWorker) => this.waiter?.message(m));
    this.thread.on('error', (err) => this.stopped(err));
    this.thread.on('exit', (code) => this.stopped(new Error(`evaluation thread stopped (exit code ${code})`)));
  }

  async evaluate(job: PointJob, signal?: AbortSignal): Promise<ThreadRow> {
    await this.ready;
    return new Promise<ThreadRow>((resolve, reject) => {
      let row: ThreadRow | null = null;
      const onAbort = () => {
        this.waiter = null;
        void this.stop();
        reject(signal!.reason instanceof Error ? signal!.reason : new Error('point cancelled'));
      };
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        this.waiter = null;
      };
      this.waiter = {
        message: (m) => {
          if (m.type === 'row') {
            row = { values: m.values, names: m.names };
            return;
          }
          finish();
          if (m.type === 'error') reject(new EvaluationError(m.message));
          else if (row) resolve(row);
          else reject(new Error('evaluation thread sent no row'));
        },
        fail: (err) => {
          finish();
          reject(err);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) return onAbort();
      this.thread.postMessage({ type: 'points', points: [job] } satisfies ToWorker);
    });
  }

  async stop(): Promise<void> {
    this.alive = false;
    await this.thread.terminate();
  }

  private stopped(err: Error): void {
    this.alive = false;
    this.waiter?.fail(err);
    this.waiter = null;
  }
}

/** `size` slots, each idle or busy with one point; a slot keeps its thread while the next point is of the same study. */
export class StudyThreads {
  private readonly slots: { thread: PointThread | null; busy: boolean }[];

  constructor(size: number) {
    this.slots = Array.from({ length: size }, () => ({ thread: null, busy: false }));
  }

  /** Evaluates one point of `study` (the caller runs at most `size` at once); an abort stops its thread. */
  async evaluate(study: string, base: Scenario, job: PointJob, signal?: AbortSignal): Promise<ThreadRow> {
    const idle = this.slots.filter((s) => !s.busy);
    const slot = idle.find((s) => s.thread?.study === study && s.thread.alive) ?? idle.find((s) => !s.thread?.alive) ?? idle[0];
    if (!slot) throw new Error(`more than ${this.slots.length} points at once`);
    slot.busy = true;
    try {
      if (slot.thread?.study !== study || !slot.thread.alive) {
        await slot.thread?.stop();
        slot.thread = new PointThread(study, base);
      }
      return await slot.thread.evaluate(job, signal);
    } catch (err) {
      if (!(err instanceof EvaluationError)) await slot.thread?.stop(); // a thread in doubt is replaced
      throw err;
    } finally {
      slot.busy = false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.thread?.stop()));
  }
}
