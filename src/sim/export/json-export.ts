// Run → JSON (schema-versioned, byte-deterministic) and JSON → run for replay, validated with zod.
// Pure: imports only zod, the run types, the scenario schema and src/sim/time.ts; no Node or DOM APIs.
import { z } from 'zod';
import type { IngestIssue } from '../catalog/types.ts';
import {
  RUN_EXPORT_SCHEMA_VERSION,
  type ContactRecord,
  type ModeSeries,
  type ModeSummary,
  type RunResult,
  type RunSeries,
  type RunSummary,
  type SatelliteInfo,
  type SessionRecord,
} from '../engine/result-types.ts';
import { formatPath, processingModes, safeParseScenario, type ProcessingMode, type ScenarioError } from '../scenario/schema.ts';
import { gpuPricingModels } from '../scenario/schema-ground.ts';
import { isoUtc } from '../time.ts';
import { checkJson } from '../json-check.ts';

/** ModeSeries fields in export order (JSON keys, CSV columns). */
export const MODE_SERIES_KEYS = [
  'backlogBytes',
  'groundQueueTokens',
  'capturedBytesCum',
  'downlinkedBytesCum',
  'droppedBytesCum',
  'tokensOnboardCum',
  'tokensGroundCum',
  'tilesDeliveredCum',
  'meanBatterySoc',
] as const satisfies readonly (keyof ModeSeries)[];
/** Constellation-wide RunSeries fields in export order. */
export const RUN_SERIES_KEYS = ['satsSunlit', 'satsImaging', 'satsInSession', 'satsLost'] as const satisfies readonly (keyof RunSeries)[];

// Compile-time guard: adding a ModeSeries field without exporting it fails here.
type MissingModeKey = Exclude<keyof ModeSeries, (typeof MODE_SERIES_KEYS)[number]>;
const _allModeKeys: MissingModeKey extends never ? true : never = true;

/** The satellite a record points at; throws a RangeError naming the record when the index is out of range. */
export function satelliteAt(result: RunResult, index: number, where: string): SatelliteInfo {
  const s = result.satellites[index];
  if (!s) throw new RangeError(`${where}.satIndex: ${index} is not a satellite index (0..${result.satellites.length - 1})`);
  return s;
}

/** The ground station a record points at; throws a RangeError naming the record when the index is out of range. */
export function stationAt(result: RunResult, index: number, where: string) {
  const g = result.scenario.groundStations[index];
  if (!g) throw new RangeError(`${where}.stationIndex: ${index} is not a ground-station index (0..${result.scenario.groundStations.length - 1})`);
  return g;
}

/**
 * Deterministic JSON text: objects indented by 2 spaces in insertion order; "flat" values (arrays of
 * primitives, typed arrays, objects whose values are all primitives) on one line. Numbers as JSON.stringify
 * writes them; NaN and ±Infinity become null; undefined object fields are left out (as JSON.stringify does).
 */
