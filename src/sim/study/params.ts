// The registry of scenario parameters a study can vary: path in the scenario JSON (`[*]` = every element of an
// array; a study may name one element, `groundStations[2].costUsdPerMin`), unit, a plausible low/high with its
// source (or labelled an assumption), the scale to sweep and sample it on, and the earliest engine stage it
// invalidates (derived from the stages' declared reads, stage-reads.ts, never restated). Model choices (the antenna
// scheduler, GPU pricing, dispatch) are parameters too, of another kind: a sweep can set them by name; they have no
// low or high, so sensitivity, uncertainty and break-even refuse them. Pure; imports the engine's stage reads and the
// schema's lists of choices.
import { stageOfPath, type StageName } from '../engine/stage-reads.ts';
import { dispatchPolicies, gpuPricingModels } from '../scenario/schema-ground.ts';
import { schedulerPolicies } from '../scenario/schema-scheduler.ts';

export type ParamScale = 'linear' | 'log';

export interface ParamDef {
  /** Path in the scenario JSON; `[*]` sets every element. */
  path: string;
  label: string;
  unit: string;
  /** Integer parameters are rounded to the nearest integer when applied. */
  integer: boolean;
  /** Plausible range (sensitivity's low and high; uncertainty's default distribution). */
  low: number;
  high: number;
  scale: ParamScale;
  /** Where low and high come from (docs/sources.md anchor) or "assumption: …". */
  source: string;
}

const S = 'docs/sources.md';
const num = (path: string, label: string, unit: string, low: number, high: number, scale: ParamScale, source: string): ParamDef => ({
  path,
  label,
  unit,
  integer: false,
  low,
  high,
  scale,
  source,
});
const int = (path: string, label: string, unit: string, low: number, high: number, scale: ParamScale, source: string): ParamDef => ({
  path,
  label,
  unit,
  integer: true,
  low,
  high,
  scale,
  source,
});

