// A study's output: the table (leading columns, then the metrics), its manifest, and their text forms — CSV (the
// table only, so local, queued, sharded and merged runs give the same bytes), JSON (manifest, table, analysis) and
// the columns a Parquet writer takes. Shards carry their point indices; `mergeStudyParts` joins them. Pure.
import { csvField, csvNumber, stableJson } from '../export/index.ts';
import { parseJsonChecked } from '../json-check.ts';
import type { StudyTable } from './analysis.ts';
import type { StudySpec } from './plan.ts';

export const STUDY_FORMAT = 'ocsim-study';
export const STUDY_FORMAT_VERSION = 1;

export interface StudyManifest {
  format: typeof STUDY_FORMAT;
  formatVersion: number;
  kind: StudySpec['kind'];
  spec: StudySpec;
  scenarioName: string;
  /** SHA-256 of the scenario as the study ran it (files inlined), hex. */
  scenarioHash: string;
  engineVersion: string;
  /** The scenario's seed (every run's random draws). */
  seed: number;
  points: number;
  /** This part's share when the study was split with --shard I/N (absent for a whole study). */
  shard?: { index: number; count: number };
  /** Wall time and where it ran; the one part that differs between equal studies. */
  timings: { wallS: number; workers: number; where: string };
}

export interface StudyDocument {
  manifest: StudyManifest;
  columns: string[];
  /** Point index of each row (0…points − 1; a shard holds every N-th). */
  pointIndices: number[];
  rows: (number | string | null)[][];
  analysis?: unknown;
}

/** The table as CSV: header, then one row per point; empty cells for null. */
export function tableToCsv(t: StudyTable): string {
  const cell = (v: number | string | null) => (v === null ? '' : typeof v === 'number' ? csvNumber(v) : csvField(v));
  return [t.columns.map(csvField).join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** The document as JSON text (stable key order, one row per line). */
export function studyToJson(doc: StudyDocument): string {
  return stableJson(doc) + '\n';
}

/** Columns for a Parquet writer (hyparquet-writer's columnData): DOUBLE for numbers, STRING for labels. */
export function parquetColumns(t: StudyTable): { name: string; data: (number | string | null)[]; type: 'DOUBLE' | 'STRING' }[] {
  return t.columns.map((name, c) => {
    const data = t.rows.map((r) => r[c] ?? null);
    const text = data.some((v) => typeof v === 'string');
    return { name, data: text ? data.map((v) => (v === null ? null : String(v))) : data, type: text ? 'STRING' : 'DOUBLE' };
  });
}

/** A study document read back from JSON; throws a RangeError naming what is wrong. */
export function parseStudyJson(text: string, source: string): StudyDocument {
  const doc = parseJsonChecked(text, source) as StudyDocument;
  const m = doc?.manifest;
  if (!m || m.format !== STUDY_FORMAT) throw new RangeError(`${source}: not an ocsim study (manifest.format is not "${STUDY_FORMAT}")`);
  if (m.formatVersion !== STUDY_FORMAT_VERSION)
    throw new RangeError(`${source}: study format version ${m.formatVersion}, this ocsim reads ${STUDY_FORMAT_VERSION}`);
  if (!Array.isArray(doc.columns) || !Array.isArray(doc.rows) || !Array.isArray(doc.pointIndices) || doc.rows.length !== doc.pointIndices.length) {
    throw new RangeError(`${source}: columns, rows and pointIndices must be arrays, one index per row`);
  }
  return doc;
}

/**
 * Joins the parts of a sharded study: the same study (spec, scenario hash, engine version, columns), every point
 * exactly once. The result has the manifest of the whole study (no shard) and the summed wall time.
 */
export function mergeStudyParts(parts: readonly { doc: StudyDocument; source: string }[]): StudyDocument {
  if (parts.length === 0) throw new RangeError('merge: no parts given');
  const first = parts[0]!.doc;
  const same = (a: StudyDocument, b: StudyDocument) =>
    stableJson(a.manifest.spec) === stableJson(b.manifest.spec) &&
    a.manifest.scenarioHash === b.manifest.scenarioHash &&
    a.manifest.engineVersion === b.manifest.engineVersion &&
    a.columns.join('\u0000') === b.columns.join('\u0000');
  const rows: (number | string | null)[][] = new Array(first.manifest.points);
  const from: string[] = new Array(first.manifest.points);
  let wallS = 0;
  for (const { doc, source } of parts) {
    if (!same(first, doc))
      throw new RangeError(`merge: ${source} is a part of another study than ${parts[0]!.source} (spec, scenario, engine version or columns differ)`);
    wallS += doc.manifest.timings.wallS;
    doc.pointIndices.forEach((p, i) => {
      if (!Number.isInteger(p) || p < 0 || p >= rows.length) throw new RangeError(`merge: ${source} has point ${p}, outside 0…${rows.length - 1}`);
      if (rows[p]) throw new RangeError(`merge: point ${p} is in both ${from[p]} and ${source}`);
      rows[p] = doc.rows[i]!;
      from[p] = source;
    });
  }
  const missing: number[] = [];
  for (let p = 0; p < rows.length && missing.length < 5; p++) if (!rows[p]) missing.push(p);
  if (missing.length) throw new RangeError(`merge: points ${missing.join(', ')}${missing.length === 5 ? ', …' : ''} are in no part (is a shard missing?)`);
  const { shard: _shard, ...manifest } = first.manifest;
  return {
    manifest: { ...manifest, timings: { ...manifest.timings, wallS, where: `merged from ${parts.length} parts` } },
    columns: first.columns,
    pointIndices: rows.map((_, i) => i),
    rows,
  };
}