export function stableJson(value: unknown, depth = 0): string {
  if (ArrayBuffer.isView(value)) return JSON.stringify(Array.from(value as Float64Array));
  if (value === null || typeof value !== 'object' || isFlat(value)) return JSON.stringify(value) ?? 'null';
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) return `[\n${value.map((v) => pad + stableJson(v, depth + 1)).join(',\n')}\n${end}]`;
  const parts = Object.entries(value)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .map(([k, v]) => `${pad}${JSON.stringify(k)}: ${stableJson(v, depth + 1)}`);
  return parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n${end}}`;
}

function isFlat(value: object): boolean {
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((v) => v === null || typeof v !== 'object');
}

// ---- The format, as zod schemas: key order here is the key order of the text ----

/** A number; null (how NaN and ±Infinity are written) reads back as NaN. */
const num = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);
const numOrNull = z.number().nullable();
const numArray = z.array(num);
const index = z.number().int().min(0);
const numShape = <const K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, num])) as Record<K, typeof num>;

const modeSummarySchema = z.object({
  mode: z.enum(processingModes),
  latencyS: z.object({
    p50: numOrNull,
    p90: numOrNull,
    p99: numOrNull,
    censored: z.object({ p50: z.boolean(), p90: z.boolean(), p99: z.boolean() }),
    horizonS: num,
  }),
  latencyDeliveredS: z.object({ p50: numOrNull, p90: numOrNull, p99: numOrNull, mean: numOrNull }),
  deliveredWithinShare: z.object({
    ...numShape(['within5min', 'within1h', 'within6h', 'within24h']),
    censored: z.object({ within5min: z.boolean(), within1h: z.boolean(), within6h: z.boolean(), within24h: z.boolean() }),
  }),
  ...numShape(['deliveredTileFraction', 'bytesCaptured', 'bytesDownlinked', 'bytesDownlinkedRaw', 'bytesDownlinkedResults']),
  ...numShape(['bandwidthSavedFraction', 'bytesDropped']),
  bytesDroppedByReason: z.object(numShape(['storageFull', 'satelliteLost'])),
  ...numShape(['bytesProcessedOnboard', 'backlogBytesEnd', 'backlogBytesMax']),
  conservation: z.object(numShape(['capturedBytes', 'processedOnboardBytes', 'downlinkedRawBytes', 'storedBytes', 'droppedBytes', 'residualBytes'])),
  ...numShape(['tilesCaptured', 'tilesDelivered', 'clearTilesDelivered', 'clearTilesDiscardedByFilter']),
  ...numShape(['tokensProcessed', 'tokensOnboard', 'tokensGround', 'gpuHours', 'stationMinutesBilled', 'bytesRelayedOverIsl', 'islByteHops']),
  energyJ: z.object(numShape(['onboardAccelerator', 'groundGpuWithPue', 'total'])),
  costUsdPerMTok: numOrNull,
  costUsd: z.object(numShape(['onboardHardwareUsd', 'launchUsd', 'operationsUsd', 'gpuUsd', 'electricityUsd', 'stationUsd', 'backhaulUsd', 'totalUsd'])),
  // Optional: exports made before GPU pricing models and revenue existed have neither.
  clusterUtilisation: z.object({ overall: numOrNull, byCluster: z.array(numOrNull) }).optional(),
  revenue: z.object({ ...numShape(['saleUsdPerMTok', 'revenueUsd', 'marginUsd']), marginUsdPerMTok: numOrNull }).optional(),
  /** Optional: exports made before time-of-use electricity lack it. */
  electricityUsdPerMTok: numOrNull.optional(),
}) satisfies z.ZodType<ModeSummary>;

/** Downlink service of a satellite or a shell (engine/fairness.ts). */
const serviceShape = { sessions: num, sessionMinutes: num, bytesDownlinked: z.partialRecord(z.enum(processingModes), num) };

const fairnessSchema = z.object({
  policy: z.string(),
  ...numShape(['handOvers', 'satellitesWithoutSession']),
  jainIndexMinutes: numOrNull,
  leastServed: z.object({ norad: z.number().int(), name: z.string(), shell: z.string(), ...serviceShape }).nullable(),
  shells: z.array(z.object({ name: z.string(), satellites: num, ...serviceShape })),
});

/** Validates the summary block of a run export (also usable on `summaryToJson` output). */
export const runSummarySchema = z.object({
  scenarioName: z.string(),
  seed: z.number(),
  epochIso: z.string(),
  durationH: num,
  stepS: num,
  satellites: z.object(numShape(['loaded', 'quarantined', 'lost', 'warnings'])),
  contacts: z.object(numShape(['windows', 'sessions', 'deniedWindows', 'contactHours', 'sessionHours'])),
  imaging: z.object(numShape(['sunlitFraction', 'imagingFraction'])),
  modes: z.partialRecord(z.enum(processingModes), modeSummarySchema),
  fairness: fairnessSchema.optional(),
  gpuPricing: z.enum(gpuPricingModels).optional(),
}) satisfies z.ZodType<RunSummary>;

const seriesSchema = z.object({
  timesMs: z.array(z.number()),
  ...(Object.fromEntries(RUN_SERIES_KEYS.map((k) => [k, numArray])) as Record<(typeof RUN_SERIES_KEYS)[number], typeof numArray>),
  modes: z.partialRecord(
    z.enum(processingModes),
    z.object(Object.fromEntries(MODE_SERIES_KEYS.map((k) => [k, numArray])) as Record<(typeof MODE_SERIES_KEYS)[number], typeof numArray>),
  ),
});

const contactSchema = z.object({
  satIndex: index,
  stationIndex: index,
  aosMs: z.number(),
  losMs: z.number(),
  maxElevationDeg: num,
  maxElevationMs: z.number(),
  partialStart: z.boolean(),
  partialEnd: z.boolean(),
}) satisfies z.ZodType<ContactRecord>;

const sessionSchema = z.object({ satIndex: index, stationIndex: index, startMs: z.number(), endMs: z.number() }) satisfies z.ZodType<SessionRecord>;

const satelliteSchema = z.object({
  norad: z.number().int(),
  name: z.string(),
  cosparId: z.string().optional(),
  lostAtMs: z.number().nullable(),
  lostReason: z.string().nullable(),
  meanAltitudeKm: num,
  downlink: z.object(serviceShape).optional(),
}) satisfies z.ZodType<SatelliteInfo>;

const ingestIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  source: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  field: z.string().optional(),
  item: z.string().optional(),
}) satisfies z.ZodType<IngestIssue>;

const runJsonSchema = z.object({
  schemaVersion: z.literal(RUN_EXPORT_SCHEMA_VERSION),
  engineVersion: z.string(),
  scenario: z.unknown(),
  seed: z.number(),
  summary: runSummarySchema,
  series: seriesSchema,
  contacts: z.array(contactSchema),
  sessions: z.array(sessionSchema),
  satellites: z.array(satelliteSchema),
  ingestIssues: z.array(ingestIssueSchema),
});

/**
 * `value` with its keys in the order of `schema` (nested objects too; the modes record in the order ground,
 * onboard, hybrid), unknown keys last. The text then does not depend on the order in which the engine built
 * its objects, and an imported run re-exports to the same bytes.
 */
function inSchemaOrder(value: unknown, schema: z.ZodType): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  if (schema instanceof z.ZodRecord) {
    const keys = [...processingModes.filter((k) => k in v), ...Object.keys(v).filter((k) => !(k in modeRank))];
    return Object.fromEntries(keys.map((k) => [k, inSchemaOrder(v[k], schema.valueType as z.ZodType)]));
  }
  if (!(schema instanceof z.ZodObject)) return value;
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = [...Object.keys(shape).filter((k) => k in v), ...Object.keys(v).filter((k) => !(k in shape))];
  return Object.fromEntries(keys.map((k) => [k, shape[k] ? inSchemaOrder(v[k], shape[k]) : v[k]]));
}
const modeRank = Object.fromEntries(processingModes.map((m, i) => [m, i]));

/**
 * Significant digits of the non-integer numbers of an exported summary. JavaScript engines differ in the last bit
 * of Math.sin/cos/asin/log/pow (measured: Chromium 156 vs Node 20 for 2–10 % of arguments), which moves sums in
 * the ~15th digit; written with 10 digits the summary of the same scenario and seed is byte-identical in the
 * browser and in the CLI (a difference survives only if a value sits within ~1e-15 of a rounding boundary).
 */
export const SUMMARY_SIGNIFICANT_DIGITS = 10;

/** Rounds every non-integer finite number in a plain value to `digits` significant digits (integers stay exact). */
export function roundSignificant<T>(value: T, digits = SUMMARY_SIGNIFICANT_DIGITS): T {
  if (typeof value === 'number') return (Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(digits)) : value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => roundSignificant(v, digits)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundSignificant(v, digits)])) as T;
}

/** The summary alone, byte-stable: equal summaries give identical text whatever their key order. */
export function summaryToJson(summary: RunSummary): string {
  return stableJson(roundSignificant(inSchemaOrder(summary, runSummarySchema))) + '\n';
}

/**
 * The whole run as JSON text (format: docs/parts/export.md). Times appear twice where they are data:
 * `…Ms` (ms since Unix epoch, authoritative on import) and `…Utc` (ISO 8601 UTC with ms, for readers).
 * Throws a RangeError when a contact or session points at a satellite or station that does not exist.
 */
export function runToJson(result: RunResult): string {
  const doc = {
    schemaVersion: result.schemaVersion,
    engineVersion: result.engineVersion,
    scenario: result.scenario,
    seed: result.summary.seed,
    summary: roundSignificant(inSchemaOrder(result.summary, runSummarySchema)),
    series: seriesToJsonValue(result.series),
    contacts: result.contacts.map((c, i) => ({
      ...references(result, c, `contacts[${i}]`),
      aosUtc: isoUtc(c.aosMs),
      losUtc: isoUtc(c.losMs),
      maxElevationUtc: isoUtc(c.maxElevationMs),
      ...(inSchemaOrder(c, contactSchema) as object),
    })),
    sessions: result.sessions.map((s, i) => ({
      ...references(result, s, `sessions[${i}]`),
      startUtc: isoUtc(s.startMs),
      endUtc: isoUtc(s.endMs),
      ...(inSchemaOrder(s, sessionSchema) as object),
    })),
    satellites: result.satellites.map((s) => ({
      ...(inSchemaOrder(s, satelliteSchema) as object),
      lostAtUtc: s.lostAtMs === null ? null : isoUtc(s.lostAtMs),
    })),
    ingestIssues: result.ingestIssues.map((issue) => inSchemaOrder(issue, ingestIssueSchema)),
  };
  return stableJson(doc) + '\n';
}

/** The NORAD number and station id a contact or session points at (redundant, for readers). */
function references(result: RunResult, rec: { satIndex: number; stationIndex: number }, where: string) {
  return { norad: satelliteAt(result, rec.satIndex, where).norad, stationId: stationAt(result, rec.stationIndex, where).id };
}

function seriesToJsonValue(series: RunSeries) {
  const modes: Record<string, Record<string, number[]>> = {};
  for (const mode of processingModes) {
    const m = series.modes[mode];
    if (m) modes[mode] = Object.fromEntries(MODE_SERIES_KEYS.map((k) => [k, Array.from(m[k])]));
  }
  return {
    stepCount: series.timesMs.length,
    timesUtc: Array.from(series.timesMs, isoUtc),
    timesMs: Array.from(series.timesMs),
    ...Object.fromEntries(RUN_SERIES_KEYS.map((k) => [k, Array.from(series[k])])),
    modes,
  };
}

// ---- Import: JSON text → RunResult ----

/** An import that failed: every problem with the path of the offending field (`contacts[3].losMs`). */
export class RunJsonError extends Error {
  constructor(readonly errors: ScenarioError[]) {
    super('run JSON: invalid run export\n' + errors.map((e) => `  ${e.path}: ${e.message}`).join('\n'));
    this.name = 'RunJsonError';
  }
}

/**
 * Reads a run exported by `runToJson` for replay. `…Ms` times and indices are authoritative; the redundant
 * `…Utc`, `norad`, `stationId`, `stepCount` fields are ignored. Throws a RunJsonError naming each bad path.
 */
export function parseRunJson(text: string): RunResult {
  const problem = checkJson(text);
  if (problem) throw new RunJsonError([{ path: '(root)', message: `is not JSON: line ${problem.line} col ${problem.column}: ${problem.message}` }]);
  const raw: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== RUN_EXPORT_SCHEMA_VERSION) {
    const message = `is ${JSON.stringify(version) ?? 'missing'}; this build reads run exports of schema version ${RUN_EXPORT_SCHEMA_VERSION}`;
    throw new RunJsonError([{ path: 'schemaVersion', message }]);
  }
  const parsed = runJsonSchema.safeParse(raw);
  if (!parsed.success) throw new RunJsonError(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const doc = parsed.data;
  const sc = safeParseScenario(doc.scenario);
  if (!sc.ok) throw new RunJsonError(sc.errors.map((e) => ({ path: e.path === '(root)' ? 'scenario' : `scenario.${e.path}`, message: e.message })));
  const modes: RunSeries['modes'] = {};
  for (const [mode, m] of Object.entries(doc.series.modes) as [ProcessingMode, Record<keyof ModeSeries, number[]>][]) {
    modes[mode] = Object.fromEntries(MODE_SERIES_KEYS.map((k) => [k, Float64Array.from(m[k])])) as unknown as ModeSeries;
  }
  const series = {
    timesMs: Float64Array.from(doc.series.timesMs),
    ...Object.fromEntries(RUN_SERIES_KEYS.map((k) => [k, Float64Array.from(doc.series[k])])),
    modes,
  } as RunSeries;
  const { schemaVersion, engineVersion, summary, satellites, ingestIssues, contacts, sessions } = doc;
  const result: RunResult = { schemaVersion, engineVersion, scenario: sc.scenario, satellites, ingestIssues, contacts, sessions, series, summary };
  const errors = crossCheck(result);
  if (errors.length > 0) throw new RunJsonError(errors);
  return result;
}

/** Checks what replay relies on: series of equal length, indices that point at satellites and stations. */
function crossCheck(r: RunResult): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const n = r.series.timesMs.length;
  const checkLength = (path: string, a: Float64Array) => {
    if (a.length !== n) errors.push({ path, message: `has ${a.length} values but series.timesMs has ${n}` });
  };
  for (const k of RUN_SERIES_KEYS) checkLength(`series.${k}`, r.series[k]);
  for (const mode of processingModes) {
    const m = r.series.modes[mode];
    if (m) for (const k of MODE_SERIES_KEYS) checkLength(`series.modes.${mode}.${k}`, m[k]);
  }
  const sats = r.satellites.length;
  const stations = r.scenario.groundStations.length;
  const checkIndices = (list: 'contacts' | 'sessions', rec: { satIndex: number; stationIndex: number }, i: number) => {
    if (rec.satIndex >= sats) errors.push({ path: `${list}[${i}].satIndex`, message: `is ${rec.satIndex} but there are ${sats} satellites` });
    if (rec.stationIndex >= stations)
      errors.push({ path: `${list}[${i}].stationIndex`, message: `is ${rec.stationIndex} but the scenario has ${stations} ground stations` });
  };
  r.contacts.forEach((c, i) => checkIndices('contacts', c, i));
  r.sessions.forEach((s, i) => checkIndices('sessions', s, i));
  return errors;
}
