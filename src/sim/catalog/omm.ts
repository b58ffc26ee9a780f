// OMM reader: CelesTrak GP data as JSON (array or one object) or CSV (header row, quoted fields),
// checked field by field at the edge; good records get satrecs. Pure; imports satellite.js only.
// Field names and meaning: CelesTrak "GP data formats" (https://celestrak.org/NORAD/documentation/gp-data-formats.php),
// CCSDS 502.0-B-3 (Orbit Data Messages).
import { json2satrec, type OMMJsonObject } from 'satellite.js';
import { checkJson } from '../json-check.ts';
import { excerpt } from '../text.ts';
import {
  checkElementRanges,
  checkParsedItem,
  nameWarning,
  recordName,
  dropDuplicates,
  makeIssue,
  sortIssues,
  splitLines,
  type IngestOptions,
  type ItemRef,
  type MeanElements,
} from './checks';
import type { CatalogFormat, CatalogRecord, IngestIssue, IngestResult } from './types';

export type OmmOptions = IngestOptions;

/** Fields a record must carry (CelesTrak always writes them). */
export const OMM_REQUIRED_FIELDS = [
  'OBJECT_NAME',
  'NORAD_CAT_ID',
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;

/** OMM field → element key, for the numeric fields with a range. */
const ELEMENT_FIELDS: ReadonlyArray<[string, keyof MeanElements]> = [
  ['INCLINATION', 'inclinationDeg'],
  ['RA_OF_ASC_NODE', 'raanDeg'],
  ['ARG_OF_PERICENTER', 'argPerigeeDeg'],
  ['MEAN_ANOMALY', 'meanAnomalyDeg'],
  ['ECCENTRICITY', 'eccentricity'],
  ['MEAN_MOTION', 'meanMotionRevPerDay'],
];
const OTHER_NUMERIC_FIELDS = ['BSTAR', 'MEAN_MOTION_DOT', 'MEAN_MOTION_DDOT'] as const;

/** A decimal number as CSV writes it: "15.2", ".25129064E-3", "-1", "0". */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** CelesTrak EPOCH: "2026-07-10T07:03:38.060064", UTC, optional trailing Z. */
const EPOCH_TEXT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;

type Raw = Record<string, unknown>;

const isMissing = (v: unknown): boolean => v === undefined || v === null || v === '';
/** A value for a message: a short escaped excerpt (never a whole nested structure, never raw control characters). */
const shownValue = (v: unknown): string => {
  if (typeof v === 'string') return `"${excerpt(v)}"`;
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v !== null && typeof v === 'object') return 'an object';
  return excerpt(String(v));
};

/** A finite number from a JSON number or a numeric string; null otherwise. */
function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMBER_TEXT.test(v.trim())) return Number(v.trim());
  return null;
}

/** EPOCH → ms since Unix epoch (keeps sub-millisecond digits as a fraction); null when not a real UTC time. */
export function parseOmmEpochMs(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = EPOCH_TEXT.exec(v);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms + (m[7] ? Number(m[7]) * 1000 : 0);
}

/** Validates one OMM record; returns the satrec inputs, or null after reporting why not. */
function checkOmmFields(raw: Raw, ref: ItemRef, issues: IngestIssue[]): { norad: number; epochMs: number; el: MeanElements } | null {
  const before = issues.length;
  const at = (field: string) => ({ field, fieldText: `field ${field}` });
  for (const f of OMM_REQUIRED_FIELDS) {
    if (isMissing(raw[f])) issues.push(makeIssue('error', 'missing-field', ref, 'required field is missing or empty', at(f)));
  }
  const present = (f: string): boolean => !isMissing(raw[f]);
  const idText = String(raw.NORAD_CAT_ID ?? '').trim();
  const norad = /^\d{1,9}$/.test(idText) && Number(idText) > 0 ? Number(idText) : null;
  if (present('NORAD_CAT_ID') && norad === null) {
    issues.push(makeIssue('error', 'field-format', ref, `${shownValue(raw.NORAD_CAT_ID)} is not a catalogue number (integer 1–999999999)`, at('NORAD_CAT_ID')));
  }
  if (present('OBJECT_NAME') && typeof raw.OBJECT_NAME !== 'string') {
    issues.push(makeIssue('error', 'field-format', ref, `${shownValue(raw.OBJECT_NAME)} is not a text`, at('OBJECT_NAME')));
  }
  const epochMs = parseOmmEpochMs(raw.EPOCH);
  if (present('EPOCH') && epochMs === null) {
    issues.push(makeIssue('error', 'field-format', ref, `${shownValue(raw.EPOCH)} is not a UTC time like 2026-07-10T07:03:38.060064`, at('EPOCH')));
  }
  if (present('EPHEMERIS_TYPE') && numberOf(raw.EPHEMERIS_TYPE) !== 0) {
    issues.push(makeIssue('error', 'field-format', ref, `${shownValue(raw.EPHEMERIS_TYPE)} is not 0 (SGP4), the only theory supported`, at('EPHEMERIS_TYPE')));
  }
  const el: Partial<MeanElements> = {};
  for (const [f, key] of ELEMENT_FIELDS) {
    const v = numberOf(raw[f]);
    if (v !== null) el[key] = v;
    else if (present(f)) issues.push(makeIssue('error', 'field-format', ref, `${shownValue(raw[f])} is not a number`, at(f)));
  }
  for (const f of OTHER_NUMERIC_FIELDS) {
    if (present(f) && numberOf(raw[f]) === null) issues.push(makeIssue('error', 'field-format', ref, `${shownValue(raw[f])} is not a number`, at(f)));
  }
  if (Object.keys(el).length === ELEMENT_FIELDS.length) {
    const fieldOf = (key: keyof MeanElements): string => ELEMENT_FIELDS.find(([, k]) => k === key)?.[0] ?? key;
    for (const v of checkElementRanges(el as MeanElements, (key) => shownValue(raw[fieldOf(key)]))) {
      issues.push(makeIssue('error', 'out-of-range', ref, v.text, at(fieldOf(v.key))));
    }
  }
  if (issues.length !== before || norad === null || epochMs === null) return null;
  return { norad, epochMs, el: el as MeanElements };
}

