// The engine's stages in order, the scenario fields each one reads, and which stage a change to a scenario
// invalidates first: a caller reruns from there and reuses the earlier stages' outputs (pipeline.ts). The reads
// are checked against what each stage really touches (test/engine/stage-reads.test.ts records every read).
// Pure; imports nothing.

export const STAGES = ['catalogue', 'geometry', 'schedule', 'routing', 'processing', 'pricing', 'summary'] as const;
export type StageName = (typeof STAGES)[number];

/**
 * Scenario paths each stage reads: `a.b` is the field and everything under it, `a[*].b` is field b of every
 * element of array a (and the array's length). `summary` copies the whole scenario into the result, so it
 * reads everything and always runs.
 */
export const STAGE_READS: Readonly<Record<Exclude<StageName, 'summary'>, readonly string[]>> = {
  catalogue: ['constellation', 'epochIso'],
  geometry: [
    'epochIso',
    'durationH',
    'stepS',
    'groundStations[*].latDeg',
    'groundStations[*].lonDeg',
    'groundStations[*].altM',
    'groundStations[*].minElevationDeg',
    'groundStations[*].maxRangeKm',
    'satellite.imaging',
  ],
  // epochIso, durationH, stepS and satellite.downlink: the data-aware policies' estimate of the data waiting (demand-model.ts).
  schedule: ['groundStations[*].antennas', 'satellite.acquisitionS', 'scheduler', 'satellite.downlink', 'epochIso', 'durationH', 'stepS'],
  routing: ['epochIso', 'durationH', 'stepS', 'isl'],
  processing: [
    'seed',
    'epochIso',
    'durationH',
    'stepS',
    'processing.modes',
    'satellite.compute',
    'satellite.power',
    'satellite.storageGB',
    'satellite.imaging',
    'satellite.downlink',
    'workload',
    'model',
    'onboardFilter',
    'isl',
    'dispatch',
    'backhaul.routeFactor',
    'backhaul.fibreKmPerS',
    'backhaul.rateGbps',
    'gpu.peakTflops',
    'gpu.utilisation',
    'hubs[*].gpus',
    'hubs[*].region',
    'hubs[*].latDeg',
    'hubs[*].lonDeg',
    'groundStations[*].latDeg',
    'groundStations[*].lonDeg',
  ],
  // epochIso, durationH, stepS: the run's dates for the price paths; durationH and hubs[*].gpus: the reserved lease.
  pricing: [
    'economics',
    'pricePaths',
    'gpu.pricing',
    'gpu.usdPerHour',
    'gpu.usdPerMTok',
    'gpu.powerW',
    'gpu.electricityIncluded',
    'hubs[*].pue',
    'hubs[*].electricityUsdPerKWh',
    'hubs[*].gpus',
    'hubs[*].timeOfUse',
    'groundStations[*].costUsdPerMin',
    'backhaul.costUsdPerGB',
    'epochIso',
    'durationH',
    'stepS',
  ],
};

/** A stage's reads that depend on the scenario: they count when `when` holds for the scenario before or after a change. */
export interface ConditionalReads {
  stage: Exclude<StageName, 'summary'>;
  paths: readonly string[];
  when(scenario: unknown): boolean;
}

/**
 * Under `dispatch.policy: cheapest-power` the processing stage dispatches by the hubs' electricity prices, so a
 * tariff change reruns processing; under any other policy only pricing reads them and a tariff study reruns pricing.
 */
export const CONDITIONAL_READS: readonly ConditionalReads[] = [
  {
    stage: 'processing',
    paths: ['hubs[*].electricityUsdPerKWh', 'hubs[*].timeOfUse', 'hubs[*].pue'],
    when: (s) => (s as { dispatch?: { policy?: unknown } } | null)?.dispatch?.policy === 'cheapest-power',
  },
];

/**
 * Fields that only label the result (copied into it by the summary, read by no engine stage). A change to one of
 * them reruns the summary alone; a change to a path that is neither read nor a label reruns everything.
 */
