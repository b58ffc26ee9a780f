// A study worker thread: evaluates the points it is sent against the study's base scenario, keeping its own stage
// cache, and posts one row per point. Started through point-worker-entry.mjs (tsx). Node only.
import { parentPort, workerData } from 'node:worker_threads';
import type { Assignment } from '../../sim/study/apply.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { cliStudyEvaluator } from './point-evaluator.ts';

export type ToWorker = { type: 'points'; points: { index: number; assignments: Assignment[] }[] };
export type FromWorker =
  | { type: 'row'; index: number; values: (number | null)[]; names: string[] | null; ranFrom: string }
  | { type: 'block-done' }
  | { type: 'error'; index: number; message: string };

const port = parentPort!;
const evaluator = await cliStudyEvaluator((workerData as { base: Scenario }).base);
let sentNames = false;
port.on('message', async (msg: ToWorker) => {
  for (const p of msg.points) {
    try {
      const r = await evaluator.evaluate(p.assignments);
      const names = sentNames ? null : await evaluator.metricNames();
      sentNames = true;
      port.postMessage({ type: 'row', index: p.index, values: r.values, names, ranFrom: r.ranFrom } satisfies FromWorker);
    } catch (err) {
      port.postMessage({ type: 'error', index: p.index, message: (err as Error).message } satisfies FromWorker);
      return;
    }
  }
  port.postMessage({ type: 'block-done' } satisfies FromWorker);
});
port.postMessage({ type: 'block-done' } satisfies FromWorker); // ready for the first block
