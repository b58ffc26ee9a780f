// A study point's summary is identical to a fresh run of the same modified scenario, whichever cached run the
// evaluator reused (property over random parameters of every stage, evaluated in one evaluator one after another).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { runScenario } from '../../src/sim/engine/run.ts';
import { summaryToJson } from '../../src/sim/export/index.ts';
import { parseScenario, type Scenario } from '../../src/sim/scenario/schema.ts';
import { withPublishedTariffs } from '../../src/sim/scenario/tariff-presets.ts';
import { applyAssignments } from '../../src/sim/study/apply.ts';
import { StudyEvaluator } from '../../src/sim/study/evaluator.ts';
import { summaryMetrics } from '../../src/sim/study/metrics.ts';
import { PARAMS } from '../../src/sim/study/params.ts';
import type { PipelineDeps } from '../../src/sim/engine/pipeline.ts';
import { threeBody } from '../helpers/run.ts';

let deps: PipelineDeps;
let base: Scenario;
beforeAll(async () => {
  deps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask(), keepOrbitSamples: false };
  // Published time-of-use tariffs on the first four hubs (the others flat), so that every registry entry applies.
  const b = threeBody({ durationH: 3, stepS: 60 });
  base = parseScenario({ ...b, hubs: b.hubs.map((h, i) => (i < 4 ? withPublishedTariffs([h])[0]! : h)) });
});

const assignment = fc
  .constantFrom(...PARAMS)
  .chain((p) =>
    fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((u) => ({ path: p.path, value: p.scale === 'log' ? p.low * (p.high / p.low) ** u : p.low + u * (p.high - p.low) })),
  );

describe('StudyEvaluator', () => {
  it('gives every point the summary of a fresh run of its scenario (property, stage cache in use)', async () => {
    const evaluator = new StudyEvaluator(base, deps, 2);
    const ran: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(assignment, { minLength: 1, maxLength: 2 }), async (as) => {
        const scenario = applyAssignments(base, as);
        const r = await evaluator.evaluate(as);
        ran.push(r.ranFrom);
        const fresh = await runScenario(scenario, deps);
        expect(summaryToJson(await evaluator.summary(as))).toBe(summaryToJson(fresh.summary));
        expect(r.values).toEqual(summaryMetrics(fresh.summary).values);
      }),
      { numRuns: 20, seed: 20261202 },
    );
    expect(ran.some((s) => s === 'pricing' || s === 'summary')).toBe(true); // the cache was used
  }, 120_000);

  it('under cheapest-power a tariff, PUE or electricity price change reruns processing, equal to a fresh run', async () => {
    const cheapest = parseScenario({ ...base, dispatch: { ...base.dispatch, policy: 'cheapest-power' } });
    const evaluator = new StudyEvaluator(cheapest, deps, 2);
    const tariffParams = PARAMS.filter((p) => /^hubs\[\*\]\.(timeOfUse|pue|electricityUsdPerKWh)/.test(p.path));
    expect(tariffParams.length).toBe(4);
    await evaluator.evaluate([]);
    for (const p of tariffParams) {
      const as = [{ path: p.path, value: p.high }];
      const r = await evaluator.evaluate(as);
      expect(r.ranFrom, p.path).toBe('processing');
      const fresh = await runScenario(applyAssignments(cheapest, as), deps);
      expect(summaryToJson(await evaluator.summary(as))).toBe(summaryToJson(fresh.summary));
    }
  }, 120_000);

  it('names the metric columns as the JSON export does', async () => {
    const names = await new StudyEvaluator(base, deps).metricNames();
    expect(names).toContain('onboard.costUsdPerMTok');
    expect(names).toContain('ground.latencyS.p50');
    expect(names).toContain('hybrid.costUsd.launchUsd');
    expect(names).toContain('contacts.deniedWindows');
    expect(names.filter((n) => n.startsWith('onboard.')).length).toBe(names.filter((n) => n.startsWith('ground.')).length);
  });
});
