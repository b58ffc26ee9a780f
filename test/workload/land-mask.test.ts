// Land mask: Natural Earth land (world-atlas) rasterised once; known points and the global land share.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json' with { type: 'json' };
import { buildLandMask, isLand, landAreaFraction, loadDefaultLandTopology, type LandMask } from '../../src/sim/workload/land-mask.ts';

let mask: LandMask;
beforeAll(async () => {
  mask = buildLandMask(await loadDefaultLandTopology(), 0.1);
});

describe('buildLandMask (land-50m, 0.1°)', () => {
  it('has the documented layout', () => {
    expect(mask.cols).toBe(3600);
    expect(mask.rows).toBe(1800);
    expect(mask.cells.length).toBe(3600 * 1800);
  });

  it.each([
    ['Beijing', 39.9, 116.4],
    ['Sahara (Niger)', 23, 13],
    ['Shanghai', 31.23, 121.47],
    ['Greenland ice sheet', 72, -40],
    ['Antarctica (0°E, 80°S)', -80, 0],
    ['Antarctica behind the Ross Ice Shelf (180°, 86°S)', -86, 180],
    ['South Pole', -89.95, 0],
    ['Chukotka west of 180°', 66, -179.9],
    ['Chukotka east of 180°', 66, 179.9],
    ['Viti Levu, Fiji', -17.8, 178],
    ['Lake Baikal (lakes are not holes in Natural Earth land)', 53.5, 108.2],
  ])('%s is land', (_name, latDeg, lonDeg) => {
    expect(isLand(mask, latDeg, lonDeg)).toBe(true);
  });

  it.each([
    ['central Pacific', 0, -150],
    ['East China Sea off Shanghai', 31, 123.5],
    ['Mediterranean', 35, 18],
    ['Caspian Sea (a hole in the land polygon)', 42, 50.5],
    ['Black Sea', 43, 34],
    ['Hudson Bay', 60, -85],
    ['Ross Sea (180°, 75°S)', -75, 180],
    ['North Pole', 89.95, 0],
  ])('%s is water', (_name, latDeg, lonDeg) => {
    expect(isLand(mask, latDeg, lonDeg)).toBe(false);
  });

  it('wraps longitude and clamps latitude', () => {
    expect(isLand(mask, 39.9, 116.4 + 360)).toBe(true);
    expect(isLand(mask, 0, -150 - 720)).toBe(false);
    expect(isLand(mask, -95, 0)).toBe(true);
    expect(isLand(mask, 95, 0)).toBe(false);
  });

  it('covers ≈ 28.7% of the Earth (Earth: 148.9 of 510.1 million km² = 29.2%)', () => {
    const fraction = landAreaFraction(mask);
    expect(fraction).toBeGreaterThan(0.28);
    expect(fraction).toBeLessThan(0.295);
  });
});

describe('land-110m at 0.25°', () => {
  it('agrees with land-50m at 0.1° on ≥ 97% of sampled cells', () => {
    const coarse = buildLandMask(land110m as unknown as Topology, 0.25);
    let same = 0;
    let total = 0;
    for (let lat = -89.5; lat < 90; lat += 1.37) {
      for (let lon = -179.5; lon < 180; lon += 1.73) {
        total++;
        if (isLand(coarse, lat, lon) === isLand(mask, lat, lon)) same++;
      }
    }
    expect(same / total).toBeGreaterThan(0.97);
    expect(Math.abs(landAreaFraction(coarse) - landAreaFraction(mask))).toBeLessThan(0.01);
  });

  it('names the missing object', () => {
    expect(() => buildLandMask(land110m as unknown as Topology, 1, 'countries')).toThrow(/topology\.objects\.countries/);
  });
});
