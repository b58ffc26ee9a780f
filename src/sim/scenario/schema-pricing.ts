// Scenario schema, part 3: price paths (dated price indices for GPU rent, per-token price, launch price and
// electricity) and the dates they use. Pure; imports only zod, fields.ts and time.ts.
import { z } from 'zod';
import { calendarError } from '../time.ts';
import { within } from './fields.ts';

/** First and last year a price date may name: keeps every compounded factor finite (docs/model.md §7, price paths). */
export const PRICE_DATE_YEARS = [1957, 2100] as const;

/** `2025-10-01` → `2025-10-01T00:00:00Z`; full ISO 8601 UTC times are returned as they are. */
export function fullIsoUtc(dateOrTime: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOrTime) ? `${dateOrTime}T00:00:00Z` : dateOrTime;
}

const PRICE_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/;

/** A date (`2025-10-01`, 00:00 UTC) or an ISO 8601 UTC time, a real calendar day, within PRICE_DATE_YEARS. */
export const priceDate = () =>
  z
    .string({ error: 'must be a date like 2025-10-01 or an ISO 8601 UTC time' })
    .regex(PRICE_DATE, { error: 'must be a date like 2025-10-01 or an ISO 8601 UTC time like 2025-10-01T00:00:00Z' })
    .superRefine((s, ctx) => {
      if (!PRICE_DATE.test(s)) return; // the regex has reported it
      const bad = calendarError(fullIsoUtc(s));
      if (bad) return void ctx.addIssue({ code: 'custom', message: `"${s}" ${bad}` });
      const year = Number(s.slice(0, 4));
      const [lo, hi] = PRICE_DATE_YEARS;
      if (year < lo || year > hi) ctx.addIssue({ code: 'custom', message: `"${s}" must be within the years ${lo}–${hi}` });
    });

export const pricePointSchema = z
  .object({
    dateIso: priceDate(),
    /** The price at this date relative to the scenario's price (1 = the scenario's price; 0.72 = 72 % of it). */
    factor: within(0, 1000),
  })
  .strict();

/**
 * A price path: a relative index of one price over time. Between points the factor is linear in time; before the
 * first and after the last point it holds the end value, moved by `annualChange` per year (compound) when that is not
 * 0. Without points the path is 1 at the run's epoch (the scenario's prices are the prices at the run's start) and
 * moves by `annualChange` from there. Dates must increase strictly.
 */
export const pricePathSchema = z
  .object({
    points: z.array(pricePointSchema).max(1000, { error: 'must have at most 1000 points' }).default([]),
    /**
     * Compound change per year outside the points: −0.2 = falls 20 %/yr. Assumption: 0 (prices hold). Within [−0.9, 2]
     * so that over the dated years (PRICE_DATE_YEARS) every factor stays finite (≤ 1000 × 10¹⁴⁴).
     */
    annualChange: within(-0.9, 2).default(0),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (let i = 1; i < p.points.length; i++) {
      const [a, b] = [p.points[i - 1]!.dateIso, p.points[i]!.dateIso];
      if (Date.parse(fullIsoUtc(b)) <= Date.parse(fullIsoUtc(a)))
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'dateIso'],
          message: `"${b}" must be after points[${i - 1}].dateIso ("${a}"): dates must increase`,
        });
    }
  });

/** The price paths of a scenario; each scales the scenario field it is named after. */
export const pricePathsSchema = z
  .object({
    /** Scales `gpu.usdPerHour` (rent, on-demand or reserved) at the run's dates. */
    gpuUsdPerHour: pricePathSchema.prefault({}),
    /** Scales `gpu.usdPerMTok` (per-token price, input and output) at the run's dates. */
    gpuUsdPerMTok: pricePathSchema.prefault({}),
    /** Scales `economics.launchUsdPerKg` at the payload's launch date (`economics.launchDateIso`). */
    launchUsdPerKg: pricePathSchema.prefault({}),
    /** Scales every hub's electricity price at the run's dates. */
    electricityUsdPerKWh: pricePathSchema.prefault({}),
  })
  .strict();

export type PricePath = z.output<typeof pricePathSchema>;
export type PricePaths = z.output<typeof pricePathsSchema>;
