// The run exports shared by the CLI (`ocsim run --format …`) and the app (SimApi.exportRun), so both give the
// same bytes for the same run. Pure: imports only engine/ and export/ modules (file reading is injected).
import type { SatRec } from 'satellite.js';
import type { OrbitPropagator } from '../orbit/propagator.ts';
import { sampleOrbits } from '../engine/orbit-samples.ts';
import { loadConstellation, type ReadText } from '../engine/prepare.ts';
import type { RunResult } from '../engine/result-types.ts';
import { runToCzml, runToJson, seriesToCsv } from '../export/index.ts';
import { parseIsoUtc } from '../time.ts';
import type { ExportFormat } from './protocol.ts';

export type { ExportFormat };

/** CZML position sample spacing, s: Cesium interpolates between samples (the CLI's spacing). */
export const CZML_SAMPLE_STEP_S = 60;

/**
 * The export text of a finished run. JSON and CSV come from the run alone; CZML re-propagates the run's
 * satellites every CZML_SAMPLE_STEP_S over the run, so it asks for their SGP4 records (`satrecs`, in
 * satellite-index order) only then.
 */
export async function exportRunText(
  result: RunResult,
  format: ExportFormat,
  satrecs: () => Promise<SatRec[]>,
  createPropagator?: (s: SatRec[]) => Promise<OrbitPropagator>,
): Promise<string> {
  if (format === 'json') return runToJson(result);
  if (format === 'csv') return seriesToCsv(result);
  const startMs = parseIsoUtc(result.scenario.epochIso);
  const orbit = await sampleOrbits(await satrecs(), startMs, result.scenario.durationH * 3600, CZML_SAMPLE_STEP_S, createPropagator);
  return runToCzml(result, orbit);
}

/**
 * The SGP4 records of a run's satellites, re-loaded from its scenario (the CLI keeps no records):
 * the same sources, filtered to the NORAD ids the run loaded, in the same order.
 */
export async function loadedSatrecs(result: RunResult, readText: ReadText): Promise<SatRec[]> {
  const { records } = await loadConstellation(result.scenario, readText);
  const loaded = new Set(result.satellites.map((s) => s.norad));
  return records.filter((r) => loaded.has(r.norad)).map((r) => r.satrec);
}