/** Every parameter a study can vary, in the order `ocsim params` lists them (by stage, then by topic). */
export const PARAMS: readonly ParamDef[] = [
  // geometry
  num(
    'groundStations[*].minElevationDeg',
    'station elevation mask',
    'deg',
    5,
    25,
    'linear',
    `cote's 10° and Hypatia's 25° user mask (${S}#cote, #network-geometry); 5°: assumption (a low-horizon site)`,
  ),
  num('satellite.imaging.swathKm', 'imager swath', 'km', 10, 40, 'linear', `assumption around Planet Dove's 20 km (${S}#eo-downlink)`),
  // schedule
  int('groundStations[*].antennas', 'antennas per station', 'antennas', 1, 4, 'linear', 'assumption: 1 today (one dish per AIRCAS site is assumed), up to 4'),
  num('satellite.acquisitionS', 'pass acquisition time', 's', 10, 120, 'linear', 'assumption'),
  num(
    'scheduler.horizonH',
    'scheduler look-ahead horizon (lookahead)',
    'h',
    1,
    12,
    'log',
    `assumption around EarthSight's 6 h look-ahead (${S}#scheduling); used when scheduler.policy = lookahead`,
  ),
  num(
    'scheduler.agingS',
    'age at which waiting data counts double (priority, lookahead)',
    's',
    600,
    21_600,
    'log',
    'assumption: 10 min to 6 h around one orbit (3,600 s); used when scheduler.policy = priority or lookahead',
  ),
  // processing
  num('satellite.compute.topsInt8', 'onboard peak INT8 TOPS', 'TOPS', 417, 744, 'linear', `SCS-01: 5 POPS / 12 = 417 mean, 744 maximum (${S}#scs-01)`),
  num(
    'satellite.compute.utilisation',
    'onboard accelerator utilisation',
    'fraction',
    0.2,
    0.4,
    'linear',
    'assumption: 20–40 % typical for INT8 edge accelerators',
  ),
  num(
    'satellite.compute.topsPerW',
    'onboard accelerator efficiency',
    'TOPS/W',
    2,
    8,
    'linear',
    `assumption around Jetson AGX Orin's 4.58 TOPS/W (${S}#other-figures)`,
  ),
  num('satellite.storageGB', 'onboard storage per satellite', 'GB', 500, 5000, 'log', `assumption around SCS-01's 2,500 GB (${S}#scs-01)`),
  num('satellite.power.solarArrayW', 'solar array output', 'W', 200, 800, 'linear', 'assumption'),
  num(
    'satellite.downlink.bandwidthHz',
    'downlink bandwidth',
    'Hz',
    10e6,
    200e6,
    'log',
    `assumption: cote's 20 MHz to a Dove-class link (${S}#cote, #eo-downlink)`,
  ),
  num('isl.rateGbps', 'laser ISL rate', 'Gbit/s', 10, 100, 'log', `Celestial's 10 Gbit/s default, SCS-01's 100 Gbit/s (${S}#network-geometry, #scs-01)`),
  num(
    'workload.cloudyFraction',
    'share of cloudy (low-value) tiles',
    'fraction',
    0.52,
    0.65,
    'linear',
    `Kodan's 52 %, Earth's mean cloud cover ≈ 65 % (${S}#onboard-processing)`,
  ),
  num('workload.resultBytesPerTile', 'result bytes per tile', 'B', 100, 10_000, 'log', 'assumption'),
  num('onboardFilter.recall', 'onboard filter recall', 'fraction', 0.85, 0.97, 'linear', `assumption around CloudScout's 92 % (${S}#other-figures)`),
  num('gpu.utilisation', 'ground GPU utilisation (MFU)', 'fraction', 0.2, 0.6, 'linear', 'assumption'),
  int('hubs[*].gpus', 'GPUs per cluster', 'GPUs', 1, 64, 'log', 'assumption'),
  num('dispatch.maxQueueWaitS', 'west-first queue wait limit', 's', 60, 3600, 'log', 'assumption'),
  num(
    'dispatch.deadlineS',
    'cheapest-power deadline (downlink to insight)',
    's',
    600,
    21_600,
    'log',
    'assumption: 10 min to 6 h, the insight horizons the run reports',
  ),
  // pricing
  num(
    'economics.launchUsdPerKg',
    'launch price',
    '$/kg',
    30,
    10_000,
    'log',
    `Starcloud's $30/kg to above today's ≈ $6,500/kg rideshare (assumption); Suncatcher ≲ $200/kg mid-2030s (${S}#space-economics)`,
  ),
  num('economics.computeHardwareUsd', 'compute payload hardware', '$', 50_000, 1_000_000, 'log', 'assumption'),
  num('economics.computeMassKg', 'compute payload mass', 'kg', 5, 50, 'log', 'assumption'),
  num('economics.specificPowerWPerKg', 'power-system specific power', 'W/kg', 36.5, 75, 'linear', `McCalip's 36.5–75 W/kg (${S}#space-economics)`),
  num('economics.opsUsdPerSatYear', 'operations per satellite-year', '$', 5_000, 100_000, 'log', 'assumption'),
  num('economics.lifetimeYears', 'payload lifetime', 'years', 3, 7, 'linear', `assumption around McCalip's 5-year horizon (${S}#space-economics)`),
  num(
    'gpu.usdPerHour',
    'GPU rent',
    '$/h',
    1.7,
    3,
    'linear',
    `H100 1-year reserved $1.70/h (Oct 2025); $3.00: assumption, the rise to $2.35/h (Mar 2026) continued (${S}#ground)`,
  ),
  num(
    'gpu.usdPerMTok.input',
    'per-token price, input',
    '$/M tokens',
    0.02,
    0.282,
    'log',
    `Llama 3.1 8B: cheapest provider listed (cloudprice.net) to Cloudflare Workers AI; used when gpu.pricing = per-token (${S}#gpu-token-prices)`,
  ),
  num(
    'gpu.usdPerMTok.output',
    'per-token price, output',
    '$/M tokens',
    0.03,
    0.827,
    'log',
    `Llama 3.1 8B: cheapest provider listed (cloudprice.net) to Cloudflare Workers AI; used when gpu.pricing = per-token (${S}#gpu-token-prices)`,
  ),
  num(
    'pricePaths.launchUsdPerKg.annualChange',
    'launch price change per year',
    'fraction/yr',
    -0.5,
    0,
    'linear',
    `assumption: flat to halving yearly; $6,500/kg today to Suncatcher's ≲ $200/kg by ≈ 2035 is −32 %/yr (${S}#space-economics); read at the launch date`,
  ),
  num('hubs[*].electricityUsdPerKWh', 'hub electricity price', '$/kWh', 0.03, 0.15, 'log', 'assumption'),
  num(
    'hubs[*].timeOfUse.valleyFactor',
    'time-of-use valley price / flat price',
    'ratio',
    0.2,
    0.5,
    'linear',
    `Zhejiang's deep valley 0.2 (valley 0.4) to 0.5, NDRC's 3 : 1 floor read as ±50 % (${S}#tariffs)`,
  ),
  num(
    'hubs[*].timeOfUse.peakFactor',
    'time-of-use peak price / flat price',
    'ratio',
    1.5,
    2.05,
    'linear',
    `1.5, NDRC's 3 : 1 floor read as ±50 %, to Zhejiang's sharp peak 2.05 (peak 1.85) (${S}#tariffs)`,
  ),
  num('hubs[*].pue', 'hub PUE', 'ratio', 1.04, 1.25, 'linear', `new builds 1.04–1.10, east target ≤ 1.25 (${S}#ground)`),
  num(
    'groundStations[*].costUsdPerMin',
    'antenna time price',
    '$/min',
    2,
    30,
    'log',
    `assumption around the $10/min default; per-minute billing as AWS Ground Station (${S}#other-figures)`,
  ),
  num('backhaul.costUsdPerGB', 'transit price', '$/GB', 0.001, 0.05, 'log', 'assumption'),
];

