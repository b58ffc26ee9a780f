// Scenario schema, part 2: ground stations, hubs (data-centre clusters), backhaul, dispatch, GPUs,
// workload, onboard filter and economics. Every default cites its source. Pure; imports only zod, constants and the
// other schema parts' field helpers.
import { z } from 'zod';
import { SPEED_OF_LIGHT_KM_S } from '../constants.ts';
import { fraction, idString, intWithin, text, within } from './fields.ts';
import { priceDate } from './schema-pricing.ts';

/** How hub GPUs are paid for (docs/model.md §7): per GPU-hour used, per GPU-hour leased for the whole run, or per token. */
/** Bounds of a station's slant-range limit, km (the schema's, and `ocsim route` / `ocsim contacts --max-range-km`). */
export const STATION_MAX_RANGE_KM = [1, 100_000] as const;

/** The message for a slant-range limit outside STATION_MAX_RANGE_KM, naming `what`; undefined when it is inside. */
export function maxRangeKmProblem(km: number, what = '--max-range-km'): string | undefined {
  const [lo, hi] = STATION_MAX_RANGE_KM;
  return km >= lo && km <= hi ? undefined : `${what}: must be in [${lo}, ${hi}] km, got ${km}`;
}

export const gpuPricingModels = ['on-demand', 'reserved', 'per-token'] as const;

export const groundStationSchema = z
  .object({
    id: idString(),
    name: text().default(''),
    latDeg: within(-90, 90),
    lonDeg: within(-180, 180),
    altM: within(-500, 9000).default(0),
    /** Elevation mask. 10°: cote's minimum elevation (docs/sources.md#cote). */
    minElevationDeg: within(0, 90).default(10),
    /**
     * Optional slant-range limit, km (no default: none): in view when above the mask AND within this range. A mask of 0
     * with a range is Hypatia's satellite cone (1,089.686 km for its Starlink shell 1, docs/sources.md#network-geometry).
     */
    maxRangeKm: within(...STATION_MAX_RANGE_KM).optional(),
    /** Antennas that can each serve one satellite at a time. Assumption: 1. */
    antennas: intWithin(1, 100).default(1),
    /** Antenna time price, billed per started minute of each contact (AWS Ground Station billing rule). Assumption: $10/min. */
    costUsdPerMin: within(0, 1e6).default(10),
  })
  .strict();

/** Periods of a time-of-use tariff, as China's provincial tariffs name them (深谷, 低谷, 平段, 高峰, 尖峰). */
export const touPeriods = ['deep-valley', 'valley', 'flat', 'peak', 'sharp-peak'] as const;
export type TouPeriod = (typeof touPeriods)[number];

/**
 * A time-of-use tariff: the period of each hour of the day on the tariff's clock, and each period's price as a
 * factor of the flat price (`hubs[*].electricityUsdPerKWh`), the form in which China's provinces publish them
 * (e.g. Zhejiang 2026: 2.05 : 1.85 : 1 : 0.4 : 0.2, docs/sources.md#tariffs). A hub without one is flat all day.
 */
export const timeOfUseSchema = z
  .object({
    /** Offset of the tariff's clock from UTC, whole hours. 8: China Standard Time, in which Chinese tariffs are set. */
    utcOffsetH: intWithin(-12, 14).default(8),
    /** Period of each local hour, hour 0 (00:00–01:00) to hour 23: exactly 24 entries. */
    hours: z.array(z.enum(touPeriods)).length(24, { error: 'must list 24 periods, one per hour 0–23' }),
    /** Peak price / flat price. Default 1.5: with valley 0.5 the 3 : 1 peak–valley floor of NDRC's 2021 notice (docs/sources.md#tariffs). */
    peakFactor: within(0, 100).default(1.5),
    /** Valley price / flat price. Default 0.5 (see peakFactor). */
    valleyFactor: within(0, 100).default(0.5),
    /** Sharp-peak price / flat price. Default 1.8 = 1.5 × 1.2: NDRC 2021, sharp peak ≥ 20 % above peak (docs/sources.md#tariffs). */
    sharpPeakFactor: within(0, 100).default(1.8),
    /** Deep-valley price / flat price. Default 0.4 = 0.5 × 0.8: assumption, the sharp-peak rule mirrored. */
    deepValleyFactor: within(0, 100).default(0.4),
  })
  .strict();

export const hubSchema = z
  .object({
    /** Cluster id (public/data/hubs.csv cluster_id). */
    id: idString(),
    /** Hub id (public/data/hubs.csv hub_id). */
    hubId: idString(),
    name: text().default(''),
    region: z.enum(['east', 'west']),
    latDeg: within(-90, 90),
    lonDeg: within(-180, 180),
    /** GPUs of this cluster given to the workload. Assumption: 8 per cluster. */
    gpus: intWithin(0, 10_000_000).default(8),
    /** Industrial electricity price. Assumption: east 0.10 $/kWh, west 0.05 $/kWh (see docs/model.md). */
    electricityUsdPerKWh: within(0, 10).default(0.08),
    /** Time-of-use tariff on top of electricityUsdPerKWh (the flat price); absent: flat all day. */
    timeOfUse: timeOfUseSchema.optional(),
    /** PUE. East targets ≤ 1.25, west ≤ 1.2 (NDRC 2022 approvals, docs/sources.md#ground). */
    pue: within(1, 5).default(1.25),
  })
  .strict();

