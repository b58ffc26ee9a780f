// The hubs' electricity prices by time of day and the electricity line of the cost. A hub's price at a time is its
// flat price (`hubs[*].electricityUsdPerKWh`) × the factor of the time-of-use period of that hour on the tariff's
// clock (1 all day without a tariff); the electricity line is GPU energy × PUE × the price of the hour it was used.
// Pure; imports only time.ts and schema types.
import type { TouPeriod } from '../scenario/schema-ground.ts';
import { MS_PER_HOUR } from '../time.ts';

/** What the tariff of one hub needs (a scenario hub is one). */
export interface HubTariffInput {
  electricityUsdPerKWh: number;
  pue: number;
  timeOfUse?:
    | {
        utcOffsetH: number;
        hours: readonly TouPeriod[];
        peakFactor: number;
        valleyFactor: number;
        sharpPeakFactor: number;
        deepValleyFactor: number;
      }
    | undefined;
}

/** The hubs' prices by UTC hour of the day (integer clock offsets keep a tariff's hours on UTC hours). */
export interface TariffTable {
  clusterCount: number;
  /** $/kWh of cluster c during UTC hour of the day h (0–23): `[c × 24 + h]`. */
  usdPerKWhByUtcHour: Float64Array;
  /** Whether cluster c has a time-of-use tariff (else its price is flat all day). */
  timeOfUse: readonly boolean[];
  /** PUE of cluster c: `[c]`. */
  pue: Float64Array;
}

/** The price factor of a period (flat = 1). */
export function periodFactor(tou: NonNullable<HubTariffInput['timeOfUse']>, period: TouPeriod): number {
  if (period === 'flat') return 1;
  if (period === 'peak') return tou.peakFactor;
  if (period === 'valley') return tou.valleyFactor;
  return period === 'sharp-peak' ? tou.sharpPeakFactor : tou.deepValleyFactor;
}

/** UTC hour of the day (0–23) of a time. */
export const utcHourOfDay = (utcMs: number): number => ((Math.floor(utcMs / MS_PER_HOUR) % 24) + 24) % 24;

export function tariffTable(hubs: readonly HubTariffInput[]): TariffTable {
  const n = hubs.length;
  const usdPerKWhByUtcHour = new Float64Array(n * 24);
  hubs.forEach((h, c) => {
    const tou = h.timeOfUse;
    for (let u = 0; u < 24; u++) {
      const factor = tou ? periodFactor(tou, tou.hours[(((u + tou.utcOffsetH) % 24) + 24) % 24]!) : 1;
      usdPerKWhByUtcHour[c * 24 + u] = h.electricityUsdPerKWh * factor;
    }
  });
  return { clusterCount: n, usdPerKWhByUtcHour, timeOfUse: hubs.map((h) => h.timeOfUse !== undefined), pue: Float64Array.from(hubs, (h) => h.pue) };
}

/** $/kWh of cluster c at a time. */
export function priceUsdPerKWh(t: TariffTable, c: number, utcMs: number): number {
  return t.usdPerKWhByUtcHour[c * 24 + utcHourOfDay(utcMs)]!;
}

/** Time-weighted mean $/kWh of cluster c over [startMs, endMs); the price at startMs when the interval is empty. */
export function meanPriceUsdPerKWh(t: TariffTable, c: number, startMs: number, endMs: number): number {
  if (!(endMs > startMs)) return priceUsdPerKWh(t, c, startMs);
  let sum = 0;
  for (let h = Math.floor(startMs / MS_PER_HOUR); h * MS_PER_HOUR < endMs; h++) {
    const overlap = Math.min(endMs, (h + 1) * MS_PER_HOUR) - Math.max(startMs, h * MS_PER_HOUR);
    sum += overlap * priceUsdPerKWh(t, c, h * MS_PER_HOUR);
  }
  return sum / (endMs - startMs);
}

/** GPU-seconds per cluster per UTC hour, from the UTC hour that holds the run's start to the last work finished. */
export interface GpuHourBins {
  /** Start of bin 0, ms since the Unix epoch (a whole UTC hour). */
  startMs: number;
  /** Bins per cluster. */
  count: number;
  /** Busy GPU-seconds of cluster c during bin b: `[c × count + b]`. */
  gpuSeconds: Float64Array;
}

/** (cluster, UTC ms) → dimensionless multiplier on the hub prices (an electricity price path; 1 = the scenario's prices). */
export type ElectricityPriceMultiplier = (cluster: number, utcMs: number) => number;

/**
 * The electricity line, $: Σ GPU-hours × power × PUE × price. A flat hub without a multiplier is charged on its total
 * GPU-seconds (the numbers the model gave before hour bins existed); otherwise every hour bin at its own price.
 */
export function gpuElectricityUsd(
  gpuSecondsByCluster: ArrayLike<number>,
  bins: GpuHourBins,
  t: TariffTable,
  gpuPowerW: number,
  multiplier?: ElectricityPriceMultiplier,
): number {
  let usd = 0;
  for (let c = 0; c < gpuSecondsByCluster.length; c++) {
    if (!t.timeOfUse[c] && !multiplier) {
      const hours = gpuSecondsByCluster[c]! / 3600;
      usd += ((hours * gpuPowerW) / 1000) * t.pue[c]! * t.usdPerKWhByUtcHour[c * 24]!;
      continue;
    }
    for (let b = 0; b < bins.count; b++) {
      const s = bins.gpuSeconds[c * bins.count + b]!;
      if (s === 0) continue;
      const atMs = bins.startMs + b * MS_PER_HOUR;
      const price = priceUsdPerKWh(t, c, atMs) * (multiplier ? multiplier(c, atMs + MS_PER_HOUR / 2) : 1);
      usd += ((s / 3600) * gpuPowerW * t.pue[c]! * price) / 1000;
    }
  }
  return usd;
}
