// The three users of the ISL network pair satellites identically: the engine's relay (IslRelay over the engine's
// PositionWindow, as run.ts drives it), the view's keyframe log (IslFrameLog over keyframe blocks) and
// routeBetween (`ocsim route`'s core) give the same acquired links at every time for the same satellites,
// parameters and times, and routeBetween's routes run over exactly those links. Two catalogues: three-body TLEs
// plus a Walker shell, with +Grid and with range pairing for all; 30 s steps and 45 s acquisition so that new links
// wait a step.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { IslFrameLog } from '../../src/sim/api/isl-frames.ts';
import { buildKeyframeBlock } from '../../src/sim/api/keyframes.ts';
import type { CatalogRecord } from '../../src/sim/catalog/types.ts';
import { IslRelay } from '../../src/sim/engine/isl-relay.ts';
import { catalogueStage as loadConstellation } from '../../src/sim/engine/catalogue-stage.ts';
import { PositionWindow } from '../../src/sim/engine/step-positions.ts';
import { islParams, type IslTopology } from '../../src/sim/links/isl.ts';
import { IslNetwork } from '../../src/sim/links/isl-network.ts';
import { resolveRoutePlace, routeBetween, type RouteSample } from '../../src/sim/links/route-between.ts';
import { stationGeometry } from '../../src/sim/links/visibility.ts';
import { createOrbitPropagator, type OrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { parseIsoUtc } from '../../src/sim/time.ts';
import { threeBody } from '../helpers/run.ts';
import { SPEED_OF_LIGHT_KM_S } from '../../src/sim/constants.ts';

const STEP_S = 30;
const K = 120; // 1 h
const BLOCK = 40; // keyframes per block, as the view asks for them in pieces
const WINDOW = 50; // engine position window, so the run crosses windows

function scenarioWith(topology: IslTopology): Scenario {
  const input: ScenarioInput = threeBody({
    durationH: 1,
    stepS: STEP_S,
    isl: { topology, acquisitionS: 45 },
    constellation: {
      sources: [
        { kind: 'tle', file: 'tle/three-body.tle' },
        {
          kind: 'walker',
          label: 'shell',
          pattern: 'delta',
          planes: 10,
          satsPerPlane: 12,
          phasing: 1,
          altitudeKm: 550,
          inclinationDeg: 53,
          namePrefix: 'W',
          firstNorad: 900000,
        },
      ],
    },
  } as Partial<ScenarioInput>);
  return parseScenario(input);
}

const key = (pairs: Int32Array) => Array.from(pairs).join(',');

/** The relay's acquired links per step, driven as run.ts drives it (no downlink sessions: links only). */
async function engineLinks(scenario: Scenario, records: CatalogRecord[], propagator: OrbitPropagator, startMs: number) {
  const relay = IslRelay.fromScenario(scenario, records)!;
  const window = new PositionWindow(propagator, K, startMs, STEP_S, new Int32Array(records.length).fill(-1), relay.needsVelocities, WINDOW);
  const noSessions = records.map(() => []);
  const links: string[] = [];
  let acquiring = 0;
  for (let k = 0; k < K; k++) {
    await window.ensure(k);
    relay.prepare(window, k - window.k0, startMs + k * STEP_S * 1000, noSessions);
    links.push(key(relay.network.usablePairs()));
    acquiring += relay.network.edges.count - relay.network.usableCount;
  }
  return { links, acquiring };
}

/** The keyframe log's links per frame, fed blocks of BLOCK keyframes. */
function keyframeLinks(scenario: Scenario, records: CatalogRecord[], propagator: OrbitPropagator, startMs: number): string[] {
  const log = new IslFrameLog(
    records.map((r) => r.walker),
    islParams(scenario.isl),
  );
  const source = { propagator, lostAtMs: new Float64Array(records.length).fill(Infinity) };
  for (let f0 = 0; f0 < K; f0 += BLOCK) {
    const b = buildKeyframeBlock(source, 1, { runId: 1, startMs: startMs + f0 * STEP_S * 1000, stepS: STEP_S, count: BLOCK }, (n) => new Float32Array(n));
    log.addBlock(b.positionsKm, b.velocitiesKmS, b.startMs, b.stepS, b.count);
  }
  return log.frames.map((f) => key(f.pairs));
}

describe.each(['plus-grid', 'range'] as const)('engine relay, keyframe log and routeBetween (%s)', (topology) => {
  const scenario = scenarioWith(topology);
  const startMs = parseIsoUtc(scenario.epochIso);
  let records: CatalogRecord[];
  let propagator: OrbitPropagator;
  let engine: { links: string[]; acquiring: number };
  let keyframes: string[];
  const routeLinks: string[] = [];
  const samples: RouteSample[] = [];
  const statesKm: Float64Array[] = [];
  const from = resolveRoutePlace('cn-kashgar', scenario, 'from', { maskDeg: 0 });
  const to = resolveRoutePlace('51.5,-0.13', scenario, 'to', { maskDeg: 0 });

  beforeAll(async () => {
    ({ records } = await loadConstellation(scenario, fileReader(PROJECT_ROOT)));
    propagator = await createOrbitPropagator(records.map((r) => r.satrec));
    engine = await engineLinks(scenario, records, propagator, startMs);
    keyframes = keyframeLinks(scenario, records, propagator, startMs);
    const network = new IslNetwork(
      records.map((r) => r.walker),
      islParams(scenario.isl),
    );
    const timesMs = Array.from({ length: K }, (_, k) => startMs + k * STEP_S * 1000);
    for (const s of routeBetween({ network, propagator, from, to, timesMs })) {
      samples.push(s);
      routeLinks.push(key(network.usablePairs()));
      statesKm.push(network.positionsKm.slice());
    }
  });

  it('132 satellites; the links change over the hour and some wait for acquisition (the comparison is not trivial)', () => {
    expect(records).toHaveLength(132);
    const first = engine.links[0]!.split(',').map(Number);
    if (topology === 'plus-grid') {
      // Satellites 12.. are the 10 × 12 shell at 550 km: in-plane neighbours 3,627 km apart, adjacent planes (36° of
      // RAAN) ≤ 4,300 km, all within 5,016 km and clear of 80 km: its 240 +Grid links, plus range links of the TLEs.
      expect(first.filter((v, i) => i % 2 === 0 && v >= 12)).toHaveLength(240);
    } else {
      const degree = new Array<number>(132).fill(0);
      for (const v of first) degree[v]!++;
      expect(Math.max(...degree)).toBeLessThanOrEqual(4); // 4 terminals
    }
    expect(new Set(engine.links).size).toBeGreaterThan(1);
    expect(engine.acquiring).toBeGreaterThan(0);
  });

  it('gives the same acquired links at every step to all three', () => {
    expect(keyframes).toHaveLength(K);
    expect(routeLinks).toHaveLength(K);
    for (let k = 0; k < K; k++) {
      expect(keyframes[k], `keyframe ${k}`).toBe(engine.links[k]);
      expect(routeLinks[k], `route time ${k}`).toBe(engine.links[k]);
    }
  });

  it('routes over those links only: each hop an acquired link, latency = Σ range / c from the shared state', () => {
    const places = stationGeometry([from.station, to.station]);
    const rangeKm = (p: Float64Array, a: number, b: ArrayLike<number>, bi: number) =>
      Math.hypot(p[a * 3]! - b[bi * 3]!, p[a * 3 + 1]! - b[bi * 3 + 1]!, p[a * 3 + 2]! - b[bi * 3 + 2]!);
    let relayed = 0;
    samples.forEach((s, k) => {
      expect(s.timeMs).toBe(startMs + k * STEP_S * 1000);
      if (!s.route) return;
      const sats = s.route.satellites;
      const pos = statesKm[k]!;
      const links = new Set(engine.links[k]!.split(',').reduce<string[]>((acc, v, i, all) => (i % 2 ? acc : [...acc, `${v},${all[i + 1]}`]), []));
      let km = rangeKm(pos, sats[0]!, places.ecefKm, 0) + rangeKm(pos, sats.at(-1)!, places.ecefKm, 1);
      for (let h = 0; h + 1 < sats.length; h++) {
        const [a, b] = [Math.min(sats[h]!, sats[h + 1]!), Math.max(sats[h]!, sats[h + 1]!)];
        expect(links.has(`${a},${b}`), `time ${k}: ${a}–${b}`).toBe(true);
        km += rangeKm(pos, a, pos, b);
      }
      expect(s.route.latencyS).toBeCloseTo(km / SPEED_OF_LIGHT_KM_S, 12);
      if (sats.length > 1) relayed++;
    });
    expect(relayed).toBeGreaterThan(0);
  });
});

describe('velocities matter for range pairing', () => {
  it('the same frames without velocities pair differently at some step (so the equality above depends on all three using the same velocities)', async () => {
    const scenario = scenarioWith('range');
    const startMs = parseIsoUtc(scenario.epochIso);
    const { records } = await loadConstellation(scenario, fileReader(PROJECT_ROOT));
    const propagator = await createOrbitPropagator(records.map((r) => r.satrec));
    const b = buildKeyframeBlock(
      { propagator, lostAtMs: new Float64Array(records.length).fill(Infinity) },
      1,
      { runId: 1, startMs, stepS: STEP_S, count: K },
      (n) => new Float32Array(n),
    );
    const withVel = new IslNetwork(
      records.map((r) => r.walker),
      islParams(scenario.isl),
    );
    const without = new IslNetwork(
      records.map((r) => r.walker),
      islParams(scenario.isl),
    );
    let differ = 0;
    for (let k = 0; k < K; k++) {
      withVel.stepFrame(b, k, startMs + k * STEP_S * 1000);
      without.stepFrame({ positionsKm: b.positionsKm, velocitiesKmS: null }, k, startMs + k * STEP_S * 1000);
      if (key(withVel.usablePairs()) !== key(without.usablePairs())) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });
});
