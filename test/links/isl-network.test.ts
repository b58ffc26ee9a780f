// IslNetwork: links and acquisition stepped through time (hand-worked two-satellite case), restart when time goes
// back, the tracker's slots for +Grid links beyond the terminal count, the acquired-links graph, Float32 state,
// and when velocities matter.
import { describe, expect, it } from 'vitest';
import { generateWalker } from '../../src/sim/catalog/index.ts';
import type { WalkerSlot } from '../../src/sim/catalog/types.ts';
import { DEFAULT_ISL_PARAMS, type IslParams } from '../../src/sim/links/isl.ts';
import { IslNetwork } from '../../src/sim/links/isl-network.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { parseIsoUtc } from '../../src/sim/time.ts';
import { SPEED_OF_LIGHT_KM_S } from '../../src/sim/constants.ts';

const epochMs = parseIsoUtc('2026-04-02T00:00:00Z');
const params = (over: Partial<IslParams> = {}): IslParams => ({ ...DEFAULT_ISL_PARAMS, ...over });
const noSlots = (n: number): (WalkerSlot | undefined)[] => new Array<WalkerSlot | undefined>(n).fill(undefined);

/** Two satellites 1,000 km apart at 7,000 km radius; `present` false puts the second one at NaN (lost). */
function pairFrame(present: boolean) {
  const b = present ? [7000, 1000, 0] : [NaN, NaN, NaN];
  return { positionsKm: Float64Array.of(7000, 0, 0, ...b), velocitiesKmS: null };
}

describe('IslNetwork on two satellites (range topology, acquisition 45 s, 30 s steps)', () => {
  it('ages the link across steps as worked out by hand, and restarts when time goes back', () => {
    const net = new IslNetwork(noSlots(2), params({ topology: 'range', acquisitionS: 45 }));
    const at = (tS: number, present: boolean) => {
      net.stepFrame(pairFrame(present), 0, epochMs + tS * 1000);
      return { present: net.edges.count, usable: Array.from(net.usablePairs()) };
    };
    // t = 0: the run starts with an established network.
    expect(at(0, true)).toEqual({ present: 1, usable: [0, 1] });
    // t = 30: satellite 1 is lost: no link.
    expect(at(30, false)).toEqual({ present: 0, usable: [] });
    // t = 60: back; the link is taken to start acquiring at the midpoint 45 s: 15 s old < 45 s.
    expect(at(60, true)).toEqual({ present: 1, usable: [] });
    // t = 90: 45 s old: usable.
    expect(at(90, true)).toEqual({ present: 1, usable: [0, 1] });
    // t = 60 again (at or before the last time): a new run starting there, the link established at once.
    expect(at(60, true)).toEqual({ present: 1, usable: [0, 1] });
  });

  it('routes only over acquired links, weighted by range / c', () => {
    const net = new IslNetwork(noSlots(2), params({ topology: 'range', acquisitionS: 45 }));
    const edgesAt = (tS: number, present: boolean) => {
      net.stepFrame(pairFrame(present), 0, epochMs + tS * 1000);
      const g = net.graph().build();
      return Array.from(g.weightsS.subarray(0, g.offsets[g.nodeCount]!));
    };
    edgesAt(0, true);
    edgesAt(30, false);
    expect(edgesAt(60, true)).toEqual([]); // present, still acquiring
    const w = edgesAt(90, true);
    expect(w).toHaveLength(2); // one undirected edge, stored both ways
    expect(w[0]).toBeCloseTo(1000 / SPEED_OF_LIGHT_KM_S, 15); // 3.3356 ms
  });

  it('keeps its state rounded to Float32', () => {
    const net = new IslNetwork(noSlots(2), params({ topology: 'range' }));
    net.stepFrame({ positionsKm: Float64Array.of(7000.1, 0.1, 0, 7000, 1000.3, 0), velocitiesKmS: Float64Array.of(0.1, 7.5, 0, 0, 7.5, 0.3) }, 0, epochMs);
    expect(Array.from(net.positionsKm)).toEqual([7000.1, 0.1, 0, 7000, 1000.3, 0].map(Math.fround));
    expect(Array.from(net.velocitiesKmS)).toEqual([0.1, 7.5, 0, 0, 7.5, 0.3].map(Math.fround));
    expect(net.positionsKm[0]).not.toBe(7000.1);
  });
});

describe('IslNetwork on a 12 × 10 Walker shell at 1,000 km (+Grid, all 240 links in range)', () => {
  const records = generateWalker({
    pattern: 'delta',
    planes: 12,
    satsPerPlane: 10,
    phasing: 1,
    altitudeKm: 1000,
    inclinationDeg: 53,
    epochMs,
    namePrefix: 'W',
    firstNorad: 900000,
  });
  const layouts = records.map((r) => r.walker);

  it('tracks all four +Grid links of a satellite with only 2 terminals: every link stays usable at every step', async () => {
    // With tracker slots = terminalsPerSat (2), the 3rd and 4th links of each satellite would look new at every
    // step, 15 s old at 30 s steps, never reaching the 45 s acquisition time.
    const net = new IslNetwork(layouts, params({ terminalsPerSat: 2, acquisitionS: 45 }));
    const prop = await createOrbitPropagator(records.map((r) => r.satrec));
    const chunk = prop.propagateGrid(epochMs, 30, 10);
    const usable: number[] = [];
    for (let t = 0; t < chunk.timeCount; t++) {
      net.stepChunk(chunk, t);
      usable.push(net.usableCount);
    }
    expect(usable).toEqual(new Array(10).fill(240));
  });

  it('needs velocities only for range pairing with a look-ahead', () => {
    expect(new IslNetwork(layouts, params()).needsVelocities).toBe(false); // +Grid only
    expect(new IslNetwork(layouts, params({ topology: 'range' })).needsVelocities).toBe(true);
    expect(new IslNetwork(layouts, params({ topology: 'range', pairingHorizonS: 0 })).needsVelocities).toBe(false);
    expect(new IslNetwork([...layouts, undefined, undefined], params()).needsVelocities).toBe(true); // two catalogue satellites pair by range
  });

  it('rejects invalid parameters with the field named', () => {
    expect(() => new IslNetwork(layouts, params({ maxRangeKm: -1 }))).toThrow(/isl.maxRangeKm: must be in \(0, 1e6\] km, got -1/);
  });
});
