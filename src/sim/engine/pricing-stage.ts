// Stage `pricing`: the cost of each mode, by item, and its energy, from the usage record the processing stage
// produced and the scenario's prices alone (economics, GPU rent and power, PUE, electricity and its time-of-use
// tariffs, station minutes, transit). Cheap enough to rerun for every point of a price study. Pure.
import { costUsdPerMTok, runCost, type CostBreakdownUsd } from '../cost/cost-model.ts';
import { gpuElectricityUsd, tariffTable, type TariffTable } from '../cost/electricity-tariff.ts';
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
}

export interface PricingOutput {
  modes: ModePrice[];
}

export function pricingStage(scenario: Scenario, modes: readonly { mode: ProcessingMode; usage: ModeUsage }[]): PricingOutput {
  const tariffs = tariffTable(scenario.hubs);
  return { modes: modes.map(({ mode, usage }) => priceMode(scenario, tariffs, mode, usage)) };
}

function priceMode(scenario: Scenario, tariffs: TariffTable, mode: ProcessingMode, u: ModeUsage): ModePrice {
  const gpu = scenario.gpu;
  const pue = tariffs.pue;
  const costUsd = runCost({
    computeSatSeconds: u.computeSatSeconds,
    acceleratorW: u.acceleratorWMean,
    economics: scenario.economics,
    gpuSecondsByCluster: u.gpuSecondsByCluster,
    gpuUsdPerHour: gpu.usdPerHour,
    electricityIncluded: gpu.electricityIncluded,
    gpuElectricityUsd: gpuElectricityUsd(u.gpuSecondsByCluster, u.gpuSecondsByHour, tariffs, gpu.powerW),
    stationMinutesByStation: u.stationMinutesByStation,
    stationUsdPerMin: scenario.groundStations.map((g) => g.costUsdPerMin),
    backhaulBytes: u.backhaulBytes,
    backhaulUsdPerGB: scenario.backhaul.costUsdPerGB,
  });
  let gpuJ = 0;
  for (let c = 0; c < u.gpuSecondsByCluster.length; c++) gpuJ += u.gpuSecondsByCluster[c]! * gpu.powerW * pue[c]!;
  return {
    mode,
    costUsd,
    costUsdPerMTok: costUsdPerMTok(costUsd.totalUsd, u.tokensOnboard + u.tokensGround),
    electricityUsdPerMTok: costUsdPerMTok(costUsd.electricityUsd, u.tokensGround),
    energyJ: { onboardAccelerator: u.acceleratorJ, groundGpuWithPue: gpuJ, total: u.acceleratorJ + gpuJ },
  };
}
