// Routes between two places on the ground over an ISL network, per time: ground → satellites (laser ISLs) →
// ground, latency-shortest. The core of `ocsim route`. Pure; imports links/, ground/backhaul and orbit/scenario types.
import { fibreLatencyS, greatCircleKm, type FibreParams } from '../ground/backhaul.ts';
import type { OrbitChunk } from '../orbit/orbit-chunk.ts';
import type { OrbitPropagator } from '../orbit/propagator.ts';
import type { Scenario } from '../scenario/schema.ts';

import type { IslNetwork } from './isl-network.ts';
import { shortestPath } from './routing.ts';
import { stationGeometry, type GroundStation } from './visibility.ts';
import { SPEED_OF_LIGHT_KM_S } from '../constants.ts';

/** Mask for user terminals at LAT,LON and at hubs: 25°, Starlink's minimum elevation as Hypatia uses it (docs/sources.md#network-geometry). */
export const USER_TERMINAL_MASK_DEG = 25;
/** Times propagated per chunk (bounds memory: 10,313 satellites × 60 times ≈ 50 MB of chunk arrays). */
export const ROUTE_CHUNK_TIMES = 60;

/** Where a route starts or ends: a ground station or hub of the scenario, or a LAT,LON point. */
export interface RoutePlace {
  /** The station or hub id, or `(lat,lon)` with four decimals. */
  label: string;
  /** Position, elevation mask and range limit (any satellite in view may serve the place). */
  station: GroundStation;
}

/** How a place sees satellites: an elevation mask (degrees) and an optional slant-range limit (km). */
export interface RouteView {
  maskDeg?: number;
  maxRangeKm?: number;
}

/**
 * "LAT,LON" (degrees, at 0 m, mask `view.maskDeg` ?? 25°, range `view.maxRangeKm` ?? none) or the id of a ground
 * station (its own mask and range unless `view` gives them) or hub (at 0 m, as LAT,LON) of the scenario. Throws a
 * RangeError naming `field` otherwise.
 */
export function resolveRoutePlace(text: string, scenario: Pick<Scenario, 'groundStations' | 'hubs'>, field: string, view: RouteView = {}): RoutePlace {
  const range = (own?: number) => {
    const km = view.maxRangeKm ?? own;
    return km === undefined ? {} : { maxRangeKm: km };
  };
  const mask = view.maskDeg ?? USER_TERMINAL_MASK_DEG;
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (m) {
    const latDeg = Number(m[1]);
    const lonDeg = Number(m[2]);
    if (!(latDeg >= -90 && latDeg <= 90)) throw new RangeError(`${field}: latitude must be in [-90, 90], got ${m[1]}`);
    if (!(lonDeg >= -180 && lonDeg <= 180)) throw new RangeError(`${field}: longitude must be in [-180, 180], got ${m[2]}`);
    const label = `(${latDeg.toFixed(4)},${lonDeg.toFixed(4)})`;
    return { label, station: { id: label, name: label, latDeg, lonDeg, altM: 0, minElevationDeg: mask, ...range() } };
  }
  const st = scenario.groundStations.find((s) => s.id === text);
  if (st) {
    const own = { minElevationDeg: view.maskDeg ?? st.minElevationDeg, ...range(st.maxRangeKm) };
    return { label: st.id, station: { id: st.id, name: st.name, latDeg: st.latDeg, lonDeg: st.lonDeg, altM: st.altM, ...own } };
  }
  const hub = scenario.hubs.find((h) => h.id === text);
  if (hub)
    return { label: hub.id, station: { id: hub.id, name: hub.name, latDeg: hub.latDeg, lonDeg: hub.lonDeg, altM: 0, minElevationDeg: mask, ...range() } };
  const ids = [...scenario.groundStations, ...scenario.hubs].map((s) => s.id).join(', ');
  throw new RangeError(`${field}: "${text}" is neither LAT,LON (e.g. 39.9042,116.4074) nor a ground station or hub id of the scenario (${ids})`);
}

/** What a route between two places can be compared with: the great circle at c and over fibre. */
export interface RouteBounds {
  /** On the mean-radius sphere, km. */
  greatCircleKm: number;
  /** Light time in vacuum along the great circle, s: a lower bound for any route (every hop stays outside the Earth). */
  vacuumS: number;
  /** Along the great circle in fibre (route factor 1), s. */
  straightFibreS: number;
  /** Terrestrial fibre: great circle × the backhaul's route factor, in fibre, s. */
  terrestrialFibreS: number;
}

export function routeBounds(from: RoutePlace, to: RoutePlace, fibre: FibreParams): RouteBounds {
  const a = from.station;
  const b = to.station;
  const km = greatCircleKm(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg);
  return {
    greatCircleKm: km,
    vacuumS: km / SPEED_OF_LIGHT_KM_S,
    straightFibreS: fibreLatencyS(km, { routeFactor: 1, fibreKmPerS: fibre.fibreKmPerS }),
    terrestrialFibreS: fibreLatencyS(km, fibre),
  };
}

/** The route between the two places at one time. */
export interface RouteSample {
  /** ms since the Unix epoch. */
  timeMs: number;
  /** Latency-shortest route (light time over the ground links and acquired ISLs, one way) or null when none exists. */
  route: { latencyS: number; satellites: number[] } | null;
  /** Satellites in view (above the mask, within the range limit) of [from, to]. */
  inView: [number, number];
}

export interface RouteBetweenInput {
  /** The satellites' ISL network, fresh (its first time is taken as an established network) or at an earlier time. */
  network: IslNetwork;
  /** Propagates the network's satellites, in the same order. */
  propagator: Pick<OrbitPropagator, 'propagateAt'>;
  from: RoutePlace;
  to: RoutePlace;
  /** Increasing times, ms since the Unix epoch. */
  timesMs: readonly number[];
}

/**
 * Routes at every time, lazily: each sample steps the network (links and acquisition carry over from the previous
 * time) and runs Dijkstra from ground node `from` to ground node `to` over the acquired ISLs and every satellite
 * in view of each place (above its mask and within its range limit: any of them as first and last hop, ISLs only
 * between, as Hypatia's "free one only over ISLs"). Between two samples the network holds that time's links. Never throws for SGP4 failures
 * (a lost satellite neither links nor serves a place).
 */
export function* routeBetween(inp: RouteBetweenInput): Generator<RouteSample> {
  const net = inp.network;
  const n = net.satCount;
  const places = stationGeometry([inp.from.station, inp.to.station]);
  let chunk: OrbitChunk | undefined;
  for (let c = 0; c < inp.timesMs.length; c += ROUTE_CHUNK_TIMES) {
    chunk = inp.propagator.propagateAt(inp.timesMs.slice(c, c + ROUTE_CHUNK_TIMES), chunk);
    for (let t = 0; t < chunk.timeCount; t++) {
      net.stepChunk(chunk, t);
      const g = net.graph(2);
      g.addGroundEdges(places, 0, net.positionsKm);
      g.addGroundEdges(places, 1, net.positionsKm);
      const graph = g.build();
      const path = shortestPath(graph, n, n + 1, net.paths);
      const inView: [number, number] = [graph.offsets[n + 1]! - graph.offsets[n]!, graph.offsets[n + 2]! - graph.offsets[n + 1]!];
      yield { timeMs: chunk.timesMs[t]!, route: path && { latencyS: path.latencyS, satellites: path.hops.slice(1, -1) }, inView };
    }
  }
}
