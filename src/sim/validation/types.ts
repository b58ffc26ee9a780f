// The result of one reproduction check (a published figure against the model run with the source's own
// parameters), the comparison rules and the one-line report format. Pure; imports only engine types.
import type { ReadText } from '../catalog/load.ts';
import type { LandMask } from '../workload/land-mask.ts';

/** One published figure compared with what the model gives for the source's parameters. */
export interface ValidationResult {
  /** Stable id, `<source>.<figure>` (e.g. `cote.rate.el10`). */
  id: string;
  /** What is compared, with the configuration in a few words. */
  what: string;
  /** The published figure as printed (a number, a range `12–15`, or a trend). */
  published: string;
  /** The simulated figure as printed. */
  simulated: string;
  /** Unit of both figures. */
  unit: string;
  /** Published figure as a number or [low, high] range, when it is numeric. */
  publishedValue: number | readonly [number, number] | null;
  /** Simulated figure as a number (NaN when the model produced none). */
  simulatedValue: number;
  /** The comparison rule, for the docs and messages (e.g. `|Δ| ≤ 0.5`). */
  rule: string;
  pass: boolean;
}

/** What engine-backed checks need from the host: file access and the land mask (injected, so this stays pure). */
export interface ValidationDeps {
  readText: ReadText;
  landMask: LandMask;
}

/** A group of checks from one source. */
export interface ValidationGroup {
  /** Group id: the prefix of its result ids. */
  id: string;
  title: string;
  run(deps: ValidationDeps): Promise<ValidationResult[]>;
}

interface Figure {
  id: string;
  what: string;
  unit: string;
  /** Decimals used to print the simulated value. */
  digits: number;
}

/**
 * Matches a published figure to its stated precision: PASS when |simulated − published| ≤ tolerance
 * (docs/validation.md: half a unit in the last digit the source prints, unless stated otherwise).
 */
export function checkNear(f: Figure, published: number, simulated: number, tolerance: number, publishedText = String(published)): ValidationResult {
  const pass = Number.isFinite(simulated) && Math.abs(simulated - published) <= tolerance + 1e-12;
  return {
    id: f.id,
    what: f.what,
    published: publishedText,
    simulated: simulated.toFixed(f.digits),
    unit: f.unit,
    publishedValue: published,
    simulatedValue: simulated,
    rule: `|Δ| ≤ ${tolerance}`,
    pass,
  };
}

/** PASS when the simulated value lies in the published range [lo, hi] (inclusive). */
export function checkInRange(f: Figure, lo: number, hi: number, simulated: number): ValidationResult {
  return {
    id: f.id,
    what: f.what,
    published: `${lo}–${hi}`,
    simulated: simulated.toFixed(f.digits),
    unit: f.unit,
    publishedValue: [lo, hi],
    simulatedValue: simulated,
    rule: `${lo} ≤ x ≤ ${hi}`,
    pass: Number.isFinite(simulated) && simulated >= lo && simulated <= hi,
  };
}

/** A qualitative published finding (e.g. "increasing"), checked by a rule computed by the caller. */
export function checkTrend(f: Figure, published: string, simulated: number, pass: boolean, rule: string): ValidationResult {
  return {
    id: f.id,
    what: f.what,
    published,
    simulated: simulated.toFixed(f.digits),
    unit: f.unit,
    publishedValue: null,
    simulatedValue: simulated,
    rule,
    pass,
  };
}

/** A published sequence (e.g. the satellites of a path) matched exactly, item for item; the value is the simulated length. */
export function checkSequence(f: Figure, published: readonly (string | number)[], simulated: readonly (string | number)[] | null): ValidationResult {
  const same = simulated !== null && simulated.length === published.length && simulated.every((x, i) => x === published[i]);
  return {
    id: f.id,
    what: f.what,
    published: published.join('-'),
    simulated: simulated ? simulated.join('-') : 'none',
    unit: f.unit,
    publishedValue: null,
    simulatedValue: simulated ? simulated.length : NaN,
    rule: 'the same items in the same order',
    pass: same,
  };
}

/** The report line: `<id>\t<what>\tpublished=<v>\tsimulated=<v>\tunit=<u>\t<PASS|FAIL>`. */
export function formatResultLine(r: ValidationResult): string {
  return `${r.id}\t${r.what}\tpublished=${r.published}\tsimulated=${r.simulated}\tunit=${r.unit}\t${r.pass ? 'PASS' : 'FAIL'}`;
}
