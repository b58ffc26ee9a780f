// Editing the scenario draft from the scenario panel: the key parameters (read with their schema defaults,
// written immutably along their path), the hubs' tariffs, the pasted catalogue and export file names. Nothing here validates a draft:
// the simulation worker does, once per run, and replies its errors by path (the form's fields carry those paths).
// Pure; imports the scenario schema and the catalogue format detector only.
import { detectCatalogFormat } from '../../sim/catalog/index.ts';
import {
  dispatchPolicies,
  dispatchSchema,
  economicsSchema,
  gpuPricingModels,
  gpuSchema,
  hubSchema,
  timeOfUseSchema,
} from '../../sim/scenario/schema-ground.ts';
import { withPublishedTariffs } from '../../sim/scenario/tariff-presets.ts';
import { satelliteSchema } from '../../sim/scenario/schema-satellite.ts';
import { schedulerPolicies, schedulerSchema } from '../../sim/scenario/schema-scheduler.ts';
import { scenarioSchema, type Scenario, type ScenarioError, type ScenarioInput } from '../../sim/scenario/schema.ts';

export type DraftParamKey =
  | 'topsInt8'
  | 'downlinkRateMbps'
  | 'downlinkTxPowerW'
  | 'gpuUsdPerHour'
  | 'pue'
  | 'launchUsdPerKg'
  | 'storageGB'
  | 'maxQueueWaitS'
  | 'deadlineS'
  | 'touValleyFactor'
  | 'durationH'
  | 'seed'
  | PricingParamKey;

/** The pricing fields of the form (issue 14): per-token prices, the sale price and the price paths' yearly change. */
type PricingParamKey = 'usdPerMTokInput' | 'usdPerMTokOutput' | 'saleUsdPerMTok' | 'gpuRentChangePerYear' | 'launchChangePerYear';

export interface DraftParam {
  key: DraftParamKey;
  label: string;
  unit: string;
  /** Path in the scenario, for error messages (`satellite.compute.topsInt8`). */
  path: string;
  integer?: boolean;
}

export const DRAFT_PARAMS: readonly DraftParam[] = [
  { key: 'topsInt8', label: 'Compute per satellite', unit: 'TOPS (INT8)', path: 'satellite.compute.topsInt8' },
  { key: 'downlinkRateMbps', label: 'Downlink rate (fixed)', unit: 'Mbit/s', path: 'satellite.downlink.rateMbps' },
  { key: 'downlinkTxPowerW', label: 'Downlink TX power (link budget)', unit: 'W', path: 'satellite.downlink.txPowerW' },
  { key: 'gpuUsdPerHour', label: 'GPU rental', unit: '$/h', path: 'gpu.usdPerHour' },
  { key: 'usdPerMTokInput', label: 'Per-token price, input', unit: '$/M tokens', path: 'gpu.usdPerMTok.input' },
  { key: 'usdPerMTokOutput', label: 'Per-token price, output', unit: '$/M tokens', path: 'gpu.usdPerMTok.output' },
  { key: 'gpuRentChangePerYear', label: 'GPU rent change per year', unit: 'fraction', path: 'pricePaths.gpuUsdPerHour.annualChange' },
  { key: 'launchChangePerYear', label: 'Launch price change per year', unit: 'fraction', path: 'pricePaths.launchUsdPerKg.annualChange' },
  { key: 'saleUsdPerMTok', label: 'Sale price of tokens', unit: '$/M tokens', path: 'economics.saleUsdPerMTok' },
  { key: 'pue', label: 'PUE (all hubs)', unit: '', path: 'hubs[*].pue' },
  { key: 'launchUsdPerKg', label: 'Launch price', unit: '$/kg', path: 'economics.launchUsdPerKg' },
  { key: 'storageGB', label: 'Storage per satellite', unit: 'GB', path: 'satellite.storageGB' },
  { key: 'maxQueueWaitS', label: 'Max GPU queue wait', unit: 's', path: 'dispatch.maxQueueWaitS' },
  { key: 'deadlineS', label: 'Deadline, downlink to insight', unit: 's', path: 'dispatch.deadlineS' },
  { key: 'touValleyFactor', label: 'Valley price (hubs with a tariff)', unit: '× flat', path: 'hubs[*].timeOfUse.valleyFactor' },
  { key: 'durationH', label: 'Duration', unit: 'h', path: 'durationH' },
  { key: 'seed', label: 'Seed', unit: '', path: 'seed', integer: true },
];

