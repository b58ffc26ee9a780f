// Stage `pricing`: the cost of each mode, by item, and its energy, from the usage record the processing stage
// produced and the scenario's prices alone (economics, GPU pricing model, rent, per-token price and power, PUE,
// electricity and its time-of-use tariffs, station minutes, transit, price paths, sale price). Cheap enough to rerun
// for every point of a price study. Pure.
import { costUsdPerMTok, runCost, type CostBreakdownUsd } from '../cost/cost-model.ts';
import { gpuElectricityUsd, tariffTable, type TariffTable } from '../cost/electricity-tariff.ts';
import { clusterUtilisation, type ClusterUtilisation, type GpuBill } from '../cost/gpu-pricing.ts';
import { electricityMultiplier, priceFactors, type PriceFactors } from '../cost/price-paths.ts';
import { modeRevenue, type ModeRevenue } from '../cost/revenue.ts';
import type { ProcessingMode, Scenario } from '../scenario/schema.ts';
import type { ModeUsage } from './usage.ts';

export interface ModePrice {
  mode: ProcessingMode;
  costUsd: CostBreakdownUsd;
  /** $ per million tokens processed; null when no tokens were processed. */
  costUsdPerMTok: number | null;
  /** Electricity $ per million tokens inferred on the ground (the ground GPUs' power bill per token); null without any. */
  electricityUsdPerMTok: number | null;
  /** Onboard accelerator energy and ground GPU energy including the hubs' PUE, J. */
  energyJ: { onboardAccelerator: number; groundGpuWithPue: number; total: number };
  /** Busy GPU-seconds / GPU-seconds of the hubs' GPUs over the run (what a reserved lease pays for). */
  clusterUtilisation: ClusterUtilisation;
  /** Revenue and margin at `economics.saleUsdPerMTok`; absent without a sale price. */
  revenue?: ModeRevenue;
}

export interface PricingOutput {
  modes: ModePrice[];
}

export function pricingStage(scenario: Scenario, modes: readonly { mode: ProcessingMode; usage: ModeUsage }[]): PricingOutput {
  const factors = priceFactors(scenario);
  const tariffs = tariffTable(scenario.hubs);
  return { modes: modes.map(({ mode, usage }) => priceMode(scenario, factors, tariffs, mode, usage)) };
}

/**
 * How the GPU line is billed for one mode. A mode that infers nothing on the ground (onboard) leases no GPUs; per-token
 * prices the ground's input and output tokens at the API's prices.
 */
function gpuBill(scenario: Scenario, f: PriceFactors, mode: ProcessingMode, u: ModeUsage): GpuBill {
  const gpu = scenario.gpu;
  return {
    pricing: gpu.pricing,
    usdPerHour: gpu.usdPerHour * f.gpuUsdPerHour,
    gpusLeasedByCluster: scenario.hubs.map((h) => (mode === 'onboard' ? 0 : h.gpus)),
    runS: scenario.durationH * 3600,
    usdPerMTokInput: gpu.usdPerMTok.input * f.gpuUsdPerMTok,
    usdPerMTokOutput: gpu.usdPerMTok.output * f.gpuUsdPerMTok,
    tokensInput: u.tokensGround - u.tokensGroundOutput,
    tokensOutput: u.tokensGroundOutput,
  };
}

function priceMode(scenario: Scenario, f: PriceFactors, tariffs: TariffTable, mode: ProcessingMode, u: ModeUsage): ModePrice {
  const gpu = scenario.gpu;
  const pue = tariffs.pue;
  const costUsd = runCost({
    computeSatSeconds: u.computeSatSeconds,
    acceleratorW: u.acceleratorWMean,
    economics: { ...scenario.economics, launchUsdPerKg: scenario.economics.launchUsdPerKg * f.launchUsdPerKg },
    gpuSecondsByCluster: u.gpuSecondsByCluster,
    gpuBill: gpuBill(scenario, f, mode, u),
    // An API's per-token price includes the provider's power.
    electricityIncluded: gpu.electricityIncluded || gpu.pricing === 'per-token',
    gpuElectricityUsd: gpuElectricityUsd(u.gpuSecondsByCluster, u.gpuSecondsByHour, tariffs, gpu.powerW, electricityMultiplier(scenario)),
    stationMinutesByStation: u.stationMinutesByStation,
    stationUsdPerMin: scenario.groundStations.map((g) => g.costUsdPerMin),
    backhaulBytes: u.backhaulBytes,
    backhaulUsdPerGB: scenario.backhaul.costUsdPerGB,
  });
  let gpuJ = 0;
  for (let c = 0; c < u.gpuSecondsByCluster.length; c++) gpuJ += u.gpuSecondsByCluster[c]! * gpu.powerW * pue[c]!;
  const tokens = u.tokensOnboard + u.tokensGround;
  const sale = scenario.economics.saleUsdPerMTok;
  return {
    mode,
    costUsd,
    costUsdPerMTok: costUsdPerMTok(costUsd.totalUsd, tokens),
    electricityUsdPerMTok: costUsdPerMTok(costUsd.electricityUsd, u.tokensGround),
    energyJ: { onboardAccelerator: u.acceleratorJ, groundGpuWithPue: gpuJ, total: u.acceleratorJ + gpuJ },
    clusterUtilisation: clusterUtilisation(
      u.gpuSecondsByCluster,
      scenario.hubs.map((h) => h.gpus),
      scenario.durationH * 3600,
    ),
    ...(sale === undefined ? {} : { revenue: modeRevenue(sale, tokens, costUsd.totalUsd) }),
  };
}
