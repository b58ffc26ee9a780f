// The path a satellite's results take to the ground at one time: latency-weighted shortest path over the usable
// ISLs to a satellite in a downlink session, then down to that session's station. Pure: imports only links/.
import { ISL_EARTH_RADIUS_KM } from '../links/isl.ts';
import { RoutingGraphBuilder, ShortestPaths } from '../links/routing.ts';

/** A downlink session active at the route's time. */
export interface ActiveSession {
  satIndex: number;
  stationIndex: number;
}

export interface RouteInput {
  /** Satellite positions at the route's time, ECEF km: `[s*3+k]` (NaN = lost). */
  positionsKm: Float64Array;
  /** Usable ISLs (the keyframe's pairs), `[a0, b0, a1, b1, …]`. */
  islPairs: Int32Array;
  /** Sessions active at the route's time. */
  sessions: readonly ActiveSession[];
  /** Station positions, ECEF km: `[j*3+k]`. */
  stationsKm: Float64Array;
  /** Longest ISL, km, and its clearance above the Earth sphere, km (scenario.isl). */
  maxRangeKm: number;
  atmMarginKm: number;
}

export interface GroundRoute {
  /** Satellite indices from the source on, then −1 − stationIndex. */
  hops: number[];
  /** Σ range / c over the path, s. */
  latencyS: number;
}

/**
 * Reusable workspace. ISL pairs of the keyframe are re-ranged at the route's time and dropped when no longer
 * linkable (satellites move for up to one keyframe step); downlink edges weigh slant range / c. The graph and
 * Dijkstra (Dijkstra 1959) are routing.ts's, as for the engine's relay and `routeBetween`: ground nodes
 * `satCount + j` are endpoints only. Dijkstra runs from the satellite, then the nearest reached station is taken.
 * Never throws.
 */
export class GroundRouter {
  private readonly builder = new RoutingGraphBuilder();
  private readonly paths = new ShortestPaths();

  route(sat: number, input: RouteInput): GroundRoute | null {
    const n = input.positionsKm.length / 3;
    const stationCount = input.stationsKm.length / 3;
    if (!(sat >= 0 && sat < n) || !Number.isFinite(input.positionsKm[sat * 3]!)) return null;
    const g = this.builder.reset(n, stationCount);
    g.addIslPairs(input.islPairs, input.positionsKm, input.maxRangeKm, ISL_EARTH_RADIUS_KM + input.atmMarginKm);
    for (const s of input.sessions) g.addGroundLink(s.stationIndex, s.satIndex, input.positionsKm, input.stationsKm);
    this.paths.run(g.build(), [sat]);
    let best = -1;
    for (let j = 0; j < stationCount; j++) if (this.paths.distS[n + j]! < (best < 0 ? Infinity : this.paths.distS[n + best]!)) best = j;
    if (best < 0) return null;
    const nodes = this.paths.pathTo(n + best);
    if (!nodes) return null;
    return { hops: nodes.map((v) => (v < n ? v : -1 - (v - n))), latencyS: this.paths.distS[n + best]! };
  }
}
