// One Web Worker behind comlink, with death detection: `died` rejects with a WorkerDiedError when the worker dies,
// so a caller can race every call against it (comlink alone never settles a call to a dead worker). Three signals:
// the worker's `error` and `messageerror` events, and its life lock (worker-life.ts) being released — the only sign
// of a worker that was terminated, closed itself or crashed without an event. The simulation worker and the
// orbit-view workers both use it. Imports comlink only.
import * as Comlink from 'comlink';
import { LIFE_LOCK_HELD, LIFE_LOCK_NONE, LIFE_LOCK_PREFIX, type LifeLocks } from './worker-life.ts';

export class WorkerDiedError extends Error {
  override name = 'WorkerDiedError';
}

/** An API object reached through a worker (or called in-process: tests, the main-thread fallback). */
export interface WorkerConnection<Api> {
  api: Api;
  /** Rejects with a WorkerDiedError when the worker dies; never settles in-process, nor after dispose(). */
  died: Promise<never>;
  /** Terminates the worker (in-process: nothing). */
  dispose(): void;
}

/**
 * Time a new worker has to load its script and hold its life lock, ms. Assumption: the production worker says so in
 * well under 1 s here; `vite` dev transforms its modules on first load in a few seconds. Past it the worker is
 * taken as dead (killed before it could be watched), so a request never waits on it for ever.
 */
export const WORKER_START_TIMEOUT_MS = 60_000;

export interface ConnectOptions {
  /** The page's Web Locks (default navigator.locks; null or absent: only the error events are watched). */
  locks?: LifeLocks | null;
  startTimeoutMs?: number;
}

/**
 * Wraps the worker `make` returns (made by the caller: Vite bundles a worker only from a literal
 * `new Worker(new URL(…))`), which must pass `name` on (`{ type: 'module', name }`): it names the worker's life lock.
 * Requests wait until the worker holds that lock. `label` names it in the death message, e.g.
 * `orbit worker error: out of memory`.
 */
export function connectWorker<Api>(make: (name: string) => Worker, label: string, opts: ConnectOptions = {}): WorkerConnection<Api> {
  const locks = opts.locks === undefined ? defaultLocks() : opts.locks;
  const name = `${LIFE_LOCK_PREFIX}${label}:${uniqueId()}`;
  const worker = make(name);
  let disposed = false;
  let fail: (err: WorkerDiedError) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => undefined); // observed here: a death nobody is waiting on is no unhandled rejection
  const die = (message: string) => {
    clearTimeout(startTimer);
    if (!disposed) fail(new WorkerDiedError(message));
  };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    die(`${label} error: ${e.message || 'the worker script failed'}`);
  });
  worker.addEventListener('messageerror', () => die(`${label} messageerror: a reply could not be deserialised`));
  const gate = gatedEndpoint(worker);
  const startMs = opts.startTimeoutMs ?? WORKER_START_TIMEOUT_MS;
  const startTimer = setTimeout(() => die(`${label} did not start within ${startMs / 1000} s`), startMs);
  const onLifeMessage = (e: MessageEvent) => {
    if (e.data !== LIFE_LOCK_HELD && e.data !== LIFE_LOCK_NONE) return;
    worker.removeEventListener('message', onLifeMessage);
    clearTimeout(startTimer);
    // Granted to us only once the worker's context has ended: terminated, closed, crashed.
    if (e.data === LIFE_LOCK_HELD && locks) locks.request(name, async () => die(`${label} stopped`)).catch(() => undefined);
    gate.open();
  };
  worker.addEventListener('message', onLifeMessage);
  return {
    api: Comlink.wrap<Api>(gate.endpoint) as unknown as Api,
    died,
    dispose() {
      disposed = true;
      clearTimeout(startTimer);
      worker.terminate();
    },
  };
}

/** The API object itself, on this thread: it cannot die apart from the page. */
export function inProcessConnection<Api>(api: Api): WorkerConnection<Api> {
  return { api, died: new Promise<never>(() => undefined), dispose: () => undefined };
}

/** The worker as a comlink endpoint whose messages wait in order until open() (the worker holds its life lock). */
function gatedEndpoint(worker: Worker): { endpoint: Comlink.Endpoint; open(): void } {
  let queue: [unknown, Transferable[]][] | null = [];
  return {
    endpoint: {
      postMessage(message: unknown, transfer: Transferable[] = []) {
        if (queue) queue.push([message, transfer]);
        else worker.postMessage(message, transfer);
      },
      addEventListener: worker.addEventListener.bind(worker),
      removeEventListener: worker.removeEventListener.bind(worker),
    },
    open() {
      const waiting = queue ?? [];
      queue = null;
      for (const [message, transfer] of waiting) worker.postMessage(message, transfer);
    },
  };
}

function defaultLocks(): LifeLocks | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** Unique per worker and per page (lock names are shared by every tab of the site). */
function uniqueId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
