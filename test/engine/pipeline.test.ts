// The stage pipeline: a rerun from the first stage whose inputs changed, reusing the earlier stages' outputs,
// gives byte-identical exports to a fresh run of the changed scenario. One property per stage, over random
// changes to the fields that stage reads first.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { exportRunText } from '../../src/sim/api/export-run.ts';
import { runPipeline, type PipelineDeps, type PipelineRun } from '../../src/sim/engine/pipeline.ts';
import { firstStageToRerun, type StageName } from '../../src/sim/engine/stage-reads.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { XINJIANG_2021, ZHEJIANG_2026_SPRING_AUTUMN } from '../../src/sim/scenario/tariff-presets.ts';
import { threeBody } from '../helpers/run.ts';

const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n').slice(0, 12).join('\n'); // 4 satellites

/** 4 SCS-01 satellites and a 3 × 4 Walker shell (+Grid ISLs), 3 h at 60 s, raw relay on: every stage has work. */
function baseInput(): ScenarioInput {
  const b = threeBody();
  return {
    ...b,
    durationH: 3,
    stepS: 60,
    constellation: {
      sources: [
        { kind: 'tle', text: tle, label: 'scs' },
        { kind: 'walker', label: 'shell', planes: 3, satsPerPlane: 4, phasing: 1, altitudeKm: 550, inclinationDeg: 53 },
      ],
    },
    isl: { relayRaw: true },
  };
}

let deps: PipelineDeps;
let base: PipelineRun;

const exports = (r: PipelineRun) => ['json', 'csv', 'czml'].map((f) => exportRunText(r.result, f as 'json' | 'csv' | 'czml'));

beforeAll(async () => {
  deps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask() };
  base = await runPipeline(parseScenario(baseInput()), deps);
}, 60_000);

type Edit = (s: ScenarioInput) => void;
const stations = (s: ScenarioInput) => s.groundStations!;
const hubs = (s: ScenarioInput) => s.hubs!;

/** A time-of-use tariff on one hub (Zhejiang's or Xinjiang's periods, any valley factor and clock offset). */
const tariffEdit: fc.Arbitrary<Edit> = fc
  .record({
    hub: fc.integer({ min: 0, max: 9 }),
    zhejiang: fc.boolean(),
    valleyFactor: fc.double({ min: 0, max: 1, noNaN: true }),
    utcOffsetH: fc.integer({ min: -12, max: 14 }),
  })
  .map(
    (o): Edit =>
      (s) =>
        void (hubs(s)[o.hub]!.timeOfUse = {
          ...(o.zhejiang ? ZHEJIANG_2026_SPRING_AUTUMN : XINJIANG_2021),
          valleyFactor: o.valleyFactor,
          utcOffsetH: o.utcOffsetH,
        }),
  );

