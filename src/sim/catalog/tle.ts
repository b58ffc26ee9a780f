// TLE reader: checks 2- and 3-line element sets at the edge, quarantines bad items with a message
// naming line, column and field, and builds satrecs for the good ones. Pure; imports satellite.js only.
// Column layout: CelesTrak "NORAD Two-Line Element Set Format" (https://celestrak.org/NORAD/documentation/tle-fmt.php).
import { twoline2satrec } from 'satellite.js';
import { decodeAlpha5 } from './alpha5';
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
import type { CatalogRecord, IngestIssue, IngestResult } from './types';

/** TLE options; the thresholds default to 30 and 14 days (see checks.ts). */
export type TleOptions = IngestOptions;

/** A TLE element line has exactly 69 columns (68 data + checksum). */
export const TLE_LINE_LENGTH = 69;

interface RawLine {
  n: number;
  text: string;
}
interface TleItem {
  name?: RawLine;
  l1: RawLine;
  l2: RawLine;
}

/** One fixed-column field; columns are 1-based and inclusive, as in the format spec. */
interface TleField {
  start: number;
  end: number;
  name: string;
  pattern: RegExp;
  key?: keyof MeanElements;
}

const ANGLE = /^[ \d]{2}\d\.\d{4}$/; // "xxx.xxxx", space-padded
const EXP_FIELD = /^[ +-]\d{5}[+-]\d$/; // " 12345-3" = 0.12345e-3, decimal point assumed

const LINE1_FIELDS: TleField[] = [
  { start: 8, end: 8, name: 'classification', pattern: /^[UCS]$/ },
  { start: 10, end: 17, name: 'international designator', pattern: /^[\d ]{5}[A-Z ]{3}$/ },
  { start: 19, end: 20, name: 'epoch year', pattern: /^\d\d$/ },
  { start: 21, end: 32, name: 'epoch', pattern: /^[ \d]{2}\d\.\d{8}$/ },
  { start: 34, end: 43, name: 'mean motion first derivative', pattern: /^[ +-]\.\d{8}$/ },
  { start: 45, end: 52, name: 'mean motion second derivative', pattern: EXP_FIELD },
  { start: 54, end: 61, name: 'BSTAR', pattern: EXP_FIELD },
  { start: 63, end: 63, name: 'ephemeris type', pattern: /^[\d ]$/ },
  { start: 65, end: 68, name: 'element set number', pattern: /^[ \d]{3}\d$/ },
];
const LINE2_FIELDS: TleField[] = [
  { start: 9, end: 16, name: 'inclination', pattern: ANGLE, key: 'inclinationDeg' },
  { start: 18, end: 25, name: 'right ascension of the ascending node', pattern: ANGLE, key: 'raanDeg' },
  { start: 27, end: 33, name: 'eccentricity', pattern: /^\d{7}$/, key: 'eccentricity' },
  { start: 35, end: 42, name: 'argument of perigee', pattern: ANGLE, key: 'argPerigeeDeg' },
  { start: 44, end: 51, name: 'mean anomaly', pattern: ANGLE, key: 'meanAnomalyDeg' },
  { start: 53, end: 63, name: 'mean motion', pattern: /^[ \d]\d\.\d{8}$/, key: 'meanMotionRevPerDay' },
  { start: 64, end: 68, name: 'revolution number', pattern: /^[ \d]{5}$/ },
];
/** Columns that must be blank. */
const SEPARATORS = { 1: [2, 9, 18, 33, 44, 53, 62, 64], 2: [2, 8, 17, 26, 34, 43, 52] } as const;

const col = (text: string, start: number, end: number): string => text.slice(start - 1, end);

/** TLE checksum: sum of digits in columns 1–68, '-' counts 1, everything else 0, modulo 10. */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (let i = 0; i < 68 && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

/** Names are at most 24 columns (26 with "0 "); a line this long is an element line, however damaged. */
const MIN_ELEMENT_LINE_LENGTH = 60;

/** Groups lines into items (optional name + line 1 + line 2); reports orphans. */
function groupLines(lines: string[], ref: ItemRef, issues: IngestIssue[]): TleItem[] {
  const items: TleItem[] = [];
  let name: RawLine | undefined;
  let l1: RawLine | undefined;
  const orphan = (raw: RawLine, what: string): void => {
    const norad = /^[12] /.test(raw.text) ? col(raw.text, 3, 7).trim() : undefined;
    issues.push(makeIssue('error', 'orphan-line', { ...ref, line: raw.n, norad, name: nameOf(name) }, what));
  };
  lines.forEach((text, i) => {
    if (text === '') return;
    const raw = { n: i + 1, text };
    const long = text.length >= MIN_ELEMENT_LINE_LENGTH;
    const isL1 = text.startsWith('1 ') || (long && !text.startsWith('2 ') && !l1);
    const isL2 = !isL1 && (text.startsWith('2 ') || (long && !!l1));
    if (isL1) {
      if (l1) orphan(l1, 'element line 1 has no line 2');
      l1 = raw;
    } else if (isL2) {
      if (l1) items.push(name ? { name, l1, l2: raw } : { l1, l2: raw });
      else orphan(raw, 'element line 2 has no line 1');
      name = undefined;
      l1 = undefined;
    } else {
      if (l1) orphan(l1, 'element line 1 has no line 2');
      else if (name) orphan(name, 'name line has no element lines');
      l1 = undefined;
      name = raw;
    }
  });
  if (l1) orphan(l1, 'element line 1 has no line 2');
  else if (name) orphan(name, 'name line has no element lines');
  return items;
}

/** First character outside printable ASCII (0x20–0x7E), as a 1-based column, or 0. */
function badCharColumn(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return i + 1;
  }
  return 0;
}

