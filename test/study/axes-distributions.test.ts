// Parsing of --vary values, and the distributions and sampling designs of uncertainty studies.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRange, parseVary, spacedValues } from '../../src/sim/study/axes.ts';
import { applyAssignments, requireParam } from '../../src/sim/study/apply.ts';
import { planStudy } from '../../src/sim/study/plan.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { normalQuantile, quantileOf, sampleUnits } from '../../src/sim/study/distributions.ts';

describe('--vary', () => {
  it('reads explicit values, linear and log ranges with exact endpoints, integers rounded and de-duplicated', () => {
    expect(parseVary('gpu.usdPerHour=1.7, 2.35,3')).toEqual({ path: 'gpu.usdPerHour', values: [1.7, 2.35, 3] });
    expect(parseVary('gpu.usdPerHour=1:3:5').values).toEqual([1, 1.5, 2, 2.5, 3]);
    const log = parseVary('economics.launchUsdPerKg=10:100000:5:log').values;
    expect(log[0]).toBe(10);
    expect(log[4]).toBe(100000);
    expect(log[2]).toBeCloseTo(1000, 9);
    expect(parseVary('groundStations[*].antennas=1:4:7').values).toEqual([1, 2, 3, 4]);
    expect(parseVary('hubs[*].gpus=1:64:7:log').values).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('names the flag and the part that is wrong', () => {
    expect(() => parseVary('gpu.usdPerHour')).toThrow('--vary: "gpu.usdPerHour" is not PATH=V1,V2,… or PATH=LOW:HIGH:N[:log]');
    expect(() => parseVary('gpu.usdPerHour=1,x')).toThrow('--vary gpu.usdPerHour value 2: "x" is not a number');
    expect(() => parseVary('gpu.usdPerHour=1:3:2.5')).toThrow('--vary gpu.usdPerHour: N must be an integer');
    expect(() => parseVary('gpu.usdPerHour=0:3:4:log')).toThrow('a log axis needs LOW and HIGH > 0');
    expect(() => parseVary('gpu.usdPerHr=1,2')).toThrow(/not a study parameter \(did you mean gpu\.usdPerHour/);
    expect(() => parseRange('5:1')).toThrow('--range: LOW (5) must be below HIGH (1)');
  });

  it('reads a model choice by name: the values are indices into the schema list, the table shows the names', () => {
    expect(parseVary('gpu.pricing=reserved, on-demand')).toEqual({ path: 'gpu.pricing', values: [1, 0], labels: ['reserved', 'on-demand'] });
    expect(parseVary('scheduler.policy=lookahead').values).toEqual([2]);
    expect(() => parseVary('gpu.pricing=cheap')).toThrow('--vary gpu.pricing: value 1 "cheap" is not one of on-demand, reserved, per-token');
    expect(() => requireParam('dispatch.policy', '--params')).toThrow(
      /--params: "dispatch\.policy" is a choice \(west-first, nearest, least-latency, cheapest-power\), not a number/,
    );
    const base = parseScenario(threeBodyScenario);
    const plan = planStudy({ kind: 'sweep', axes: [parseVary('gpu.pricing=per-token,reserved'), parseVary('gpu.usdPerHour=2,3')] }, base);
    expect(plan.points.map((p) => p.cells)).toEqual([
      ['per-token', 2],
      ['per-token', 3],
      ['reserved', 2],
      ['reserved', 3],
    ]);
    const s = applyAssignments(base, plan.points[2]!.assignments);
    expect([s.gpu.pricing, s.gpu.usdPerHour, base.gpu.pricing]).toEqual(['reserved', 2, 'on-demand']);
    // A spec whose labels disagree with its values (edited by hand, or from another engine) is refused.
    expect(() => planStudy({ kind: 'sweep', axes: [{ path: 'gpu.pricing', values: [0], labels: ['reserved'] }] }, base)).toThrow(
      'label 1 is not the name of value 0 (on-demand)',
    );
    expect(() => applyAssignments(base, [{ path: 'gpu.pricing', value: 3 }])).toThrow(
      'gpu.pricing: 3 is not the index of one of on-demand, reserved, per-token',
    );
  });

  it('spaces values evenly (property: monotone, ends exact)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.double({ min: 1.001, max: 1000, noNaN: true }),
        fc.integer({ min: 2, max: 50 }),
        fc.boolean(),
        (low, k, n, log) => {
          const v = spacedValues(low, low * k, n, log);
          expect(v[0]).toBe(low);
          expect(v[n - 1]).toBe(low * k);
          for (let i = 1; i < n; i++) expect(v[i]!).toBeGreaterThan(v[i - 1]!);
        },
      ),
    );
  });
});

describe('distributions', () => {
  it('inverts the standard normal CDF to full precision', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 8);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 7);
  });

  it('has the hand-computed quantiles', () => {
    expect(quantileOf({ kind: 'uniform', low: 2, high: 6 }, 0.25)).toBe(3);
    // Triangular (0, 1, 4): F(1) = 1/4; the median solves (4 − x)² = 4·3·0.5 → x = 4 − √6.
    expect(quantileOf({ kind: 'triangular', low: 0, mode: 1, high: 4 }, 0.25)).toBeCloseTo(1, 12);
    expect(quantileOf({ kind: 'triangular', low: 0, mode: 1, high: 4 }, 0.5)).toBeCloseTo(4 - Math.sqrt(6), 12);
    // Log-normal with p5 = 10 and p95 = 1000: median √(10·1000) = 100, and the ends back.
    const ln = { kind: 'lognormal', low: 10, high: 1000 } as const;
    expect(quantileOf(ln, 0.5)).toBeCloseTo(100, 6);
    expect(quantileOf(ln, 0.05)).toBeCloseTo(10, 6);
    expect(quantileOf(ln, 0.95)).toBeCloseTo(1000, 4);
  });

  it('Latin hypercube puts exactly one draw in each of the N strata of every parameter, reproducibly', () => {
    const u = sampleUnits(['a', 'b'], 50, 7, 'lhs');
    for (const col of u) expect([...col].map((x) => Math.floor(x * 50)).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(sampleUnits(['a', 'b'], 50, 7, 'lhs')).toEqual(u);
    expect(sampleUnits(['b'], 50, 7, 'lhs')[0]).toEqual(u[1]); // a parameter's stream does not depend on the others
    expect(sampleUnits(['a'], 50, 8, 'lhs')[0]).not.toEqual(u[0]);
    const mc = sampleUnits(['a'], 2000, 1, 'mc')[0]!;
    const mean = mc.reduce((s, x) => s + x, 0) / mc.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.03); // 4.6 σ of a 2000-draw mean
  });
});
