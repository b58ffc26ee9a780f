// Stage `routing`: the laser ISL network stepped over the whole run (links, acquisition; links/isl-network.ts)
// and, at every step, each satellite's shortest path to a satellite in a downlink session that step — its
// receiver, hop count and light time. It depends on the orbits, the ISL parameters and the sessions, not on what
// the satellites compute or store, so processing studies (TOPS, storage, …) reuse it. Null when no relay runs.
// Pure: the propagator (positions are re-propagated a window of steps at a time) is injected.
import type { CatalogRecord } from '../catalog/types.ts';
import type { GridPropagator } from '../orbit/propagator.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runWindow } from '../time.ts';
import type { GeometryOutput } from './geometry-stage.ts';
import { IslRelay } from './isl-relay.ts';
import type { ScheduleOutput } from './schedule-stage.ts';
import { PositionWindow } from './step-positions.ts';
import { SegmentCursor } from './downlink-capacity.ts';
import type { DownlinkSegment } from './mode-step.ts';

export interface RoutingOutput {
  satCount: number;
  stepCount: number;
  /** Hops of satellite s's path at step k, `[k·n + s]`: −1 unreachable, 0 in contact itself. */
  hops: Int32Array;
  /** Its receiver (the satellite in contact the path ends at), −1 if none: `[k·n + s]`. */
  receiver: Int32Array;
  /** Light time along the path, s (Infinity when unreachable): `[k·n + s]`. */
  latencyS: Float64Array;
}

export async function routingStage(
  scenario: Scenario,
  records: readonly CatalogRecord[],
  geo: GeometryOutput,
  schedule: ScheduleOutput,
  propagator: () => Promise<GridPropagator>,
  onProgress?: (done: number, total: number) => void,
): Promise<RoutingOutput | null> {
  const relay = IslRelay.fromScenario(scenario, records);
  if (!relay) return null;
  const n = records.length;
  const K = geo.stepCount;
  const { startMs, stepS } = runWindow(scenario);
  const stepMs = stepS * 1000;
  const positions = new PositionWindow(await propagator(), K, startMs, stepS, geo.lostAtStep, relay.needsVelocities);
  const out: RoutingOutput = { satCount: n, stepCount: K, hops: new Int32Array(n * K), receiver: new Int32Array(n * K), latencyS: new Float64Array(n * K) };
  // The processing stage's own cursor over the sessions, without link rates: which satellites downlink this step.
  const cursor = new SegmentCursor(schedule.sessions, null, n);
  const segsBySat: DownlinkSegment[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < K; k++) {
    const t0 = startMs + k * stepMs;
    for (let s = 0; s < n; s++) {
      const lost = geo.lostAtStep[s]!;
      if (lost >= 0 && k >= lost) segsBySat[s]!.length = 0;
      else cursor.segments(s, t0, t0 + stepMs, segsBySat[s]!);
    }
    await positions.ensure(k);
    relay.prepare(positions, k - positions.k0, t0, segsBySat);
    relay.storeRoutes(k, out.hops, out.receiver, out.latencyS);
    if (k % 64 === 0 || k === K - 1) onProgress?.(k + 1, K);
  }
  return out;
}
