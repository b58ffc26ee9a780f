// The one catalogue loader: a scenario's constellation sources (element-set texts read through the injected
// reader, Walker shells) become parts, bad items and bad sources are quarantined with an issue naming them, and
// NORAD duplicates are dropped across sources by the one rule of checks.ts (the first is kept). The engine's
// catalogue stage, the orbit view's slices and the app's satellite count all use it. Walker shells stay shells
// (no SatRec per satellite) until `catalogueRecords` asks for records, so counting 10⁶ satellites costs nothing.
// Pure: file access is injected; imports catalog/ modules, time.ts and the scenario type only.
import type { Scenario } from '../scenario/schema.ts';
import { parseIsoUtc } from '../time.ts';
import { duplicateIssue, dropDuplicates, NoradRegistry } from './checks.ts';
import { parseCatalog } from './index.ts';
import type { CatalogRecord, IngestIssue } from './types.ts';
import { WALKER_MAX_SATELLITES, walkerName, walkerRecords, walkerShell, type WalkerShell } from './walker.ts';

/** Reads a file named in a scenario (CLI: fs relative to the scenario; browser: bundled sets, else fetch). */
export type ReadText = (path: string) => Promise<string>;

/** What the loader reads of a scenario. */
export type ConstellationInput = Pick<Scenario, 'constellation' | 'epochIso'>;

/** A Walker shell, kept as its derived constants. */
export interface WalkerPart {
  kind: 'walker';
  label: string;
  shell: WalkerShell;
  /** Shell indices (plane · S + slot) kept, ascending; null = all (set only when duplicates were dropped). */
  kept: Int32Array | null;
  count: number;
}

/** Element sets parsed from a text source (TLE, OMM JSON, OMM CSV). */
export interface RecordsPart {
  kind: 'records';
  label: string;
  records: CatalogRecord[];
  count: number;
}

export type CataloguePart = WalkerPart | RecordsPart;

export interface LoadedCatalogue {
  /** In scenario source order; a quarantined source has no part. Satellite index runs over the parts in order. */
  parts: CataloguePart[];
  issues: IngestIssue[];
  /** Satellites of all parts. */
  satCount: number;
}

export interface LoadCatalogueOptions {
  /** Most satellites of one Walker shell: WALKER_MAX_SATELLITES to simulate (default); the orbit view packs more. */
  maxWalkerSatellites?: number;
}

/** Loads every source. A source that cannot be read or generated becomes one error issue; the others load. */
export async function loadCatalogue(input: ConstellationInput, readText: ReadText, opts: LoadCatalogueOptions = {}): Promise<LoadedCatalogue> {
  const referenceMs = parseIsoUtc(input.epochIso, 'epochIso');
  const c = input.constellation;
  const parts: CataloguePart[] = [];
  const issues: IngestIssue[] = [];
  const seen = new NoradRegistry();
  for (const [i, src] of c.sources.entries()) {
    const where = `constellation.sources[${i}]`;
    if (src.kind === 'walker') {
      let shell: WalkerShell;
      try {
        shell = walkerShell({ ...src, epochMs: referenceMs, source: src.label }, opts.maxWalkerSatellites ?? WALKER_MAX_SATELLITES);
      } catch (err) {
        // e.g. more satellites than the limit: this source is quarantined, the others load.
        issues.push({ severity: 'error', code: 'walker', message: `${where} (${src.label}): ${(err as Error).message}`, source: src.label, field: 'walker' });
        continue;
      }
      parts.push(walkerPart(shell, src.label, seen, issues));
      continue;
    }
    const label = src.label ?? src.file ?? `${where}.text`;
    let text: string;
    try {
      text = src.text ?? (await readText(src.file!));
    } catch (err) {
      issues.push({
        severity: 'error',
        code: 'unreadable',
        message: `${where}.file: cannot read "${src.file}": ${(err as Error).message}`,
        source: label,
        field: 'file',
      });
      continue;
    }
    const r = parseCatalog(text, { source: label, referenceMs, maxEpochAgeDays: c.maxEpochAgeDays, warnEpochAgeDays: c.warnEpochAgeDays, format: src.kind });
    issues.push(...r.issues);
    const records = dropDuplicates(r.records, issues, src.kind === 'omm-json' ? 'record' : 'line', seen);
    parts.push({ kind: 'records', label, records, count: records.length });
  }
  return { parts, issues, satCount: parts.reduce((n, p) => n + p.count, 0) };
}

/** A shell's part: numbers another source took first are dropped (one issue each), the rest kept. */
function walkerPart(shell: WalkerShell, label: string, seen: NoradRegistry, issues: IngestIssue[]): WalkerPart {
  const taken = seen.addRange(shell.firstNorad, shell.total, { source: label });
  if (taken.length === 0) return { kind: 'walker', label, shell, kept: null, count: shell.total };
  for (const i of taken) {
    const norad = shell.firstNorad + i;
    const plane = Math.floor(i / shell.satsPerPlane);
    const first = seen.firstOf(norad)!;
    issues.push(
      duplicateIssue(
        { source: label, placeKind: 'record', norad: String(norad), name: walkerName(shell, plane, i - plane * shell.satsPerPlane) },
        norad,
        first,
      ),
    );
  }
  const drop = new Set(taken);
  const kept = new Int32Array(shell.total - taken.length);
  for (let i = 0, j = 0; i < shell.total; i++) if (!drop.has(i)) kept[j++] = i;
  return { kind: 'walker', label, shell, kept, count: kept.length };
}

/** Every satellite as a record (SatRec included), in satellite-index order: what the engine propagates. */
export function catalogueRecords(c: LoadedCatalogue): CatalogRecord[] {
  const out: CatalogRecord[] = [];
  for (const p of c.parts) {
    if (p.kind === 'records') out.push(...p.records);
    else out.push(...walkerRecords(p.shell, p.label, p.kept ?? undefined));
  }
  return out;
}

/** What naming a satellite needs: the parts with Walker shells and, for element sets, names and numbers only. */
export interface CatalogueIndex {
  parts: readonly (WalkerPart | { kind: 'records'; records: readonly Pick<CatalogRecord, 'name' | 'norad'>[]; count: number })[];
}

/** The catalogue's index without its SGP4 records (≈ 1 KB each), for holders that only name satellites. */
export function catalogueIndex(c: LoadedCatalogue): CatalogueIndex {
  return {
    parts: c.parts.map((p) => (p.kind === 'records' ? { kind: 'records', count: p.count, records: p.records.map(({ name, norad }) => ({ name, norad })) } : p)),
  };
}

/** Name and NORAD number of satellite `index` (without building any record), or null past the end. */
export function catalogueEntry(c: CatalogueIndex, index: number): { name: string; norad: number } | null {
  let base = 0;
  for (const p of c.parts) {
    if (index < base + p.count) {
      const j = index - base;
      if (p.kind === 'records') return { name: p.records[j]!.name, norad: p.records[j]!.norad };
      const i = p.kept ? p.kept[j]! : j;
      const plane = Math.floor(i / p.shell.satsPerPlane);
      return { name: walkerName(p.shell, plane, i - plane * p.shell.satsPerPlane), norad: p.shell.firstNorad + i };
    }
    base += p.count;
  }
  return null;
}
