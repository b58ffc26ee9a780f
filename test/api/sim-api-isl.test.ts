// ISLs in keyframe blocks and routes to the ground, through the simulation API object (as the worker calls it).
// Invariants per keyframe (symmetric, in range, clear of the atmosphere), a fresh IslLinker on the same positions,
// and routes checked against an independent Floyd–Warshall over the same links with ranges from the keyframes.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import type { KeyframeBlock, RouteReply, RunReply } from '../../src/sim/api/protocol.ts';
import { createSimApi } from '../../src/sim/api/sim-api.ts';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { catalogueStage as loadConstellation } from '../../src/sim/engine/catalogue-stage.ts';
import { IslLinker, grazingAltitudeKm } from '../../src/sim/links/isl.ts';
import { geodeticToEcefKm } from '../../src/sim/orbit/frames.ts';
import { parseScenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { parseIsoUtc } from '../../src/sim/time.ts';
import { threeBody } from '../helpers/run.ts';
import { SPEED_OF_LIGHT_KM_S } from '../../src/sim/constants.ts';

const readText = fileReader(PROJECT_ROOT);
const deps = { readText, loadLandMask: defaultLandMask };
const epochMs = parseIsoUtc('2026-04-02T00:00:00Z');
const MIN = 60_000;

function okResult(reply: RunReply): RunResult {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.message}`);
  return reply.result;
}

/** Pairs of frame f as [a, b] tuples. */
function pairsOf(block: KeyframeBlock, f: number): [number, number][] {
  const out: [number, number][] = [];
  for (let e = block.islOffsets[f]!; e < block.islOffsets[f + 1]!; e++) out.push([block.islPairs[2 * e]!, block.islPairs[2 * e + 1]!]);
  return out;
}

const posOf = (block: KeyframeBlock, f: number, s: number) =>
  Array.from(block.positionsKm.subarray((f * block.satCount + s) * 3, (f * block.satCount + s) * 3 + 3));
const dist = (p: number[], q: ArrayLike<number>) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);

describe('ISLs in keyframe blocks (three-body, 2 h)', () => {
  const api = createSimApi(deps);
  let result: RunResult;
  let blocks: KeyframeBlock[];
  beforeAll(async () => {
    result = okResult(await api.run({ runId: 1, scenario: threeBody({ durationH: 2 }) }));
    blocks = [];
    for (const first of [0, 60]) blocks.push((await api.keyframes({ runId: 1, startMs: epochMs + first * MIN, stepS: 60, count: first === 0 ? 60 : 61 }))!);
  });

  it('every keyframe: offsets count + 1 from 0, pairs a < b without duplicates, ≤ 4 links per satellite, within 5,016 km and ≥ 80 km above the Earth', () => {
    let frames = 0;
    let links = 0;
    for (const b of blocks) {
      expect(b.islOffsets).toHaveLength(b.count + 1);
      expect(b.islOffsets[0]).toBe(0);
      expect(b.islPairs).toHaveLength(2 * b.islOffsets[b.count]!);
      for (let f = 0; f < b.count; f++) {
        const pairs = pairsOf(b, f);
        const degree = new Array<number>(12).fill(0);
        expect(new Set(pairs.map(([a, c]) => a * 100 + c)).size).toBe(pairs.length);
        for (const [a, c] of pairs) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThan(c);
          expect(c).toBeLessThan(12);
          degree[a]!++;
          degree[c]!++;
          const pa = posOf(b, f, a);
          const pc = posOf(b, f, c);
          expect(dist(pa, pc)).toBeLessThanOrEqual(5016);
          expect(grazingAltitudeKm(pa[0]!, pa[1]!, pa[2]!, pc[0]!, pc[1]!, pc[2]!)).toBeGreaterThanOrEqual(80);
        }
        expect(Math.max(...degree)).toBeLessThanOrEqual(4);
        links += pairs.length;
        frames++;
      }
    }
    expect(frames).toBe(121);
    // The 12 SCS-01 satellites share one launch plane: most have 2–4 partners within the line-of-sight range.
    expect(links / frames).toBeGreaterThan(10);
  });

  it('the first keyframe equals a fresh IslLinker on the same positions and velocities (all links taken as established)', () => {
    const b = blocks[0]!;
    const { enabled: _e, relayResults: _r, relayRaw: _w, ...params } = result.scenario.isl;
    const linker = new IslLinker(new Array(12).fill(undefined), params);
    const edges = linker.linksAt(Float64Array.from(b.positionsKm.subarray(0, 36)), Float64Array.from(b.velocitiesKmS.subarray(0, 36)));
    const fresh = Array.from({ length: edges.count }, (_, e) => [edges.a[e]!, edges.b[e]!]);
    expect(pairsOf(b, 0)).toEqual(fresh);
  });

  it('a block requested again (out of order) is recomputed: its first frame equals a fresh linker again', async () => {
    const again = (await api.keyframes({ runId: 1, startMs: epochMs, stepS: 60, count: 2 }))!;
    expect(pairsOf(again, 0)).toEqual(pairsOf(blocks[0]!, 0));
  });

  describe('route', () => {
    const sessionAt = (tMs: number) => result.sessions.find((s) => s.startMs <= tMs && tMs < s.endMs);
    const inSessionFrame = () => {
      for (let f = 0; f <= 120; f++) if (sessionAt(epochMs + f * MIN)) return f;
      throw new Error('no session in the first 2 h');
    };

    it('ends at the satellite in session and its station; latency = Σ range / c from the keyframes; shortest (Floyd–Warshall)', async () => {
      const f = inSessionFrame();
      const tMs = epochMs + f * MIN;
      const session = sessionAt(tMs)!;
      const b = f < 60 ? blocks[0]! : blocks[1]!;
      const fb = f < 60 ? f : f - 60;
      const g = result.scenario.groundStations[session.stationIndex]!;
      const stationKm = new Float64Array(3);
      geodeticToEcefKm(g.latDeg, g.lonDeg, g.altM / 1000, stationKm);
      // Independent all-pairs shortest light times over this keyframe's links.
      const d = Array.from({ length: 12 }, (_, i) => Array.from({ length: 12 }, (_, j) => (i === j ? 0 : Infinity)));
      const links = pairsOf(b, fb);
      for (const [a, c] of links) d[a]![c] = d[c]![a] = dist(posOf(b, fb, a), posOf(b, fb, c)) / SPEED_OF_LIGHT_KM_S;
      for (let k = 0; k < 12; k++) for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
      const downS = dist(posOf(b, fb, session.satIndex), stationKm) / SPEED_OF_LIGHT_KM_S;
      let relayed = 0;
      for (let s = 0; s < 12; s++) {
        const r = await api.route({ runId: 1, satIndex: s, tMs });
        const expectedS = d[s]![session.satIndex]! + downS;
        if (!Number.isFinite(expectedS)) {
          expect(r).toBeNull();
          continue;
        }
        expect(r).not.toBeNull();
        const { hops, latencyS } = r as RouteReply;
        expect(hops[0]).toBe(s);
        expect(hops.at(-2)).toBe(session.satIndex);
        expect(hops.at(-1)).toBe(-1 - session.stationIndex);
        let sumS = downS;
        for (let h = 0; h + 2 < hops.length; h++) {
          const [a, c] = [Math.min(hops[h]!, hops[h + 1]!), Math.max(hops[h]!, hops[h + 1]!)];
          expect(links).toContainEqual([a, c]);
          sumS += dist(posOf(b, fb, a), posOf(b, fb, c)) / SPEED_OF_LIGHT_KM_S;
        }
        // Positions are Float32 in the block (≤ 0.5 m rounding): 1e-8 s ≈ 3 m of light path.
        expect(latencyS).toBeCloseTo(sumS, 8);
        expect(latencyS).toBeCloseTo(expectedS, 8);
        if (hops.length > 2) relayed++;
      }
      expect(relayed).toBeGreaterThan(0);
    });

    it('the satellite in session itself: one hop straight down, slant range / c (1.5–10 ms for a LEO pass)', async () => {
      const tMs = epochMs + inSessionFrame() * MIN;
      const session = sessionAt(tMs)!;
      const r = (await api.route({ runId: 1, satIndex: session.satIndex, tMs }))!;
      expect(r.hops).toEqual([session.satIndex, -1 - session.stationIndex]);
      expect(r.latencyS).toBeGreaterThan(0.0015);
      expect(r.latencyS).toBeLessThan(0.01);
    });

    it('null when no satellite is in session, for an unknown run, or before any keyframe was requested', async () => {
      const idle = Array.from({ length: 121 }, (_, f) => epochMs + f * MIN).find((t) => !sessionAt(t))!;
      expect(await api.route({ runId: 1, satIndex: 0, tMs: idle })).toBeNull();
      expect(await api.route({ runId: 99, satIndex: 0, tMs: epochMs })).toBeNull();
      expect(await api.route({ runId: 1, satIndex: 0, tMs: epochMs + 3 * 3_600_000 })).toBeNull();
    });
  });
});

describe('ISLs disabled', () => {
  it('empty ISL fields in every block, and no route', async () => {
    const api = createSimApi(deps);
    const input = threeBody({ durationH: 2, isl: { enabled: false } } as Partial<ScenarioInput>);
    const result = okResult(await api.run({ runId: 1, scenario: input }));
    const b = (await api.keyframes({ runId: 1, startMs: epochMs, stepS: 60, count: 121 }))!;
    expect(Array.from(b.islOffsets)).toEqual(new Array(122).fill(0));
    expect(b.islPairs).toHaveLength(0);
    const s = result.sessions[0]!;
    expect(await api.route({ runId: 1, satIndex: s.satIndex, tMs: s.startMs + 1000 })).toBeNull();
  });
});

describe('ISLs of a Walker shell (+Grid)', () => {
  it('links only +Grid neighbours (adjacent slot in a plane, or adjacent plane); 12 × 10 at 1,000 km keeps all 240', async () => {
    const api = createSimApi(deps);
    const input = threeBody({
      durationH: 0.25,
      stepS: 60,
      constellation: {
        sources: [
          {
            kind: 'walker',
            label: 'shell',
            pattern: 'delta',
            planes: 12,
            satsPerPlane: 10,
            phasing: 1,
            altitudeKm: 1000,
            inclinationDeg: 53,
            namePrefix: 'W',
            firstNorad: 900000,
          },
        ],
      },
    } as Partial<ScenarioInput>);
    okResult(await api.run({ runId: 1, scenario: input }));
    const { records } = await loadConstellation(parseScenario(input), readText);
    const b = (await api.keyframes({ runId: 1, startMs: epochMs, stepS: 60, count: 16 }))!;
    for (let f = 0; f < b.count; f++) {
      const pairs = pairsOf(b, f);
      // In-plane neighbours 2π·7,378/10 ≈ 4,636 km apart; adjacent planes (30° of RAAN) ≤ 3,820 km: all in range.
      expect(pairs).toHaveLength(240);
      for (const [a, c] of pairs) {
        const wa = records[a]!.walker!;
        const wc = records[c]!.walker!;
        const dPlane = (wc.plane - wa.plane + 12) % 12;
        const dSlot = (wc.slot - wa.slot + 10) % 10;
        const inPlane = dPlane === 0 && (dSlot === 1 || dSlot === 9);
        expect(inPlane || dPlane === 1 || dPlane === 11, `${a}–${c}`).toBe(true);
      }
    }
    // A +Grid set that does not change is stored once and sent per frame.
    expect(Array.from(b.islPairs.subarray(0, 480))).toEqual(Array.from(b.islPairs.subarray(480 * 15)));
  });
});
