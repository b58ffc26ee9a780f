// Each stage reads only the scenario fields stage-reads.ts declares for it: every stage runs on a scenario
// behind a proxy that records each field read, and each recorded path must be covered by the declaration.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { catalogueStage } from '../../src/sim/engine/catalogue-stage.ts';
import { geometryStage, scenarioStations } from '../../src/sim/engine/geometry-stage.ts';
import { pricingStage } from '../../src/sim/engine/pricing-stage.ts';
import { processingStage } from '../../src/sim/engine/processing-stage.ts';
import { scheduleStage } from '../../src/sim/engine/schedule-stage.ts';
import { routingStage } from '../../src/sim/engine/routing-stage.ts';
import {
  changedPaths,
  CONDITIONAL_READS,
  firstStageToRerun,
  formatSegments,
  LABEL_PATHS,
  parsePath,
  pathsOverlap,
  STAGE_READS,
  stageOfPath,
} from '../../src/sim/engine/stage-reads.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { presets } from '../../src/sim/scenario/presets.ts';
import { parseScenario, type Scenario } from '../../src/sim/scenario/schema.ts';
import { withPublishedTariffs } from '../../src/sim/scenario/tariff-presets.ts';
import { threeBody } from '../helpers/run.ts';

/** A read-only view of `value` that records the path of every leaf read (and of every object whose keys are listed). */
function recording<T extends object>(value: T): { view: T; reads: Set<string> } {
  const reads = new Set<string>();
  const wrap = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    return new Proxy(v as object, {
      get(target, key, receiver) {
        const child = Reflect.get(target, key, receiver);
        if (key === 'length' && Array.isArray(target)) {
          reads.add(formatSegments([...path, '*']));
          return child;
        }
        if (typeof key === 'symbol' || !Object.hasOwn(target, key)) return child;
        const seg = Array.isArray(target) ? Number(key) : key;
        const p = [...path, seg];
        if (typeof child !== 'object' || child === null) reads.add(formatSegments(p));
        return wrap(child, p);
      },
      getOwnPropertyDescriptor(target, key) {
        const arrayKey = (k: string) => (k === 'length' ? '*' : Number(k));
        if (typeof key === 'string') reads.add(formatSegments([...path, Array.isArray(target) ? arrayKey(key) : key]));
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys(target) {
        reads.add(formatSegments(path));
        return Reflect.ownKeys(target);
      },
      set() {
        throw new Error(`stage wrote scenario field ${formatSegments(path)}`);
      },
    });
  };
  return { view: wrap(value, []) as T, reads };
}

/** Whether a recorded read is declared for the stage: statically, or conditionally when the condition holds for `scenario`. */
const covered = (stage: keyof typeof STAGE_READS, path: string, scenario?: unknown) =>
  [...STAGE_READS[stage], ...CONDITIONAL_READS.filter((r) => r.stage === stage && scenario !== undefined && r.when(scenario)).flatMap((r) => r.paths)].some(
    (d) => pathsOverlap(parsePath(path), parsePath(d)),
  );

function scenarioWithEverything(): Scenario {
  const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n').slice(0, 9).join('\n');
  const base = threeBody();
  return parseScenario({
    ...base,
    groundStations: base.groundStations.map((g, j) => (j === 0 ? { ...g, maxRangeKm: 2000 } : g)),
    durationH: 2,
    stepS: 60,
    constellation: {
      sources: [
        { kind: 'tle', text: tle },
        {
          kind: 'walker',
          label: 'shell',
          planes: 2,
          satsPerPlane: 3,
          phasing: 1,
          altitudeKm: 550,
          inclinationDeg: 53,
          meanMotionRevPerDay: 15.19,
          phaseOffsetSlotsByPlane: [0, 0.5],
          eccentricity: 1e-4,
          argOfPerigeeDeg: 10,
        },
      ],
    },
    satellite: { compute: { topsInt8BySatellite: { 'SCS-01 A': 100, constructor: 5 } } },
    isl: { relayRaw: true },
    economics: { launchDateIso: '2025-05-14', saleUsdPerMTok: 0.33 },
    pricePaths: {
      gpuUsdPerHour: {
        points: [
          { dateIso: '2025-10-01', factor: 0.72 },
          { dateIso: '2026-03-01', factor: 1 },
        ],
        annualChange: 0.5,
      },
      launchUsdPerKg: { annualChange: -0.2 },
    },
    hubs: base.hubs.map((h, i) => (i % 2 === 0 ? withPublishedTariffs([h])[0]! : h)),
  });
}

