// `ocsim route`: latency-shortest path ground → satellites (laser ISLs) → ground at one or more times, for
// "how fast can a result reach a user on another continent?". Node I/O only through scenario-loader / node-io.
import type { CatalogRecord } from '../sim/catalog/types.ts';
import { loadConstellation } from '../sim/engine/prepare.ts';
import { fibreLatencyS, greatCircleKm } from '../sim/ground/backhaul.ts';
import { IslAcquisitionTracker } from '../sim/links/isl-acquisition.ts';
import { DEFAULT_ISL_PARAMS, IslLinker, SPEED_OF_LIGHT_KM_S, validateIslParams, type IslParams } from '../sim/links/isl.ts';
import { RoutingGraphBuilder, ShortestPaths, shortestPath, type Route } from '../sim/links/routing.ts';
import { stationGeometry, type GroundStation } from '../sim/links/visibility.ts';
import type { OrbitChunk } from '../sim/orbit/orbit-chunk.ts';
import { createOrbitPropagator } from '../sim/orbit/propagator.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { isoUtc, parseIsoUtc } from '../sim/time.ts';
import { formatIssues } from './format.ts';
import { fileReader } from './node-io.ts';
import { InputError, loadScenario } from './scenario-loader.ts';

export interface RouteCommandOptions {
  /** Preset name or scenario JSON file. */
  scenario: string;
  /** Source: "LAT,LON" (degrees) or a ground-station / hub id of the scenario. */
  from: string;
  /** Destination, as `from`. */
  to: string;
  /** First time, ISO 8601 UTC. Default: the scenario epoch. */
  at?: string;
  /** Span after `at`, s (default 0: one time). */
  durationS?: number;
  /** Time between routes, s (default 60). */
  stepS?: number;
  /** Elevation mask of both endpoints, degrees. Default: the station's mask, else 25° for LAT,LON (Hypatia / Starlink FCC filing, docs/sources.md#network-geometry). */
  maskDeg?: number;
  /** ISL parameters; missing fields take DEFAULT_ISL_PARAMS (the lead fills these from the scenario's `isl` block). */
  isl?: Partial<IslParams>;
}

export interface RouteIo {
  out(s: string): void;
  err(s: string): void;
}

/** Mask for user terminals at LAT,LON: 25°, Starlink's minimum elevation as Hypatia uses it (docs/sources.md#network-geometry). */
export const USER_TERMINAL_MASK_DEG = 25;
/** Assumption: a route table longer than this is a typo in --duration-s / --step-s. */
const MAX_TIMES = 10_000;
/** Times propagated per chunk (bounds memory: 10,313 satellites × 60 times ≈ 50 MB of chunk arrays). */
const CHUNK_TIMES = 60;

export const ROUTE_TSV_HEADER = 'time_utc\tone_way_ms\tround_trip_ms\tsat_hops\tpath';

interface Endpoint {
  label: string;
  station: GroundStation;
}

/** Runs the command; returns 0 ok, 2 bad input, 1 failure. A time without a route is reported, not an error. */
export async function runRouteCommand(opts: RouteCommandOptions, io: RouteIo): Promise<number> {
  try {
    const { scenario, baseDir } = await loadScenario(opts.scenario);
    // The scenario's isl block (validated with it), then any overrides; the relay switches do not apply here.
    const { enabled: _enabled, relayResults: _rr, relayRaw: _raw, ...fromScenario } = scenario.isl;
    const isl: IslParams = { ...DEFAULT_ISL_PARAMS, ...fromScenario, ...opts.isl };
    const bad = [...validateIslParams(isl), ...validateTiming(opts)];
    if (bad.length) throw new InputError(bad.join('; '));
    const ends = [parseEndpoint(opts.from, '--from', scenario, opts.maskDeg), parseEndpoint(opts.to, '--to', scenario, opts.maskDeg)] as const;
    const startMs = parseTime(opts.at ?? scenario.epochIso);
    const { records, issues } = await loadConstellation(scenario, fileReader(baseDir));
    if (issues.length > 0) io.err(formatIssues(issues));
    if (records.length === 0) throw new InputError('no satellite could be loaded: nothing to route over');
    io.out(headerLines(scenario, records.length, ends, isl).join('\n') + '\n');
    const stepS = opts.stepS ?? 60;
    const times = Array.from({ length: Math.floor((opts.durationS ?? 0) / stepS + 1e-9) + 1 }, (_, k) => startMs + k * stepS * 1000);
    const found = await routeTimes(records, ends, isl, times, io);
    io.out(`# routes found at ${found} of ${times.length} time(s)\n`);
    return 0;
  } catch (err) {
    const input = err instanceof InputError || err instanceof RangeError;
    io.err(`ocsim route: ${input ? '' : 'failed: '}${(err as Error).message}\n`);
    return input ? 2 : 1;
  }
}

