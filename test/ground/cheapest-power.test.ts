// Dispatch policy cheapest-power: the cheaper hub only when the deadline allows, holding for a cheaper hour, ties to
// the earlier insight, the least-latency fallback, and (property) every placement meets its deadline and costs no more
// than serving at once at any cluster that meets it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanPriceUsdPerKWh, tariffTable } from '../../src/sim/cost/electricity-tariff.ts';
import { latencyMatrixS } from '../../src/sim/ground/backhaul.ts';
import { chooseCheapest } from '../../src/sim/ground/cheapest-power.ts';
import { buildDeliveryTables, placeBatch } from '../../src/sim/ground/dispatch.ts';
import { GpuQueues } from '../../src/sim/ground/gpu-queue.ts';
import { timeOfUseSchema } from '../../src/sim/scenario/schema-ground.ts';
import { periodsFromRanges } from '../../src/sim/scenario/tariff-presets.ts';

const H = 3_600_000;
// Station 0 beside east cluster 0 (200 km); west cluster 1 at 800 km (the dispatch test's layout); fibre 200,000 km/s.
const fibre = { routeFactor: 1, fibreKmPerS: 200_000 };
const clusters = [
  { latDeg: 0, lonDeg: 200 / 111.2, region: 'east' as const },
  { latDeg: 0, lonDeg: 800 / 111.2, region: 'west' as const },
];
const tables = buildDeliveryTables(
  latencyMatrixS([{ latDeg: 0, lonDeg: 0 }], clusters, fibre),
  latencyMatrixS(clusters, clusters, fibre),
  clusters.map((c) => c.region),
);
/** East flat $0.10/kWh; west $0.05 flat, valley (×0.4 = $0.02) from 02:00 UTC (utcOffsetH 0). */
const tariffs = tariffTable([
  { electricityUsdPerKWh: 0.1, pue: 1.25 },
  {
    electricityUsdPerKWh: 0.05,
    pue: 1.2,
    timeOfUse: timeOfUseSchema.parse({ utcOffsetH: 0, hours: periodsFromRanges({ valley: [[2, 6]] }), valleyFactor: 0.4 }),
  },
]);
const job = (downlinkedMs: number, tokens = 100_000) => ({ station: 0, downlinkedMs, transferS: 0, tokens });
const queues = () => new GpuQueues([1, 1], 1000, 0); // 1 GPU × 1000 tokens/s each: 100 s per job

