// Break-even root finding on functions with known roots (linear, a jump, integers, none, null metrics), the
// tornado and uncertainty summaries on hand-made tables, and the study table's text forms and merge.
import { describe, expect, it } from 'vitest';
import { quantileSorted, spreadOf, tornado, uncertaintySummary, type StudyTable } from '../../src/sim/study/analysis.ts';
import { findBreakeven } from '../../src/sim/study/breakeven.ts';
import { mergeStudyParts, tableToCsv, type StudyDocument } from '../../src/sim/study/table.ts';

const lin = { log: false, integer: false };

describe('findBreakeven', () => {
  it('finds the root of a linear difference to the tolerance (onboard $/MTok rises with launch price)', async () => {
    // a(x) = 0.5 + x / 4000, b = 29.72: root at (29.72 − 0.5) · 4000 = 116,880.
    const r = await findBreakeven(async (x) => ({ a: 0.5 + x / 4000, b: 29.72 }), { ...lin, low: 30, high: 1e6, log: true });
    expect(r.found).toBe(true);
    expect(r.value!).toBeCloseTo(116_880, 3);
    expect(r.continuous).toBe(true);
    expect(r.atLow.a! < r.atLow.b!).toBe(true);
  });

  it('locates a jump (billing by the started minute) within the tolerance and says it is one', async () => {
    // a jumps from 1 to 3 at x = 2.5 (ceil-like step), b = 2: no x gives a = b; the sign changes at 2.5.
    const r = await findBreakeven(async (x) => ({ a: x < 2.5 ? 1 : 3, b: 2 }), { ...lin, low: 0, high: 10, tolRel: 1e-6 });
    expect(r.found).toBe(true);
    expect(Math.abs(r.value! - 2.5)).toBeLessThanOrEqual(1e-5);
    expect(r.bracket![1] - r.bracket![0]).toBeLessThanOrEqual(1e-5);
    expect(r.continuous).toBe(false);
  });

  it('gives an integer parameter the smallest integer where the winner has changed', async () => {
    const r = await findBreakeven(async (x) => ({ a: 10 - x, b: 3.5 }), { low: 1, high: 20, log: false, integer: true });
    expect([r.value, r.bracket]).toEqual([7, [6, 7]]);
  });

  it('reports none with the metrics at both ends, and counts a null metric as losing', async () => {
    const none = await findBreakeven(async () => ({ a: 1, b: 2 }), { ...lin, low: 0, high: 1 });
    expect([none.found, none.atLow.x, none.atHigh.x]).toEqual([false, 0, 1]);
    // Below 0.3 mode a processes no token (null): it loses; above, it is cheaper.
    const nul = await findBreakeven(async (x) => ({ a: x < 0.3 ? null : 1, b: 2 }), { ...lin, low: 0, high: 1 });
    expect(nul.found).toBe(true);
    expect(Math.abs(nul.value! - 0.3)).toBeLessThan(1e-5);
  });

  it('notes further crossings in the range', async () => {
    const r = await findBreakeven(async (x) => ({ a: Math.sin(x), b: 0.001 }), { ...lin, low: 0.5, high: 8, scanPoints: 17 });
    expect(r.value!).toBeCloseTo(Math.PI - Math.asin(0.001), 5);
    expect(r.moreCrossings.length).toBe(1);
  });
});

const sensitivity: StudyTable = {
  columns: ['param', 'level', 'value', 'onboard.costUsdPerMTok', 'ground.costUsdPerMTok'],
  rows: [
    ['(base)', 'base', '', 2, 30],
    ['economics.launchUsdPerKg', 'low', 30, 1, 30],
    ['economics.launchUsdPerKg', 'high', 10000, 40, 30],
    ['gpu.usdPerHour', 'low', 1.7, 2, 25],
    ['gpu.usdPerHour', 'high', 3, 2, 36],
  ],
};