const describeChar = (text: string, column: number): string => {
  const cp = text.codePointAt(column - 1) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${cp >= 0x20 ? ` "${String.fromCodePoint(cp)}"` : ''}`;
};

/** Stages 1–3: characters, length, fixed blanks and line numbers. Any finding stops the item. */
function checkShape(item: TleItem, ref: ItemRef, issues: IngestIssue[]): boolean {
  const before = issues.length;
  for (const [k, raw] of [
    [1, item.l1],
    [2, item.l2],
  ] as const) {
    const at = { line: raw.n };
    const bad = badCharColumn(raw.text);
    if (bad) {
      issues.push(makeIssue('error', 'non-ascii', ref, `non-ASCII or control character ${describeChar(raw.text, bad)}`, { ...at, column: bad }));
    } else if (raw.text.length !== TLE_LINE_LENGTH) {
      const column = raw.text.length > TLE_LINE_LENGTH ? TLE_LINE_LENGTH + 1 : undefined;
      issues.push(makeIssue('error', 'line-length', ref, `line has ${raw.text.length} characters, a TLE line has ${TLE_LINE_LENGTH}`, { ...at, column }));
    } else if (raw.text.charAt(0) !== String(k)) {
      issues.push(makeIssue('error', 'line-shape', ref, `line ${k} of a TLE must start with "${k}", found "${raw.text.charAt(0)}"`, { ...at, column: 1 }));
    } else {
      const column = SEPARATORS[k].find((c) => raw.text.charAt(c - 1) !== ' ');
      if (column) issues.push(makeIssue('error', 'line-shape', ref, `column must be blank, found "${raw.text.charAt(column - 1)}"`, { ...at, column }));
    }
  }
  return issues.length === before;
}

function checkChecksum(raw: RawLine, ref: ItemRef, issues: IngestIssue[]): void {
  const digit = raw.text.charAt(68);
  const computed = tleChecksum(raw.text);
  const at = { line: raw.n, column: 69, field: 'checksum' };
  if (!/^\d$/.test(digit)) issues.push(makeIssue('error', 'checksum', ref, `checksum column holds "${digit}", not a digit (computed ${computed})`, at));
  else if (Number(digit) !== computed) issues.push(makeIssue('error', 'checksum', ref, `checksum digit is ${digit}, computed ${computed}`, at));
}

/** Checks the fixed fields of one line; returns the numeric elements it carries. */
function checkFields(raw: RawLine, fields: TleField[], ref: ItemRef, issues: IngestIssue[]): Partial<MeanElements> {
  const values: Partial<MeanElements> = {};
  for (const f of fields) {
    const s = col(raw.text, f.start, f.end);
    if (!f.pattern.test(s)) {
      const at = { line: raw.n, column: f.start, field: f.name, fieldText: f.name };
      issues.push(makeIssue('error', 'field-format', ref, `"${s}" is not a valid ${f.name} (cols ${f.start}-${f.end})`, at));
    } else if (f.key) {
      values[f.key] = f.key === 'eccentricity' ? Number(`0.${s}`) : Number(s);
    }
  }
  return values;
}

/** Catalogue numbers on both lines: valid (Alpha-5 allowed) and equal. Returns the number or null. */
function checkCatalogNumbers(item: TleItem, ref: ItemRef, issues: IngestIssue[]): number | null {
  const decoded = [item.l1, item.l2].map((raw) => {
    const s = col(raw.text, 3, 7);
    const r = decodeAlpha5(s);
    if (r.ok) return r.value;
    const code = /^[A-Za-z]\d{4}$/.test(s) ? 'alpha5' : 'field-format';
    issues.push(makeIssue('error', code, ref, r.reason, { line: raw.n, column: 3, field: 'catalogue number', fieldText: 'catalogue number' }));
    return null;
  });
  const [n1, n2] = decoded;
  if (n1 === null || n2 === null || n1 === undefined || n2 === undefined) return null;
  if (n1 !== n2) {
    const at = { line: item.l2.n, column: 3, field: 'catalogue number', fieldText: 'catalogue number' };
    issues.push(makeIssue('error', 'norad-mismatch', ref, `catalogue number ${n2} differs from line 1 (${n1})`, at));
    return null;
  }
  return n1;
}

/** Epoch (year + fractional day of year, 1 = Jan 1 00:00) → ms since Unix epoch; years < 57 are 20xx. */
function tleEpochMs(l1: string, ref: ItemRef, lineNo: number, issues: IngestIssue[]): number | null {
  const yy = Number(col(l1, 19, 20));
  const year = yy < 57 ? 2000 + yy : 1900 + yy;
  const day = Number(col(l1, 21, 32));
  const daysInYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
  if (!(day >= 1 && day < daysInYear + 1)) {
    const at = { line: lineNo, column: 21, field: 'epoch', fieldText: 'epoch' };
    issues.push(makeIssue('error', 'out-of-range', ref, `day of year ${day} must be in [1, ${daysInYear + 1}) for ${year}`, at));
    return null;
  }
  return Date.UTC(year, 0, 1) + (day - 1) * 86_400_000;
}

const FIELD_BY_KEY = new Map(LINE2_FIELDS.filter((f) => f.key).map((f) => [f.key, f]));

/** Stage 4: checksums, fields, catalogue numbers, epoch, ranges. Returns the parts for a record or null. */
function checkContent(item: TleItem, ref: ItemRef, issues: IngestIssue[]): { norad: number; epochMs: number } | null {
  const before = issues.length;
  checkChecksum(item.l1, ref, issues);
  checkChecksum(item.l2, ref, issues);
  const norad = checkCatalogNumbers(item, ref, issues);
  checkFields(item.l1, LINE1_FIELDS, ref, issues);
  const el = checkFields(item.l2, LINE2_FIELDS, ref, issues);
  const epochOk = issues.slice(before).every((i) => i.line !== item.l1.n || (i.field !== 'epoch' && i.field !== 'epoch year'));
  const epochMs = epochOk ? tleEpochMs(item.l1.text, ref, item.l1.n, issues) : null;
  if (Object.keys(el).length === 6) {
    const shown = (key: keyof MeanElements): string => {
      const f = FIELD_BY_KEY.get(key);
      return f ? `"${col(item.l2.text, f.start, f.end).trim()}"` : '';
    };
    for (const v of checkElementRanges(el as MeanElements, shown)) {
      const f = FIELD_BY_KEY.get(v.key);
      const at = { line: item.l2.n, column: f?.start, field: f?.name, fieldText: f?.name };
      issues.push(makeIssue('error', 'out-of-range', ref, v.text, at));
    }
  }
  if (issues.length !== before || norad === null || epochMs === null) return null;
  return { norad, epochMs };
}

/** COSPAR id "2025-100A" from columns 10–17 ("25100A  "), or undefined when blank. */
function cosparId(l1: string): string | undefined {
  const d = col(l1, 10, 17).trim();
  if (d.length < 6) return undefined;
  const yy = Number(d.slice(0, 2));
  return `${yy < 57 ? 2000 + yy : 1900 + yy}-${d.slice(2)}`;
}

/** Name from a name line: trimmed, without the Space-Track "0 " prefix. */
const nameOf = (raw: RawLine | undefined): string | undefined => (raw ? raw.text.replace(/^0 /, '').trim() : undefined);

function parseItem(item: TleItem, opts: TleOptions, issues: IngestIssue[]): CatalogRecord | null {
  const name = nameOf(item.name);
  const ref: ItemRef = { source: opts.source, placeKind: 'line', line: item.l1.n, norad: col(item.l1.text, 3, 7).trim(), name };
  if (item.name) {
    const bad = badCharColumn(item.name.text);
    const text = nameWarning(item.name.text, bad);
    if (text) issues.push(makeIssue('warning', 'non-ascii', ref, text, { line: item.name.n, column: bad }));
  }
  if (!checkShape(item, ref, issues)) return null;
  const parts = checkContent(item, ref, issues);
  if (!parts) return null;
  ref.norad = String(parts.norad);
  const satrec = twoline2satrec(item.l1.text, item.l2.text);
  let ok = true;
  for (const f of checkParsedItem(satrec, parts.epochMs, opts)) {
    const at = f.code.startsWith('epoch') ? { column: 19, field: 'epoch', fieldText: 'epoch' } : {};
    issues.push(makeIssue(f.severity, f.code, ref, f.text, at));
    if (f.severity === 'error') ok = false;
  }
  if (!ok) return null;
  const rec: CatalogRecord = {
    norad: parts.norad,
    name: recordName(name, parts.norad),
    epochMs: parts.epochMs,
    satrec,
    format: 'tle',
    source: opts.source,
    line: item.name?.n ?? item.l1.n,
  };
  const id = cosparId(item.l1.text);
  if (id) rec.cosparId = id;
  return rec;
}

/**
 * Parses 2- or 3-line element sets (name line optional, "0 NAME" accepted; blank lines, CRLF, BOM and
 * trailing spaces tolerated). Bad items are quarantined with an issue; the rest load. Never throws.
 */
export function parseTle(text: string, opts: TleOptions): IngestResult {
  const issues: IngestIssue[] = [];
  const ref: ItemRef = { source: opts.source, placeKind: 'line' };
  const records: CatalogRecord[] = [];
  for (const item of groupLines(splitLines(text), ref, issues)) {
    const rec = parseItem(item, opts, issues);
    if (rec) records.push(rec);
  }
  return { records: dropDuplicates(records, issues, 'line'), issues: sortIssues(issues) };
}
