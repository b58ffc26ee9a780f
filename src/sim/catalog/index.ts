// Catalogue ingestion entry point: detects TLE / OMM JSON / OMM CSV text and dispatches to the reader.
// Pure; imports only the catalogue modules (which import satellite.js).
import { makeIssue, type IngestOptions } from './checks';
import { parseOmmCsv, parseOmmJson } from './omm';
import { parseTle } from './tle';
import type { IngestResult } from './types';

export type { CatalogFormat, CatalogRecord, IngestIssue, IngestResult, IssueSeverity } from './types';
export type { IngestOptions } from './checks';
export { parseTle, tleChecksum, TLE_LINE_LENGTH } from './tle';
export { parseOmmCsv, parseOmmJson, parseOmmEpochMs, splitCsvLine, OMM_REQUIRED_FIELDS } from './omm';
export { generateWalker, validateWalkerParams, ssoInclinationDeg, walkerMeanMotionRevPerDay, type WalkerParams } from './walker';
export { decodeAlpha5, encodeAlpha5, ALPHA5_MAX } from './alpha5';

export type DetectedFormat = 'tle' | 'omm-json' | 'omm-csv' | 'unknown';

/** Options of parseCatalog: the reader options plus an optional forced format. */
export interface ParseCatalogOptions extends IngestOptions {
  format?: Exclude<DetectedFormat, 'unknown'>;
}

/**
 * Guesses the format from the first non-blank line: '[' or '{' → OMM JSON; a comma-separated header
 * naming NORAD_CAT_ID → OMM CSV; an element line ("1 " / "2 ") among the first three non-blank
 * lines → TLE (a name line may come first).
 */
export function detectCatalogFormat(text: string): DetectedFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = body
    .slice(0, 4096)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 3);
  const first = head[0];
  if (first === undefined) return 'unknown';
  if (first.startsWith('[') || first.startsWith('{')) return 'omm-json';
  if (first.includes(',') && /(^|,)"?NORAD_CAT_ID"?(,|$)/.test(first)) return 'omm-csv';
  if (head.some((l) => /^[12] /.test(l))) return 'tle';
  return 'unknown';
}

/** Detects the format (unless `opts.format` forces one) and parses. Never throws. */
export function parseCatalog(text: string, opts: ParseCatalogOptions): IngestResult {
  const detected = detectCatalogFormat(text);
  const tleLike = opts.format === 'tle' && /^\s*(?:\S[^\n]*\n\s*)?[12] /.test(text.slice(0, 4096)); // a name line, then an element line
  if (opts.format && detected !== 'unknown' && detected !== opts.format && !tleLike) {
    // A whole file of the wrong kind would give one misleading issue per line ("orphan-line" × 10⁴): say what it is.
    const names = { tle: 'TLE', 'omm-json': 'OMM JSON', 'omm-csv': 'OMM CSV' } as const;
    const why = `this looks like ${names[detected]}, not ${names[opts.format]}: set the source's kind to "${detected}"`;
    return { records: [], issues: [makeIssue('error', 'wrong-kind', { source: opts.source, placeKind: 'line', line: 1 }, why)] };
  }
  const format = opts.format ?? detected;
  switch (format) {
    case 'tle':
      return parseTle(text, opts);
    case 'omm-json':
      return parseOmmJson(text, opts);
    case 'omm-csv':
      return parseOmmCsv(text, opts);
    default: {
      const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      const index = Math.max(
        0,
        lines.findIndex((l) => l.trim() !== ''),
      );
      const firstLine = lines[index]?.trim() ?? '';
      const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
      const why = firstLine === '' ? 'the text is empty' : `not TLE, OMM JSON or OMM CSV (first line "${shown}")`;
      const issue = makeIssue('error', 'unknown-format', { source: opts.source, placeKind: 'line', line: index + 1 }, why);
      return { records: [], issues: [issue] };
    }
  }
}