export const backhaulSchema = z
  .object({
    /** Fibre route length / great-circle distance. Assumption: 1.5. */
    routeFactor: within(1, 10).default(1.5),
    /** Light speed in fibre: c / 1.4682 (group index of standard single-mode fibre at 1550 nm, Corning SMF-28). */
    fibreKmPerS: within(1000, SPEED_OF_LIGHT_KM_S).default(SPEED_OF_LIGHT_KM_S / 1.4682),
    /** Station uplink to the backbone. Assumption: 10 Gbit/s. */
    rateGbps: within(0.001, 1e6).default(10),
    /** Transit price. Assumption: $0.01/GB. */
    costUsdPerGB: within(0, 1e3).default(0.01),
  })
  .strict();

export const dispatchPolicies = ['west-first', 'nearest', 'least-latency', 'cheapest-power'] as const;

export const dispatchSchema = z
  .object({
    /**
     * west-first: send raw data to the nearest west cluster ("Eastern Data, Western Computing") unless its
     * GPU queue wait exceeds maxQueueWaitS, then to the cluster with the least backhaul + queue delay.
     * nearest: the cluster with the least backhaul delay. least-latency: least backhaul + queue delay.
     * cheapest-power: the cluster (and, with holdForCheaperHour, the start hour) whose electricity × PUE is
     * cheapest among those that deliver the insight within deadlineS; least-latency when none can.
     */
    policy: z.enum(dispatchPolicies).default('west-first'),
    maxQueueWaitS: within(0, 1e7).default(600),
    /** cheapest-power: the longest a raw batch may take from downlink to insight delivered. Assumption: 1 h. */
    deadlineS: within(0, 1e7).default(3600),
    /** cheapest-power: work may wait in its queue for a cheaper hour when the deadline allows. Assumption: yes. */
    holdForCheaperHour: z.boolean().default(true),
  })
  .strict();

export const gpuSchema = z
  .object({
    name: text().default('H100 SXM'),
    /** Dense BF16 peak. 989 TFLOPS: NVIDIA H100 SXM data sheet. */
    peakTflops: within(0.001, 1e6).default(989),
    /** Model FLOPs utilisation on prefill-heavy vision tokens. Assumption: 0.4. */
    utilisation: within(0.01, 1).default(0.4),
    /** Board power. 700 W: NVIDIA H100 SXM data sheet. */
    powerW: within(1, 1e5).default(700),
    /**
     * How the hubs' GPUs are paid for: `on-demand` (the GPU-hours used, at usdPerHour), `reserved` (every GPU of the
     * clusters for the whole run, busy or idle, at usdPerHour: a lease) or `per-token` (an API's price per million
     * tokens, usdPerMTok, instead of GPUs). Default on-demand: the model before pricing was a choice.
     */
    pricing: z.enum(gpuPricingModels, { error: `must be one of ${gpuPricingModels.map((m) => `"${m}"`).join(', ')}` }).default('on-demand'),
    /**
     * Price per GPU-hour: per hour used (on-demand) or leased (reserved). $2.35/h: H100 1-year reserved, Mar 2026
     * (SemiAnalysis index, docs/sources.md#ground); $1.70/h in Oct 2025. On-demand list prices are higher ($3.99/h,
     * Lambda 8× H100 SXM, docs/sources.md#gpu-token-prices): the default reads the hours used at the contract rate.
     */
    usdPerHour: within(0, 1e4).default(2.35),
    /**
     * API price per million tokens for `per-token` (input = image + prompt tokens, output = generated tokens).
     * $0.282 in, $0.827 out: Llama 3.1 8B Instruct on Cloudflare Workers AI (docs/sources.md#gpu-token-prices).
     */
    usdPerMTok: z
      .object({ input: within(0, 1e4).default(0.282), output: within(0, 1e4).default(0.827) })
      .strict()
      .prefault({}),
    /** Set true when the rental price already includes electricity (then electricity is not added). */
    electricityIncluded: z.boolean().default(false),
  })
  .strict();

export const workloadSchema = z
  .object({
    /** Tile edge in pixels. 448 = 16 × 28 px → 256 visual tokens: assumption, a common VLM input size. */
    tilePx: intWithin(16, 1 << 16).default(448),
    /** Pixels per token edge: 28 = 14-px ViT patches merged 2×2 (Qwen2-VL, arXiv 2409.12191); assumption for the 8B model. */
    pixelsPerTokenSide: intWithin(1, 4096).default(28),
    /** Text prompt tokens per tile. Assumption: 64. */
    promptTokensPerTile: intWithin(0, 1e6).default(64),
    /** Generated tokens per tile (the "key result"). Assumption: 32. */
    outputTokensPerTile: intWithin(0, 1e6).default(32),
    /** Bytes of result sent down per tile (detections/caption + metadata). Assumption: 1,000 B. */
    resultBytesPerTile: within(0, 1e9).default(1000),
    /** Share of low-value (cloudy) tiles. 0.52: Kodan's Sentinel data (ASPLOS 2023, docs/sources.md#onboard-processing); Earth average cloud ~0.65 (AIKO). */
    cloudyFraction: fraction().default(0.52),
  })
  .strict();

