// Simulation time: integer steps from the scenario epoch. Pure; never reads the wall clock.
// Brand the two costly confusions: simulation time (ms since Unix epoch, UTC) vs wall time.

/** Simulation time, milliseconds since 1970-01-01T00:00:00Z (UTC, no leap seconds, as JS Date). */
export type SimTimeMs = number & { readonly __brand: 'SimTimeMs' };

export const simTimeMs = (ms: number): SimTimeMs => ms as SimTimeMs;

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Why an ISO 8601 time names no real instant, or null: JavaScript's Date rolls 2026-04-31 over to 1 May and
 * 2026-02-30 to 2 March; here each part must exist (month 1–12, the month's days, hours ≤ 23, minutes and seconds
 * ≤ 59, an offset within ±23:59).
 */
export function calendarError(iso: string): string | null {
  const m = ISO_TIME.exec(iso);
  if (!m) return 'is not an ISO 8601 UTC time like 2026-04-02T00:00:00Z';
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12) return `has no month ${mo}`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `has no day ${d} in ${y}-${String(mo).padStart(2, '0')} (${days} days)`;
  if (h > 23 || mi > 59 || sec > 59) return 'has an hour above 23 or a minute or second above 59';
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return 'has an offset beyond ±23:59';
  return null;
}

/** Parses an ISO 8601 UTC timestamp; throws a RangeError naming the field when it is not one or not a real date. */
export function parseIsoUtc(iso: string, field = 'time'): SimTimeMs {
  const bad = calendarError(iso);
  if (bad) throw new RangeError(`${field}: "${iso}" ${bad}`);
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`${field}: "${iso}" is not a valid date`);
  return simTimeMs(ms);
}

/** ISO 8601 UTC with milliseconds, e.g. 2026-04-02T03:04:05.678Z. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** The simulation clock: start, step and count, all derived from the scenario. */
export interface SimClock {
  readonly startMs: SimTimeMs;
  readonly stepS: number;
  /** Number of steps; times are startMs + k·stepS for k in [0, stepCount]. */
  readonly stepCount: number;
}

export function makeClock(startMs: number, durationS: number, stepS: number): SimClock {
  if (!(stepS > 0)) throw new RangeError(`stepS: must be > 0, got ${stepS}`);
  if (!(durationS > 0)) throw new RangeError(`durationS: must be > 0, got ${durationS}`);
  // A whole number of steps up to rounding (e.g. 300/3600 h is 10.000000000000002 steps of 30 s) is that number.
  const steps = durationS / stepS;
  const whole = Math.round(steps);
  return { startMs: simTimeMs(startMs), stepS, stepCount: Math.abs(steps - whole) <= 1e-9 * Math.max(1, steps) ? whole : Math.ceil(steps) };
}

export const stepTimeMs = (clock: SimClock, k: number): SimTimeMs => simTimeMs(clock.startMs + k * clock.stepS * 1000);

/** The run's time window: the clock plus its length and end. The one place they are derived from a scenario. */
export interface RunWindow extends SimClock {
  readonly durationS: number;
  /** startMs + the duration, rounded to the millisecond (the simulated grid may end later: stepCount·stepS ≥ duration). */
  readonly endMs: SimTimeMs;
}

/** The run window of a scenario (epochIso, durationH, stepS); throws a RangeError naming a bad field. */
export function runWindow(s: { readonly epochIso: string; readonly durationH: number; readonly stepS: number }): RunWindow {
  const startMs = parseIsoUtc(s.epochIso, 'epochIso');
  const durationS = s.durationH * 3600;
  return { ...makeClock(startMs, durationS, s.stepS), durationS, endMs: hoursAfter(startMs, s.durationH) };
}

/** `hours` after `startMs`, rounded to the millisecond. */
export function hoursAfter(startMs: number, hours: number): SimTimeMs {
  return simTimeMs(startMs + Math.round(hours * MS_PER_HOUR));
}

export const MS_PER_HOUR = 3_600_000;