function parseTime(iso: string): number {
  try {
    return parseIsoUtc(iso, '--at');
  } catch (err) {
    throw new InputError((err as Error).message);
  }
}

function validateTiming(o: RouteCommandOptions): string[] {
  const bad: string[] = [];
  const d = o.durationS ?? 0;
  const s = o.stepS ?? 60;
  if (!(Number.isFinite(d) && d >= 0)) bad.push(`--duration-s: must be ≥ 0, got ${d}`);
  if (!(Number.isFinite(s) && s > 0)) bad.push(`--step-s: must be > 0, got ${s}`);
  else if (d / s + 1 > MAX_TIMES) bad.push(`--duration-s / --step-s: ${Math.floor(d / s) + 1} times, more than ${MAX_TIMES}`);
  if (o.maskDeg !== undefined && !(o.maskDeg >= 0 && o.maskDeg < 90)) bad.push(`--mask-deg: must be in [0, 90), got ${o.maskDeg}`);
  return bad;
}

/** "LAT,LON" or a station / hub id of the scenario. */
export function parseEndpoint(text: string, flag: string, scenario: Scenario, maskDeg?: number): Endpoint {
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (m) {
    const latDeg = Number(m[1]);
    const lonDeg = Number(m[2]);
    if (!(latDeg >= -90 && latDeg <= 90)) throw new InputError(`${flag}: latitude must be in [-90, 90], got ${m[1]}`);
    if (!(lonDeg >= -180 && lonDeg <= 180)) throw new InputError(`${flag}: longitude must be in [-180, 180], got ${m[2]}`);
    const label = `(${latDeg.toFixed(4)},${lonDeg.toFixed(4)})`;
    return { label, station: { id: flag.slice(2), name: label, latDeg, lonDeg, altM: 0, minElevationDeg: maskDeg ?? USER_TERMINAL_MASK_DEG } };
  }
  const st = scenario.groundStations.find((s) => s.id === text);
  if (st) return { label: st.id, station: { id: st.id, name: st.name, latDeg: st.latDeg, lonDeg: st.lonDeg, altM: st.altM, minElevationDeg: maskDeg ?? st.minElevationDeg } };
  const hub = scenario.hubs.find((h) => h.id === text);
  if (hub) return { label: hub.id, station: { id: hub.id, name: hub.name, latDeg: hub.latDeg, lonDeg: hub.lonDeg, altM: 0, minElevationDeg: maskDeg ?? USER_TERMINAL_MASK_DEG } };
  const ids = [...scenario.groundStations, ...scenario.hubs].map((s) => s.id).join(', ');
  throw new InputError(`${flag}: "${text}" is neither LAT,LON (e.g. 39.9042,116.4074) nor a ground station or hub id of the scenario (${ids})`);
}

function headerLines(scenario: Scenario, satCount: number, ends: readonly [Endpoint, Endpoint], p: IslParams): string[] {
  const [a, b] = ends.map((e) => e.station);
  const gcKm = greatCircleKm(a!.latDeg, a!.lonDeg, b!.latDeg, b!.lonDeg);
  const ms = (s: number) => (s * 1000).toFixed(2);
  return [
    `# route ${ends[0].label} → ${ends[1].label}; scenario ${scenario.name}, ${satCount} satellites`,
    `# ISL: ${p.topology}, ≤ ${p.maxRangeKm} km, ≥ ${p.atmMarginKm} km above the surface, ${p.terminalsPerSat} terminals, ${p.rateGbps} Gbit/s, ${p.acquisitionS} s acquisition; endpoint masks ${a!.minElevationDeg}° / ${b!.minElevationDeg}°`,
    `# great circle ${gcKm.toFixed(0)} km: ${ms(gcKm / SPEED_OF_LIGHT_KM_S)} ms at c (lower bound), ${ms(fibreLatencyS(gcKm, { routeFactor: 1, fibreKmPerS: scenario.backhaul.fibreKmPerS }))} ms in straight fibre, ${ms(fibreLatencyS(gcKm, scenario.backhaul))} ms in terrestrial fibre (route factor ${scenario.backhaul.routeFactor})`,
    '# latency = light time over the hops (vacuum), one way; round trip = 2 × one way over the same path',
    ROUTE_TSV_HEADER,
  ];
}