/** Random edits, by the stage that should rerun first. */
const edits: Record<Exclude<StageName, 'catalogue'>, fc.Arbitrary<Edit>> = {
  geometry: fc.oneof(
    fc.integer({ min: 0, max: 4 }).chain((j) =>
      fc.integer({ min: 0, max: 30 }).map(
        (m): Edit =>
          (s) =>
            void (stations(s)[j]!.minElevationDeg = m),
      ),
    ),
    fc.double({ min: 5, max: 200, noNaN: true }).map(
      (w): Edit =>
        (s) =>
          void (s.satellite = { ...s.satellite, imaging: { swathKm: w } }),
    ),
    fc.constantFrom(1.5, 2, 2.5).map(
      (h): Edit =>
        (s) =>
          void (s.durationH = h),
    ),
    fc.boolean().map(
      (land): Edit =>
        (s) =>
          void (s.satellite = { ...s.satellite, imaging: { requireLand: land, requireSunlit: !land } }),
    ),
  ),
  schedule: fc.oneof(
    fc.integer({ min: 0, max: 4 }).chain((j) =>
      fc.integer({ min: 2, max: 4 }).map(
        (a): Edit =>
          (s) =>
            void (stations(s)[j]!.antennas = a),
      ),
    ),
    fc.integer({ min: 0, max: 300 }).map(
      (a): Edit =>
        (s) =>
          void (s.satellite = { ...s.satellite, acquisitionS: a }),
    ),
    fc.constantFrom('first-come' as const, 'priority' as const).map(
      (p): Edit =>
        (s) =>
          void (s.scheduler = { policy: p }),
    ),
    fc
      .record({
        agingS: fc.integer({ min: 60, max: 20_000 }),
        horizonH: fc.double({ min: 0.5, max: 12, noNaN: true }),
        slotS: fc.integer({ min: 10, max: 600 }),
      })
      .map(
        (o): Edit =>
          (s) =>
            void (s.scheduler = o),
      ),
    fc.integer({ min: 20, max: 400 }).map(
      (r): Edit =>
        (s) =>
          void (s.satellite = { ...s.satellite, downlink: { kind: 'fixed', rateMbps: r } }),
    ),
  ),
  processing: fc.oneof(
    fc.integer({ min: 1, max: 2000 }).map(
      (t): Edit =>
        (s) =>
          void (s.satellite = { ...s.satellite, compute: { topsInt8: t } }),
    ),
    fc.double({ min: 0.5, max: 3000, noNaN: true }).map(
      (g): Edit =>
        (s) =>
          void (s.satellite = { ...s.satellite, storageGB: g }),
    ),
    fc.double({ min: 0, max: 1, noNaN: true }).map(
      (c): Edit =>
        (s) =>
          void (s.workload = { cloudyFraction: c }),
    ),
    fc.integer({ min: 0, max: 9 }).chain((h) =>
      fc.integer({ min: 0, max: 64 }).map(
        (g): Edit =>
          (s) =>
            void (hubs(s)[h]!.gpus = g),
      ),
    ),
    fc.constantFrom('nearest', 'least-latency').map(
      (p): Edit =>
        (s) =>
          void (s.dispatch = { policy: p }),
    ),
    fc.record({ deadlineS: fc.integer({ min: 0, max: 21_600 }), hold: fc.boolean() }).map(
      (o): Edit =>
        (s) =>
          void (s.dispatch = { policy: 'cheapest-power', deadlineS: o.deadlineS, holdForCheaperHour: o.hold }),
    ),
    fc.integer({ min: 2, max: 1000 }).map(
      (seed): Edit =>
        (s) =>
          void (s.seed = seed),
    ),
  ),
  routing: fc.oneof(
    fc.boolean().map(
      (raw): Edit =>
        (s) =>
          void (s.isl = { relayRaw: !raw, relayResults: raw }),
    ),
    fc.integer({ min: 2000, max: 6000 }).map(
      (km): Edit =>
        (s) =>
          void (s.isl = { relayRaw: true, maxRangeKm: km }),
    ),
    fc.constantFrom('range' as const).map(
      (t): Edit =>
        (s) =>
          void (s.isl = { relayRaw: true, topology: t }),
    ),
  ),
  pricing: fc.oneof(
    fc.double({ min: 10, max: 20_000, noNaN: true }).map(
      (v): Edit =>
        (s) =>
          void (s.economics = { launchUsdPerKg: v }),
    ),
    fc.double({ min: 0.5, max: 10, noNaN: true }).map(
      (v): Edit =>
        (s) =>
          void (s.gpu = { usdPerHour: v }),
    ),
    fc.integer({ min: 0, max: 9 }).chain((h) =>
      fc.double({ min: 1, max: 2, noNaN: true }).map(
        (p): Edit =>
          (s) =>
            void (hubs(s)[h]!.pue = p),
      ),
    ),
    fc.integer({ min: 0, max: 4 }).chain((j) =>
      fc.double({ min: 0, max: 50, noNaN: true }).map(
        (c): Edit =>
          (s) =>
            void (stations(s)[j]!.costUsdPerMin = c),
      ),
    ),
    fc.double({ min: 0, max: 1, noNaN: true }).map(
      (c): Edit =>
        (s) =>
          void (s.backhaul = { costUsdPerGB: c }),
    ),
    fc.constantFrom('reserved' as const, 'per-token' as const).map(
      (p): Edit =>
        (s) =>
          void (s.gpu = { pricing: p }),
    ),
    fc.record({ input: fc.double({ min: 0, max: 5, noNaN: true }), output: fc.double({ min: 0, max: 5, noNaN: true }) }).map(
      (usdPerMTok): Edit =>
        (s) =>
          void (s.gpu = { pricing: 'per-token', usdPerMTok }),
    ),
    fc.record({ factor: fc.double({ min: 0, max: 3, noNaN: true }), annualChange: fc.double({ min: -0.9, max: 2, noNaN: true }) }).map(
      ({ factor, annualChange }): Edit =>
        (s) =>
          void (s.pricePaths = {
            gpuUsdPerHour: {
              points: [
                { dateIso: '2025-10-01', factor },
                { dateIso: '2026-04-02T01:30:00Z', factor: 1 },
              ],
              annualChange,
            },
            electricityUsdPerKWh: { annualChange },
            launchUsdPerKg: { annualChange },
          }),
    ),
    fc.double({ min: 0, max: 10, noNaN: true }).map(
      (sale): Edit =>
        (s) =>
          void (s.economics = { saleUsdPerMTok: sale, launchDateIso: '2025-05-14' }),
    ),
    tariffEdit,
  ),
  summary: fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }).map(
      (n): Edit =>
        (s) =>
          void (s.name = n),
    ),
    fc.integer({ min: 0, max: 4 }).map(
      (j): Edit =>
        (s) =>
          void (stations(s)[j]!.name = `renamed ${j}`),
    ),
  ),
};