describe('cheapest-power', () => {
  it('sends work to the cheaper hub only when its insight meets the deadline', () => {
    const q = queues();
    expect(chooseCheapest(job(0), tables, q, tariffs, { deadlineS: 600, holdForCheaperHour: false })?.cluster).toBe(1);
    q.serve(1, 0, 700_000); // 700 s of work queued in the west: west answers after ≈ 800 s
    expect(chooseCheapest(job(0), tables, q, tariffs, { deadlineS: 600, holdForCheaperHour: false })?.cluster).toBe(0);
    expect(chooseCheapest(job(0), tables, q, tariffs, { deadlineS: 900, holdForCheaperHour: false })?.cluster).toBe(1);
  });

  it('holds work for the cheaper hour when the deadline allows it, and only then', () => {
    const at = 1.5 * H; // 01:30 UTC: the west valley starts at 02:00
    const hold = chooseCheapest(job(at), tables, queues(), tariffs, { deadlineS: 3600, holdForCheaperHour: true });
    expect(hold).toEqual({ cluster: 1, notBeforeMs: 2 * H });
    expect(chooseCheapest(job(at), tables, queues(), tariffs, { deadlineS: 1200, holdForCheaperHour: true })).toEqual({ cluster: 1, notBeforeMs: -Infinity });
    expect(chooseCheapest(job(at), tables, queues(), tariffs, { deadlineS: 3600, holdForCheaperHour: false })).toEqual({ cluster: 1, notBeforeMs: -Infinity });
  });

  it('holds a job longer than the cheap hours so that it ends where the dearer hours begin', () => {
    // West: flat $0.05 until 02:00, valley ×0.4 02–06, peak ×2 06–07 (UTC). A 5-h job at 00:00: starting 01:00 covers
    // 1 flat + 4 valley hours (2.6 flat-hours), against 3.2 at once (00–05) and 3.6 from 02:00 (4 valley + 1 peak).
    const west = timeOfUseSchema.parse({ utcOffsetH: 0, hours: periodsFromRanges({ valley: [[2, 6]], peak: [[6, 7]] }), valleyFactor: 0.4, peakFactor: 2 });
    const t = tariffTable([
      { electricityUsdPerKWh: 1, pue: 1.25 },
      { electricityUsdPerKWh: 0.05, pue: 1.2, timeOfUse: west },
    ]);
    expect(chooseCheapest(job(0, 5 * 3600 * 1000), tables, queues(), t, { deadlineS: 12 * 3600, holdForCheaperHour: true })).toEqual({
      cluster: 1,
      notBeforeMs: 1 * H,
    });
  });

  it('breaks a price tie by the earlier insight: the nearer cluster', () => {
    const flat = tariffTable([
      { electricityUsdPerKWh: 0.05, pue: 1.2 },
      { electricityUsdPerKWh: 0.05, pue: 1.2 },
    ]);
    expect(chooseCheapest(job(0), tables, queues(), flat, { deadlineS: 600, holdForCheaperHour: true })).toEqual({ cluster: 0, notBeforeMs: -Infinity });
  });

  it('returns null when no cluster meets the deadline; placeBatch then falls back to least-latency', () => {
    const q = queues();
    q.serve(0, 0, 50_000); // east busy 50 s, west idle: west answers first
    const o = { deadlineS: 10, holdForCheaperHour: true };
    expect(chooseCheapest(job(0), tables, q, tariffs, o)).toBeNull();
    expect(placeBatch({ policy: 'cheapest-power', maxQueueWaitS: 600, ...o }, job(0), tables, q, tariffs)).toEqual({ cluster: 1, notBeforeMs: -Infinity });
    expect(placeBatch({ policy: 'cheapest-power', maxQueueWaitS: 600, ...o }, job(0), tables, q, null).cluster).toBe(1);
  });

  it('property: a placement meets its deadline and costs no more than serving at once at any cluster that meets it', () => {
    const arb = fc.record({
      atH: fc.double({ min: 0, max: 48, noNaN: true }),
      tokens: fc.integer({ min: 1, max: 3_000_000 }),
      queuedS: fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })),
      deadlineS: fc.integer({ min: 0, max: 20_000 }),
      hold: fc.boolean(),
      valley: fc.double({ min: 0, max: 2, noNaN: true }),
      offset: fc.integer({ min: -12, max: 14 }),
    });
    fc.assert(
      fc.property(arb, (o) => {
        const t = tariffTable([
          { electricityUsdPerKWh: 0.1, pue: 1.25 },
          {
            electricityUsdPerKWh: 0.06,
            pue: 1.2,
            timeOfUse: timeOfUseSchema.parse({ utcOffsetH: o.offset, hours: periodsFromRanges({ valley: [[1, 7]] }), valleyFactor: o.valley }),
          },
        ]);
        const q = queues();
        q.serve(0, 0, o.queuedS[0] * 1000);
        q.serve(1, 0, o.queuedS[1] * 1000);
        const j = job(o.atH * H, o.tokens);
        const p = chooseCheapest(j, tables, q, t, { deadlineS: o.deadlineS, holdForCheaperHour: o.hold });
        const startNow = (c: number) => Math.max(j.downlinkedMs + tables.stationToClusterS[c]! * 1000, q.freeAtMs[c]!);
        const durMs = (c: number) => q.serviceS(c, o.tokens) * 1000;
        const insightOk = (c: number, s: number) => s + durMs(c) + tables.deliveryToEastS[c]! * 1000 <= j.downlinkedMs + o.deadlineS * 1000 + 1e-6;
        const cost = (c: number, s: number) => t.pue[c]! * meanPriceUsdPerKWh(t, c, s, s + durMs(c));
        const feasible = [0, 1].filter((c) => insightOk(c, startNow(c)));
        if (p === null) return feasible.length === 0;
        if (!o.hold && p.notBeforeMs !== -Infinity) return false;
        const s = Math.max(startNow(p.cluster), p.notBeforeMs);
        return insightOk(p.cluster, s) && feasible.every((c) => cost(p.cluster, s) <= cost(c, startNow(c)) * (1 + 1e-9));
      }),
      { numRuns: 500 },
    );
  });
});
