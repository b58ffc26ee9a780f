// A worker's life lock, the worker side: a Web Lock named by the worker's `name` (given by worker-connection.ts),
// held until the worker dies. The page watches it, so a worker that is terminated, closes itself or crashes without
// an `error` event is noticed (the lock is released when its holder's context ends). Runs in workers; imports nothing.

/** Workers whose name starts with this hold a life lock of that name (worker-connection.ts names them). */
export const LIFE_LOCK_PREFIX = 'ocsim-life:';

/** Posted to the page once the life lock is held (or at once with NONE when the worker cannot hold one). */
export const LIFE_LOCK_HELD = 'ocsim-life-lock:held';
export const LIFE_LOCK_NONE = 'ocsim-life-lock:none';

/** What of a worker's global scope the lock needs (tests pass fakes). */
export interface LifeScope {
  readonly name: string;
  postMessage(message: unknown): void;
}

/** The part of the Web Locks API used here (navigator.locks; absent in insecure contexts and old browsers). */
export interface LifeLocks {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

/**
 * Holds the lock named `scope.name` for the rest of the worker's life, then tells the page (LIFE_LOCK_HELD); the page
 * sends nothing before that, so the lock is held before the first request is served. Without the Web Locks API or a
 * life-lock name it says LIFE_LOCK_NONE (the page then relies on the `error` event alone).
 */
export function holdLifeLock(scope: LifeScope, locks: LifeLocks | undefined): void {
  if (!locks || !scope.name.startsWith(LIFE_LOCK_PREFIX)) {
    scope.postMessage(LIFE_LOCK_NONE);
    return;
  }
  void locks.request(scope.name, () => {
    scope.postMessage(LIFE_LOCK_HELD);
    return new Promise<never>(() => undefined); // released only when this worker ends
  });
}