/** Fixed downlink rate when the user switches from the link budget. 220 Mbit/s: Planet Dove peak (Devaraj et al., SSC17-VII-02). */
export const DEFAULT_FIXED_RATE_MBPS = 220;

export type GpuPricing = Scenario['gpu']['pricing'];
export const GPU_PRICING_MODELS: readonly GpuPricing[] = gpuPricingModels;

export type DispatchPolicy = Scenario['dispatch']['policy'];
export const DISPATCH_POLICIES: readonly DispatchPolicy[] = dispatchPolicies;

export type SchedulerPolicy = Scenario['scheduler']['policy'];
export const SCHEDULER_POLICIES: readonly SchedulerPolicy[] = schedulerPolicies;

/** The hubs' electricity: flat all day, the published time-of-use tariffs (tariff-presets.ts), or other tariffs. */
export type TariffKind = 'flat' | 'published' | 'custom';

/** The values shown in the form: the draft's own or the schema default; undefined when not applicable or mixed. */
export type DraftValues = Record<DraftParamKey, number | undefined> & {
  downlinkKind: 'shannon' | 'fixed';
  policy: DispatchPolicy;
  /** The antenna scheduler (`scheduler.policy`). */
  scheduler: SchedulerPolicy;
  gpuPricing: GpuPricing;
  /** Range of the hubs' PUE when they differ. */
  pueRange: [number, number] | null;
  tariffs: TariffKind;
  /** Range of the valley factors of the hubs with a tariff when they differ. */
  touValleyRange: [number, number] | null;
  holdForCheaperHour: boolean;
};

/** The schema's defaults of the fields the form shows, read from the schema once (empty sections parsed). */
const DEFAULTS = (() => {
  const satellite = satelliteSchema.parse({});
  const downlink = satellite.downlink;
  return {
    topsInt8: satellite.compute.topsInt8,
    storageGB: satellite.storageGB,
    txPowerW: downlink.kind === 'shannon' ? downlink.txPowerW : undefined,
    gpuUsdPerHour: gpuSchema.parse({}).usdPerHour,
    gpu: gpuSchema.parse({}),
    launchUsdPerKg: economicsSchema.parse({}).launchUsdPerKg,
    dispatch: dispatchSchema.parse({}),
    scheduler: schedulerSchema.parse({}),
    valleyFactor: timeOfUseSchema.shape.valleyFactor.parse(undefined),
    pue: hubSchema.shape.pue.parse(undefined),
    seed: scenarioSchema.shape.seed.parse(undefined),
  };
})();

