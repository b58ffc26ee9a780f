import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import land110 from 'world-atlas/land-110m.json' with { type: 'json' };
import { graticuleSegments, isCutEdge, landOutlineSegments, segmentsFromLines } from '../../src/app/view3d/land-outlines.ts';
import { ecefToGeodetic } from '../../src/sim/orbit/frames.ts';
import { KM_PER_UNIT } from '../../src/app/view3d/scene-units.ts';
import { EARTH_EQUATORIAL_RADIUS_KM, WGS84_F } from '../../src/sim/constants.ts';

describe('segmentsFromLines', () => {
  it('puts (lon, lat) on the WGS84 ellipsoid in Earth radii: (0,0) → x, (90,0) → y, pole → z = b', () => {
    const s = segmentsFromLines(
      [
        [
          [0, 0],
          [90, 0],
          [90, 90],
        ],
      ],
      0,
    );
    expect(s.length).toBe(12);
    const expected = [1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1 - WGS84_F];
    s.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it('drops world-atlas cut edges along the antimeridian and the south pole', () => {
    expect(isCutEdge([180, -80], [180, -89])).toBe(true);
    expect(isCutEdge([-180, 10], [180, 10])).toBe(true);
    expect(isCutEdge([10, -90], [20, -90])).toBe(true);
    expect(isCutEdge([179, 10], [180, 10])).toBe(false);
    expect(
      segmentsFromLines(
        [
          [
            [180, -80],
            [180, -89],
            [170, -80],
          ],
        ],
        0,
      ).length,
    ).toBe(6);
  });
});

describe('landOutlineSegments (Natural Earth 1:110m)', () => {
  const seg = landOutlineSegments(land110 as unknown as Topology, 3);

  it('gives thousands of segments, all 3 km above the ellipsoid, none on a cut', () => {
    const n = seg.length / 6;
    expect(n).toBeGreaterThan(3000);
    const g = new Float64Array(3);
    for (let v = 0; v < seg.length / 3; v += 7) {
      ecefToGeodetic(seg[v * 3]! * KM_PER_UNIT, seg[v * 3 + 1]! * KM_PER_UNIT, seg[v * 3 + 2]! * KM_PER_UNIT, g);
      expect(Math.abs(g[2]! - 3)).toBeLessThan(0.05); // float32 at 6,378 km ≈ 0.5 m
    }
    expect(EARTH_EQUATORIAL_RADIUS_KM).toBe(KM_PER_UNIT);
  });
});

describe('graticuleSegments', () => {
  it('draws 12 meridians (80° S–80° N, 2° steps) and 5 parallels (2° steps around)', () => {
    expect(graticuleSegments(30, 2, 0).length / 6).toBe(12 * 80 + 5 * 180);
  });
});
