// Stage `schedule`: the stations' antennas shared among the contact windows under the scenario's `scheduler` policy
// (links/scheduler.ts), the same sessions for every processing mode. The data-aware policies see the data waiting
// onboard through the geometry stage's capture (demand-model.ts). Pure.
import type { CatalogRecord } from '../catalog/types.ts';
import { scheduleSessions, type ScheduleResult } from '../links/scheduler.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runWindow } from '../time.ts';
import { GeometryDemand } from './demand-model.ts';
import type { GeometryOutput } from './geometry-stage.ts';
import { downlinkParams } from './link-params.ts';

export type ScheduleOutput = ScheduleResult;

export function scheduleStage(scenario: Scenario, records: readonly CatalogRecord[], geo: GeometryOutput): ScheduleOutput {
  const antennasByStation = scenario.groundStations.map((g) => g.antennas);
  const options = scenario.scheduler;
  const input = { windows: geo.windows, antennasByStation, satCount: records.length, acquisitionS: scenario.satellite.acquisitionS };
  if (options.policy === 'first-come') return scheduleSessions({ ...input, startMs: 0, endMs: 0 }, options);
  const w = runWindow(scenario);
  const demand = new GeometryDemand(geo, w.startMs, w.stepS * 1000, downlinkParams(scenario));
  return scheduleSessions({ ...input, startMs: w.startMs, endMs: w.endMs, demand }, options);
}