/** The record as satellite.js json2satrec wants it: numbers parsed, EPOCH without the Z. */
function toOmmJson(raw: Raw, norad: number, el: MeanElements): OMMJsonObject {
  return {
    OBJECT_NAME: String(raw.OBJECT_NAME),
    OBJECT_ID: String(raw.OBJECT_ID ?? ''),
    EPOCH: String(raw.EPOCH).replace(/Z$/, ''),
    NORAD_CAT_ID: norad,
    ELEMENT_SET_NO: 999,
    MEAN_MOTION: el.meanMotionRevPerDay,
    ECCENTRICITY: el.eccentricity,
    INCLINATION: el.inclinationDeg,
    RA_OF_ASC_NODE: el.raanDeg,
    ARG_OF_PERICENTER: el.argPerigeeDeg,
    MEAN_ANOMALY: el.meanAnomalyDeg,
    BSTAR: numberOf(raw.BSTAR) ?? 0,
    MEAN_MOTION_DOT: numberOf(raw.MEAN_MOTION_DOT) ?? 0,
    MEAN_MOTION_DDOT: numberOf(raw.MEAN_MOTION_DDOT) ?? 0,
  };
}

/** Checks one OMM record and builds its CatalogRecord, or returns null (quarantined, reported). */
export function ommRecord(raw: Raw, place: number, format: CatalogFormat, opts: OmmOptions, issues: IngestIssue[]): CatalogRecord | null {
  const name = typeof raw.OBJECT_NAME === 'string' ? raw.OBJECT_NAME.trim() : undefined;
  const ref: ItemRef = {
    source: opts.source,
    placeKind: format === 'omm-json' ? 'record' : 'line',
    line: place,
    norad: isMissing(raw.NORAD_CAT_ID) ? undefined : String(raw.NORAD_CAT_ID).trim(),
    name,
  };
  const bad = name ? name.search(/[^\x20-\x7e]/) + 1 : 0;
  const warning = name ? nameWarning(name, bad) : null;
  if (warning) issues.push(makeIssue('warning', 'non-ascii', ref, warning, { field: 'OBJECT_NAME', fieldText: 'field OBJECT_NAME' }));
  const parts = checkOmmFields(raw, ref, issues);
  if (!parts) return null;
  const satrec = json2satrec(toOmmJson(raw, parts.norad, parts.el));
  let ok = true;
  for (const f of checkParsedItem(satrec, parts.epochMs, opts)) {
    const at = f.code.startsWith('epoch') ? { field: 'EPOCH', fieldText: 'field EPOCH' } : {};
    issues.push(makeIssue(f.severity, f.code, ref, f.text, at));
    if (f.severity === 'error') ok = false;
  }
  if (!ok) return null;
  const rec: CatalogRecord = {
    norad: parts.norad,
    name: recordName(name, parts.norad),
    epochMs: parts.epochMs,
    satrec,
    format,
    source: opts.source,
    line: place,
  };
  if (typeof raw.OBJECT_ID === 'string' && raw.OBJECT_ID.trim() !== '') rec.cosparId = raw.OBJECT_ID.trim();
  return rec;
}

