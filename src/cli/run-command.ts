// `ocsim run`: run a scenario headless, print the per-mode comparison, write JSON / CSV / CZML.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { runScenario, type RunPhase } from '../sim/engine/run.ts';
import { sampleOrbits } from '../sim/engine/orbit-samples.ts';
import { loadConstellation } from '../sim/engine/prepare.ts';
import type { RunResult } from '../sim/engine/result-types.ts';
import { runToCzml, runToJson, seriesToCsv } from '../sim/export/index.ts';
import type { ProcessingMode } from '../sim/scenario/schema.ts';
import { parseIsoUtc } from '../sim/time.ts';
import { defaultLandMask, fileReader } from './node-io.ts';
import { formatIssues, formatSummaryTable } from './format.ts';
import { createProgress } from './progress.ts';
import { InputError, loadScenario } from './scenario-loader.ts';

export type ExportFormat = 'json' | 'csv' | 'czml';

export interface RunCommandOptions {
  scenario: string;
  hours?: number;
  seed?: number;
  stepS?: number;
  mode: ProcessingMode | 'all';
  out?: string;
  format?: ExportFormat;
  quiet?: boolean;
}

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  isTty: boolean;
}

export async function runCommand(o: RunCommandOptions, io: CliIo): Promise<number> {
  const { scenario, baseDir } = await loadScenario(o.scenario, o);
  if (o.mode !== 'all') scenario.processing.modes = [o.mode];
  if (o.mode !== 'all') scenario.processing.mode = o.mode;
  const format = o.format ?? formatFromPath(o.out) ?? 'json';
  const progress = createProgress(io.isTty && !o.quiet);
  const wallStart = performance.now();
  const readText = fileReader(baseDir);
  const result = await runScenario(scenario, {
    readText,
    landMask: await defaultLandMask(),
    onProgress: (phase: RunPhase, done, total) => progress.update(phase, done, total),
  });
  progress.stop();
  const wallS = (performance.now() - wallStart) / 1000;
  if (result.satellites.length === 0) {
    io.err(formatIssues(result.ingestIssues));
    throw new InputError('no satellite could be loaded: nothing to simulate');
  }
  if (result.ingestIssues.length > 0) io.err(formatIssues(result.ingestIssues));
  const table = formatSummaryTable(result.summary);
  const toStdout = o.out === undefined && o.format !== undefined;
  if (toStdout) io.err(table);
  else io.out(table);
  if (o.out !== undefined || toStdout) {
    const text = await exportRun(result, format, readText);
    if (o.out !== undefined) {
      await writeFile(o.out, text);
      io.err(`wrote ${format.toUpperCase()} to ${o.out} (${(text.length / 1e6).toFixed(2)} MB)`);
    } else io.out(text);
  }
  io.err(`run took ${wallS.toFixed(1)} s wall time (${result.satellites.length} satellites, ${result.summary.durationH} h, step ${result.summary.stepS} s)`);
  return 0;
}

function formatFromPath(path: string | undefined): ExportFormat | undefined {
  const ext = path ? extname(path).toLowerCase() : '';
  return ext === '.csv' ? 'csv' : ext === '.czml' ? 'czml' : ext === '.json' ? 'json' : undefined;
}

async function exportRun(result: RunResult, format: ExportFormat, readText: (p: string) => Promise<string>): Promise<string> {
  if (format === 'json') return runToJson(result);
  if (format === 'csv') return seriesToCsv(result);
  // CZML: re-load the same records and sample positions every 60 s (Cesium interpolates between).
  const { records } = await loadConstellation(result.scenario, readText);
  const loaded = new Set(result.satellites.map((s) => s.norad));
  const kept = records.filter((r) => loaded.has(r.norad));
  const startMs = parseIsoUtc(result.scenario.epochIso);
  const orbit = await sampleOrbits(kept.map((r) => r.satrec), startMs, result.scenario.durationH * 3600, 60);
  return runToCzml(result, orbit);
}
