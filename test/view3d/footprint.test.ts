import { describe, expect, it } from 'vitest';
import { footprintCentralAngleRad, shellAltitudeKm, writeFootprintCircle } from '../../src/app/view3d/footprint.ts';
import { ecefToGeodetic } from '../../src/sim/orbit/frames.ts';
import { KM_PER_UNIT } from '../../src/app/view3d/scene-units.ts';

const DEG = Math.PI / 180;

describe('footprintCentralAngleRad', () => {
  // Hand-computed: λ = acos(6378.137·cos ε / (6378.137 + h)) − ε.
  it('550 km at a 25° mask: 8.4508° (≈ 941 km of ground range, the figure quoted for Starlink cells)', () => {
    const l = footprintCentralAngleRad(25, 550);
    expect(l / DEG).toBeCloseTo(8.4508, 3);
    expect(l * 6378.137).toBeCloseTo(940.74, 1);
  });

  it('550 km at 0° is the horizon circle acos(R/(R+h)) = 22.984°; 500 km at 10° is 14.046°', () => {
    expect(footprintCentralAngleRad(0, 550) / DEG).toBeCloseTo(22.9841, 3);
    expect(footprintCentralAngleRad(10, 500) / DEG).toBeCloseTo(14.0461, 3);
  });

  it('shrinks as the mask rises and grows with altitude', () => {
    expect(footprintCentralAngleRad(20, 550)).toBeLessThan(footprintCentralAngleRad(10, 550));
    expect(footprintCentralAngleRad(10, 1000)).toBeGreaterThan(footprintCentralAngleRad(10, 550));
  });
});

describe('shellAltitudeKm', () => {
  it('is the median of the finite altitudes', () => {
    expect(shellAltitudeKm([500, NaN, 560, 520])).toBe(520);
    expect(shellAltitudeKm([500, 560, 520, 540])).toBe(530);
    expect(shellAltitudeKm([NaN])).toBeNaN();
  });
});

describe('writeFootprintCircle', () => {
  it('writes closed segments whose points are λ from the station (Kashi, λ = 14.05°)', () => {
    const segments = 64;
    const out = new Float32Array(segments * 2 * 3);
    const lambda = footprintCentralAngleRad(10, 500);
    expect(writeFootprintCircle(39.466667, 75.983333, lambda, segments, 0, out, 0)).toBe(segments * 2);
    const g = new Float64Array(3);
    const lat0 = 39.466667 * DEG;
    const lon0 = 75.983333 * DEG;
    for (let v = 0; v < segments * 2; v++) {
      ecefToGeodetic(out[v * 3]! * KM_PER_UNIT, out[v * 3 + 1]! * KM_PER_UNIT, out[v * 3 + 2]! * KM_PER_UNIT, g);
      const cosD = Math.sin(lat0) * Math.sin(g[0]!) + Math.cos(lat0) * Math.cos(g[0]!) * Math.cos(g[1]! - lon0);
      expect(Math.acos(Math.min(1, cosD)) / DEG).toBeCloseTo(lambda / DEG, 3);
    }
    // Segment i ends where segment i + 1 starts; the last ends where the first starts.
    for (let s = 0; s < segments; s++) {
      const end = (s * 2 + 1) * 3;
      const next = ((s + 1) % segments) * 2 * 3;
      for (let k = 0; k < 3; k++) expect(out[end + k]).toBeCloseTo(out[next + k]!, 6);
    }
  });
});
