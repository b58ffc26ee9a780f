import { describe, expect, it } from 'vitest';
import { computePayloadMassKg, costUsdPerMTok, runCost, SECONDS_PER_YEAR } from '../../src/sim/cost/cost-model.ts';
import { gpuElectricityUsd, tariffTable } from '../../src/sim/cost/electricity-tariff.ts';

const economics = {
  launchUsdPerKg: 6500,
  computeHardwareUsd: 250_000,
  computeMassKg: 15,
  specificPowerWPerKg: 36.5,
  opsUsdPerSatYear: 20_000,
  lifetimeYears: 5,
};
const none = {
  gpuSecondsByCluster: [0],
  gpuBill: {
    pricing: 'on-demand' as const,
    usdPerHour: 2.35,
    gpusLeasedByCluster: [8],
    runS: 86_400,
    usdPerMTokInput: 0.282,
    usdPerMTokOutput: 0.827,
    tokensInput: 0,
    tokensOutput: 0,
  },
  electricityIncluded: false,
  gpuElectricityUsd: 0,
  stationMinutesByStation: [0],
  stationUsdPerMin: [10],
  backhaulBytes: 0,
  backhaulUsdPerGB: 0.01,
};

describe('cost model', () => {
  it('payload mass adds the power system: 15 kg + 146 W / 36.5 W/kg = 19 kg', () => {
    expect(computePayloadMassKg(economics, 146)).toBeCloseTo(19, 12);
  });

  it('amortises onboard capex and operations per satellite-second', () => {
    const oneDay = 86400;
    const c = runCost({ ...none, computeSatSeconds: oneDay, acceleratorW: 146, economics });
    const share = oneDay / (5 * SECONDS_PER_YEAR);
    expect(c.onboardHardwareUsd).toBeCloseTo(250_000 * share, 9); // ≈ $136.9 per satellite-day
    expect(c.launchUsd).toBeCloseTo(6500 * 19 * share, 9); // ≈ $67.6
    expect(c.operationsUsd).toBeCloseTo((20_000 * oneDay) / SECONDS_PER_YEAR, 9); // ≈ $54.8
    expect(c.onboardHardwareUsd).toBeCloseTo(136.893, 2);
    expect(c.totalUsd).toBeCloseTo(c.onboardHardwareUsd + c.launchUsd + c.operationsUsd, 9);
  });

  it('ground: GPU-hours × price, electricity × PUE, station minutes, backhaul', () => {
    const flat = tariffTable([
      { electricityUsdPerKWh: 0.1, pue: 1.25 },
      { electricityUsdPerKWh: 0.05, pue: 1.2 },
    ]);
    const noBins = { startMs: 0, count: 0, gpuSeconds: new Float64Array(0) }; // flat hubs are charged on their totals
    const c = runCost({
      ...none,
      computeSatSeconds: 0,
      acceleratorW: 0,
      economics,
      gpuSecondsByCluster: [3600, 7200],
      gpuElectricityUsd: gpuElectricityUsd([3600, 7200], noBins, flat, 700),
      stationMinutesByStation: [7, 3],
      stationUsdPerMin: [10, 20],
      backhaulBytes: 50e9,
    });
    expect(c.gpuUsd).toBeCloseTo(3 * 2.35, 12);
    expect(c.electricityUsd).toBeCloseTo(0.7 * 1.25 * 0.1 + 1.4 * 1.2 * 0.05, 12); // 0.0875 + 0.084
    expect(c.stationUsd).toBe(130);
    expect(c.backhaulUsd).toBeCloseTo(0.5, 12);
    expect(c.onboardHardwareUsd + c.launchUsd + c.operationsUsd).toBe(0);
    expect(
      runCost({ ...none, computeSatSeconds: 0, acceleratorW: 0, economics, gpuSecondsByCluster: [3600], gpuElectricityUsd: 0.0875, electricityIncluded: true })
        .electricityUsd,
    ).toBe(0);
  });

  it('$ per million tokens, undefined without tokens', () => {
    expect(costUsdPerMTok(10, 4e6)).toBe(2.5);
    expect(costUsdPerMTok(10, 0)).toBeNull();
  });
});