export const modelSchema = z
  .object({
    name: text().default('8B remote-sensing VLM'),
    /** 8 billion parameters: the SCS-01 onboard remote-sensing model (CCTV / SatNews 2026-02, docs/sources.md#scs-01). */
    paramsBillion: within(0.001, 1e5).default(8),
    /** Operations per parameter per token: 2 (one multiply-add) for a dense transformer forward pass (Kaplan et al. 2020). */
    opsPerParamPerToken: within(0.1, 100).default(2),
  })
  .strict();

export const onboardFilterSchema = z
  .object({
    /**
     * Share of low-value tiles the filter drops: 0.93, calibrated so that with precision 0.95 and 52 % cloudy tiles the
     * downlink's value density rises 89–97 % as Kodan reports (docs/validation.md §Kodan); a flown onboard cloud filter
     * (CloudScout) reached 92 % accuracy.
     */
    recall: fraction().default(0.93),
    /** Share of dropped tiles that really were low-value. Assumption: 0.95. */
    precision: within(0.01, 1).default(0.95),
    /** Operations per tile for the small filter model. Assumption: 10 GOPs (a ResNet-50 at 1024² ≈ 4 GFLOPs × ~2.5). */
    opsPerTile: within(1000, 1e18).default(1e10),
  })
  .strict();

export const economicsSchema = z
  .object({
    /**
     * Launch price. Assumption: $6,500/kg (today's rideshare order); published: ≲$200/kg mid-2030s (Suncatcher), $30/kg (Starcloud), docs/sources.md#space-
     * economics.
     */
    launchUsdPerKg: within(0, 1e7).default(6500),
    /** Compute payload hardware per satellite (boards, radiation mitigation). Assumption: $250,000. */
    computeHardwareUsd: within(0, 1e12).default(250_000),
    /** Compute payload mass excluding its power system. Assumption: 15 kg. */
    computeMassKg: within(0, 1e7).default(15),
    /**
     * Power-system specific power, for the mass added to feed the accelerator: 36.5–75 W/kg (McCalip, docs/sources.md#space-economics); default the low end.
     */
    specificPowerWPerKg: within(1, 1e4).default(36.5),
    /** Operations cost attributed to the compute payload per satellite-year. Assumption: $20,000. */
    opsUsdPerSatYear: within(0, 1e12).default(20_000),
    /** Payload lifetime for amortisation. Assumption: 5 years (McCalip's horizon, docs/sources.md#space-economics). */
    lifetimeYears: within(0.1, 100).default(5),
    /**
     * Launch date of the compute payload: the launch price is paid at this date (pricePaths.launchUsdPerKg), then
     * amortised over the lifetime. No default: the run's epoch (a payload launched at the start of the run).
     */
    launchDateIso: priceDate().optional(),
    /** Price at which the operator sells the tokens it infers, $ per million tokens: revenue and margin per mode. No default: none. */
    saleUsdPerMTok: within(0, 1e6).optional(),
  })
  .strict();

export const islSchema = z
  .object({
    /** Laser inter-satellite links. On by default: the SCS-01 satellites carry 100 Gbps lasers (docs/sources.md#scs-01). */
    enabled: z.boolean().default(true),
    /** 'plus-grid' for Walker shells (other satellites are paired by range), or 'range' for all. */
    topology: z.enum(['plus-grid', 'range']).default('plus-grid'),
    /** 100 Gbit/s: SCS-01 laser (CCTV / SatNews 2026-02, docs/sources.md#scs-01). */
    rateGbps: within(0.001, 1e6).default(100),
    /** 15 s link acquisition: SCS-01 (docs/sources.md#scs-01). */
    acquisitionS: within(0, 3600).default(15),
    /** 5,016 km: Hypatia's MAX_ISL_LENGTH, the line-of-sight limit of a 550 km shell with an 80 km margin. */
    maxRangeKm: within(1, 1e6).default(5016),
    /** The link must clear 80 km altitude (Hypatia, snkas/hypatia main_starlink_550.py). */
    atmMarginKm: within(0, 1000).default(80),
    /** Laser terminals per satellite: 4, the +Grid degree (assumption for range pairing). */
    terminalsPerSat: intWithin(1, 16).default(4),
    /** Range pairing prefers partners still close after this look-ahead. Assumption: 300 s (see docs/parts/isl-routing.md). */
    pairingHorizonS: within(0, 86_400).default(300),
    /** Satellites out of contact relay their results over ISLs to one in contact (onboard, hybrid). */
    relayResults: z.boolean().default(true),
    /** Also relay raw data (ground, hybrid) to a satellite in contact, up to its spare downlink capacity. */
    relayRaw: z.boolean().default(false),
  })
  .strict();
