// Wraps a SimApi for a worker boundary: marks the bulk typed arrays of each reply as transferables (moved, not
// copied) and makes progress callbacks fire-and-forget. Pure: the marking function (Comlink.transfer) is injected.
import type { RunTimeline } from '../engine/timeline.ts';
import type { KeyframeBlock, RunProgress, RunReply, SimApi } from './protocol.ts';

/** Marks `value`'s buffers for transfer, as `Comlink.transfer` does; returns `value`. */
export type MarkTransfer = <T>(value: T, transfers: ArrayBuffer[]) => T;

/**
 * The buffers a run reply can give away: the timeline's (the API keeps no reference to it). The series stay
 * copied: the API keeps them for exports. Buffers on a SharedArrayBuffer are shared, never transferred.
 */
export function runReplyTransferables(reply: RunReply): ArrayBuffer[] {
  return reply.ok && reply.result.timeline ? ownBuffers(timelineArrays(reply.result.timeline)) : [];
}

/** The buffers of a keyframe block (fresh per block): positions, velocities and the ISL pairs. */
export function keyframeTransferables(block: KeyframeBlock | null): ArrayBuffer[] {
  return block ? ownBuffers([block.positionsKm, block.velocitiesKmS, block.islOffsets, block.islPairs]) : [];
}

function timelineArrays(t: RunTimeline): ArrayBufferView[] {
  const out: ArrayBufferView[] = [t.shadow];
  for (const m of Object.values(t.modes)) out.push(m.state, m.storedBytes, m.computeLoad, m.batterySoc);
  return out;
}

/** Distinct, transferable (non-shared) buffers of `views` (a transfer list must not repeat a buffer). */
function ownBuffers(views: ArrayBufferView[]): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer) set.add(v.buffer);
  return [...set];
}

/**
 * Progress across a worker boundary: a comlink proxy call returns a promise (ignored: a closed page must not
 * fail the run) and costs a message, so updates closer than 1 % of the phase are skipped.
 */
function throttledProgress(onProgress: ((p: RunProgress) => unknown) | undefined): ((p: RunProgress) => void) | undefined {
  if (!onProgress) return undefined;
  let phase = '';
  let lastDone = 0;
  return (p) => {
    if (p.phase === phase && p.done !== p.total && p.done - lastDone < p.total / 100) return;
    phase = p.phase;
    lastDone = p.done;
    void Promise.resolve(onProgress(p)).catch(() => undefined);
  };
}

/** `api` with transferable replies (for `Comlink.expose` in the worker). */
export function transferringApi(api: SimApi, mark: MarkTransfer): SimApi {
  return {
    async run(req, onProgress) {
      const reply = await api.run(req, throttledProgress(onProgress));
      return mark(reply, runReplyTransferables(reply));
    },
    async keyframes(req) {
      const block = await api.keyframes(req);
      return mark(block, keyframeTransferables(block));
    },
    route: (req) => api.route(req),
    studyInfo: (req) => api.studyInfo(req),
    // Row batches go through a comlink proxy: fire-and-forget, a closed page must not fail the study.
    studyPoints: (req, onRows) => api.studyPoints(req, onRows && ((rows) => void Promise.resolve(onRows(rows)).catch(() => undefined))),
    cancelStudy: (id) => api.cancelStudy(id),
    exportRun: (req) => api.exportRun(req),
    async importRun(req, onProgress) {
      const reply = await api.importRun(req, throttledProgress(onProgress));
      return mark(reply, runReplyTransferables(reply));
    },
  };
}
