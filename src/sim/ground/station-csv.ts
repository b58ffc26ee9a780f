// Parser for the ground-station CSV (public/data/ground-stations.csv): RFC 4180 fields (quotes,
// commas and doubled quotes inside quotes), validated once with messages naming line, column
// and field; messages made safe to print (text.ts). Pure; imports only catalog/types.ts and text.ts.
import type { IngestIssue } from '../catalog/types.ts';
import { excerpt, safeText } from '../text.ts';

/** A station as listed in the CSV (no elevation mask: the scenario or the CLI sets it). */
export interface StationRecord {
  id: string;
  name: string;
  operator: string;
  country: string;
  /** Geodetic latitude (WGS84), degrees. */
  latDeg: number;
  /** Geodetic longitude (WGS84), degrees east. */
  lonDeg: number;
  /** Height above the ellipsoid, metres; an empty alt_m cell reads as 0 (assumption: sea level). */
  altM: number;
  /** 1-based line of the record in the file. */
  line: number;
}

export interface StationCsvResult {
  stations: StationRecord[];
  issues: IngestIssue[];
}

interface Cell {
  text: string;
  line: number;
  column: number;
}

const REQUIRED_COLUMNS = ['id', 'name', 'lat', 'lon', 'alt_m'] as const;

/** Splits CSV text into records of cells, each with its 1-based line and column. */
export function tokenizeCsv(text: string): Cell[][] {
  const records: Cell[][] = [];
  let record: Cell[] = [];
  let cell: Cell = { text: '', line: 1, column: 1 };
  let line = 1;
  let column = 1;
  let quoted = false;
  let atCellStart = true;
  const endCell = () => {
    record.push(cell);
  };
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (atCellStart) {
      cell = { text: '', line, column };
      atCellStart = false;
    }
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cell.text += '"';
        k++;
        column += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        column++;
        continue;
      }
      cell.text += ch;
      if (ch === '\n') {
        line++;
        column = 1;
      } else column++;
      continue;
    }
    if (ch === '"' && cell.text === '') {
      quoted = true;
      column++;
      continue;
    }
    if (ch === ',') {
      endCell();
      atCellStart = true;
      column++;
      continue;
    }
    if (ch === '\r' && text[k + 1] === '\n') continue;
    if (ch === '\n') {
      endCell();
      if (!(record.length === 1 && record[0]!.text === '')) records.push(record);
      record = [];
      atCellStart = true;
      line++;
      column = 1;
      continue;
    }
    cell.text += ch;
    column++;
  }
  if (!atCellStart || record.length > 0) {
    if (atCellStart) cell = { text: '', line, column };
    endCell();
    if (!(record.length === 1 && record[0]!.text === '')) records.push(record);
  }
  return records;
}

function issue(source: string, cell: Cell, field: string, message: string, item?: string): IngestIssue {
  return {
    severity: 'error',
    code: 'station-csv',
    source,
    line: cell.line,
    column: cell.column,
    field,
    message: safeText(`${source} line ${cell.line} col ${cell.column} (${field}): ${message}`),
    ...(item === undefined ? {} : { item: safeText(item) }),
  };
}

function parseNumber(cell: Cell, field: string, min: number, max: number, source: string, item: string, issues: IngestIssue[]): number {
  const text = cell.text.trim();
  const value = text === '' ? NaN : Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    issues.push(issue(source, cell, field, `"${excerpt(cell.text)}" is not a number in [${min}, ${max}]`, item));
    return NaN;
  }
  return value;
}

/** Parses station CSV text. Rows with an error are left out and reported; never throws. */
export function parseStationCsv(text: string, source = 'ground-stations.csv'): StationCsvResult {
  const records = tokenizeCsv(text);
  const issues: IngestIssue[] = [];
  const header = records[0];
  if (!header) return { stations: [], issues: [issue(source, { text: '', line: 1, column: 1 }, 'header', 'file is empty')] };
  const index = new Map(header.map((c, k) => [c.text.trim(), k]));
  const missing = REQUIRED_COLUMNS.filter((name) => !index.has(name));
  if (missing.length > 0) {
    return { stations: [], issues: [issue(source, header[0]!, 'header', `missing column(s) ${missing.join(', ')}`)] };
  }
  const stations: StationRecord[] = [];
  const seen = new Set<string>();
  for (const row of records.slice(1)) {
    const station = parseRow(row, header.length, index, source, issues);
    if (!station) continue;
    if (seen.has(station.id)) {
      issues.push(issue(source, row[index.get('id')!]!, 'id', `duplicate id "${station.id}"`, station.id));
      continue;
    }
    seen.add(station.id);
    stations.push(station);
  }
  return { stations, issues };
}

function parseRow(row: Cell[], width: number, index: Map<string, number>, source: string, issues: IngestIssue[]): StationRecord | undefined {
  const first = row[0]!;
  if (row.length !== width) {
    issues.push(issue(source, first, 'row', `has ${row.length} fields, the header has ${width}`));
    return undefined;
  }
  const get = (name: string): Cell => row[index.get(name)!]!;
  const text = (name: string): string => (index.has(name) ? get(name).text.trim() : '');
  const id = text('id');
  if (id === '') {
    issues.push(issue(source, get('id'), 'id', 'is empty'));
    return undefined;
  }
  const before = issues.length;
  const latDeg = parseNumber(get('lat'), 'lat', -90, 90, source, id, issues);
  const lonDeg = parseNumber(get('lon'), 'lon', -180, 180, source, id, issues);
  const altCell = get('alt_m');
  const altM = altCell.text.trim() === '' ? 0 : parseNumber(altCell, 'alt_m', -500, 9000, source, id, issues);
  if (issues.length > before) return undefined;
  return {
    id,
    name: text('name'),
    operator: text('operator'),
    country: text('country'),
    latDeg,
    lonDeg,
    altM,
    line: first.line,
  };
}
