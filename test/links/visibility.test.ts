// Station geometry and look angles against satellite.js's ecfToLookAngles, and the dot-product
// visibility test against the elevation it stands for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ecfToLookAngles, geodeticToEcf } from 'satellite.js';
import { isVisible, lookAngles, sinElevation, stationGeometry, type GroundStation } from '../../src/sim/links/visibility.ts';

const deg = Math.PI / 180;
const station = (latDeg: number, lonDeg: number, altM: number, minElevationDeg: number): GroundStation => ({
  id: 'x',
  name: 'x',
  latDeg,
  lonDeg,
  altM,
  minElevationDeg,
});

describe('station geometry and look angles', () => {
  it('puts Miyun (40.374444 N, 116.839444 E, 0 m) where satellite.js geodeticToEcf does', () => {
    const g = stationGeometry([station(40.374444, 116.839444, 0, 10)]);
    const ref = geodeticToEcf({ latitude: 40.374444 * deg, longitude: 116.839444 * deg, height: 0 });
    expect(g.ecefKm[0]).toBeCloseTo(ref.x, 6);
    expect(g.ecefKm[1]).toBeCloseTo(ref.y, 6);
    expect(g.ecefKm[2]).toBeCloseTo(ref.z, 6);
    expect(g.sinMask[0]).toBeCloseTo(Math.sin(10 * deg), 15);
  });

  it('gives a satellite straight overhead elevation 90° and range = height difference', () => {
    const g = stationGeometry([station(52.971944, 122.538889, 435, 10)]);
    const above = stationGeometry([station(52.971944, 122.538889, 500_435, 10)]);
    const la = lookAngles(above.ecefKm, g, 0);
    expect(la.elevationDeg).toBeCloseTo(90, 6);
    expect(la.rangeKm).toBeCloseTo(500, 6);
  });

  it('matches satellite.js ecfToLookAngles for random stations and satellites', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -89, max: 89, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 4000, noNaN: true }),
        fc.tuple(
          fc.double({ min: -8000, max: 8000, noNaN: true }),
          fc.double({ min: -8000, max: 8000, noNaN: true }),
          fc.double({ min: -8000, max: 8000, noNaN: true }),
        ),
        (latDeg, lonDeg, altM, [x, y, z]) => {
          fc.pre(Math.hypot(x, y, z) > 6600);
          const g = stationGeometry([station(latDeg, lonDeg, altM, 0)]);
          const ours = lookAngles([x, y, z], g, 0);
          const ref = ecfToLookAngles({ latitude: latDeg * deg, longitude: lonDeg * deg, height: altM / 1000 }, { x, y, z });
          // satellite.js rounds WGS84 b to 6356.7523142 km: agreement to 1 mm, not to the last bit. Within half a degree
          // of zenith or nadir the elevation is an arcsine near ±1, which turns last-bit differences into ~1e-6°.
          const nearPole = Math.abs(ref.elevation / deg) > 89.5;
          expect(Math.abs(ours.elevationDeg - ref.elevation / deg)).toBeLessThan(nearPole ? 1e-5 : 1e-7);
          expect(Math.abs(ours.rangeKm - ref.rangeSat)).toBeLessThan(1e-6);
          const dAz = Math.abs(((ours.azimuthDeg - ref.azimuth / deg + 540) % 360) - 180);
          if (!nearPole) expect(dAz).toBeLessThan(1e-6); // azimuth has no meaning at zenith or nadir
          expect(ours.elevationDeg).toBeLessThanOrEqual(90);
        },
      ),
    );
  });

  it('isVisible is exactly elevation > mask (mask ≥ 0), and sinElevation agrees with lookAngles', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -89, max: 89, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 85, noNaN: true }),
        fc.tuple(
          fc.double({ min: -8000, max: 8000, noNaN: true }),
          fc.double({ min: -8000, max: 8000, noNaN: true }),
          fc.double({ min: -8000, max: 8000, noNaN: true }),
        ),
        (latDeg, lonDeg, maskDeg, [x, y, z]) => {
          fc.pre(Math.hypot(x, y, z) > 6600);
          const g = stationGeometry([station(latDeg, lonDeg, 0, maskDeg)]);
          const el = lookAngles([x, y, z], g, 0).elevationDeg;
          fc.pre(Math.abs(el - maskDeg) > 1e-9);
          expect(isVisible(g, 0, x, y, z)).toBe(el > maskDeg);
          expect(sinElevation(g, 0, x, y, z)).toBeCloseTo(Math.sin(el * deg), 12);
        },
      ),
    );
  });
});
