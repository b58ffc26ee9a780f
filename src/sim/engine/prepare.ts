// Turns a validated scenario into what the engine runs on: catalogue records from every constellation
// source (bad items quarantined and reported, the rest kept), per-satellite compute figures and the
// derived flow parameters. File access is injected (`readText`), so this stays pure.
import { generateWalker, parseCatalog, type ParseCatalogOptions } from '../catalog/index.ts';
import type { CatalogRecord, IngestIssue } from '../catalog/types.ts';
import { acceleratorPowerW, onboardTokensPerS } from '../compute/onboard-compute.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseIsoUtc } from '../time.ts';
import { tokensPerTile } from '../workload/tiles.ts';
import type { FlowParams } from './mode-state.ts';

/** Reads a file named in a scenario (CLI: fs relative to the scenario; browser: fetch). */
export type ReadText = (path: string) => Promise<string>;

export interface PreparedConstellation {
  records: CatalogRecord[];
  issues: IngestIssue[];
}

/** Loads every constellation source. A source that cannot be read becomes one error issue; the others load. */
export async function loadConstellation(scenario: Scenario, readText: ReadText): Promise<PreparedConstellation> {
  const referenceMs = parseIsoUtc(scenario.epochIso, 'epochIso');
  const records: CatalogRecord[] = [];
  const issues: IngestIssue[] = [];
  for (const [i, src] of scenario.constellation.sources.entries()) {
    const where = `constellation.sources[${i}]`;
    if (src.kind === 'walker') {
      try {
        records.push(...generateWalker({ ...src, epochMs: referenceMs, source: src.label }));
      } catch (err) {
        // e.g. more satellites than WALKER_MAX_SATELLITES: this source is quarantined, the others load.
        issues.push({ severity: 'error', code: 'walker', message: `${where} (${src.label}): ${(err as Error).message}`, source: src.label, field: 'walker' });
      }
      continue;
    }
    const label = src.label ?? src.file ?? `${where}.text`;
    let text: string;
    try {
      text = src.text ?? (await readText(src.file!));
    } catch (err) {
      issues.push({ severity: 'error', code: 'unreadable', message: `${where}.file: cannot read "${src.file}": ${(err as Error).message}`, source: label, field: 'file' });
      continue;
    }
    const opts: ParseCatalogOptions = {
      source: label,
      referenceMs,
      maxEpochAgeDays: scenario.constellation.maxEpochAgeDays,
      warnEpochAgeDays: scenario.constellation.warnEpochAgeDays,
      format: src.kind,
    };
    const r = parseCatalog(text, opts);
    records.push(...r.records);
    issues.push(...r.issues);
  }
  return { records: dedupeAcrossSources(records, issues), issues };
}

/** Two sources naming the same NORAD id: keep the first, report the others. */
function dedupeAcrossSources(records: CatalogRecord[], issues: IngestIssue[]): CatalogRecord[] {
  const seen = new Map<number, CatalogRecord>();
  const out: CatalogRecord[] = [];
  for (const r of records) {
    const first = seen.get(r.norad);
    if (first) {
      issues.push({
        severity: 'error',
        code: 'duplicate-across-sources',
        message: `${r.source}${r.line ? ` line ${r.line}` : ''} (NORAD ${r.norad} "${r.name}"): duplicate of ${first.source}; the first is kept`,
        source: r.source,
        line: r.line,
        item: String(r.norad),
      });
      continue;
    }
    seen.set(r.norad, r);
    out.push(r);
  }
  return out;
}

/** Per-satellite peak TOPS: the override by NORAD id or name, else the scenario's value. */
export function topsBySatellite(scenario: Scenario, records: readonly CatalogRecord[]): Float64Array {
  const by = scenario.satellite.compute.topsInt8BySatellite;
  return Float64Array.from(records, (r) => by[String(r.norad)] ?? by[r.name.trim()] ?? scenario.satellite.compute.topsInt8);
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
