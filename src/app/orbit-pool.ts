// The orbit view of constellations too large to simulate in the browser: a pool of orbit workers, each holding
// a contiguous slice of the catalogue, that fill every keyframe block together — in place on a SharedArrayBuffer
// when the page is cross-origin isolated (no main-thread copy), else slice by slice (assembled here). A worker that
// dies is replaced and its slice loaded again (worker-slots.ts). Imports no React or three.
import type { KeyframeBlock, OrbitOpenReply, OrbitViewApi } from '../../workers/protocol.ts';
import { compareMatches, type SliceMatch } from '../sim/api/orbit-slice.ts';
import type { IngestIssue } from '../sim/catalog/types.ts';
import type { ScenarioError, ScenarioInput } from '../sim/scenario/schema.ts';
import { allocFloat32, canShareMemory } from './shared-memory.ts';
import { connectWorker, type WorkerConnection } from './worker-connection.ts';
import { createWorkerSlots, type WorkerSlots } from './worker-slots.ts';

/** One worker of the pool (tests inject the API object itself, see inProcessConnection). */
export type OrbitWorkerConnection = WorkerConnection<OrbitViewApi>;

export interface OrbitPool {
  readonly satCount: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly issues: IngestIssue[];
  readonly workers: number;
  /** Keyframes `startMs + f·stepS`, f < count, of every satellite (a KeyframeBlock without ISLs). */
  keyframes(runId: number, startMs: number, stepS: number, count: number): Promise<KeyframeBlock>;
  describe(index: number): Promise<{ name: string; norad: number } | null>;
  /** The best `limit` matches by name or NORAD id over every slice (search.ts ranking, catalogue order on ties). */
  search(query: string, limit: number): Promise<SliceMatch[]>;
  dispose(): void;
}

export type OpenPoolResult = { ok: true; pool: OrbitPool } | { ok: false; scenarioErrors: ScenarioError[]; message: string };

export interface OrbitPoolOptions {
  /** Workers (default: the cores the browser reports, 2 to 4). */
  workers?: number;
  connect?: () => OrbitWorkerConnection;
  /** Allocates the shared keyframe arrays; undefined (default when not isolated): workers reply their slices. */
  allocShared?: ((length: number) => Float32Array) | undefined;
  /** Told after a dead worker was replaced and its slice loaded again (`part` of the pool, what the death said). */
  onRestart?: (part: number, reason: string) => void;
}

/**
 * Worker count: one per reported core, at least 2 (so loading never competes with the UI thread alone), at most 4
 * (assumption: past 4 slices the main thread's per-block allocation and the GPU upload dominate, not the fill).
 */
export function defaultOrbitWorkers(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(2, Math.min(4, cores));
}

/**
 * Deaths in a row of one orbit worker (no request answered by its slice in between) that are still repaired; the
 * next one fails its requests for good (a slice that kills its worker each time is not reloaded in a loop).
 * Assumption: as the simulation worker's policy (sim-connection.ts), a second chance covers a one-off crash; a third
 * death of the same slice is its own doing.
 */
export const MAX_ORBIT_WORKER_RESTARTS = 2;

/**
 * Opens `viewId` on every worker (each loads and packs its slice in parallel). Disposes the workers on failure.
 * Once open, a worker that dies is replaced (worker-slots.ts): a new worker loads the same slice and the requests
 * the death failed are asked again.
 */
