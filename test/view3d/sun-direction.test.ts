import { describe, expect, it } from 'vitest';
import { gstime, jday, sunPos } from 'satellite.js';
import { julianDateOfMs, sunDirectionEcef } from '../../src/app/view3d/sun-direction.ts';

const DEG = 180 / Math.PI;
const out = new Float64Array(3);

function subsolar(iso: string): { latDeg: number; lonDeg: number; norm: number } {
  sunDirectionEcef(Date.parse(iso), out);
  return { latDeg: Math.asin(out[2]!) * DEG, lonDeg: Math.atan2(out[1]!, out[0]!) * DEG, norm: Math.hypot(out[0]!, out[1]!, out[2]!) };
}

describe('sunDirectionEcef', () => {
  it('equals satellite.js sunPos rotated by gstime (same algorithm, allocation-free)', () => {
    for (const iso of ['2026-04-02T00:00:00Z', '2026-04-02T13:37:11.5Z', '2030-01-01T06:00:00Z']) {
      const ms = Date.parse(iso);
      const jd = jday(new Date(ms));
      expect(julianDateOfMs(ms)).toBeCloseTo(jd, 8);
      const r = sunPos(jd).rsun;
      const m = Math.hypot(r.x, r.y, r.z);
      const g = gstime(jd);
      const ref = [(Math.cos(g) * r.x + Math.sin(g) * r.y) / m, (-Math.sin(g) * r.x + Math.cos(g) * r.y) / m, r.z / m];
      sunDirectionEcef(ms, out);
      for (let k = 0; k < 3; k++) expect(out[k]).toBeCloseTo(ref[k]!, 7);
    }
  });

  // Expected sub-solar points by hand: latitude = declination; longitude = −15°·(UTC h − 12 + EoT h), with the
  // equation of time from the almanac (Jun 21 ≈ −1.8 min, Mar 20 ≈ −7.4 min, Apr 2 ≈ −3.9 min, Dec 21 ≈ +1.8 min).
  it('puts the Sun over the Tropic of Cancer at the June 2026 solstice (21 Jun 08:24 UTC), at ≈ 54.45° E', () => {
    const s = subsolar('2026-06-21T08:24:00Z');
    expect(s.norm).toBeCloseTo(1, 12);
    expect(s.latDeg).toBeCloseTo(23.436, 1);
    expect(Math.abs(s.lonDeg - 54.45)).toBeLessThan(0.25);
  });

  it('puts the Sun over the equator at the March 2026 equinox (20 Mar 14:46 UTC), at ≈ 39.65° W', () => {
    const s = subsolar('2026-03-20T14:46:00Z');
    expect(Math.abs(s.latDeg)).toBeLessThan(0.02);
    expect(Math.abs(s.lonDeg + 39.65)).toBeLessThan(0.25);
  });

  it('at the default epoch (2 Apr 2026 00:00 UTC) the Sun is over the Pacific near 179° W, 4.85° N: China is in daylight', () => {
    const s = subsolar('2026-04-02T00:00:00Z');
    expect(Math.abs(s.lonDeg + 179.02)).toBeLessThan(0.25);
    expect(Math.abs(s.latDeg - 4.85)).toBeLessThan(0.1);
    // Beijing (39.9° N, 116.4° E): the Sun is above the horizon (local solar time ≈ 07:45).
    const lat = 39.9 / DEG;
    const lon = 116.4 / DEG;
    const up = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
    expect(up[0]! * out[0]! + up[1]! * out[1]! + up[2]! * out[2]!).toBeGreaterThan(0.1);
  });

  it('puts the Sun over the Tropic of Capricorn at the December 2026 solstice (21 Dec 20:50 UTC)', () => {
    const s = subsolar('2026-12-21T20:50:00Z');
    expect(s.latDeg).toBeCloseTo(-23.436, 1);
    expect(Math.abs(s.lonDeg + 132.95)).toBeLessThan(0.25);
  });
});
