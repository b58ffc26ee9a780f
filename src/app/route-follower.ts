// Keeps frameBuffer.route on the selected satellite's route to the ground in the run shown: asks the sim client on
// the clock's slow tick (≤ 4 Hz, one request in flight) when the selection, the time or the data changed, and at
// once on a new selection. Imports no React or three; wall time only through the playback clock.
import type { RouteReply } from '../../workers/protocol.ts';
import type { FrameBuffer } from './frame-buffer.ts';
import type { PlaybackClock } from './playback-clock.ts';
import type { ShownSource } from './shown.ts';
import type { UiStore } from './store.ts';

/** Route refresh period, ms of wall time (~4 Hz: the route is a highlight, the worker answers in ~1 ms). */
export const ROUTE_PERIOD_MS = 250;

export interface RouteSource {
  route(satIndex: number, tMs: number): Promise<RouteReply | null>;
}

/** Starts following; returns the function that stops it. */
export function startRouteFollower(
  store: UiStore,
  fb: FrameBuffer,
  shown: ShownSource,
  clock: PlaybackClock,
  client: RouteSource,
  periodMs = ROUTE_PERIOD_MS,
): () => void {
  let inFlight = false;
  let asked = { sat: -1, runId: -1, tMs: NaN, version: -1 };
  const shownRunId = () => (shown.current.kind === 'run' ? shown.current.runId : -1);

  function refresh(tMs: number): void {
    const sat = store.getState().selectedSat;
    const runId = shownRunId();
    if (sat === null || runId < 0) {
      fb.route = null;
      asked = { sat: -1, runId: -1, tMs: NaN, version: -1 };
      return;
    }
    if (fb.route && (fb.route.satIndex !== sat || fb.route.runId !== runId)) fb.route = null;
    if (inFlight || (asked.sat === sat && asked.runId === runId && asked.tMs === tMs && asked.version === fb.version)) return;
    asked = { sat, runId, tMs, version: fb.version };
    inFlight = true;
    client.route(sat, tMs).then(
      (reply) => {
        inFlight = false;
        if (store.getState().selectedSat !== sat || shownRunId() !== runId) return;
        fb.route = { runId, satIndex: sat, tMs, hops: reply?.hops ?? null, latencyS: reply?.latencyS ?? null };
      },
      () => void (inFlight = false),
    );
  }

  const offClock = clock.subscribe(refresh, periodMs);
  const offStore = store.subscribe((s, prev) => {
    if (s.selectedSat !== prev.selectedSat) refresh(fb.simTimeMs);
  });
  return () => {
    offClock();
    offStore();
  };
}
