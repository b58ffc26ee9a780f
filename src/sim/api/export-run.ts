// The run exports shared by the CLI (`ocsim run --format …`) and the app (SimApi.exportRun), so both give the
// same bytes for the same run. Pure: imports only engine/ and export/ modules.
import type { RunResult } from '../engine/result-types.ts';
import { runToCzml, runToJson, seriesToCsv } from '../export/index.ts';
import type { ExportFormat } from './protocol.ts';

export type { ExportFormat };

/**
 * The export text of a finished run. CZML draws the satellites from the positions the run's geometry stage kept
 * (`orbitSamples`, every ≈ 60 s: geometry-stage.ts); a run without them (e.g. read back from JSON) cannot be
 * exported as CZML and throws a RangeError saying so.
 */
export function exportRunText(result: RunResult, format: ExportFormat): string {
  if (format === 'json') return runToJson(result);
  if (format === 'csv') return seriesToCsv(result);
  if (!result.orbitSamples) throw new RangeError('CZML needs the positions of a simulated run; this run has none (rerun it)');
  return runToCzml(result, result.orbitSamples);
}