/** The values shown in the form: the draft's own, else the schema default (read without validating the draft). */
export function readDraftValues(d: ScenarioInput): DraftValues {
  const dl = d.satellite?.downlink ?? { kind: 'shannon' as const };
  const pues = d.hubs.map((h) => h.pue ?? DEFAULTS.pue);
  const pueMin = Math.min(...pues);
  const pueMax = Math.max(...pues);
  const valleys = d.hubs.flatMap((h) => (h.timeOfUse ? [h.timeOfUse.valleyFactor ?? DEFAULTS.valleyFactor] : []));
  const [valleyMin, valleyMax] = [Math.min(...valleys), Math.max(...valleys)];
  return {
    topsInt8: d.satellite?.compute?.topsInt8 ?? DEFAULTS.topsInt8,
    downlinkRateMbps: dl.kind === 'fixed' ? dl.rateMbps : undefined,
    downlinkTxPowerW: dl.kind === 'shannon' ? (dl.txPowerW ?? DEFAULTS.txPowerW) : undefined,
    gpuUsdPerHour: d.gpu?.usdPerHour ?? DEFAULTS.gpuUsdPerHour,
    usdPerMTokInput: d.gpu?.usdPerMTok?.input ?? DEFAULTS.gpu.usdPerMTok.input,
    usdPerMTokOutput: d.gpu?.usdPerMTok?.output ?? DEFAULTS.gpu.usdPerMTok.output,
    gpuRentChangePerYear: d.pricePaths?.gpuUsdPerHour?.annualChange ?? 0,
    launchChangePerYear: d.pricePaths?.launchUsdPerKg?.annualChange ?? 0,
    saleUsdPerMTok: d.economics?.saleUsdPerMTok,
    pue: pueMin === pueMax ? pueMin : undefined,
    launchUsdPerKg: d.economics?.launchUsdPerKg ?? DEFAULTS.launchUsdPerKg,
    storageGB: d.satellite?.storageGB ?? DEFAULTS.storageGB,
    maxQueueWaitS: d.dispatch?.maxQueueWaitS ?? DEFAULTS.dispatch.maxQueueWaitS,
    deadlineS: d.dispatch?.deadlineS ?? DEFAULTS.dispatch.deadlineS,
    touValleyFactor: valleys.length > 0 && valleyMin === valleyMax ? valleyMin : undefined,
    durationH: d.durationH,
    seed: d.seed ?? DEFAULTS.seed,
    downlinkKind: dl.kind,
    policy: d.dispatch?.policy ?? DEFAULTS.dispatch.policy,
    scheduler: d.scheduler?.policy ?? DEFAULTS.scheduler.policy,
    gpuPricing: d.gpu?.pricing ?? DEFAULTS.gpu.pricing,
    pueRange: pues.length > 0 && pueMin !== pueMax ? [pueMin, pueMax] : null,
    tariffs: tariffKind(d),
    touValleyRange: valleys.length > 0 && valleyMin !== valleyMax ? [valleyMin, valleyMax] : null,
    holdForCheaperHour: d.dispatch?.holdForCheaperHour ?? DEFAULTS.dispatch.holdForCheaperHour,
  };
}

/** Sets one parameter; returns a new draft (the input is not changed; unchanged branches are shared). */
export function setDraftParam(d: ScenarioInput, key: DraftParamKey, value: number): ScenarioInput {
  const sat = d.satellite ?? {};
  switch (key) {
    case 'topsInt8':
      return { ...d, satellite: { ...sat, compute: { ...sat.compute, topsInt8: value } } };
    case 'downlinkRateMbps':
      return { ...d, satellite: { ...sat, downlink: { kind: 'fixed', rateMbps: value } } };
    case 'downlinkTxPowerW': {
      const prev = sat.downlink?.kind === 'shannon' ? sat.downlink : { kind: 'shannon' as const };
      return { ...d, satellite: { ...sat, downlink: { ...prev, txPowerW: value } } };
    }
    case 'gpuUsdPerHour':
      return { ...d, gpu: { ...d.gpu, usdPerHour: value } };
    case 'pue':
      return { ...d, hubs: d.hubs.map((h) => ({ ...h, pue: value })) };
    case 'launchUsdPerKg':
      return { ...d, economics: { ...d.economics, launchUsdPerKg: value } };
    case 'storageGB':
      return { ...d, satellite: { ...sat, storageGB: value } };
    case 'maxQueueWaitS':
      return { ...d, dispatch: { ...d.dispatch, maxQueueWaitS: value } };
    case 'deadlineS':
      return { ...d, dispatch: { ...d.dispatch, deadlineS: value } };
    case 'touValleyFactor':
      return { ...d, hubs: d.hubs.map((h) => (h.timeOfUse ? { ...h, timeOfUse: { ...h.timeOfUse, valleyFactor: value } } : h)) };
    case 'durationH':
      return { ...d, durationH: value };
    case 'seed':
      return { ...d, seed: value };
    default:
      return setPricingParam(d, key, value);
  }
}

