// Cost per million tokens, onboard and on the ground, with its breakdown. Onboard: compute payload
// hardware, launch $/kg × mass (payload + the power system that feeds it), operations, amortised over
// the payload lifetime. Ground: the GPU line (gpu-pricing.ts), electricity × PUE (priced by the hour in
// electricity-tariff.ts), station time, backhaul. Pure math; imports only gpu-pricing.ts.
import { gpuCostUsd, type GpuBill } from './gpu-pricing.ts';

export const SECONDS_PER_YEAR = 365.25 * 86400;

export interface OnboardEconomics {
  launchUsdPerKg: number;
  computeHardwareUsd: number;
  computeMassKg: number;
  specificPowerWPerKg: number;
  opsUsdPerSatYear: number;
  lifetimeYears: number;
}

/** Mass launched for the compute payload: its own mass plus the power system that feeds it, kg. */
export function computePayloadMassKg(e: OnboardEconomics, acceleratorW: number): number {
  return e.computeMassKg + acceleratorW / e.specificPowerWPerKg;
}

export interface CostBreakdownUsd {
  onboardHardwareUsd: number;
  launchUsd: number;
  operationsUsd: number;
  gpuUsd: number;
  electricityUsd: number;
  stationUsd: number;
  backhaulUsd: number;
  totalUsd: number;
}

export interface CostInputs {
  /** Satellite-seconds during which a compute payload was flying (0 in ground mode). */
  computeSatSeconds: number;
  acceleratorW: number;
  economics: OnboardEconomics;
  /** GPU-seconds used on the ground, per cluster. */
  gpuSecondsByCluster: ArrayLike<number>;
  /** How the GPU line is billed (on-demand, reserved, per-token) and its prices. */
  gpuBill: GpuBill;
  electricityIncluded: boolean;
  /** GPU energy × PUE × the hubs' prices at the hours it was used, $ (electricity-tariff.ts gpuElectricityUsd). */
  gpuElectricityUsd: number;
  /** Antenna minutes billed (per contact, rounded up). */
  stationMinutesByStation: ArrayLike<number>;
  stationUsdPerMin: readonly number[];
  backhaulBytes: number;
  backhaulUsdPerGB: number;
}

/** The cost of a run, by item. Amortisation: capex / lifetime per satellite-second flown. */
export function runCost(i: CostInputs): CostBreakdownUsd {
  const e = i.economics;
  const lifetimeS = e.lifetimeYears * SECONDS_PER_YEAR;
  const share = i.computeSatSeconds / lifetimeS;
  const onboardHardwareUsd = e.computeHardwareUsd * share;
  const launchUsd = e.launchUsdPerKg * computePayloadMassKg(e, i.acceleratorW) * share;
  const operationsUsd = (e.opsUsdPerSatYear * i.computeSatSeconds) / SECONDS_PER_YEAR;
  const gpuUsd = gpuCostUsd(i.gpuBill, i.gpuSecondsByCluster);
  const electricityUsd = i.electricityIncluded ? 0 : i.gpuElectricityUsd;
  let stationUsd = 0;
  for (let s = 0; s < i.stationMinutesByStation.length; s++) stationUsd += i.stationMinutesByStation[s]! * i.stationUsdPerMin[s]!;
  const backhaulUsd = (i.backhaulBytes / 1e9) * i.backhaulUsdPerGB;
  const totalUsd = onboardHardwareUsd + launchUsd + operationsUsd + gpuUsd + electricityUsd + stationUsd + backhaulUsd;
  return { onboardHardwareUsd, launchUsd, operationsUsd, gpuUsd, electricityUsd, stationUsd, backhaulUsd, totalUsd };
}

/** $ per million tokens; null when no tokens were processed (undefined cost, not zero). */
export function costUsdPerMTok(totalUsd: number, tokens: number): number | null {
  return tokens > 0 ? totalUsd / (tokens / 1e6) : null;
}
