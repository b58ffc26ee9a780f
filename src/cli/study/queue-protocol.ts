// What the study coordinator (queue.ts) and `ocsim worker` (worker-command.ts) agree on: the Redis keys, the study
// key and job ids, the stored study record, a job's data and result, the retry policy, and connecting. Node only.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { ENGINE_VERSION } from '../../sim/engine/result-types.ts';
import { stableJson } from '../../sim/export/index.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { Assignment } from '../../sim/study/apply.ts';
import type { StudySpec } from '../../sim/study/plan.ts';
import { InputError } from '../scenario-loader.ts';

/**
 * Key layout (docs/studies.md §4): BullMQ's keys of the one queue `ocsim:points:*` (jobs of every
 * study, `ocsim:points:<jobId>` each), and per study its record `ocsim:study:<studyKey>` and metric names
 * `ocsim:study:<studyKey>:names`.
 */
export const KEY_PREFIX = 'ocsim';
export const QUEUE_NAME = 'points';

/** How long an unfinished study's record and finished points stay for a re-run (refreshed while it runs), s. */
export const STUDY_TTL_S = 7 * 86_400;

/** Attempts per point: a thrown error is retried after 2 s, then 4 s; input errors are not retried. */
export const POINT_ATTEMPTS = 3;
export const POINT_BACKOFF_MS = 2_000;

/**
 * Stall detection defaults (BullMQ's): a worker holds a lock per point, renewed every lockDuration / 2 by its main
 * thread (points run in evaluation threads, so a long point never blocks the renewal); a killed worker's point goes
 * back to `wait` once its lock expired and a stalled check (every stalledInterval, by any worker) saw it twice:
 * within about lockDuration + 2 × stalledInterval. Shorter values recover sooner but cost Redis traffic and risk
 * false stalls (a point run twice) when a worker's main thread or network stalls longer than lockDuration.
 */
export const LOCK_DURATION_MS = 30_000;
export const STALLED_INTERVAL_MS = 30_000;
/** Stalls a point survives before it fails ("job stalled more than allowable limit"): a point that kills workers. */
export const MAX_STALLED_COUNT = 2;

/** What the coordinator stores once per study; workers read it once and cache it. */
export interface StudyRecord {
  format: 'ocsim-queue-study';
  engineVersion: string;
  scenarioHash: string;
  spec: StudySpec;
  base: Scenario;
}

/** A job: one point of a study. */
export interface PointData {
  /** The study key. */
  s: string;
  /** The point's index in the plan. */
  i: number;
  a: Assignment[];
}

/** A job's result: the metric values ('-0' keeps a negative zero through JSON) and the worker (host:pid). */
export interface PointResult {
  v: (number | null | '-0')[];
  w: string;
}

/** The study's key: engine version, scenario and spec (the same study has the same key on every machine). */
export function studyKey(study: { scenarioHash: string; spec: StudySpec }): string {
  return createHash('sha256')
    .update(`ocsim-queue-study\n${ENGINE_VERSION}\n${study.scenarioHash}\n${stableJson(study.spec)}`)
    .digest('hex')
    .slice(0, 32);
}

/** The job id of a point: re-enqueueing the same study adds nothing (BullMQ ignores a known id). */
export const pointJobId = (key: string, index: number): string => `${key}-${index}`;
export const studyRecordKey = (key: string): string => `${KEY_PREFIX}:study:${key}`;
/** The metric names of a study's rows (the same for every point), written by workers: not repeated in every job. */
export const studyNamesKey = (key: string): string => `${KEY_PREFIX}:study:${key}:names`;
export const eventsStreamKey = (): string => `${KEY_PREFIX}:${QUEUE_NAME}:events`;

export function encodeValues(values: readonly (number | null)[]): PointResult['v'] {
  return values.map((x) => (Object.is(x, -0) ? '-0' : x));
}

export function decodeValues(values: PointResult['v']): (number | null)[] {
  return values.map((x) => (x === '-0' ? -0 : x));
}

/**
 * A client for `url` (redis:// or rediss://), connected; an InputError naming `flag` if the URL is not one or no
 * Redis answers. Once connected it reconnects on its own (commands wait meanwhile).
 */
export async function connectRedis(url: string, flag: string): Promise<Redis> {
  if (!/^rediss?:\/\/[^/\s]/.test(url)) throw new InputError(`${flag}: "${url}" is not a redis://HOST:PORT URL`);
  let connected = false;
  let lastError = '';
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (times) => (connected ? Math.min(200 * times, 2_000) : null) });
  client.on('error', (err: Error) => (lastError = err.message));
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw new InputError(`${flag}: cannot reach Redis at ${url} (${lastError || (err as Error).message})`);
  }
  connected = true;
  return client;
}
