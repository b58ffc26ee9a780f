// One Web Worker behind comlink, with death detection: `died` rejects with a WorkerDiedError on the worker's
// `error` or `messageerror` event, so a caller can race every call against it (comlink alone never settles a call
// to a dead worker). The simulation worker and the orbit-view workers both use it. Imports comlink only.
import * as Comlink from 'comlink';

export class WorkerDiedError extends Error {
  override name = 'WorkerDiedError';
}

/** An API object reached through a worker (or called in-process: tests, the main-thread fallback). */
export interface WorkerConnection<Api> {
  api: Api;
  /** Rejects with a WorkerDiedError when the worker dies; never settles in-process. */
  died: Promise<never>;
  /** Terminates the worker (in-process: nothing). */
  dispose(): void;
}

/**
 * Wraps `worker` (made by the caller: Vite bundles a worker only from a literal `new Worker(new URL(…))`).
 * `label` names it in the death message, e.g. `orbit worker error: out of memory`.
 */
export function connectWorker<Api>(worker: Worker, label: string): WorkerConnection<Api> {
  let fail: (err: WorkerDiedError) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => undefined); // observed here: a death nobody is waiting on is no unhandled rejection
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(new WorkerDiedError(`${label} error: ${e.message || 'the worker script failed'}`));
  });
  worker.addEventListener('messageerror', () => fail(new WorkerDiedError(`${label} messageerror: a reply could not be deserialised`)));
  return { api: Comlink.wrap<Api>(worker) as unknown as Api, died, dispose: () => worker.terminate() };
}

/** The API object itself, on this thread: it cannot die apart from the page. */
export function inProcessConnection<Api>(api: Api): WorkerConnection<Api> {
  return { api, died: new Promise<never>(() => undefined), dispose: () => undefined };
}
