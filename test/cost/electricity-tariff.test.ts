// Time-of-use electricity: hand-computed prices and costs for known GPU-hour profiles (hour boundaries, clock offsets,
// a run across midnight), the flat hub's unchanged charge, the usage record's hour bins, and the schema's errors.
import { describe, expect, it } from 'vitest';
import { gpuElectricityUsd, meanPriceUsdPerKWh, priceUsdPerKWh, tariffTable, utcHourOfDay, type GpuHourBins } from '../../src/sim/cost/electricity-tariff.ts';
import { GpuQueues } from '../../src/sim/ground/gpu-queue.ts';
import { timeOfUseSchema } from '../../src/sim/scenario/schema-ground.ts';
import { safeParseScenario } from '../../src/sim/scenario/schema.ts';
import { periodsFromRanges, XINJIANG_2021, ZHEJIANG_2026_SPRING_AUTUMN } from '../../src/sim/scenario/tariff-presets.ts';
import { parseIsoUtc } from '../../src/sim/time.ts';
import { threeBody } from '../helpers/run.ts';

const H = 3_600_000;
/** Valley 00–08, peak 18–22, flat otherwise, on a UTC+8 clock; valley 0.5, peak 2 of a flat $0.10/kWh. */
const tou = timeOfUseSchema.parse({ utcOffsetH: 8, hours: periodsFromRanges({ valley: [[0, 8]], peak: [[18, 22]] }), valleyFactor: 0.5, peakFactor: 2 });
const hub = { electricityUsdPerKWh: 0.1, pue: 1.25, timeOfUse: tou };
/** 2026-04-01T16:00Z = 2026-04-02 00:00 at UTC+8. */
const MIDNIGHT_LOCAL = parseIsoUtc('2026-04-01T16:00:00Z');

describe('tariff lookup', () => {
  it('reads the period of the local hour: UTC+8 shifts the hours by 8, boundaries belong to the hour they start', () => {
    const t = tariffTable([hub]);
    expect(priceUsdPerKWh(t, 0, MIDNIGHT_LOCAL)).toBeCloseTo(0.05, 15); // local 00:00, valley
    expect(priceUsdPerKWh(t, 0, MIDNIGHT_LOCAL + 8 * H - 1)).toBeCloseTo(0.05, 15); // local 07:59:59.999
    expect(priceUsdPerKWh(t, 0, MIDNIGHT_LOCAL + 8 * H)).toBe(0.1); // local 08:00, flat
    expect(priceUsdPerKWh(t, 0, MIDNIGHT_LOCAL + 18 * H)).toBeCloseTo(0.2, 15); // local 18:00 = 10:00Z, peak
    expect(priceUsdPerKWh(t, 0, parseIsoUtc('2026-04-02T10:00:00Z'))).toBeCloseTo(0.2, 15);
    expect(utcHourOfDay(parseIsoUtc('1969-12-31T23:30:00Z'))).toBe(23); // before the Unix epoch too
  });

  it('the same hours on a UTC+6 clock fall two UTC hours later', () => {
    const t = tariffTable([hub, { ...hub, timeOfUse: { ...tou, utcOffsetH: 6 } }]);
    const localPeakAt8 = parseIsoUtc('2026-04-02T10:00:00Z'); // 18:00 at UTC+8, 16:00 at UTC+6
    expect(priceUsdPerKWh(t, 0, localPeakAt8)).toBeCloseTo(0.2, 15);
    expect(priceUsdPerKWh(t, 1, localPeakAt8)).toBe(0.1);
    expect(priceUsdPerKWh(t, 1, localPeakAt8 + 2 * H)).toBeCloseTo(0.2, 15);
  });

  it('a hub without a tariff is flat all day; the mean price weights the hours', () => {
    const t = tariffTable([{ electricityUsdPerKWh: 0.07, pue: 1.2 }, hub]);
    for (let h = 0; h < 24; h++) expect(priceUsdPerKWh(t, 0, h * H)).toBe(0.07);
    // Local 07:30–08:30: half an hour of valley (0.05), half of flat (0.10).
    expect(meanPriceUsdPerKWh(t, 1, MIDNIGHT_LOCAL + 7.5 * H, MIDNIGHT_LOCAL + 8.5 * H)).toBeCloseTo(0.075, 15);
  });

  it('the published tariffs: Zhejiang averages 0.998 of flat over a day, Xinjiang (8 h each) exactly 1', () => {
    const t = tariffTable([
      { electricityUsdPerKWh: 1, pue: 1, timeOfUse: timeOfUseSchema.parse(ZHEJIANG_2026_SPRING_AUTUMN) },
      { electricityUsdPerKWh: 1, pue: 1, timeOfUse: timeOfUseSchema.parse(XINJIANG_2021) },
    ]);
    // Zhejiang: 10 valley hours × 0.4 + 7 flat + 7 peak × 1.85 = 23.95.
    expect(meanPriceUsdPerKWh(t, 0, MIDNIGHT_LOCAL, MIDNIGHT_LOCAL + 24 * H)).toBeCloseTo(23.95 / 24, 12);
    expect(meanPriceUsdPerKWh(t, 1, MIDNIGHT_LOCAL, MIDNIGHT_LOCAL + 24 * H)).toBeCloseTo(1, 12);
    expect(priceUsdPerKWh(t, 1, MIDNIGHT_LOCAL + 14 * H)).toBe(0.5); // Xinjiang's midday valley, 14:00 Beijing time
    expect(priceUsdPerKWh(t, 0, MIDNIGHT_LOCAL + 14 * H)).toBe(1); // Zhejiang flat then
  });
});

