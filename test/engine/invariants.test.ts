import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { runInput, threeBody } from '../helpers/run.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { runPipeline } from '../../src/sim/engine/pipeline.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { withPublishedTariffs } from '../../src/sim/scenario/tariff-presets.ts';

const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n').slice(0, 12).join('\n'); // 4 satellites

describe('engine invariants over random scenarios (property)', () => {
  it('bytes are conserved, fractions stay in [0, 1], percentiles are ordered, no contact below the mask', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 0, max: 1000 }),
          stepS: fc.constantFrom(10, 30, 60),
          storageGB: fc.double({ min: 1, max: 3000, noNaN: true }),
          cloudyFraction: fc.double({ min: 0, max: 1, noNaN: true }),
          recall: fc.double({ min: 0, max: 1, noNaN: true }),
          precision: fc.double({ min: 0.05, max: 1, noNaN: true }),
          antennas: fc.integer({ min: 1, max: 3 }),
          maskDeg: fc.integer({ min: 0, max: 40 }),
          solarArrayW: fc.double({ min: 50, max: 1000, noNaN: true }),
        }),
        async (p) => {
          const base = threeBody();
          const r = await runInput({
            ...base,
            durationH: 4,
            seed: p.seed,
            stepS: p.stepS,
            constellation: { sources: [{ kind: 'tle', text: tle }] },
            groundStations: base.groundStations.map((g) => ({ ...g, antennas: p.antennas, minElevationDeg: p.maskDeg })),
            satellite: { storageGB: p.storageGB, power: { solarArrayW: p.solarArrayW } },
            workload: { cloudyFraction: p.cloudyFraction },
            onboardFilter: { recall: p.recall, precision: p.precision },
          });
          for (const m of Object.values(r.summary.modes)) {
            const c = m!.conservation;
            expect(Math.abs(c.residualBytes)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.capturedBytes));
            for (const f of [m!.bandwidthSavedFraction, m!.deliveredTileFraction]) {
              expect(f).toBeGreaterThanOrEqual(0);
              expect(f).toBeLessThanOrEqual(1 + 1e-12);
            }
            expect(m!.backlogBytesMax).toBeLessThanOrEqual(4 * p.storageGB * 1e9 * (1 + 1e-9));
            // Kaplan–Meier percentiles: ordered while reached; once one is censored, every higher one is too.
            const { p50, p90, p99, censored } = m!.latencyS;
            const reached = [p50, p90, p99].filter((x): x is number => x !== null);
            expect(reached).toEqual([...reached].sort((a, b) => a - b));
            if (censored.p50) expect(censored.p90 && censored.p99).toBe(true);
            if (censored.p90) expect(censored.p99).toBe(true);
            if (p50 !== null) expect(p50).toBeGreaterThan(0);
            // Every captured tile is an event or censored: the estimate's weight is the tiles captured.
            const w = m!.deliveredWithinShare;
            expect(w.within5min <= w.within1h && w.within1h <= w.within6h && w.within6h <= w.within24h && w.within24h <= 1 + 1e-12).toBe(true);
          }
          for (const w of r.contacts) {
            expect(w.maxElevationDeg).toBeGreaterThanOrEqual(p.maskDeg - 1e-6);
            expect(w.maxElevationDeg).toBeLessThanOrEqual(90);
            expect(w.losMs).toBeGreaterThan(w.aosMs);
          }
          const maxOverlap = (list: { startMs: number; endMs: number }[]) => {
            const ev = list.flatMap((x) => [[x.startMs, 1] as const, [x.endMs, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            let cur = 0;
            let max = 0;
            for (const [, d] of ev) max = Math.max(max, (cur += d));
            return max;
          };
          for (let j = 0; j < 5; j++) expect(maxOverlap(r.sessions.filter((x) => x.stationIndex === j))).toBeLessThanOrEqual(p.antennas);
          for (let k = 0; k < 4; k++) expect(maxOverlap(r.sessions.filter((x) => x.satIndex === k))).toBeLessThanOrEqual(1);
          for (const s of r.sessions) {
            const w = r.contacts.filter((c) => c.satIndex === s.satIndex && c.stationIndex === s.stationIndex && c.aosMs <= s.startMs && c.losMs >= s.endMs);
            expect(w.length).toBe(1);
          }
        },
      ),
      { numRuns: 12, seed: 42 },
    );
  });

  it("dispatch moves GPU work in place and time, never its amount; the hour bins add up to each cluster's GPU-seconds", async () => {
    const deps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask() };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          policy: fc.constantFrom('west-first' as const, 'nearest' as const, 'least-latency' as const, 'cheapest-power' as const),
          deadlineS: fc.integer({ min: 0, max: 6 * 3600 }),
          hold: fc.boolean(),
          gpus: fc.integer({ min: 1, max: 4 }),
        }),
        async (p) => {
          const base = threeBody();
          const input = (policy: typeof p.policy) => ({
            ...base,
            durationH: 4,
            constellation: { sources: [{ kind: 'tle' as const, text: tle }] },
            hubs: withPublishedTariffs(base.hubs).map((h) => ({ ...h, gpus: p.gpus })),
            dispatch: { policy, deadlineS: p.deadlineS, holdForCheaperHour: p.hold },
          });
          const [run, ref] = await Promise.all([runPipeline(parseScenario(input(p.policy)), deps), runPipeline(parseScenario(input('west-first')), deps)]);
          run.stages.processing.modes.forEach((o, i) => {
            const u = o.usage;
            const r = ref.stages.processing.modes[i]!.usage;
            const total = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
            expect(u.tokensGround).toBe(r.tokensGround);
            expect(total(u.gpuSecondsByCluster)).toBeCloseTo(total(r.gpuSecondsByCluster), 6);
            const bins = u.gpuSecondsByHour;
            u.gpuSecondsByCluster.forEach((s, c) => expect(total(bins.gpuSeconds.subarray(c * bins.count, (c + 1) * bins.count))).toBeCloseTo(s, 6));
            const e = run.stages.pricing.modes[i]!;
            expect(Number.isFinite(e.costUsd.electricityUsd)).toBe(true);
            expect(e.electricityUsdPerMTok === null).toBe(u.tokensGround === 0);
          });
        },
      ),
      { numRuns: 6, seed: 7 },
    );
  }, 120_000);
});
