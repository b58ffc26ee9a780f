// `ocsim route`: latency-shortest path ground → satellites (laser ISLs) → ground at one or more times, for
// "how fast can a result reach a user on another continent?". Thin I/O around src/sim's routeBetween: arguments,
// loading, printing. Node I/O only through scenario-loader / node-io.
import { checkEpochAge, makeIssue } from '../sim/catalog/checks.ts';
import type { CatalogRecord, IngestIssue } from '../sim/catalog/types.ts';
import { catalogueStage, type CatalogueOutput } from '../sim/engine/catalogue-stage.ts';
import { islParams, validateIslParams, type IslParams } from '../sim/links/isl.ts';
import { IslNetwork } from '../sim/links/isl-network.ts';
import { resolveRoutePlace, routeBetween, routeBounds, type RoutePlace, type RouteSample } from '../sim/links/route-between.ts';
import { createOrbitPropagator } from '../sim/orbit/propagator.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { maxRangeKmProblem } from '../sim/scenario/schema-ground.ts';
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
  /**
   * Elevation mask of both endpoints, degrees. Default: the station's mask, else 25° for LAT,LON (Hypatia / Starlink FCC filing, docs/sources.md#network-
   * geometry).
   */
  maskDeg?: number;
  /**
   * Slant-range limit of both endpoints' ground links, km (default: the station's own, else none). With `maskDeg` 0 it
   * is Hypatia's satellite cone (any satellite within range serves the place).
   */
  maxRangeKm?: number;
  /** ISL parameters; overrides of the scenario's `isl` block (its on/off and relay switches do not apply here). */
  isl?: Partial<IslParams>;
}

export interface RouteIo {
  out(s: string): void;
  err(s: string): void;
}

/** Assumption: a route table longer than this is a typo in --duration-s / --step-s. */
const MAX_TIMES = 10_000;

export const ROUTE_TSV_HEADER = 'time_utc\tone_way_ms\tround_trip_ms\tsat_hops\tpath';

/** Runs the command; returns 0 ok, 2 bad input, 1 failure. A time without a route is reported, not an error. */
export async function runRouteCommand(opts: RouteCommandOptions, io: RouteIo): Promise<number> {
  try {
    const { scenario, baseDir } = await loadScenario(opts.scenario);
    const isl = islParams({ ...scenario.isl, ...opts.isl });
    const bad = [...validateIslParams(isl), ...validateTiming(opts)];
    if (bad.length) throw new InputError(bad.join('; '));
    const view = { maskDeg: opts.maskDeg, maxRangeKm: opts.maxRangeKm };
    const places = [resolveRoutePlace(opts.from, scenario, '--from', view), resolveRoutePlace(opts.to, scenario, '--to', view)] as const;
    if (samePlace(places[0], places[1])) throw new InputError(`--from and --to are the same place (${places[0].label}): there is nothing to route`);
    const startMs = parseTime(opts.at ?? scenario.epochIso);
    const endMs = startMs + (opts.durationS ?? 0) * 1000;
    // The element sets are judged at the route's times, as ocsim run judges them at its epoch: far from their epoch,
    // SGP4 positions are kilometres off (docs/parts/catalog.md), so stale ones are quarantined here too. Walker shells
    // keep the scenario epoch: at --at they have moved on from it (as in a run), not been generated anew.
    const loaded = await catalogueStage(scenario, fileReader(baseDir), undefined, { ageAtMs: startMs });
    const { records, issues } = ageAtEnd(loaded, endMs, scenario.constellation);
    if (issues.length > 0) io.err(formatIssues(issues));
    if (records.length === 0) throw new InputError('no satellite could be loaded: nothing to route over');
    io.out(headerLines(scenario, records.length, places, isl).join('\n') + '\n');
    const stepS = opts.stepS ?? 60;
    const timesMs = Array.from({ length: Math.floor((opts.durationS ?? 0) / stepS + 1e-9) + 1 }, (_, k) => startMs + k * stepS * 1000);
    const propagator = await createOrbitPropagator(records.map((r) => r.satrec));
    let found = 0;
    try {
      const network = new IslNetwork(
        records.map((r) => r.walker),
        isl,
      );
      for (const sample of routeBetween({ network, propagator, from: places[0], to: places[1], timesMs })) {
        if (sample.route) found++;
        io.out(formatRouteRow(sample, records, places) + '\n');
      }
    } finally {
      propagator.dispose();
    }
    io.out(`# routes found at ${found} of ${timesMs.length} time(s)\n`);
    return 0;
  } catch (err) {
    const input = err instanceof InputError || err instanceof RangeError;
    io.err(`ocsim route: ${input ? '' : 'failed: '}${(err as Error).message}\n`);
    return input ? 2 : 1;
  }
}