/** Parses CelesTrak OMM JSON: an array of records or one record. Never throws. */
export function parseOmmJson(text: string, opts: OmmOptions): IngestResult {
  const issues: IngestIssue[] = [];
  const ref: ItemRef = { source: opts.source, placeKind: 'line' };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Checked first (checkJson: no recursion, line and column, a depth limit), so JSON.parse cannot fail or overflow.
  const problem = checkJson(body);
  if (problem) {
    issues.push(makeIssue('error', 'json-syntax', ref, `not valid JSON: ${problem.message}`, { line: problem.line, column: problem.column }));
    return { records: [], issues };
  }
  const doc: unknown = JSON.parse(body);
  const list = Array.isArray(doc) ? doc : [doc];
  const records: CatalogRecord[] = [];
  list.forEach((raw: unknown, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      issues.push(makeIssue('error', 'json-shape', { ...ref, placeKind: 'record', line: i }, `${shownValue(raw)} is not an OMM object`));
      return;
    }
    const rec = ommRecord(raw as Raw, i, 'omm-json', opts, issues);
    if (rec) records.push(rec);
  });
  return { records: dropDuplicates(records, issues, 'record'), issues: sortIssues(issues) };
}

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote); a quote left open is an error. */
export function splitCsvLine(line: string): { fields: string[] } | { error: string; column: number } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line.charAt(i) === '"') {
      const open = i + 1;
      for (i++; ; i++) {
        if (i >= line.length) return { error: 'quoted field is not closed', column: open };
        if (line.charAt(i) !== '"') value += line.charAt(i);
        else if (line.charAt(i + 1) === '"') {
          value += '"';
          i++;
        } else {
          i++;
          break;
        }
      }
      if (i < line.length && line.charAt(i) !== ',') return { error: 'text after a closing quote', column: i + 1 };
    } else {
      const end = line.indexOf(',', i);
      value = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    fields.push(value);
    if (i >= line.length) return { fields };
    i++; // skip the comma
  }
}

/** The item a CSV row is about, as far as its fields can be read. */
function rowItemRef(ref: ItemRef, line: number, columns: string[], fields: string[]): ItemRef {
  const norad = fields[columns.indexOf('NORAD_CAT_ID')]?.trim();
  const name = fields[columns.indexOf('OBJECT_NAME')]?.trim();
  return { ...ref, line, norad: norad || undefined, name: name || undefined };
}

/** Parses CelesTrak OMM CSV (header row first; columns in any order). Never throws. */
export function parseOmmCsv(text: string, opts: OmmOptions): IngestResult {
  const issues: IngestIssue[] = [];
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((l) => l !== '');
  const ref: ItemRef = { source: opts.source, placeKind: 'line', line: headerIndex + 1 };
  const header = headerIndex < 0 ? null : splitCsvLine(lines[headerIndex] ?? '');
  if (!header || !('fields' in header)) {
    issues.push(makeIssue('error', 'csv-header', ref, 'no CSV header row'));
    return { records: [], issues };
  }
  const columns = header.fields.map((f) => f.trim());
  const missing = OMM_REQUIRED_FIELDS.filter((f) => !columns.includes(f));
  for (const f of missing)
    issues.push(makeIssue('error', 'csv-header', ref, 'header has no column for this required field', { field: f, fieldText: `field ${f}` }));
  const twice = columns.findIndex((c, k) => c !== '' && columns.indexOf(c) !== k);
  if (twice >= 0) {
    const c = columns[twice]!;
    issues.push(
      makeIssue('error', 'csv-header', ref, `column ${c} appears twice (columns ${columns.indexOf(c) + 1} and ${twice + 1}): which one holds the data?`, {
        field: c,
        fieldText: `field ${c}`,
      }),
    );
  }
  if (missing.length || twice >= 0) return { records: [], issues };
  const records: CatalogRecord[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const row = splitCsvLine(line);
    const rowRef = rowItemRef(ref, i + 1, columns, 'fields' in row ? row.fields : []);
    if (!('fields' in row)) {
      issues.push(makeIssue('error', 'csv-shape', rowRef, row.error, { column: row.column }));
    } else if (row.fields.length !== columns.length) {
      issues.push(makeIssue('error', 'csv-shape', rowRef, `row has ${row.fields.length} fields, the header has ${columns.length}`));
    } else {
      const raw: Raw = Object.create(null) as Raw; // keyed by the file's header: no prototype to reach
      columns.forEach((c, k) => {
        raw[c] = row.fields[k];
      });
      const rec = ommRecord(raw, i + 1, 'omm-csv', opts, issues);
      if (rec) records.push(rec);
    }
  }
  return { records: dropDuplicates(records, issues, 'line'), issues: sortIssues(issues) };
}
