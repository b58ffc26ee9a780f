// Checks shared by the TLE and OMM readers: element ranges, epoch age, SGP4 sanity at the reference
// time, duplicate catalogue numbers, and the one message format. Pure; imports satellite.js and types only.
import { checkForDecay, sgp4, type SatRec } from 'satellite.js';
import { isoUtc } from '../time';
import { excerpt, safeText, unsafeCharColumn } from '../text.ts';
import type { CatalogRecord, IngestIssue, IssueSeverity } from './types';
import { EARTH_EQUATORIAL_RADIUS_KM, MU_EARTH_KM3_PER_S2 } from '../constants.ts';

/** Options every reader takes. */
export interface IngestOptions {
  /** Label used in messages, usually the file name. */
  source: string;
  /** Reference time (ms since Unix epoch, UTC): epoch age and the SGP4 sanity check are taken here. */
  referenceMs: number;
  /** Older (or newer) than this many days from the reference: error 'epoch-stale', quarantined. Default 30. */
  maxEpochAgeDays?: number;
  /** Older (or newer) than this many days: warning 'epoch-age', kept. Default 14. */
  warnEpochAgeDays?: number;
}

/** Epoch-age thresholds, days. Source: the project issue ("warn past 14 days, flag past 30"); see docs/parts/catalog.md. */
export const DEFAULT_WARN_EPOCH_AGE_DAYS = 14;
export const DEFAULT_MAX_EPOCH_AGE_DAYS = 30;

/**
 * Highest accepted mean motion, rev/day. A Keplerian orbit at 18 rev/day has a = 6152 km, i.e. it
 * is already below the surface; ~120 km altitude (where re-entry begins) is ≈ 16.6 rev/day and the
 * highest value in the 2026 CelesTrak catalogues shipped here is 16.40. So anything above 18 cannot
 * be an Earth orbit, while the last element sets of decaying objects (16.4–17) still pass this
 * syntax-level bound and are then judged by SGP4 (decay) and the perigee check.
 */
export const MAX_MEAN_MOTION_REV_PER_DAY = 18;

/** Who an issue is about and where it sits in the source. */
export interface ItemRef {
  source: string;
  /** 'line' (TLE, OMM CSV: 1-based file line) or 'record' (OMM JSON: 0-based array index). */
  placeKind: 'line' | 'record';
  line?: number;
  norad?: string;
  name?: string;
}

/** Optional place details: a different line, a 1-based column, a field. */
export interface IssueAt {
  line?: number;
  column?: number;
  field?: string;
  /** How the field is written in the message: "mean motion" (TLE) or "field ECCENTRICITY" (OMM). */
  fieldText?: string;
}

/** `NORAD 63983 "SCS-01 B"`, or whichever part is known. */
export function itemLabel(ref: ItemRef): string {
  const parts: string[] = [];
  if (ref.norad !== undefined && ref.norad !== '') parts.push(`NORAD ${ref.norad}`);
  if (ref.name) parts.push(`"${excerpt(ref.name, 24)}"`); // a name line is 24 characters; anything longer is quoted in part
  return parts.join(' ');
}

/** Builds an issue whose message reads `src line 5 col 69 (NORAD 63983 "SCS-01 B"): text`. */
export function makeIssue(severity: IssueSeverity, code: string, ref: ItemRef, text: string, at: IssueAt = {}): IngestIssue {
  const line = at.line ?? ref.line;
  let place = ref.source;
  if (line !== undefined) place += ref.placeKind === 'record' ? ` record [${line}]` : ` line ${line}`;
  if (at.column !== undefined) place += ` col ${at.column}`;
  if (at.fieldText) place += ` ${at.fieldText}`;
  const label = itemLabel(ref);
  // Every part may hold text from the file (names, excerpts): the message is made safe to print and export.
  const message = safeText(`${place}${label ? ` (${label})` : ''}: ${text}`);
  const issue: IngestIssue = { severity, code, message, source: safeText(ref.source) };
  if (line !== undefined) issue.line = line;
  if (at.column !== undefined) issue.column = at.column;
  if (at.field !== undefined) issue.field = at.field;
  if (label) issue.item = safeText(ref.name ? ref.name : `NORAD ${ref.norad}`);
  return issue;
}

