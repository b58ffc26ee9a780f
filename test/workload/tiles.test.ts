// Tiles, tokens, bytes and the seeded cloudy/clear split.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../src/sim/rng.ts';
import {
  DEFAULT_TILE_TOKENS,
  EARTH_MEAN_CLOUD_COVER,
  KODAN_CLOUDY_SHARE,
  bytesPerTile,
  splitCloudyTiles,
  tilesFromPixels,
  tokensPerTile,
} from '../../src/sim/workload/tiles.ts';

describe('tokensPerTile', () => {
  it('gives 16² = 256 visual tokens for a 448-px tile at 28 px per token (Qwen2-VL)', () => {
    expect(tokensPerTile()).toEqual({ imageTokens: 256, inputTokens: 320, outputTokens: 32, totalTokens: 352 });
  });
  it('rounds a partial token row up', () => {
    expect(tokensPerTile({ ...DEFAULT_TILE_TOKENS, tilePx: 450 }).imageTokens).toBe(17 * 17);
    expect(tokensPerTile({ ...DEFAULT_TILE_TOKENS, tilePx: 28 }).imageTokens).toBe(1);
  });
});

describe('tilesFromPixels', () => {
  it('covers a 4096-px cote frame with 10 × 10 tiles of 448 px (edge tiles padded)', () => {
    expect(tilesFromPixels(4096, 4096, 448)).toEqual({ tilesAcross: 10, tilesAlong: 10, tileCount: 100 });
  });
  it('is exact when the tile divides the image', () => {
    expect(tilesFromPixels(896, 1344, 448).tileCount).toBe(6);
    expect(tilesFromPixels(0, 1344, 448).tileCount).toBe(0);
  });
  it('always covers the image with less than one tile of slack per side', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 4096 }), (w, h, t) => {
        const g = tilesFromPixels(w, h, t);
        return g.tilesAcross * t >= w && (g.tilesAcross - 1) * t < w && g.tilesAlong * t >= h && (g.tilesAlong - 1) * t < h;
      }),
    );
  });
});

describe('bytesPerTile', () => {
  it('is 448² × 4 bands × 12 bit / 8 = 1,204,224 B raw', () => {
    expect(bytesPerTile(448, { bands: 4, bitsPerSample: 12, compressionRatio: 1 })).toBe(1_204_224);
    expect(bytesPerTile(448, { bands: 4, bitsPerSample: 12, compressionRatio: 3 })).toBe(401_408);
  });
});

describe('splitCloudyTiles', () => {
  it('conserves tiles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (n, seed, p) => {
        const s = splitCloudyTiles(n, createRng(seed, 'clouds'), p);
        return s.cloudyTiles + s.clearTiles === n && s.cloudyTiles >= 0 && s.clearTiles >= 0;
      }),
    );
  });
  it('repeats exactly for the same seed and label', () => {
    const run = (): number[] => {
      const rng = createRng(42, 'clouds/sat-3');
      return Array.from({ length: 50 }, (_, i) => splitCloudyTiles(20 + i * 10, rng).cloudyTiles);
    };
    expect(run()).toEqual(run());
  });
  it('draws independent streams for different labels', () => {
    const a = createRng(42, 'clouds/sat-1');
    const b = createRng(42, 'clouds/sat-2');
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 2000; i++) {
      xs.push(splitCloudyTiles(100, a).cloudyTiles);
      ys.push(splitCloudyTiles(100, b).cloudyTiles);
    }
    expect(xs).not.toEqual(ys);
    expect(Math.abs(correlation(xs, ys))).toBeLessThan(0.1); // σ of r for 2000 pairs ≈ 0.022
  });
  it('averages the requested share: 52% (Kodan) and 65% (Earth mean cloud cover)', () => {
    for (const share of [KODAN_CLOUDY_SHARE, EARTH_MEAN_CLOUD_COVER]) {
      for (const batch of [30, 100]) {
        // batch 30 uses the exact Bernoulli path, 100 the normal approximation
        const rng = createRng(7, `share-${share}-${batch}`);
        let cloudy = 0;
        for (let i = 0; i < 2000; i++) cloudy += splitCloudyTiles(batch, rng, share).cloudyTiles;
        expect(cloudy / (2000 * batch)).toBeCloseTo(share, 2);
      }
    }
  });
});

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}
