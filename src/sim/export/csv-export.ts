// Run → CSV: the per-step time series and the contact windows (the `ocsim contacts` format).
// Pure: imports only the run types, src/sim/time.ts and json-export's field lists; no Node or DOM APIs.
import type { RunResult } from '../engine/result-types.ts';
import { processingModes } from '../scenario/schema.ts';
import { isoUtc } from '../time.ts';
import { safeText } from '../text.ts';
import { MODE_SERIES_KEYS, RUN_SERIES_KEYS, satelliteAt, stationAt } from './json-export.ts';

/** Line end of every row, the header and the last row included: LF (see docs/parts/export.md §CSV). */
export const CSV_EOL = '\n';

/** Header of `contactsToCsv`. */
export const CONTACTS_CSV_HEADER = 'norad,name,station_id,aos_utc,los_utc,max_elevation_deg,partial';

/** `backlogBytes` → `backlog_bytes`. */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A text cell: control characters escaped (text.ts), a leading =, +, -, @ (or tab, CR) neutralised with a quote
 * prefix so a spreadsheet never runs it as a formula (OWASP "CSV Injection"), then RFC 4180 quoting (inner quotes
 * doubled) when it holds a comma or a quote. Numbers are written with csvNumber, never through here.
 */
export function csvField(text: string): string {
  const t = /^[=+\-@\t\r]/.test(text) ? `'${safeText(text)}` : safeText(text);
  return /[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** A number as JavaScript prints it (shortest round-trip form); empty when NaN or ±Infinity. */
export const csvNumber = (v: number): string => (Number.isFinite(v) ? String(v) : '');

/** Column names of `seriesToCsv`: the constellation columns, then every ModeSeries field of each mode present. */
export function seriesCsvHeader(result: RunResult): string[] {
  const columns = ['time_utc', 'step', ...RUN_SERIES_KEYS.map(snakeCase)];
  for (const mode of processingModes) {
    if (result.series.modes[mode]) columns.push(...MODE_SERIES_KEYS.map((k) => `${mode}_${snakeCase(k)}`));
  }
  return columns;
}

/**
 * One row per step k of the series: `time_utc` = timesMs[k] (the end of step k, ISO 8601 UTC with ms),
 * `step` = k, then the values; modes in the order ground, onboard, hybrid, only those present.
 */
export function seriesToCsv(result: RunResult): string {
  const s = result.series;
  const columns = RUN_SERIES_KEYS.map((k) => s[k]);
  for (const mode of processingModes) {
    const m = s.modes[mode];
    if (m) columns.push(...MODE_SERIES_KEYS.map((k) => m[k]));
  }
  const lines = [seriesCsvHeader(result).join(',')];
  for (let k = 0; k < s.timesMs.length; k++) {
    const t = s.timesMs[k] ?? Number.NaN;
    const cells = [Number.isFinite(t) ? isoUtc(t) : '', String(k)];
    for (const c of columns) cells.push(csvNumber(c[k] ?? Number.NaN));
    lines.push(cells.join(','));
  }
  return lines.join(CSV_EOL) + CSV_EOL;
}

/**
 * One row per contact window, in the run's order. partial = yes when the window was cut by the start or
 * end of the run (or by the loss of the satellite); max elevation with 3 decimals. Throws a RangeError
 * naming the contact when it points at a satellite or station that does not exist.
 */
export function contactsToCsv(result: RunResult): string {
  const lines = [CONTACTS_CSV_HEADER];
  result.contacts.forEach((c, i) => {
    const sat = satelliteAt(result, c.satIndex, `contacts[${i}]`);
    const station = stationAt(result, c.stationIndex, `contacts[${i}]`);
    const elevation = Number.isFinite(c.maxElevationDeg) ? c.maxElevationDeg.toFixed(3) : '';
    const partial = c.partialStart || c.partialEnd ? 'yes' : 'no';
    lines.push([String(sat.norad), csvField(sat.name), csvField(station.id), isoUtc(c.aosMs), isoUtc(c.losMs), elevation, partial].join(','));
  });
  return lines.join(CSV_EOL) + CSV_EOL;
}
