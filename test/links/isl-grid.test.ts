// +Grid ISL topology: the pair list of small Walker shells by hand (seam and phasing, star seam, tiny
// shells), degree 4 for every delta shell (property), and the geometry of a propagated 48 × 50 shell.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateWalker, type WalkerParams } from '../../src/sim/catalog/index.ts';
import type { WalkerSlot } from '../../src/sim/catalog/types.ts';
import { plusGridPairs } from '../../src/sim/links/isl-grid.ts';
import { DEFAULT_ISL_PARAMS, IslLinker, grazingAltitudeKm } from '../../src/sim/links/isl.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';

const EPOCH_MS = Date.parse('2026-04-02T00:00:00Z');

function shell(pattern: 'delta' | 'star', planes: number, satsPerPlane: number, phasing: number, shellId = 1): WalkerSlot[] {
  const out: WalkerSlot[] = [];
  for (let plane = 0; plane < planes; plane++) {
    for (let slot = 0; slot < satsPerPlane; slot++) out.push({ shell: shellId, pattern, planes, satsPerPlane, phasing, plane, slot });
  }
  return out;
}

const pairList = (layouts: (WalkerSlot | undefined)[]) => {
  const p = plusGridPairs(layouts);
  return Array.from({ length: p.count }, (_, e) => [p.a[e]!, p.b[e]!] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
};

function degrees(n: number, pairs: [number, number][]): number[] {
  const d = new Array<number>(n).fill(0);
  for (const [a, b] of pairs) {
    d[a]!++;
    d[b]!++;
  }
  return d;
}

describe('plusGridPairs', () => {
  it('links a 3 × 4 delta shell (F = 1) as worked out by hand, seam included', () => {
    // Index = plane·4 + slot. In-plane rings: 4 pairs per plane. Planes 0→1 and 1→2: same slot.
    // Seam plane 2 → plane 0: slot (s + F) mod 4 = s + 1, so (8,1), (9,2), (10,3), (11,0).
    const expected: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
      [4, 5],
      [5, 6],
      [6, 7],
      [4, 7],
      [8, 9],
      [9, 10],
      [10, 11],
      [8, 11],
      [0, 4],
      [1, 5],
      [2, 6],
      [3, 7],
      [4, 8],
      [5, 9],
      [6, 10],
      [7, 11],
      [1, 8],
      [2, 9],
      [3, 10],
      [0, 11],
    ];
    expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(pairList(shell('delta', 3, 4, 1))).toEqual(expected);
  });

  it('leaves the counter-rotating seam of a star shell unlinked: planes 0 and P−1 have degree 3', () => {
    const pairs = pairList(shell('star', 3, 4, 0));
    expect(pairs).toHaveLength(12 + 8);
    expect(degrees(12, pairs)).toEqual([3, 3, 3, 3, 4, 4, 4, 4, 3, 3, 3, 3]);
  });

  it('keeps each pair once in tiny shells (2 planes × 2 slots, F = 0) and skips non-Walker satellites', () => {
    expect(pairList(shell('delta', 2, 2, 0))).toEqual([
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(pairList([undefined, ...shell('delta', 1, 3, 0), undefined])).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });

  it('drops the links of a missing satellite only', () => {
    const layouts: (WalkerSlot | undefined)[] = shell('delta', 3, 4, 1);
    layouts[5] = undefined; // plane 1, slot 1
    const d = degrees(12, pairList(layouts));
    expect(d[5]).toBe(0);
    expect(d.filter((x) => x === 4)).toHaveLength(7);
    expect(d.filter((x) => x === 3)).toHaveLength(4); // satellites 4 and 6 (in-plane), 1 and 9 (cross-plane)
  });

  it('gives every satellite of any delta shell with P, S ≥ 3 exactly four partners, and star shells 3 or 4', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 25 }), fc.integer({ min: 3, max: 25 }), fc.nat(), (P, S, f) => {
        const delta = degrees(P * S, pairList(shell('delta', P, S, f % P)));
        expect(delta.every((d) => d === 4)).toBe(true);
        const star = degrees(P * S, pairList(shell('star', P, S, f % P)));
        star.forEach((d, i) => expect(d).toBe(i < S || i >= (P - 1) * S ? 3 : 4));
      }),
      { numRuns: 60 },
    );
  });

  it('separates shells: two shells never link to each other', () => {
    const pairs = pairList([...shell('delta', 3, 3, 0, 1), ...shell('delta', 3, 3, 0, 2)]);
    expect(pairs.every(([a, b]) => a < 9 === b < 9)).toBe(true);
    expect(pairs).toHaveLength(36);
  });
});

describe('+Grid on a propagated Walker shell (star-compute inference shell, 48 × 50, F = 1, 550 km SSO)', () => {
  const params: WalkerParams = { pattern: 'delta', planes: 48, satsPerPlane: 50, phasing: 1, altitudeKm: 550, inclination: 'sso', epochMs: EPOCH_MS };
  const records = generateWalker(params);

  it('has degree exactly 4, every link in range and ≥ 80 km above the surface, and seam partners that are nearest', async () => {
    const prop = await createOrbitPropagator(
      records.map((r) => r.satrec),
      { backend: 'js' },
    );
    const times = [0, 1, 6, 12].map((h) => EPOCH_MS + h * 3_600_000);
    const chunk = prop.propagateAt(times);
    const linker = new IslLinker(
      records.map((r) => r.walker),
      DEFAULT_ISL_PARAMS,
    );
    expect(linker.grid.count).toBe(4800);
    const n = records.length;
    const pos = new Float64Array(n * 3);
    for (let t = 0; t < times.length; t++) {
      for (let s = 0; s < n; s++) for (let k = 0; k < 3; k++) pos[s * 3 + k] = chunk.positionsEcefKm[(s * times.length + t) * 3 + k]!;
      const e = linker.linksAt(pos);
      expect(e.count).toBe(4800);
      const deg = new Int32Array(n);
      for (let i = 0; i < e.count; i++) {
        deg[e.a[i]!]!++;
        deg[e.b[i]!]!++;
        const [a, b] = [e.a[i]! * 3, e.b[i]! * 3];
        expect(e.rangeKm[i]).toBeCloseTo(Math.hypot(pos[a]! - pos[b]!, pos[a + 1]! - pos[b + 1]!, pos[a + 2]! - pos[b + 2]!), 9);
        expect(e.rangeKm[i]).toBeLessThan(1000); // 7.2° in-plane ≈ 868 km; cross-plane ≤ 7.5° of RAAN at the equator
        expect(grazingAltitudeKm(pos[a]!, pos[a + 1]!, pos[a + 2]!, pos[b]!, pos[b + 1]!, pos[b + 2]!)).toBeGreaterThan(80);
      }
      expect(Array.from(deg).every((d) => d === 4)).toBe(true);
      // The seam rule (plane 47 slot s ↔ plane 0 slot s+1) must pick the nearest plane-0 satellite.
      for (let slot = 0; slot < 50; slot += 7) {
        const s = 47 * 50 + slot;
        const dist = (j: number) => Math.hypot(pos[s * 3]! - pos[j * 3]!, pos[s * 3 + 1]! - pos[j * 3 + 1]!, pos[s * 3 + 2]! - pos[j * 3 + 2]!);
        const nearest = Array.from({ length: 50 }, (_, k) => k).sort((x, y) => dist(x) - dist(y))[0];
        expect(nearest).toBe((slot + 1) % 50);
      }
    }
    prop.dispose();
  });
});
