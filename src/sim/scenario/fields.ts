// Small zod helpers for scenario fields: numbers within a range with the message format
// `must be within [lo, hi]`, and real calendar times. Pure; imports only zod and time.ts.
import { z } from 'zod';
import { calendarError } from '../time.ts';
import { unsafeCharColumn } from '../text.ts';

/** A finite number within [lo, hi]; the error names the range. */
export function within(lo: number, hi: number) {
  const msg = `must be within [${lo}, ${hi}]`;
  return z
    .number({ error: `must be a number within [${lo}, ${hi}]` })
    .min(lo, { error: msg })
    .max(hi, { error: msg });
}

/** A finite number > 0 and ≤ hi. */
export function positive(hi = Number.MAX_VALUE) {
  return z
    .number({ error: 'must be a positive number' })
    .gt(0, { error: 'must be > 0' })
    .max(hi, { error: `must be ≤ ${hi}` });
}

/** A fraction in [0, 1]. */
export const fraction = () => within(0, 1);

/** An integer within [lo, hi]. */
export function intWithin(lo: number, hi: number) {
  return within(lo, hi).int({ error: `must be an integer within [${lo}, ${hi}]` });
}

/** An ISO 8601 UTC timestamp string. */
export const isoUtcString = () =>
  z
    .string({ error: 'must be an ISO 8601 UTC time string' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/, {
      error: 'must be an ISO 8601 UTC time like 2026-04-02T00:00:00Z',
    })
    .superRefine((s, ctx) => {
      const bad = calendarError(s);
      if (bad) ctx.addIssue({ code: 'custom', message: `"${s}" ${bad}` });
    });

/** A short identifier: letters, digits, '-', '_', '.'. */
export const idString = () =>
  z.string({ error: 'must be a string id' }).regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'must be 1–64 characters of A–Z a–z 0–9 . _ -' });

/** Text shown in messages and exports (names, labels, paths): control characters are refused (text.ts). */
export const text = () =>
  z.string({ error: 'must be a string' }).superRefine((s, ctx) => {
    const at = unsafeCharColumn(s);
    if (at > 0)
      ctx.addIssue({
        code: 'custom',
        message: `must not contain control characters (U+${s
          .codePointAt(at - 1)!
          .toString(16)
          .toUpperCase()
          .padStart(4, '0')} at character ${at})`,
      });
  });
