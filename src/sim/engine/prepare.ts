// The flow parameters the processing stage derives from a scenario and its satellites: per-satellite compute
// figures (TOPS overrides), onboard token and filter rates, accelerator power. Pure.
import type { CatalogRecord } from '../catalog/types.ts';
import { acceleratorPowerW, onboardTokensPerS } from '../compute/onboard-compute.ts';
import type { Scenario } from '../scenario/schema.ts';
import { tokensPerTile } from '../workload/tiles.ts';
import type { FlowParams } from './mode-state.ts';

/** Per-satellite peak TOPS: the override by NORAD id or name, else the scenario's value. */
export function topsBySatellite(scenario: Scenario, records: readonly CatalogRecord[]): Float64Array {
  const by = scenario.satellite.compute.topsInt8BySatellite;
  // Keys are user text: only the record's own keys count (a satellite named "constructor" must not find Object's).
  const own = (key: string) => (Object.hasOwn(by, key) ? by[key] : undefined);
  return Float64Array.from(records, (r) => own(String(r.norad)) ?? own(r.name.trim()) ?? scenario.satellite.compute.topsInt8);
}

/** Flow parameters derived once from the scenario. */
export function flowParams(scenario: Scenario, records: readonly CatalogRecord[]): FlowParams {
  const sat = scenario.satellite;
  const tops = topsBySatellite(scenario, records);
  const model = scenario.model;
  const w = scenario.workload;
  const opsPerSecond = (t: number) => t * 1e12 * sat.compute.utilisation;
  return {
    stepS: scenario.stepS,
    storageBytes: sat.storageGB * 1e9,
    tokensPerTile: tokensPerTile(w).totalTokens,
    outputTokensPerTile: tokensPerTile(w).outputTokens,
    resultBytesPerTile: w.resultBytesPerTile,
    onboardTokPerS: tops.map((t) => onboardTokensPerS({ ...sat.compute, topsInt8: t }, model.paramsBillion, model.opsPerParamPerToken)),
    filterTilesPerS: tops.map((t) => opsPerSecond(t) / scenario.onboardFilter.opsPerTile),
    acceleratorW: tops.map((t) => acceleratorPowerW({ ...sat.compute, topsInt8: t })),
    idleFraction: sat.compute.idleFraction,
    power: sat.power,
    filterRecall: scenario.onboardFilter.recall,
    filterPrecision: scenario.onboardFilter.precision,
  };
}