function setPricingParam(d: ScenarioInput, key: PricingParamKey, value: number): ScenarioInput {
  const paths = d.pricePaths ?? {};
  switch (key) {
    case 'usdPerMTokInput':
      return { ...d, gpu: { ...d.gpu, usdPerMTok: { ...d.gpu?.usdPerMTok, input: value } } };
    case 'usdPerMTokOutput':
      return { ...d, gpu: { ...d.gpu, usdPerMTok: { ...d.gpu?.usdPerMTok, output: value } } };
    case 'gpuRentChangePerYear':
      return { ...d, pricePaths: { ...paths, gpuUsdPerHour: { ...paths.gpuUsdPerHour, annualChange: value } } };
    case 'launchChangePerYear':
      return { ...d, pricePaths: { ...paths, launchUsdPerKg: { ...paths.launchUsdPerKg, annualChange: value } } };
    case 'saleUsdPerMTok':
      return { ...d, economics: { ...d.economics, saleUsdPerMTok: value } };
  }
}

export function setGpuPricing(d: ScenarioInput, pricing: GpuPricing): ScenarioInput {
  return { ...d, gpu: { ...d.gpu, pricing } };
}

/** Switches the downlink model: a fixed rate (DEFAULT_FIXED_RATE_MBPS) or the link budget with its defaults. */
export function setDownlinkKind(d: ScenarioInput, kind: 'shannon' | 'fixed'): ScenarioInput {
  const sat = d.satellite ?? {};
  if ((sat.downlink?.kind ?? 'shannon') === kind) return d;
  const downlink = kind === 'fixed' ? { kind, rateMbps: DEFAULT_FIXED_RATE_MBPS } : { kind };
  return { ...d, satellite: { ...sat, downlink } };
}

export function setDispatchPolicy(d: ScenarioInput, policy: DispatchPolicy): ScenarioInput {
  return { ...d, dispatch: { ...d.dispatch, policy } };
}

/** Sets the antenna scheduler; its options (horizon, aging, …) keep the draft's values or their defaults. */
export function setSchedulerPolicy(d: ScenarioInput, policy: SchedulerPolicy): ScenarioInput {
  return { ...d, scheduler: { ...d.scheduler, policy } };
}

export function setHoldForCheaperHour(d: ScenarioInput, holdForCheaperHour: boolean): ScenarioInput {
  return { ...d, dispatch: { ...d.dispatch, holdForCheaperHour } };
}

/** 'published' when every hub has its region's published tariff, 'flat' when none has a tariff, else 'custom'. */
function tariffKind(d: ScenarioInput): TariffKind {
  if (d.hubs.every((h) => h.timeOfUse === undefined)) return 'flat';
  const published = withPublishedTariffs(d.hubs);
  return d.hubs.every((h, i) => JSON.stringify(h.timeOfUse) === JSON.stringify(published[i]!.timeOfUse)) ? 'published' : 'custom';
}

/** Flat: the hubs' tariffs removed; published: each hub gets its region's published tariff (tariff-presets.ts). */
export function setTariffs(d: ScenarioInput, kind: 'flat' | 'published'): ScenarioInput {
  return { ...d, hubs: kind === 'published' ? withPublishedTariffs(d.hubs) : d.hubs.map(({ timeOfUse: _, ...h }) => h) };
}

/** Reads a number typed in the form: finite, or null (empty, text, NaN). Accepts "1,5" as 1.5 and "1 000". */
export function parseNumberInput(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export type CatalogDraft = { ok: true; draft: ScenarioInput; format: 'tle' | 'omm-json' | 'omm-csv' } | { ok: false; error: ScenarioError };

/** Replaces the constellation with pasted TLE / OMM text (format detected); an unknown format is an error. */
export function withCatalogText(d: ScenarioInput, text: string, label = 'pasted'): CatalogDraft {
  const format = detectCatalogFormat(text);
  if (format === 'unknown') {
    const first =
      text
        .split(/\r\n|\r|\n/)
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    const why = first === '' ? 'the text is empty' : `line 1: not TLE, OMM JSON or OMM CSV ("${first.slice(0, 40)}")`;
    return { ok: false, error: { path: 'constellation.sources[0].text', message: why } };
  }
  const constellation = { ...d.constellation, sources: [{ kind: format, text, label }] };
  return { ok: true, format, draft: { ...d, constellation } };
}

/** Download name of an export, e.g. `three-body-seed20250514.json` (unsafe characters become '-'). */
export function exportFileName(scenarioName: string, seed: number, format: 'json' | 'csv' | 'czml'): string {
  const safe = scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
  return `${safe}-seed${seed}.${format}`;
}