describe('analysis', () => {
  it('ranks the tornado by swing per mode and finds the assumption that flips the winner', () => {
    const t = tornado(sensitivity, 'costUsdPerMTok', ['onboard', 'ground']);
    expect(t.bars.onboard!.map((b) => [b.path, b.swing])).toEqual([
      ['economics.launchUsdPerKg', 39],
      ['gpu.usdPerHour', 0],
    ]);
    expect(t.bars.ground!.map((b) => [b.path, b.swing])).toEqual([
      ['gpu.usdPerHour', 11],
      ['economics.launchUsdPerKg', 0],
    ]);
    expect(t.baseWinner).toBe('onboard');
    expect(t.flips).toEqual([{ path: 'economics.launchUsdPerKg', level: 'high', value: 10000, winner: 'ground' }]);
  });

  it('summarises draws with type-7 quantiles and the share where orbit wins', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    const s = spreadOf([4, 1, 3, 2]);
    expect([s.p50, s.mean, s.n, s.nulls]).toEqual([2.5, 2.5, 4, 0]);
    expect(s.p5!).toBeCloseTo(1.15, 12); // h = 3 · 0.05 = 0.15 between 1 and 2
    expect(s.p95!).toBeCloseTo(3.85, 12);
    // A null (a latency not reached, no token) is the worst outcome: 1, 2, 3, 4, ∞. h = 4 · 0.5 = 2 → 3 (exact);
    // h = 4 · 0.95 = 3.8 between 4 and ∞ → not reached. The mean is over the values.
    const n = spreadOf([4, null, 1, 3, 2]);
    expect([n.p50, n.p95, n.mean, n.n, n.nulls]).toEqual([3, null, 2.5, 4, 1]);
    expect(n.p5!).toBeCloseTo(1.2, 12); // h = 0.2 between 1 and 2
    expect(spreadOf([null, null, 5]).p50).toBeNull(); // most samples never reach it: the median is not reached
    const t: StudyTable = {
      columns: ['x', 'onboard.costUsdPerMTok', 'ground.costUsdPerMTok', 'onboard.latencyS.p50', 'ground.latencyS.p50'],
      rows: [
        [1, 1, 2, 10, 5],
        [2, 3, 2, 10, null],
        [3, null, 2, 1, 5],
        [4, 1, 2, 10, 50],
      ],
    };
    const u = uncertaintySummary(t, 1);
    expect([u.pOrbitCheaper, u.pOrbitFaster]).toEqual([0.5, 0.75]);
    expect(u.spreads['onboard.costUsdPerMTok']!.nulls).toBe(1);
  });
});

describe('study table', () => {
  const doc = (indices: number[], shard?: { index: number; count: number }): StudyDocument => ({
    manifest: {
      format: 'ocsim-study',
      formatVersion: 1,
      kind: 'sweep',
      spec: { kind: 'sweep', axes: [{ path: 'gpu.usdPerHour', values: [1, 2, 3] }] },
      scenarioName: 's',
      scenarioHash: 'h',
      engineVersion: 'e',
      seed: 1,
      points: 3,
      ...(shard ? { shard } : {}),
      timings: { wallS: 1, workers: 1, where: 'local' },
    },
    columns: ['gpu.usdPerHour', 'onboard.costUsdPerMTok'],
    pointIndices: indices,
    rows: indices.map((i) => [i + 1, i === 1 ? null : 10 * i]),
  });

  it('writes CSV with empty cells for null and quoted labels', () => {
    expect(
      tableToCsv({
        columns: ['a', 'b,c'],
        rows: [
          [1.5, null],
          ['x"y', 2],
        ],
      }),
    ).toBe('a,"b,c"\n1.5,\n"x""y",2\n');
  });

  it('merges shards into the whole study, and names a missing, repeated or foreign part', () => {
    const merged = mergeStudyParts([
      { doc: doc([1], { index: 1, count: 2 }), source: 'b.json' },
      { doc: doc([0, 2], { index: 0, count: 2 }), source: 'a.json' },
    ]);
    expect(merged.rows).toEqual(doc([0, 1, 2]).rows);
    expect(merged.manifest.shard).toBeUndefined();
    expect(merged.manifest.timings.wallS).toBe(2);
    expect(() => mergeStudyParts([{ doc: doc([0, 2]), source: 'a.json' }])).toThrow('merge: points 1 are in no part (is a shard missing?)');
    expect(() =>
      mergeStudyParts([
        { doc: doc([0, 1]), source: 'a.json' },
        { doc: doc([1, 2]), source: 'b.json' },
      ]),
    ).toThrow('merge: point 1 is in both a.json and b.json');
    const other = doc([1]);
    other.manifest.scenarioHash = 'other';
    expect(() =>
      mergeStudyParts([
        { doc: doc([0, 2]), source: 'a.json' },
        { doc: other, source: 'c.json' },
      ]),
    ).toThrow('merge: c.json is a part of another study than a.json');
  });
});