describe('stage reads', () => {
  it('every stage reads only what it declares', async () => {
    const scenario = scenarioWithEverything();
    const readText = fileReader(PROJECT_ROOT);
    const landMask = await defaultLandMask();
    const undeclared: string[] = [];
    const check = (stage: keyof typeof STAGE_READS, reads: Set<string>) => {
      expect(reads.size).toBeGreaterThan(0);
      for (const p of reads) if (!covered(stage, p)) undeclared.push(`${stage}: ${p}`);
    };

    let r = recording(scenario);
    const catalogue = await catalogueStage(r.view, readText);
    check('catalogue', r.reads);

    r = recording(scenario);
    const stations = scenarioStations(r.view);
    const propagator = await createOrbitPropagator(catalogue.records.map((x) => x.satrec));
    const geometry = await geometryStage(r.view, stations, { propagator, landMask });
    check('geometry', r.reads);

    r = recording(scenario);
    const schedule = scheduleStage(r.view, catalogue.records, geometry);
    check('schedule', r.reads);

    r = recording(scenario);
    const routing = await routingStage(r.view, catalogue.records, geometry, schedule, async () => propagator);
    check('routing', r.reads);
    expect(routing).not.toBeNull();

    r = recording(scenario);
    const processing = await processingStage(r.view, catalogue.records, geometry, schedule, routing, {});
    check('processing', r.reads);
    expect(r.reads).toContain('isl.relayRaw');

    for (const pricing of ['on-demand', 'reserved', 'per-token'] as const) {
      r = recording({ ...scenario, gpu: { ...scenario.gpu, pricing } });
      pricingStage(r.view, processing.modes);
      check('pricing', r.reads);
      expect(r.reads).toContain('gpu.pricing');
    }
    r = recording(scenario);
    pricingStage(r.view, processing.modes);
    check('pricing', r.reads);
    expect(r.reads).toContain('hubs[0].timeOfUse.valleyFactor');

    // cheapest-power dispatches by the tariffs: processing reads them, declared as conditional reads.
    const cheapest = parseScenario({ ...scenario, dispatch: { policy: 'cheapest-power' } });
    r = recording(cheapest);
    await processingStage(r.view, catalogue.records, geometry, schedule, routing, {});
    for (const p of r.reads) if (!covered('processing', p, cheapest)) undeclared.push(`processing (cheapest-power): ${p}`);
    expect([...r.reads].some((p) => p.startsWith('hubs[0].timeOfUse.hours'))).toBe(true);
    expect(r.reads).toContain('dispatch.deadlineS');
    expect([...r.reads].filter((p) => !covered('processing', p))).toContain('hubs[0].pue'); // only the conditional reads cover it
    propagator.dispose();
    expect(undeclared).toEqual([]);
  }, 60_000);

  it('counts the conditional reads only when their condition holds before or after the change', () => {
    const flat = parseScenario(threeBody());
    const cheapest = parseScenario({ ...threeBody(), dispatch: { policy: 'cheapest-power' } });
    expect(stageOfPath('hubs[2].timeOfUse.valleyFactor')).toBe('pricing');
    expect(stageOfPath('hubs[2].electricityUsdPerKWh', [flat])).toBe('pricing');
    expect(stageOfPath('hubs[2].electricityUsdPerKWh', [cheapest])).toBe('processing');
    const pricier = (s: Scenario) => ({ ...s, hubs: s.hubs.map((h) => ({ ...h, electricityUsdPerKWh: 0.2 })) });
    expect(firstStageToRerun(flat, pricier(flat))).toBe('pricing');
    expect(firstStageToRerun(cheapest, pricier(cheapest))).toBe('processing');
    expect(firstStageToRerun(flat, cheapest)).toBe('processing'); // the policy itself is a processing field
  });

  it('every field of every preset is read by a stage or is a label (nothing falls back to a full rerun)', () => {
    const leaves = (v: unknown, path: (string | number)[], out: string[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
      else out.push(formatSegments(path));
      return out;
    };
    for (const [name, input] of Object.entries(presets)) {
      const paths = leaves(parseScenario(input), [], []);
      const unknown = paths.filter((p) => stageOfPath(p) === 'catalogue' && !p.startsWith('constellation') && p !== 'epochIso');
      expect(unknown, name).toEqual([]);
    }
  });

  it('maps paths to the first stage that reads them', () => {
    expect(stageOfPath('constellation.sources[0].file')).toBe('catalogue');
    expect(stageOfPath('epochIso')).toBe('catalogue');
    expect(stageOfPath('durationH')).toBe('geometry');
    expect(stageOfPath('groundStations[3].minElevationDeg')).toBe('geometry');
    expect(stageOfPath('groundStations')).toBe('geometry'); // a station added or removed
    expect(stageOfPath('groundStations[1].antennas')).toBe('schedule');
    expect(stageOfPath('satellite.compute.topsInt8')).toBe('processing');
    expect(stageOfPath('isl.maxRangeKm')).toBe('routing');
    expect(stageOfPath('hubs')).toBe('processing');
    expect(stageOfPath('hubs[0].pue')).toBe('pricing');
    expect(stageOfPath('economics.launchUsdPerKg')).toBe('pricing');
    expect(stageOfPath('groundStations[2].costUsdPerMin')).toBe('pricing');
    expect(stageOfPath('gpu.pricing')).toBe('pricing');
    expect(stageOfPath('gpu.usdPerMTok.output')).toBe('pricing');
    expect(stageOfPath('pricePaths.launchUsdPerKg.points[0].factor')).toBe('pricing');
    expect(stageOfPath('economics.saleUsdPerMTok')).toBe('pricing');
    expect(stageOfPath('hubs[2].gpus')).toBe('processing'); // the queues; pricing also reads it for the lease
    expect(stageOfPath('hubs[4].name')).toBe('summary');
    expect(stageOfPath('name')).toBe('summary');
    expect(stageOfPath('aFieldNobodyDeclared')).toBe('catalogue');
    expect(LABEL_PATHS).toContain('processing.mode');
  });

  it('lists changed leaves and array resizes', () => {
    const a = {
      x: 1,
      list: [
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ],
      o: { p: 'q' },
    };
    const b = {
      x: 1,
      list: [
        { a: 1, b: 5 },
        { a: 3, b: 4 },
      ],
      o: { p: 'r', extra: true },
    };
    expect(changedPaths(a, b).map(formatSegments)).toEqual(['list[0].b', 'o.p', 'o.extra']);
    expect(changedPaths(a, { ...a, list: [a.list[0]] }).map(formatSegments)).toEqual(['list']);
    expect(firstStageToRerun(a, structuredClone(a))).toBeNull();
  });
});
