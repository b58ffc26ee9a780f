// The one catalogue loader: a scenario's constellation sources (element-set texts read through the injected
// reader, Walker shells) become parts, bad items and bad sources are quarantined with an issue naming them, and
// NORAD duplicates are dropped across sources by the one rule of checks.ts (the first is kept); element sets that
// form Walker shells get their slots (shell-inference.ts). The engine's
// catalogue stage, the orbit view's slices and the app's satellite count all use it. Walker shells stay shells
// (no SatRec per satellite) until `catalogueRecords` asks for records, so counting 10⁶ satellites costs nothing.
// Pure: file access is injected; imports catalog/ modules, time.ts and the scenario type only.
import type { Scenario } from '../scenario/schema.ts';
import { parseIsoUtc } from '../time.ts';
import { capIssues, duplicateIssue, dropDuplicates, NoradRegistry } from './checks.ts';
import { safeText } from '../text.ts';
import { parseCatalog } from './index.ts';
import { withInferredShells } from './shell-inference.ts';
import type { CatalogRecord, IngestIssue } from './types.ts';
import { WALKER_MAX_SATELLITES, walkerName, walkerRecords, walkerShell, type WalkerShell } from './walker.ts';

/**
 * Largest element-set source, bytes (32 MiB ≈ 190,000 three-line TLEs, ≈ 19× the Starlink catalogue). Larger
 * sources are refused, never read whole: memory stays bounded (a 200 MB file took > 3 GB). Assumption: the engine
 * simulates up to 10⁵ satellites per Walker shell, and catalogues this large are split or generated as shells.
 */
export const MAX_SOURCE_BYTES = 32 * 2 ** 20;

/** Issues of one kind kept per source; the rest are counted in one summary issue (ingest-issues.ts). */
export const MAX_ISSUES_PER_KIND = 20;

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
  /** Issues, at most MAX_ISSUES_PER_KIND of a kind per source (the rest counted in one issue). */
  issues: IngestIssue[];
  /** Satellites of all parts. */
  satCount: number;
  /** Items and sources quarantined, and warnings, counted before the issues were capped. */
  counts: IssueCounts;
}

export interface IssueCounts {
  quarantined: number;
  warnings: number;
}

/** Quarantined items (distinct source and item or line among the errors) and warnings of a list of issues. */
export function countIssues(issues: readonly IngestIssue[], into = { keys: new Set<string>(), warnings: 0 }) {
  for (const i of issues) {
    if (i.severity === 'error') into.keys.add(`${i.source}|${i.item ?? i.line}`);
    else into.warnings++;
  }
  return into;
}

export interface LoadCatalogueOptions {
  /** Most satellites of one Walker shell: WALKER_MAX_SATELLITES to simulate (default); the orbit view packs more. */
  maxWalkerSatellites?: number;
  /**
   * Judge element-set ages at this time, ms since the Unix epoch, instead of the scenario epoch (e.g. `ocsim route --at`).
   * Walker shells keep the scenario epoch as theirs, so a later time sees them moved on, not regenerated.
   */
  ageAtMs?: number;
}

/**
 * Loads every source. A source that cannot be read, is too large or cannot be generated becomes one error issue;
 * the others load. Each source's issues are counted, then capped at MAX_ISSUES_PER_KIND of a kind.
 */
export async function loadCatalogue(input: ConstellationInput, readText: ReadText, opts: LoadCatalogueOptions = {}): Promise<LoadedCatalogue> {
  const epochMs = parseIsoUtc(input.epochIso, 'epochIso');
  const referenceMs = opts.ageAtMs ?? epochMs;
  const c = input.constellation;
  const parts: CataloguePart[] = [];
  const issues: IngestIssue[] = [];
  const seen = new NoradRegistry();
  const tally = { keys: new Set<string>(), warnings: 0 };
  const report = (found: IngestIssue[]) => {
    countIssues(found, tally);
    issues.push(...capIssues(found, MAX_ISSUES_PER_KIND));
  };
  const sourceError = (code: string, message: string, source: string, field: string) =>
    report([{ severity: 'error', code, message: safeText(message), source: safeText(source), field }]);
  for (const [i, src] of c.sources.entries()) {
    const where = `constellation.sources[${i}]`;
    if (src.kind === 'walker') {
      let shell: WalkerShell;
      try {
        shell = walkerShell({ ...src, epochMs, source: src.label }, opts.maxWalkerSatellites ?? WALKER_MAX_SATELLITES);
      } catch (err) {
        // e.g. more satellites than the limit: this source is quarantined, the others load.
        sourceError('walker', `${where} (${src.label}): ${(err as Error).message}`, src.label, 'walker');
        continue;
      }
      const found: IngestIssue[] = [];
      parts.push(walkerPart(shell, src.label, seen, found));
      report(found);
      continue;
    }
    const label = src.label ?? src.file ?? `${where}.text`;
    let text: string;
    try {
      text = src.text ?? (await readText(src.file!));
    } catch (err) {
      sourceError('unreadable', `${where}.file: cannot read "${src.file}": ${(err as Error).message}`, label, 'file');
      continue;
    }
    if (text.length > MAX_SOURCE_BYTES) {
      const mib = (text.length / 2 ** 20).toFixed(0);
      sourceError(
        'too-large',
        `${where}: ${mib} MiB of text, more than the ${MAX_SOURCE_BYTES / 2 ** 20} MiB a source may have`,
        label,
        src.file ? 'file' : 'text',
      );
      continue;
    }
    const r = parseCatalog(text, { source: label, referenceMs, maxEpochAgeDays: c.maxEpochAgeDays, warnEpochAgeDays: c.warnEpochAgeDays, format: src.kind });
    const found = [...r.issues];
    // Element sets that form Walker shells get their slots (+Grid ISLs); the others stay unslotted (range pairing).
    const records = withInferredShells(dropDuplicates(r.records, found, src.kind === 'omm-json' ? 'record' : 'line', seen));
    report(found);
    parts.push({ kind: 'records', label, records, count: records.length });
  }
  return { parts, issues, satCount: parts.reduce((n, p) => n + p.count, 0), counts: { quarantined: tally.keys.size, warnings: tally.warnings } };
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
