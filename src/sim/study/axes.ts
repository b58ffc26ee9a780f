// Parses the values of a study parameter as users write them: `PATH=V1,V2,…` (explicit) or `PATH=LOW:HIGH:N`
// (N points from LOW to HIGH inclusive, linear) or `PATH=LOW:HIGH:N:log` (geometric). Integer parameters get
// their generated values rounded and de-duplicated; a model choice takes names (`gpu.pricing=on-demand,reserved`).
// Errors name the flag and the part. Pure.
import { requireParam, StudyInputError } from './apply.ts';
import { findChoice } from './params.ts';
import type { SweepAxis } from './plan.ts';

/** Most values one axis may generate (assumption: guards against typos; a 3-axis sweep is capped separately). */
export const MAX_AXIS_VALUES = 100_000;

/** A finite number from user text, or a StudyInputError naming `what`. */
export function parseNumber(text: string, what: string): number {
  const t = text.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new StudyInputError(`${what}: "${t}" is not a number`);
  return v;
}

/** `N` evenly spaced values from `low` to `high` inclusive (geometric when `log`), endpoints exact. */
export function spacedValues(low: number, high: number, n: number, log: boolean): number[] {
  if (n === 1) return [low];
  return Array.from({ length: n }, (_, i) => {
    if (i === 0) return low;
    if (i === n - 1) return high;
    const f = i / (n - 1);
    return log ? Math.exp(Math.log(low) + f * (Math.log(high) - Math.log(low))) : low + f * (high - low);
  });
}

/** Parses `LOW:HIGH` (a range flag). */
export function parseRange(text: string, what = '--range'): { low: number; high: number } {
  const parts = text.split(':');
  if (parts.length !== 2) throw new StudyInputError(`${what}: "${text}" is not LOW:HIGH`);
  const low = parseNumber(parts[0]!, `${what} LOW`);
  const high = parseNumber(parts[1]!, `${what} HIGH`);
  if (!(low < high)) throw new StudyInputError(`${what}: LOW (${low}) must be below HIGH (${high})`);
  return { low, high };
}

/** Parses one `--vary PATH=…`. */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new StudyInputError(`--vary: "${text}" is not PATH=V1,V2,… or PATH=LOW:HIGH:N[:log]`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const what = `--vary ${path}`;
  const choice = findChoice(path);
  if (choice) {
    const labels = spec.split(',').map((v) => v.trim());
    const values = labels.map((name, i) => {
      const k = choice.choices.indexOf(name);
      if (k < 0) throw new StudyInputError(`${what}: value ${i + 1} "${name}" is not one of ${choice.choices.join(', ')}`);
      return k;
    });
    return { path, values, labels };
  }
  const def = requireParam(path);
  if (!spec.includes(':')) {
    const values = spec.split(',').map((v, i) => parseNumber(v, `${what} value ${i + 1}`));
    return { path, values };
  }
  const parts = spec.split(':');
  if (parts.length < 3 || parts.length > 4 || (parts.length === 4 && parts[3] !== 'log' && parts[3] !== 'linear')) {
    throw new StudyInputError(`${what}: "${spec}" is not LOW:HIGH:N or LOW:HIGH:N:log`);
  }
  const low = parseNumber(parts[0]!, `${what} LOW`);
  const high = parseNumber(parts[1]!, `${what} HIGH`);
  const n = parseNumber(parts[2]!, `${what} N`);
  if (!Number.isInteger(n) || n < 1 || n > MAX_AXIS_VALUES)
    throw new StudyInputError(`${what}: N must be an integer in [1, ${MAX_AXIS_VALUES}], got ${parts[2]}`);
  const log = parts[3] === 'log';
  if (log && !(low > 0 && high > 0)) throw new StudyInputError(`${what}: a log axis needs LOW and HIGH > 0`);
  if (n > 1 && low === high) throw new StudyInputError(`${what}: LOW and HIGH are equal; give one value instead`);
  let values = spacedValues(low, high, n, log);
  if (def.integer) values = [...new Set(values.map((v) => Math.round(v)))];
  return { path, values };
}
