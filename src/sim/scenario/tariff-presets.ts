// Published time-of-use tariffs of two Chinese provinces, as `hubs[*].timeOfUse` blocks, and the helper that writes a
// day's periods from hour ranges. Sources and readings: docs/sources.md#tariffs. Pure data; imports only schema types.
import type { TouPeriod } from './schema-ground.ts';
import type { ScenarioInput } from './schema.ts';

export type TimeOfUseInput = NonNullable<ScenarioInput['hubs'][number]['timeOfUse']>;

/** [from, to) hours of the day, e.g. [16, 23] = 16:00–23:00. */
type HourRange = readonly [number, number];

/** The 24 periods of a day: `base` everywhere except the hour ranges given per period. */
export function periodsFromRanges(ranges: Partial<Record<TouPeriod, readonly HourRange[]>>, base: TouPeriod = 'flat'): TouPeriod[] {
  const hours: TouPeriod[] = Array.from({ length: 24 }, () => base);
  for (const [period, list] of Object.entries(ranges) as [TouPeriod, readonly HourRange[]][]) {
    for (const [from, to] of list) for (let h = from; h < to; h++) hours[h] = period;
  }
  return hours;
}

/**
 * Zhejiang, industrial and commercial users, spring and autumn (Feb–Jun, Sep–Nov), notice of the Zhejiang DRC and
 * Energy Bureau effective 2026-07-01: peak 16:00–23:00, valley 00:00–07:00 and 11:00–14:00, flat otherwise; sharp
 * peak : peak : flat : valley : deep valley = 2.05 : 1.85 : 1 : 0.4 : 0.2 (aspirehk.ltd 2026-06-04; the draft's
 * periods: reportify.ai; docs/sources.md#tariffs). Beijing time. Summer and winter hours differ and are not modelled.
 */
export const ZHEJIANG_2026_SPRING_AUTUMN: TimeOfUseInput = {
  utcOffsetH: 8,
  hours: periodsFromRanges({
    peak: [[16, 23]],
    valley: [
      [0, 7],
      [11, 14],
    ],
  }),
  sharpPeakFactor: 2.05,
  peakFactor: 1.85,
  valleyFactor: 0.4,
  deepValleyFactor: 0.2,
};

/**
 * Xinjiang, the autonomous region's 2021 time-of-use periods (Xinjiang DRC draft notice, solarpwr.cn 2021-10-22):
 * peak 08:00–11:00 and 19:00–24:00, valley 02:00–08:00 and 14:00–16:00, flat otherwise; the sharp peak of July and
 * winter evenings is not modelled. The hours are read as Beijing time (the notice names no other clock; the 14:00–16:00
 * valley is solar noon at Ürümqi, 87.6° E). The notice keeps "the current" price ratios, which the stored sources do not
 * give: peak 1.5 and valley 0.5 of flat are an **assumption** (3 : 1, NDRC 2021's floor). docs/sources.md#tariffs.
 */
export const XINJIANG_2021: TimeOfUseInput = {
  utcOffsetH: 8,
  hours: periodsFromRanges({
    peak: [
      [8, 11],
      [19, 24],
    ],
    valley: [
      [2, 8],
      [14, 16],
    ],
  }),
  peakFactor: 1.5,
  valleyFactor: 0.5,
};

/**
 * The hubs with published tariff shapes: east clusters Zhejiang's, west clusters Xinjiang's, each on the hub's own
 * flat price. A what-if (`ocsim run --tariffs published`, docs/default-run.md): the other provinces' schedules are not
 * in the stored sources, so the two published shapes stand for the two regions.
 */
export function withPublishedTariffs<H extends { region?: 'east' | 'west' | undefined }>(hubs: readonly H[]): H[] {
  return hubs.map((h) => ({ ...h, timeOfUse: h.region === 'west' ? XINJIANG_2021 : ZHEJIANG_2026_SPRING_AUTUMN }));
}
