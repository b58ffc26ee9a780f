// Stage `schedule`: the stations' antennas shared among the contact windows (links/scheduler.ts), the same
// sessions for every processing mode. Pure.
import type { CatalogRecord } from '../catalog/types.ts';
import { scheduleDownlinks, type ScheduleResult } from '../links/scheduler.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GeometryOutput } from './geometry-stage.ts';

export type ScheduleOutput = ScheduleResult;

export function scheduleStage(scenario: Scenario, records: readonly CatalogRecord[], geo: GeometryOutput): ScheduleOutput {
  const antennas = scenario.groundStations.map((g) => g.antennas);
  return scheduleDownlinks(geo.windows, antennas, records.length, scenario.satellite.acquisitionS);
}