export const LABEL_PATHS: readonly string[] = [
  'schemaVersion',
  'name',
  'description',
  'processing.mode',
  'gpu.name',
  'model.name',
  'groundStations[*].id',
  'groundStations[*].name',
  'hubs[*].id',
  'hubs[*].hubId',
  'hubs[*].name',
];

/** Path segments: a field name, or '*' for any array index. `groundStations[2].antennas` → ['groundStations', 2, 'antennas']. */
type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+|\*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(m[2] === '*' ? '*' : Number(m[2]));
  }
  return out;
}

/** Whether a concrete path and a declared read overlap: one is a prefix of the other, `*` matching any index. */
export function pathsOverlap(concrete: readonly Segment[], declared: readonly Segment[]): boolean {
  const n = Math.min(concrete.length, declared.length);
  for (let i = 0; i < n; i++) {
    const c = concrete[i]!;
    const d = declared[i]!;
    const index = (x: Segment) => x === '*' || typeof x === 'number';
    if (c !== d && !((c === '*' || d === '*') && index(c) && index(d))) return false;
  }
  return true;
}

const parsedReads = Object.fromEntries(Object.entries(STAGE_READS).map(([stage, reads]) => [stage, reads.map(parsePath)])) as Record<
  keyof typeof STAGE_READS,
  Segment[][]
>;

const parsedLabels = LABEL_PATHS.map(parsePath);

const parsedConditional = CONDITIONAL_READS.map((r) => ({ ...r, parsed: r.paths.map(parsePath) }));

/**
 * The first stage that reads a path: 'summary' for a label, 'catalogue' (rerun everything) for a path that is
 * neither read nor a label (a field added to the schema and not yet declared here). Conditional reads count when
 * their condition holds for one of `scenarios` (the scenario before and after a change).
 */
export function stageOfPath(path: string | readonly Segment[], scenarios: readonly unknown[] = []): StageName {
  const p = typeof path === 'string' ? parsePath(path) : path;
  const conditional = parsedConditional.filter((r) => scenarios.some((s) => r.when(s)));
  for (const stage of STAGES) {
    if (stage === 'summary') break;
    if (parsedReads[stage].some((d) => pathsOverlap(p, d))) return stage;
    if (conditional.some((r) => r.stage === stage && r.parsed.some((d) => pathsOverlap(p, d)))) return stage;
  }
  return parsedLabels.some((d) => pathsOverlap(p, d) && p.length >= d.length) ? 'summary' : 'catalogue';
}

/**
 * The leaf paths where two scenarios differ, e.g. `groundStations[2].antennas`; an array whose length differs
 * is reported as the array itself (`hubs`), a value of another type as its own path.
 */
export function changedPaths(a: unknown, b: unknown): Segment[][] {
  const out: Segment[][] = [];
  const path: Segment[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const walk = (x: unknown, y: unknown): void => {
    if (Object.is(x, y)) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) out.push(path.slice());
      else for (let i = 0; i < x.length; i++) step(i, x[i], y[i]);
    } else if (isObj(x) && isObj(y)) {
      for (const k of Object.keys(x)) step(k, x[k], Object.hasOwn(y, k) ? y[k] : undefined);
      for (const k of Object.keys(y)) if (!Object.hasOwn(x, k)) step(k, undefined, y[k]);
    } else out.push(path.slice());
  };
  const step = (seg: Segment, x: unknown, y: unknown): void => {
    path.push(seg);
    walk(x, y);
    path.pop();
  };
  walk(a, b);
  return out;
}

/**
 * The first stage to rerun when the scenario changes from `before` to `after` (the earliest stage that reads a
 * changed path; 'summary' when only labels changed), or null when they are equal.
 */
export function firstStageToRerun(before: unknown, after: unknown): StageName | null {
  const changed = changedPaths(before, after);
  if (changed.length === 0) return null;
  return STAGES[Math.min(...changed.map((p) => STAGES.indexOf(stageOfPath(p, [before, after]))))]!;
}

/** Formats path segments as `groundStations[2].antennas`. */
export function formatSegments(p: readonly Segment[]): string {
  let out = '';
  for (const s of p) out += typeof s === 'number' || s === '*' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}
