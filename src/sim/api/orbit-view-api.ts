// The API of an orbit-view worker: one of several workers that together hold a constellation too large to
// simulate in the browser (10⁵–10⁶ satellites), each a contiguous slice, and fill its share of every keyframe.
// The app's orbit pool (src/app/orbit-pool.ts) drives them; workers/orbit.worker.ts exposes this through comlink.
// Pure: no DOM, worker or comlink APIs (the transfer marking is injected).
import type { IngestIssue } from '../catalog/types.ts';
import type { ReadText } from '../catalog/load.ts';
import { safeParseScenario, type ScenarioError, type ScenarioInput } from '../scenario/schema.ts';
import { runWindow } from '../time.ts';
import { keyframeRequestError } from './keyframes.ts';
import { OrbitSlice, type SliceMatch } from './orbit-slice.ts';
import type { MarkTransfer } from './transfer.ts';

export interface OrbitOpenRequest {
  /** Id of this view (a new one per scenario shown); later requests name it. */
  viewId: number;
  scenario: ScenarioInput;
  /** Texts of files the scenario names, by path (as RunRequest.files). */
  files?: Record<string, string>;
  /** This worker's slice: part `part` of `parts` near-equal contiguous ranges. */
  part: number;
  parts: number;
}

export type OrbitOpenReply =
  | { viewId: number; ok: true; satCount: number; from: number; to: number; startMs: number; endMs: number; issues: IngestIssue[] }
  | { viewId: number; ok: false; scenarioErrors: ScenarioError[]; message: string; issues?: IngestIssue[] };

export interface OrbitFillRequest {
  viewId: number;
  startMs: number;
  stepS: number;
  count: number;
  /**
   * The whole constellation's frame-major arrays on a SharedArrayBuffer (`[(f·satCount + s)·3 + k]`): the worker
   * writes its slice in place and replies null. Without them it replies its slice's own arrays (transferred).
   */
  shared?: { positionsKm: Float32Array; velocitiesKmS: Float32Array };
}

export interface OrbitSliceKeyframes {
  positionsKm: Float32Array;
  velocitiesKmS: Float32Array;
}

export interface OrbitViewApi {
  open(req: OrbitOpenRequest): Promise<OrbitOpenReply>;
  /** Rejects with a RangeError naming the field for a bad request; null for an unknown (closed) view. */
  fill(req: OrbitFillRequest): Promise<OrbitSliceKeyframes | null>;
  describe(req: { viewId: number; index: number }): Promise<{ name: string; norad: number } | null>;
  /** The best `limit` matches of `query` by name or NORAD id in this worker's slice (empty for an unknown view). */
  search(req: { viewId: number; query: string; limit: number }): Promise<SliceMatch[]>;
  close(viewId: number): Promise<void>;
}

export function createOrbitViewApi(readText: ReadText): OrbitViewApi {
  let view: { id: number; slice: OrbitSlice } | null = null;
  const sliceOf = (viewId: number) => (view && view.id === viewId ? view.slice : null);

  return {
    async open(req) {
      view = null; // one view at a time: free the previous one before loading
      const parsed = safeParseScenario(req.scenario);
      if (!parsed.ok) return { viewId: req.viewId, ok: false, scenarioErrors: parsed.errors, message: `invalid scenario: ${parsed.errors.length} error(s)` };
      if (!Number.isInteger(req.parts) || req.parts < 1 || !Number.isInteger(req.part) || req.part < 0 || req.part >= req.parts)
        return {
          viewId: req.viewId,
          ok: false,
          scenarioErrors: [],
          message: `open.part: must be an integer in [0, parts − 1], got ${req.part} of ${req.parts}`,
        };
      const s = parsed.scenario;
      const files = req.files;
      const read: ReadText = async (path) => (files && Object.hasOwn(files, path) ? files[path]! : readText(path));
      let slice: OrbitSlice;
      try {
        slice = await OrbitSlice.load(s, read, req.part, req.parts);
      } catch (err) {
        return { viewId: req.viewId, ok: false, scenarioErrors: [], message: (err as Error).message };
      }
      const { issues } = slice.info;
      if (slice.info.satCount === 0) {
        const why = issues.find((i) => i.severity === 'error')?.message;
        return { viewId: req.viewId, ok: false, scenarioErrors: [], issues, message: `no satellite could be loaded${why ? `: ${why}` : ''}` };
      }
      view = { id: req.viewId, slice };
      const { startMs, endMs } = runWindow(s);
      return { viewId: req.viewId, ok: true, ...slice.info, startMs, endMs };
    },

    async fill(req) {
      const problem = keyframeRequestError(req, 'fill');
      if (problem) throw new RangeError(problem);
      const slice = sliceOf(req.viewId);
      if (!slice) return null;
      const { satCount, from, to } = slice.info;
      if (req.shared) {
        const need = req.count * satCount * 3;
        if (req.shared.positionsKm.length < need || req.shared.velocitiesKmS.length < need)
          throw new RangeError(`fill.shared: arrays hold ${req.shared.positionsKm.length} floats, ${need} needed (${req.count} × ${satCount} × 3)`);
        slice.fill(req.startMs, req.stepS, req.count, req.shared.positionsKm, req.shared.velocitiesKmS, satCount, from);
        return null;
      }
      const m = to - from;
      const out = { positionsKm: new Float32Array(req.count * m * 3), velocitiesKmS: new Float32Array(req.count * m * 3) };
      slice.fill(req.startMs, req.stepS, req.count, out.positionsKm, out.velocitiesKmS, m, 0);
      return out;
    },

    async describe(req) {
      const slice = sliceOf(req.viewId);
      return slice && Number.isInteger(req.index) ? slice.describe(req.index) : null;
    },

    async search(req) {
      const slice = sliceOf(req.viewId);
      return slice ? slice.search(req.query, Math.max(0, Math.min(100, Math.floor(req.limit) || 0))) : [];
    },

    async close(viewId) {
      if (view?.id === viewId) view = null;
    },
  };
}

/** `api` whose fill replies move their arrays (for `Comlink.expose` in the worker). */
export function transferringOrbitViewApi(api: OrbitViewApi, mark: MarkTransfer): OrbitViewApi {
  return {
    open: (req) => api.open(req),
    async fill(req) {
      const out = await api.fill(req);
      return out ? mark(out, [out.positionsKm.buffer as ArrayBuffer, out.velocitiesKmS.buffer as ArrayBuffer]) : out;
    },
    describe: (req) => api.describe(req),
    search: (req) => api.search(req),
    close: (viewId) => api.close(viewId),
  };
}
