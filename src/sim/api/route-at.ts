// A stored run's route to the ground at one time (SimApi.route) and the empty ISL fields of a block without ISLs.
// Pure: imports only orbit/frames, engine result types and api modules.
import type { RunResult } from '../engine/result-types.ts';
import { geodeticToEcefKm } from '../orbit/frames.ts';
import type { IslBlockEdges, IslFrameLog } from './isl-frames.ts';
import type { KeyframeSource } from './keyframes.ts';
import type { ActiveSession, GroundRoute, GroundRouter } from './route-to-ground.ts';

/** ISL fields of a block when the run has no ISLs: all offsets 0, no pairs. */
export function noIsl(count: number): IslBlockEdges {
  return { islOffsets: new Int32Array(count + 1), islPairs: new Int32Array(0) };
}

/**
 * Route of satellite `sat` at `tMs`: positions propagated at tMs exactly (NaN from a satellite's loss on), the
 * usable ISLs of the keyframe at or before tMs, the sessions active at tMs (start ≤ t < end). Null when no
 * keyframe covers tMs or no station is reachable.
 */
export function routeAt(run: RunResult, src: KeyframeSource, isl: IslFrameLog, sat: number, tMs: number, router: GroundRouter): GroundRoute | null {
  const frame = isl.frameAt(tMs);
  if (!frame || !Number.isInteger(sat)) return null;
  const sessions: ActiveSession[] = run.sessions.filter((s) => s.startMs <= tMs && tMs < s.endMs);
  if (sessions.length === 0) return null;
  const chunk = src.propagator.propagateAt([tMs], src.routeScratch);
  src.routeScratch = chunk;
  const positionsKm = chunk.positionsEcefKm; // one time: [s*3+k]
  for (let s = 0; s < chunk.satCount; s++) if (tMs >= src.lostAtMs[s]!) positionsKm.fill(NaN, s * 3, s * 3 + 3);
  const stations = run.scenario.groundStations;
  const stationsKm = new Float64Array(stations.length * 3);
  stations.forEach((g, j) => geodeticToEcefKm(g.latDeg, g.lonDeg, g.altM / 1000, stationsKm, j * 3));
  const { maxRangeKm, atmMarginKm } = run.scenario.isl;
  return router.route(sat, { positionsKm, islPairs: frame.pairs, sessions, stationsKm, maxRangeKm, atmMarginKm });
}