export async function openOrbitPool(
  viewId: number,
  scenario: ScenarioInput,
  files: Record<string, string> | undefined,
  opts: OrbitPoolOptions = {},
): Promise<OpenPoolResult> {
  const parts = opts.workers ?? defaultOrbitWorkers();
  const connect = opts.connect ?? orbitWorker;
  const openRequest = (part: number) => ({ viewId, scenario, ...(files ? { files } : {}), part, parts });
  const conns = Array.from({ length: parts }, connect);
  const disposeAll = () => conns.forEach((c) => c.dispose());
  // While opening, any worker's death fails the open (comlink would wait for ever).
  const died = Promise.race(conns.map((c) => c.died));
  died.catch(() => undefined);
  let replies: OrbitOpenReply[];
  try {
    replies = await Promise.race([Promise.all(conns.map((c, part) => c.api.open(openRequest(part)))), died]);
  } catch (err) {
    disposeAll();
    return { ok: false, scenarioErrors: [], message: `the orbit workers failed: ${messageOf(err)}` };
  }
  const bad = replies.find((r) => !r.ok);
  if (bad && !bad.ok) {
    disposeAll();
    return { ok: false, scenarioErrors: bad.scenarioErrors, message: bad.message };
  }
  const first = replies[0] as Extract<OrbitOpenReply, { ok: true }>;
  const ranges = replies.map((r) => (r.ok ? [r.from, r.to] : [0, 0])) as [number, number][];
  const workers = createWorkerSlots(conns, {
    connect,
    maxRestarts: MAX_ORBIT_WORKER_RESTARTS,
    label: (k) => `orbit worker ${k + 1} of ${parts}`,
    async prepare(k, api) {
      const r = await api.open(openRequest(k));
      const [from, to] = ranges[k]!;
      if (!r.ok || r.from !== from || r.to !== to)
        throw new Error(`orbit worker ${k + 1} could not load its slice again: ${r.ok ? 'another range' : r.message}`);
    },
    ...(opts.onRestart ? { onRestart: opts.onRestart } : {}),
  });
  return { ok: true, pool: poolOver(viewId, first, ranges, workers, opts.allocShared ?? (canShareMemory() ? allocFloat32 : undefined)) };
}

/** The pool's requests over its open workers: keyframe blocks (shared or assembled), names, search. */
function poolOver(
  viewId: number,
  first: Extract<OrbitOpenReply, { ok: true }>,
  ranges: [number, number][],
  workers: WorkerSlots<OrbitViewApi>,
  alloc: ((length: number) => Float32Array) | undefined,
): OrbitPool {
  const n = first.satCount;
  return {
    satCount: n,
    startMs: first.startMs,
    endMs: first.endMs,
    issues: first.issues,
    workers: ranges.length,
    async keyframes(runId, startMs, stepS, count) {
      const base = { runId, startMs, stepS, count, satCount: n, islOffsets: new Int32Array(count + 1), islPairs: new Int32Array(0) };
      const req = { viewId, startMs, stepS, count };
      if (alloc) {
        const shared = { positionsKm: alloc(count * n * 3), velocitiesKmS: alloc(count * n * 3) };
        await workers.all((api) => api.fill({ ...req, shared }));
        return { ...base, ...shared };
      }
      const slices = await workers.all((api) => api.fill(req));
      const positionsKm = new Float32Array(count * n * 3);
      const velocitiesKmS = new Float32Array(count * n * 3);
      slices.forEach((s, k) => {
        if (!s) throw new Error('orbit view closed');
        const [from, to] = ranges[k]!;
        const m3 = (to - from) * 3;
        for (let f = 0; f < count; f++) {
          positionsKm.set(s.positionsKm.subarray(f * m3, (f + 1) * m3), (f * n + from) * 3);
          velocitiesKmS.set(s.velocitiesKmS.subarray(f * m3, (f + 1) * m3), (f * n + from) * 3);
        }
      });
      return { ...base, positionsKm, velocitiesKmS };
    },
    async describe(index) {
      const k = ranges.findIndex(([from, to]) => index >= from && index < to);
      return k < 0 ? null : workers.call(k, (api) => api.describe({ viewId, index }));
    },
    async search(query, limit) {
      const found = await workers.all((api) => api.search({ viewId, query, limit }));
      return found.flat().sort(compareMatches).slice(0, limit);
    },
    dispose: () => workers.dispose(),
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function orbitWorker(): OrbitWorkerConnection {
  return connectWorker<OrbitViewApi>((name) => new Worker(new URL('../../workers/orbit.worker.ts', import.meta.url), { type: 'module', name }), 'orbit worker');
}