/** Propagates in chunks and prints one route row per time; returns how many times had a route. */
async function routeTimes(records: CatalogRecord[], ends: readonly [Endpoint, Endpoint], isl: IslParams, times: number[], io: RouteIo): Promise<number> {
  const n = records.length;
  const propagator = await createOrbitPropagator(records.map((r) => r.satrec));
  try {
    const ctx = {
      linker: new IslLinker(records.map((r) => r.walker), isl),
      tracker: new IslAcquisitionTracker(n, Math.max(4, isl.terminalsPerSat)),
      usable: new Uint8Array(0),
      stations: stationGeometry(ends.map((e) => e.station)),
      builder: new RoutingGraphBuilder(),
      ws: new ShortestPaths(),
      pos: new Float64Array(n * 3),
      vel: new Float64Array(n * 3),
    };
    let found = 0;
    let chunk: OrbitChunk | undefined;
    for (let c = 0; c < times.length; c += CHUNK_TIMES) {
      chunk = propagator.propagateAt(times.slice(c, c + CHUNK_TIMES), chunk);
      for (let t = 0; t < chunk.timeCount; t++) {
        gatherTime(chunk.positionsEcefKm, chunk, t, ctx.pos);
        gatherTime(chunk.velocitiesEcefKmS, chunk, t, ctx.vel);
        const edges = ctx.linker.linksAt(ctx.pos, ctx.vel);
        if (ctx.usable.length < edges.count) ctx.usable = new Uint8Array(edges.a.length);
        ctx.tracker.update(edges, chunk.timesMs[t]!, isl.acquisitionS, ctx.usable);
        const g = ctx.builder.reset(n, 2);
        g.addIslEdges(edges, ctx.usable);
        g.addGroundEdges(ctx.stations, 0, ctx.pos);
        g.addGroundEdges(ctx.stations, 1, ctx.pos);
        const graph = g.build();
        const route = shortestPath(graph, n, n + 1, ctx.ws);
        if (route) found++;
        const inView = [0, 1].map((j) => graph.offsets[n + j + 1]! - graph.offsets[n + j]!);
        io.out(formatRouteRow(chunk.timesMs[t]!, route, records, ends, inView) + '\n');
      }
    }
    return found;
  } finally {
    propagator.dispose();
  }
}

/** Copies time `t` of a sat-major chunk vector field into `out[s*3+k]` (NaN stays NaN for lost satellites). */
function gatherTime(field: Float64Array, chunk: OrbitChunk, t: number, out: Float64Array): void {
  const T = chunk.timeCount;
  for (let s = 0; s < chunk.satCount; s++) {
    const i = (s * T + t) * 3;
    out[s * 3] = field[i]!;
    out[s * 3 + 1] = field[i + 1]!;
    out[s * 3 + 2] = field[i + 2]!;
  }
}

/** One TSV row: time, one-way ms, round-trip ms, satellite hop count, path (ground → satellites → ground). */
export function formatRouteRow(tMs: number, route: Route | null, records: readonly CatalogRecord[], ends: readonly [Endpoint, Endpoint], inView: number[]): string {
  const time = isoUtc(tMs);
  if (!route) return `${time}\t-\t-\t0\tno route (${inView[0]} satellite(s) in view of ${ends[0].label}, ${inView[1]} of ${ends[1].label})`;
  const n = records.length;
  const names = route.hops.map((v) => (v >= n ? `ground ${ends[v - n]!.label}` : `${records[v]!.name.trim()} [${records[v]!.norad}]`));
  const ms = route.latencyS * 1000;
  return `${time}\t${ms.toFixed(2)}\t${(2 * ms).toFixed(2)}\t${route.hops.length - 2}\t${names.join(' → ')}`;
}