describe('the electricity line', () => {
  it('charges each hour bin at its price: 8 GPUs × 700 W across local midnight', () => {
    const t = tariffTable([hub]);
    // 8 GPUs busy from local 22:00 to 02:00 (two flat hours 22–24, two valley hours 00–02), bins from 14:00Z.
    const bins: GpuHourBins = { startMs: MIDNIGHT_LOCAL - 2 * H, count: 4, gpuSeconds: Float64Array.of(28_800, 28_800, 28_800, 28_800) };
    // Per hour 8 GPU-h × 0.7 kW × 1.25 = 7 kWh: 2 × 7 × $0.10 + 2 × 7 × $0.05 = $2.10.
    expect(gpuElectricityUsd([115_200], bins, t, 700)).toBeCloseTo(2.1, 12);
  });

  it('a flat hub is charged on its total GPU-seconds, as before hour bins existed', () => {
    const t = tariffTable([{ electricityUsdPerKWh: 0.1, pue: 1.25 }]);
    const noBins: GpuHourBins = { startMs: 0, count: 0, gpuSeconds: new Float64Array(0) };
    expect(gpuElectricityUsd([3600], noBins, t, 700)).toBe(((1 * 700) / 1000) * 1.25 * 0.1);
  });

  it('a price multiplier (an electricity price path) scales each bin at its time', () => {
    const t = tariffTable([{ electricityUsdPerKWh: 0.1, pue: 1 }]);
    const bins: GpuHourBins = { startMs: 0, count: 2, gpuSeconds: Float64Array.of(3600, 3600) };
    // 1 GPU-h × 1 kW per bin; the second hour at 3× the price.
    expect(gpuElectricityUsd([7200], bins, t, 1000, (_c, ms) => (ms < H ? 1 : 3))).toBeCloseTo(0.4, 12);
  });
});

describe('hour bins of the GPU queues', () => {
  it('spreads a job over the UTC hours it spans, from the hour that holds the run start', () => {
    const start = parseIsoUtc('2026-04-02T00:30:00Z');
    const q = new GpuQueues([2], 1000, start); // 2 GPUs × 1000 tokens/s per GPU
    q.serve(0, start + 0.25 * H, 2000 * 3600); // 1 h of service from 00:45 to 01:45: 2 GPU-h
    const bins = q.hourBins();
    expect(bins.startMs).toBe(parseIsoUtc('2026-04-02T00:00:00Z'));
    expect(bins.count).toBe(2);
    expect(bins.gpuSeconds[0]).toBeCloseTo(1800, 9); // 00:45–01:00: a quarter of the job
    expect(bins.gpuSeconds[1]).toBeCloseTo(5400, 9);
    expect(bins.gpuSeconds[0]! + bins.gpuSeconds[1]!).toBeCloseTo(q.gpuSeconds[0]!, 9);
  });

  it('held work starts at its hour, leaves the gap out of the backlog, and queues later work behind it', () => {
    const q = new GpuQueues([1], 1000, 0);
    expect(q.serve(0, 0, 1_800_000, 2 * H)).toBe(2.5 * H); // held to 02:00, 30 min of work
    expect(q.backlogTokens(H)).toBeCloseTo(1_800_000, 6); // the idle hour before it is not tokens
    expect(q.backlogTokens(2.25 * H)).toBeCloseTo(900_000, 6);
    expect(q.serve(0, H, 1000)).toBe(2.5 * H + 1000); // FIFO: behind the held job
    expect(Array.from(q.hourBins().gpuSeconds)).toEqual([0, 0, 1801]);
  });
});

describe('scenario validation of a tariff', () => {
  const withTariff = (timeOfUse: unknown) => safeParseScenario({ ...threeBody(), hubs: threeBody().hubs.map((h, i) => (i === 3 ? { ...h, timeOfUse } : h)) });
  const errors = (r: ReturnType<typeof safeParseScenario>) => (r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`));

  it('names the hub and field: not 24 periods, a negative factor, an unknown period, an offset that is not whole', () => {
    expect(errors(withTariff({ hours: Array(23).fill('flat') }))).toEqual(['hubs[3].timeOfUse.hours: must list 24 periods, one per hour 0–23']);
    expect(errors(withTariff({ hours: Array(24).fill('flat'), valleyFactor: -0.1 }))).toEqual(['hubs[3].timeOfUse.valleyFactor: must be within [0, 100]']);
    expect(errors(withTariff({ hours: [...Array(23).fill('flat'), 'night'] }))[0]).toMatch(/^hubs\[3\]\.timeOfUse\.hours\[23\]: /);
    expect(errors(withTariff({ hours: Array(24).fill('flat'), utcOffsetH: 5.5 }))[0]).toMatch(/^hubs\[3\]\.timeOfUse\.utcOffsetH: must be an integer/);
  });

  it('a negative flat price is refused at the hub', () => {
    const r = safeParseScenario({ ...threeBody(), hubs: threeBody().hubs.map((h, i) => (i === 0 ? { ...h, electricityUsdPerKWh: -1 } : h)) });
    expect(errors(r)).toEqual(['hubs[0].electricityUsdPerKWh: must be within [0, 10]']);
  });
});