const byPattern = new Map(PARAMS.map((p) => [p.path, p]));

/** A model choice a sweep can set by name: `--vary gpu.pricing=on-demand,reserved`. */
export interface ChoiceDef {
  path: string;
  label: string;
  /** The names the schema accepts, in its order (a point's value is the index of its name here). */
  choices: readonly string[];
  /** Where the choices are described. */
  source: string;
}

/** Every model choice a sweep can set, in the order `ocsim params` lists them. */
export const CHOICE_PARAMS: readonly ChoiceDef[] = [
  { path: 'scheduler.policy', label: 'antenna scheduler', choices: schedulerPolicies, source: 'docs/model.md §5 (downlink: the schedulers and their sources)' },
  { path: 'gpu.pricing', label: 'how hub GPUs are paid for', choices: gpuPricingModels, source: 'docs/model.md#gpu-pricing' },
  {
    path: 'dispatch.policy',
    label: 'which GPU cluster a batch goes to',
    choices: dispatchPolicies,
    source: 'docs/model.md §6 (ground segment: dispatch policies)',
  },
];

const choiceByPath = new Map(CHOICE_PARAMS.map((c) => [c.path, c]));

/** The model choice at `path`, or undefined. */
export function findChoice(path: string): ChoiceDef | undefined {
  return choiceByPath.get(path);
}

/** `groundStations[2].antennas` → `groundStations[*].antennas`. */
export function patternOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}

/** The registry entry of a path (or of one element of a `[*]` entry), or undefined. */
export function findParam(path: string): ParamDef | undefined {
  return byPattern.get(path) ?? byPattern.get(patternOf(path));
}

/** The earliest stage a change of this parameter invalidates (in `scenario`: the dispatch policy decides for tariffs). */
export function paramStage(path: string, scenario?: unknown): StageName {
  return stageOfPath(path, scenario === undefined ? [] : [scenario]);
}

/** The registry paths closest to an unknown one by edit distance (for "did you mean" messages). */
export function similarParams(path: string, max = 3): string[] {
  const p = patternOf(path).toLowerCase();
  return [...PARAMS, ...CHOICE_PARAMS]
    .map((d) => ({ path: d.path, dist: editDistance(p, d.path.toLowerCase()) }))
    .filter((x) => x.dist <= Math.max(3, Math.floor(p.length / 3)))
    .sort((a, b) => a.dist - b.dist || (a.path < b.path ? -1 : 1))
    .slice(0, max)
    .map((x) => x.path);
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The default parameters of a sensitivity study: every registry entry. */
export const DEFAULT_SENSITIVITY_PARAMS: readonly string[] = PARAMS.map((p) => p.path);
