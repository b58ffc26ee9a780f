// `ocsim worker`: evaluates study points from the Redis queue (BullMQ) until stopped, for any study enqueued by
// `ocsim sweep|sensitivity|uncertainty --queue`. SIGINT/SIGTERM hand the points in progress back to the queue.
import { hostname } from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ENGINE_VERSION } from '../../sim/engine/result-types.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { applyAssignments, StudyInputError } from '../../sim/study/apply.ts';
import type { CliIo } from '../run-command.ts';
import { defaultWorkers } from './point-pool.ts';
import {
  connectRedis,
  encodeValues,
  KEY_PREFIX,
  LOCK_DURATION_MS,
  MAX_STALLED_COUNT,
  POINT_ATTEMPTS,
  QUEUE_NAME,
  STALLED_INTERVAL_MS,
  STUDY_TTL_S,
  studyNamesKey,
  studyRecordKey,
  type PointData,
  type PointResult,
  type StudyRecord,
} from './queue-protocol.ts';
import { StudyThreads } from './queue-threads.ts';
import { scenarioHash } from './study-context.ts';

export interface WorkerCommandOptions {
  queue: string;
  /** Points evaluated at once, each on its own thread (default: all cores). */
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** No line per point. */
  quiet?: boolean;
}

/** Studies read from Redis once, checked and kept (the last few): base scenario, and metric names once known. */
class Studies {
  private readonly bases = new Map<string, Promise<Scenario>>();
  private readonly names = new Map<string, string>();
  constructor(private readonly redis: Redis) {}

  base(key: string): Promise<Scenario> {
    let base = this.bases.get(key);
    if (!base) {
      base = this.load(key);
      base.catch(() => this.bases.delete(key));
      this.bases.set(key, base);
      if (this.bases.size > 8) this.bases.delete(this.bases.keys().next().value!);
    }
    return base;
  }

  /** Keeps the names a thread sent (its first row) and makes sure Redis has them before the point completes. */
  async storeNames(key: string, names: string[] | null): Promise<void> {
    if (names) this.names.set(key, JSON.stringify(names));
    if (this.names.size > 8) this.names.delete(this.names.keys().next().value!);
    const text = this.names.get(key);
    if (text) await this.redis.set(studyNamesKey(key), text, 'EX', STUDY_TTL_S, 'NX');
  }

  private async load(key: string): Promise<Scenario> {
    const text = await this.redis.get(studyRecordKey(key));
    if (text === null) throw new UnrecoverableError(`study ${key} has no record in Redis (it finished, or was abandoned long ago)`);
    const r = JSON.parse(text) as StudyRecord;
    if (r.engineVersion !== ENGINE_VERSION)
      throw new UnrecoverableError(
        `study ${key} was made by ocsim engine ${r.engineVersion}, this worker runs ${ENGINE_VERSION}: run workers of the same version`,
      );
    if (scenarioHash(r.base) !== r.scenarioHash) throw new UnrecoverableError(`study ${key}: the stored scenario does not match its hash`);
    return r.base;
  }
}

/** Serves the queue until SIGINT or SIGTERM (or `stop` aborts); exit code 0. */
export async function runWorkerCommand(o: WorkerCommandOptions, io: CliIo, stop: AbortSignal = stopSignal()): Promise<number> {
  const redis = await connectRedis(o.queue, '--queue');
  const concurrency = o.concurrency ?? defaultWorkers(Infinity);
  const name = `${hostname()}:${process.pid}`;
  const threads = new StudyThreads(concurrency);
  const studies = new Studies(redis);
  const say = (line: string) => io.err(`ocsim worker ${name}: ${line}`);
  const lockDuration = o.lockDurationMs ?? LOCK_DURATION_MS;
  const stalledInterval = o.stalledIntervalMs ?? STALLED_INTERVAL_MS;
  const processor = async (job: Job<PointData, PointResult>, token?: string, signal?: AbortSignal): Promise<PointResult> => {
    const { s: key, i: index, a: assignments } = job.data;
    const t0 = performance.now();
    const base = await studies.base(key);
    try {
      applyAssignments(base, assignments); // the worker trusts no queue: a point the scenario schema refuses fails at once
    } catch (err) {
      if (err instanceof StudyInputError) throw new UnrecoverableError(err.message);
      throw err;
    }
    try {
      const row = await threads.evaluate(key, base, { index, assignments }, signal);
      await studies.storeNames(key, row.names);
      if (!o.quiet) say(`study ${key.slice(0, 8)} point ${index}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      return { v: encodeValues(row.values), w: name };
    } catch (err) {
      if (!signal?.aborted) throw err;
      await job.moveToWait(token); // stopping: the point goes back to the queue now, not after its lock expires
      throw new WaitingError();
    }
  };
  const worker = new Worker<PointData, PointResult>(QUEUE_NAME, processor, {
    connection: { url: o.queue },
    prefix: KEY_PREFIX,
    name,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount: MAX_STALLED_COUNT,
  });
  let lastError = '';
  worker.on('error', (err) => err.message !== lastError && say(`Redis: ${(lastError = err.message)}`));
  worker.on('failed', (job, err) => {
    if (!job || err.name === 'WaitingError') return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? POINT_ATTEMPTS);
    say(`study ${job.data.s.slice(0, 8)} point ${job.data.i}: ${err.message}${final ? '' : ` (attempt ${job.attemptsMade} of ${job.opts.attempts}; retried)`}`);
  });
  say(
    `serving ${o.queue}: ${concurrency} point${concurrency === 1 ? '' : 's'} at once, ` +
      `lock ${lockDuration / 1000} s, stalled check every ${stalledInterval / 1000} s; Ctrl-C stops`,
  );
  await new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener('abort', () => resolve(), { once: true })));
  say('stopping: points in progress go back to the queue');
  const closed = worker.close(); // no new points from here on
  worker.cancelAllJobs('ocsim worker stopping');
  await closed;
  await threads.close();
  redis.disconnect();
  say('stopped');
  return 0;
}

/** Aborts on the first SIGINT or SIGTERM. */
function stopSignal(): AbortSignal {
  const ac = new AbortController();
  const onSignal = () => {
    process.removeListener('SIGINT', onSignal).removeListener('SIGTERM', onSignal);
    ac.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return ac.signal;
}