/** Mean elements in the units both formats use. */
export interface MeanElements {
  inclinationDeg: number;
  raanDeg: number;
  argPerigeeDeg: number;
  meanAnomalyDeg: number;
  eccentricity: number;
  meanMotionRevPerDay: number;
}

export interface RangeViolation {
  key: keyof MeanElements;
  text: string;
}

/** Keplerian semi-major axis (km) for a mean motion in rev/day: a = (μ / n²)^(1/3). */
export function semiMajorAxisKm(meanMotionRevPerDay: number): number {
  const nRadPerS = (meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  return Math.cbrt(MU_EARTH_KM3_PER_S2 / (nRadPerS * nRadPerS));
}

const angleOk = (deg: number): boolean => deg >= 0 && deg < 360;

/**
 * Range checks on finite elements; returns one entry per violated field. `shown(key)` gives the value
 * as written in the source (e.g. `"1.2"`), so messages quote what the user wrote.
 */
export function checkElementRanges(el: MeanElements, shown: (key: keyof MeanElements) => string): RangeViolation[] {
  const out: RangeViolation[] = [];
  const bad = (key: keyof MeanElements, rule: string): void => {
    out.push({ key, text: `${shown(key)} ${rule}` });
  };
  if (!(el.inclinationDeg >= 0 && el.inclinationDeg <= 180)) bad('inclinationDeg', 'must be in [0, 180] degrees');
  if (!angleOk(el.raanDeg)) bad('raanDeg', 'must be in [0, 360) degrees');
  if (!angleOk(el.argPerigeeDeg)) bad('argPerigeeDeg', 'must be in [0, 360) degrees');
  if (!angleOk(el.meanAnomalyDeg)) bad('meanAnomalyDeg', 'must be in [0, 360) degrees');
  const eOk = el.eccentricity >= 0 && el.eccentricity < 1;
  const nOk = el.meanMotionRevPerDay > 0 && el.meanMotionRevPerDay <= MAX_MEAN_MOTION_REV_PER_DAY;
  if (!eOk) bad('eccentricity', 'must be in [0, 1)');
  if (!nOk) bad('meanMotionRevPerDay', `rev/day must be in (0, ${MAX_MEAN_MOTION_REV_PER_DAY}]`);
  if (eOk && nOk) {
    const aKm = semiMajorAxisKm(el.meanMotionRevPerDay);
    const perigeeAltKm = aKm * (1 - el.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM;
    if (perigeeAltKm < 0) {
      bad('eccentricity', `gives a perigee altitude of ${perigeeAltKm.toFixed(0)} km (a = ${aKm.toFixed(0)} km): the orbit passes through the Earth`);
    }
  }
  return out;
}

export interface CheckFinding {
  severity: IssueSeverity;
  code: string;
  text: string;
}

const DAY_MS = 86_400_000;

/** |reference − epoch| against the two thresholds; null when fresh enough. */
export function checkEpochAge(epochMs: number, opts: IngestOptions): CheckFinding | null {
  const maxDays = opts.maxEpochAgeDays ?? DEFAULT_MAX_EPOCH_AGE_DAYS;
  const warnDays = opts.warnEpochAgeDays ?? DEFAULT_WARN_EPOCH_AGE_DAYS;
  const ageDays = Math.abs(opts.referenceMs - epochMs) / DAY_MS;
  if (ageDays <= warnDays) return null;
  const side = epochMs <= opts.referenceMs ? 'before' : 'after';
  const base = `epoch ${isoUtc(epochMs)} is ${ageDays.toFixed(1)} days ${side} the reference ${isoUtc(opts.referenceMs)}`;
  if (ageDays > maxDays) return { severity: 'error', code: 'epoch-stale', text: `${base} (limit ${maxDays} days): quarantined` };
  return { severity: 'warning', code: 'epoch-age', text: `${base} (warn past ${warnDays} days): kept` };
}

/** SGP4 error codes, Vallado et al. 2006 (AIAA 2006-6753) sgp4unit; satellite.js SatRecError. */
export const SGP4_ERROR_MEANINGS: Record<number, string> = {
  1: 'mean eccentricity out of [0, 1) or semi-major axis below 0.95 Earth radii',
  2: 'mean motion below zero',
  3: 'perturbed eccentricity out of [0, 1]',
  4: 'semi-latus rectum below zero',
  5: 'epoch elements are sub-orbital',
  6: 'satellite has decayed',
};

const sgp4Meaning = (code: number): string => SGP4_ERROR_MEANINGS[code] ?? 'unknown error';

/**
 * SGP4 sanity: the satrec initialised without error, and propagating to the reference time gives a
 * finite position with no error code and no decay by the community check (satellite.js checkForDecay).
 * satellite.js gives NaN with error 0 for garbage input, so finiteness is checked explicitly.
 */
export function checkSgp4(satrec: SatRec, epochMs: number, referenceMs: number): CheckFinding | null {
  if (satrec.error !== 0) {
    return { severity: 'error', code: 'sgp4-error', text: `SGP4 initialisation error ${satrec.error} (${sgp4Meaning(satrec.error)})` };
  }
  const tsinceMin = (referenceMs - epochMs) / 60_000;
  const when = `at the reference time ${isoUtc(referenceMs)} (${(tsinceMin / 1440).toFixed(1)} days from epoch)`;
  const result = sgp4(satrec, tsinceMin);
  if (result === null || satrec.error !== 0) {
    const code = satrec.error;
    return { severity: 'error', code: 'sgp4-error', text: `SGP4 error ${code} (${sgp4Meaning(code)}) ${when}` };
  }
  if (checkForDecay(satrec)) {
    return { severity: 'error', code: 'sgp4-error', text: `SGP4 error 6 (${sgp4Meaning(6)}, community decay check) ${when}` };
  }
  const p = result.position;
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(p.z)) {
    return { severity: 'error', code: 'sgp4-non-finite', text: `SGP4 gave a non-finite position with error 0 ${when}` };
  }
  return null;
}

/** Where a catalogue number was first seen: its source and line (or record index). */
export interface NoradPlace {
  source: string;
  line?: number;
  /** How `line` counts: a file line (TLE, OMM CSV) or an OMM JSON record index. */
  placeKind?: ItemRef['placeKind'];
}

/**
 * The catalogue numbers seen so far, across one source or all of a scenario's sources: single numbers
 * (element sets) and whole ranges (Walker shells, which are numbered consecutively and never expanded here).
 * The one rule of de-duplication: the first satellite with a number is kept, later ones are dropped.
 */
export class NoradRegistry {
  private readonly single = new Map<number, NoradPlace>();
  private readonly ranges: { first: number; count: number; place: NoradPlace }[] = [];

  /** Where `norad` was first seen, or undefined. */
  firstOf(norad: number): NoradPlace | undefined {
    const hit = this.single.get(norad);
    if (hit) return hit;
    for (const r of this.ranges) if (norad >= r.first && norad < r.first + r.count) return r.place;
    return undefined;
  }

  add(norad: number, place: NoradPlace): void {
    this.single.set(norad, place);
  }

  /** Registers `count` numbers from `first` on, and returns the offsets in that range already taken (ascending). */
  addRange(first: number, count: number, place: NoradPlace): number[] {
    const taken = new Set<number>();
    for (const norad of this.single.keys()) if (norad >= first && norad < first + count) taken.add(norad - first);
    for (const r of this.ranges) {
      for (let n = Math.max(first, r.first); n < Math.min(first + count, r.first + r.count); n++) taken.add(n - first);
    }
    this.ranges.push({ first, count, place });
    return [...taken].sort((a, b) => a - b);
  }
}

/**
 * Keeps the first record of each catalogue number and reports the others as errors: 'duplicate' within a
 * source, 'duplicate-across-sources' when `seen` (shared by a scenario's sources) first met it in another one.
 * Records must be in source order. `issues` is appended to.
 */
export function dropDuplicates(records: CatalogRecord[], issues: IngestIssue[], placeKind: ItemRef['placeKind'], seen = new NoradRegistry()): CatalogRecord[] {
  const kept: CatalogRecord[] = [];
  for (const rec of records) {
    const first = seen.firstOf(rec.norad);
    if (!first) {
      seen.add(rec.norad, rec.line === undefined ? { source: rec.source } : { source: rec.source, line: rec.line, placeKind });
      kept.push(rec);
      continue;
    }
    const ref: ItemRef = { source: rec.source, placeKind, norad: String(rec.norad) };
    if (rec.name !== defaultName(rec.norad)) ref.name = rec.name;
    if (rec.line !== undefined) ref.line = rec.line;
    issues.push(duplicateIssue(ref, rec.norad, first));
  }
  return kept;
}

/** The issue for a dropped duplicate `norad` of the item `ref`, first seen at `first`. */
export function duplicateIssue(ref: ItemRef, norad: number, first: NoradPlace): IngestIssue {
  const across = first.source !== ref.source;
  const at = first.line === undefined ? '' : first.placeKind === 'record' ? `record [${first.line}]` : `line ${first.line}`;
  const where = across ? ` (first in ${first.source}${at ? ` ${at}` : ''})` : at ? ` (first at ${at})` : '';
  return makeIssue('error', across ? 'duplicate-across-sources' : 'duplicate', ref, `duplicate NORAD ${norad}${where}: kept the first`);
}

/** Runs the epoch-age and SGP4 checks on a parsed item; returns the findings (errors quarantine). */
export function checkParsedItem(satrec: SatRec, epochMs: number, opts: IngestOptions): CheckFinding[] {
  const out: CheckFinding[] = [];
  const age = checkEpochAge(epochMs, opts);
  if (age) out.push(age);
  if (age?.severity === 'error') return out;
  const sane = checkSgp4(satrec, epochMs, opts.referenceMs);
  if (sane) out.push(sane);
  return out;
}

/** Name given to an item whose source has none (2-line TLE without a name line). */
export const defaultName = (norad: number): string => `NORAD ${norad}`;

/**
 * The record's name: the text given, trimmed, with control characters escaped (text.ts); `NORAD n` when it is
 * empty or a bare "0" (a catalogue's "0 " name line with nothing after it).
 */
export function recordName(name: string | undefined, norad: number): string {
  const t = (name ?? '').trim();
  return t === '' || t === '0' ? defaultName(norad) : safeText(t);
}

/** The warning for a name with a non-ASCII or control character at 1-based `column`, or null. */
export function nameWarning(name: string, column: number): string | null {
  if (column <= 0) return null;
  const cp = name.codePointAt(column - 1) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (unsafeCharColumn(name) === column) return `control character ${code} in the name: written as ${safeText(String.fromCodePoint(cp))}`;
  return `non-ASCII character ${code} "${String.fromCodePoint(cp)}" in the name: kept`;
}

/**
 * At most `perKind` issues of each code (the first ones, in order), then, per code with more, one issue counting
 * the rest: `… and 126,873 more orphan-line issues like these`. Keeps a 10⁶-line bad file from flooding a terminal
 * or an export.
 */
export function capIssues(issues: readonly IngestIssue[], perKind: number): IngestIssue[] {
  const seen = new Map<string, number>();
  const out: IngestIssue[] = [];
  for (const i of issues) {
    const n = (seen.get(i.code) ?? 0) + 1;
    seen.set(i.code, n);
    if (n <= perKind) out.push(i);
  }
  for (const [code, n] of seen) {
    if (n <= perKind) continue;
    const first = issues.find((i) => i.code === code)!;
    const more = (n - perKind).toLocaleString('en-US');
    out.push({ severity: first.severity, code, message: `${first.source}: … and ${more} more ${code} issues like these`, source: first.source });
  }
  return out;
}

/** Issues in source order (stable within a line). */
export function sortIssues(issues: IngestIssue[]): IngestIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}

/** Splits text into lines: strips a BOM, accepts LF/CRLF/CR, drops trailing spaces and tabs. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((l) => l.replace(/[ \t]+$/, ''));
}