/** The same latitude, longitude and altitude (e.g. a station given by id and by its coordinates). */
function samePlace(a: RoutePlace, b: RoutePlace): boolean {
  return a.station.latDeg === b.station.latDeg && a.station.lonDeg === b.station.lonDeg && a.station.altM === b.station.altM;
}

/** The records still young enough at the route's last time (the first was the loading reference), with issues. */
function ageAtEnd(c: CatalogueOutput, endMs: number, limits: Scenario['constellation']): { records: CatalogRecord[]; issues: IngestIssue[] } {
  const issues = [...c.issues];
  const opts = { source: '', referenceMs: endMs, maxEpochAgeDays: limits.maxEpochAgeDays, warnEpochAgeDays: limits.warnEpochAgeDays };
  const records = c.records.filter((r) => {
    const f = checkEpochAge(r.epochMs, opts);
    if (f?.severity !== 'error') return true;
    issues.push(
      makeIssue(
        'error',
        f.code,
        { source: r.source, placeKind: 'line', norad: String(r.norad), name: r.name, ...(r.line ? { line: r.line } : {}) },
        `${f.text} (at the end of --duration-s)`,
      ),
    );
    return false;
  });
  return { records, issues };
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
  const range = o.maxRangeKm === undefined ? undefined : maxRangeKmProblem(o.maxRangeKm);
  if (range) bad.push(range);
  return bad;
}

function headerLines(scenario: Scenario, satCount: number, places: readonly [RoutePlace, RoutePlace], p: IslParams): string[] {
  const [a, b] = places.map((e) => e.station);
  const bounds = routeBounds(places[0], places[1], scenario.backhaul);
  const ms = (s: number) => (s * 1000).toFixed(2);
  return [
    `# route ${places[0].label} → ${places[1].label}; scenario ${scenario.name}, ${satCount} satellites`,
    `# ISL: ${p.topology}, ≤ ${p.maxRangeKm} km, ≥ ${p.atmMarginKm} km above the surface, ${p.terminalsPerSat} terminals, ${p.rateGbps} Gbit/s, ` +
      `${p.acquisitionS} s acquisition; endpoint masks ${a!.minElevationDeg}° / ${b!.minElevationDeg}°${rangeText(a!.maxRangeKm, b!.maxRangeKm)}`,
    `# great circle ${bounds.greatCircleKm.toFixed(0)} km: ${ms(bounds.vacuumS)} ms at c (lower bound), ${ms(bounds.straightFibreS)} ms in straight fibre, ` +
      `${ms(bounds.terrestrialFibreS)} ms in terrestrial fibre (route factor ${scenario.backhaul.routeFactor})`,
    '# latency = light time over the hops (vacuum), one way; round trip = 2 × one way over the same path',
    ROUTE_TSV_HEADER,
  ];
}

/** The endpoints' range limits for the header, or nothing when neither has one. */
function rangeText(a?: number, b?: number): string {
  const km = (r?: number) => (r === undefined ? 'none' : `${r} km`);
  return a === undefined && b === undefined ? '' : `, ranges ≤ ${km(a)} / ${km(b)}`;
}

/** One TSV row: time, one-way ms, round-trip ms, satellite hop count, path (ground → satellites → ground). */
export function formatRouteRow(sample: RouteSample, records: readonly CatalogRecord[], places: readonly [RoutePlace, RoutePlace]): string {
  const time = isoUtc(sample.timeMs);
  const r = sample.route;
  if (!r) return `${time}\t-\t-\t0\tno route (${sample.inView[0]} satellite(s) in view of ${places[0].label}, ${sample.inView[1]} of ${places[1].label})`;
  const names = [`ground ${places[0].label}`, ...r.satellites.map((s) => `${records[s]!.name.trim()} [${records[s]!.norad}]`), `ground ${places[1].label}`];
  const ms = r.latencyS * 1000;
  return `${time}\t${ms.toFixed(2)}\t${(2 * ms).toFixed(2)}\t${r.satellites.length}\t${names.join(' → ')}`;
}
