// `ocsim run`: run a scenario headless, print the per-mode comparison, write JSON / CSV / CZML.
import { exportRunText, type ExportFormat } from '../sim/api/export-run.ts';
import { runScenario, type RunPhase } from '../sim/engine/run.ts';
import type { ProcessingMode } from '../sim/scenario/schema.ts';
import { defaultLandMask, fileReader } from './node-io.ts';
import { formatLostSatellites, formatSummaryTable } from '../sim/report/summary-table.ts';
import { formatIssues } from './format.ts';
import { createProgress } from './progress.ts';
import { createCliPropagator } from './parallel-propagator.ts';
import { InputError, loadScenario } from './scenario-loader.ts';
import { checkOutPath, outputFormat, writeAtomically } from './output.ts';

export type { ExportFormat };

export interface RunCommandOptions {
  scenario: string;
  hours?: number;
  scheduler?: string;
  gpuPricing?: string;
  dispatch?: string;
  tariffs?: 'flat' | 'published';
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
  const format = outputFormat(o.out, o.format, ['json', 'csv', 'czml'] as const, 'json');
  if (o.out !== undefined) checkOutPath(o.out);
  const progress = createProgress(io.isTty && !o.quiet);
  const wallStart = performance.now();
  const readText = fileReader(baseDir);
  const result = await runScenario(scenario, {
    readText,
    landMask: await defaultLandMask(),
    createPropagator: (satrecs, { stations }) => createCliPropagator(satrecs, { stations, onFallback: (why) => io.err(why) }),
    onProgress: (phase: RunPhase, done, total) => progress.update(phase, done, total),
  });
  progress.stop();
  const wallS = (performance.now() - wallStart) / 1000;
  if (result.satellites.length === 0) {
    io.err(formatIssues(result.ingestIssues));
    throw new InputError('no satellite could be loaded: nothing to simulate');
  }
  if (result.ingestIssues.length > 0) io.err(formatIssues(result.ingestIssues));
  const lost = formatLostSatellites(result.satellites);
  if (lost) io.err(lost);
  const table = formatSummaryTable(result.summary);
  const toStdout = o.out === undefined && o.format !== undefined;
  if (toStdout) io.err(table);
  else io.out(table);
  if (o.out !== undefined || toStdout) {
    const text = exportRunText(result, format);
    if (o.out !== undefined) {
      writeAtomically(o.out, text);
      io.err(`wrote ${format.toUpperCase()} to ${o.out} (${(text.length / 1e6).toFixed(2)} MB)`);
    } else io.out(text);
  }
  io.err(`run took ${wallS.toFixed(1)} s wall time (${result.satellites.length} satellites, ${result.summary.durationH} h, step ${result.summary.stepS} s)`);
  return 0;
}