function edited(edit: Edit): Scenario {
  const input = baseInput();
  edit(input);
  return parseScenario(input);
}

describe('stage pipeline: reruns are byte-identical to fresh runs (property)', () => {
  for (const [stage, arb] of Object.entries(edits) as [StageName, fc.Arbitrary<Edit>][]) {
    it(`a change read first by ${stage} reruns from ${stage}`, async () => {
      await fc.assert(
        fc.asyncProperty(arb, async (edit) => {
          const scenario = edited(edit);
          const first = firstStageToRerun(base.scenario, scenario);
          if (first === null) return; // the edit set the value it already had
          expect(first).toBe(stage);
          const rerun = await runPipeline(scenario, deps, base);
          expect(rerun.ranFrom).toBe(stage);
          const fresh = await runPipeline(scenario, deps);
          expect(exports(rerun)).toEqual(exports(fresh));
        }),
        { numRuns: stage === 'pricing' || stage === 'summary' ? 12 : 5 },
      );
    }, 120_000);
  }

  it('under cheapest-power a tariff or electricity price change reruns processing, identical to a fresh run', async () => {
    const cheapest = (edit: Edit) =>
      edited((s) => {
        s.dispatch = { policy: 'cheapest-power', deadlineS: 7200 };
        edit(s);
      });
    const before = await runPipeline(
      cheapest(() => undefined),
      deps,
    );
    const priceEdit = fc.integer({ min: 0, max: 9 }).map(
      (h): Edit =>
        (s) =>
          void (hubs(s)[h]!.electricityUsdPerKWh = 0.01),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(tariffEdit, priceEdit), async (edit) => {
        const scenario = cheapest(edit);
        expect(firstStageToRerun(before.scenario, scenario)).toBe('processing');
        const rerun = await runPipeline(scenario, deps, before);
        expect(rerun.ranFrom).toBe('processing');
        expect(exports(rerun)).toEqual(exports(await runPipeline(scenario, deps)));
      }),
      { numRuns: 4 },
    );
  }, 120_000);

  it('a change to the constellation reruns everything, identical to a fresh run', async () => {
    const input = baseInput();
    input.constellation!.sources[1] = { kind: 'walker', label: 'shell', planes: 2, satsPerPlane: 5, phasing: 1, altitudeKm: 600, inclinationDeg: 70 };
    const scenario = parseScenario(input);
    expect(firstStageToRerun(base.scenario, scenario)).toBe('catalogue');
    const rerun = await runPipeline(scenario, deps, base);
    expect(rerun.ranFrom).toBe('catalogue');
    expect(exports(rerun)).toEqual(exports(await runPipeline(scenario, deps)));
  }, 60_000);

  it('an unchanged scenario reruns only the summary and gives the same bytes', async () => {
    const again = await runPipeline(parseScenario(baseInput()), deps, base);
    expect(again.ranFrom).toBe('summary');
    expect(again.stages.processing).toBe(base.stages.processing);
    expect(exports(again)).toEqual(exports(base));
  });

  it('reusing a stage does not change the previous run (outputs are not mutated)', async () => {
    const before = exports(base);
    const scenario = edited((s) => void (s.gpu = { usdPerHour: 9 }));
    await runPipeline(scenario, deps, base);
    expect(exports(base)).toEqual(before);
  });
});
