// routeBetween, the core of `ocsim route`: places from LAT,LON or scenario ids (masks, errors naming the field),
// the great-circle bounds, and hand-computed routes over three satellites on the equator (direct link, or via the
// middle satellite when the range cap forbids it; the middle one as first and last hop with a 0° mask, unless the
// places' range limit excludes it; no route when the satellite over the source is lost).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ISL_PARAMS, type IslParams } from '../../src/sim/links/isl.ts';
import { IslNetwork } from '../../src/sim/links/isl-network.ts';
import { resolveRoutePlace, routeBetween, routeBounds, USER_TERMINAL_MASK_DEG } from '../../src/sim/links/route-between.ts';

import { allocateOrbitChunk, type OrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { threeBody } from '../helpers/run.ts';
import { EARTH_EQUATORIAL_RADIUS_KM, SPEED_OF_LIGHT_KM_S } from '../../src/sim/constants.ts';

describe('resolveRoutePlace', () => {
  const scenario = parseScenario(threeBody());

  it('reads LAT,LON as a user terminal at 0 m with the 25° mask (or the given one)', () => {
    expect(resolveRoutePlace('39.9042,116.4074', scenario, '--from')).toEqual({
      label: '(39.9042,116.4074)',
      station: { id: '(39.9042,116.4074)', name: '(39.9042,116.4074)', latDeg: 39.9042, lonDeg: 116.4074, altM: 0, minElevationDeg: 25 },
    });
    expect(USER_TERMINAL_MASK_DEG).toBe(25);
    expect(resolveRoutePlace(' -33.5 , +151 ', scenario, '--to', { maskDeg: 5 }).station).toMatchObject({ latDeg: -33.5, lonDeg: 151, minElevationDeg: 5 });
    expect(resolveRoutePlace('-33.5,151', scenario, '--to').label).toBe('(-33.5000,151.0000)');
  });

  it('takes a range limit from the view, else from the station; none by default', () => {
    const ranged = parseScenario(threeBody({ groundStations: threeBody().groundStations.map((g, j) => (j === 1 ? { ...g, maxRangeKm: 1200 } : g)) }));
    expect(resolveRoutePlace('cn-kashgar', ranged, '--from').station.maxRangeKm).toBe(1200);
    expect(resolveRoutePlace('cn-kashgar', ranged, '--from', { maxRangeKm: 1089.7, maskDeg: 0 }).station).toMatchObject({
      maxRangeKm: 1089.7,
      minElevationDeg: 0,
    });
    expect(resolveRoutePlace('cn-miyun', ranged, '--from').station).not.toHaveProperty('maxRangeKm');
    expect(resolveRoutePlace('48.85341,2.3488', ranged, '--from', { maxRangeKm: 1089.7 }).station).toMatchObject({ minElevationDeg: 25, maxRangeKm: 1089.7 });
    expect(resolveRoutePlace('zhangjiakou', ranged, '--to', { maxRangeKm: 900 }).station.maxRangeKm).toBe(900);
  });

  it('takes a station with its own mask and altitude, a hub at 0 m with the user-terminal mask', () => {
    const kashgar = resolveRoutePlace('cn-kashgar', scenario, '--from');
    expect(kashgar.label).toBe('cn-kashgar');
    expect(kashgar.station).toMatchObject({ latDeg: 39.466667, lonDeg: 75.983333, altM: 1270, minElevationDeg: 10 });
    expect(resolveRoutePlace('cn-kashgar', scenario, '--from', { maskDeg: 0 }).station.minElevationDeg).toBe(0);
    expect(resolveRoutePlace('zhangjiakou', scenario, '--to').station).toMatchObject({ latDeg: 40.768889, altM: 0, minElevationDeg: 25 });
  });

  it('rejects bad places with a RangeError naming the field', () => {
    expect(() => resolveRoutePlace('95,0', scenario, '--from')).toThrow(/^--from: latitude must be in \[-90, 90\], got 95$/);
    expect(() => resolveRoutePlace('0,181', scenario, '--to')).toThrow(/^--to: longitude must be in \[-180, 180\], got 181$/);
    expect(() => resolveRoutePlace('atlantis', scenario, '--to')).toThrow(RangeError);
    expect(() => resolveRoutePlace('atlantis', scenario, '--to')).toThrow(
      /--to: "atlantis" is neither LAT,LON .* \(cn-miyun, cn-kashgar, cn-sanya, cn-lijiang, cn-mohe, zhangjiakou, /,
    );
  });
});

describe('routeBounds', () => {
  it('a quarter of the equator: 10,007.5 km, 33.38 ms at c, 50.04 ms in straight fibre at 200,000 km/s, × 1.5 over land', () => {
    const place = (lonDeg: number) => ({ label: '', station: { id: '', name: '', latDeg: 0, lonDeg, altM: 0, minElevationDeg: 25 } });
    const b = routeBounds(place(0), place(90), { routeFactor: 1.5, fibreKmPerS: 200_000 });
    const km = (6371.0088 * Math.PI) / 2; // mean-radius sphere
    expect(b.greatCircleKm).toBeCloseTo(km, 9);
    expect(b.vacuumS).toBeCloseTo(km / SPEED_OF_LIGHT_KM_S, 15);
    expect(b.straightFibreS).toBeCloseTo(km / 200_000, 15);
    expect(b.terrestrialFibreS).toBeCloseTo((1.5 * km) / 200_000, 15);
  });
});

describe('routeBetween over three satellites on the equator (550 km, 20° apart)', () => {
  // Satellites at longitudes 0°, 20°, 40°, radius R = a + 550 km; places on the equator under the first and the last.
  // The middle satellite is 3.2° above either place's horizon, below the 10° mask. Neighbours are 2R·sin 10° apart,
  // the outer two 2R·sin 20° ≈ 4,739 km: within 5,016 km, and the chord passes R·cos 20° ≈ 6,510 km from the centre,
  // clear of a + 80 km. Velocities 0: range pairing ranks by the current range.
  const R = EARTH_EQUATORIAL_RADIUS_KM + 550;
  const lons = [0, 20, 40];
  const place = (lonDeg: number, view: { minElevationDeg?: number; maxRangeKm?: number } = {}) => ({
    label: `${lonDeg}`,
    station: { id: `${lonDeg}`, name: '', latDeg: 0, lonDeg, altM: 0, minElevationDeg: 10, ...view },
  });
  /** Time 0: all three; time 1: the satellite over the source is lost (NaN). */
  const propagator = {
    propagateAt(timesMs: ArrayLike<number>): OrbitChunk {
      const c = allocateOrbitChunk(3, timesMs.length);
      for (let t = 0; t < timesMs.length; t++) {
        c.timesMs[t] = timesMs[t]!;
        lons.forEach((lon, s) => {
          const i = (s * timesMs.length + t) * 3;
          const lost = t === 1 && s === 0;
          c.positionsEcefKm.set(lost ? [NaN, NaN, NaN] : [R * Math.cos((lon * Math.PI) / 180), R * Math.sin((lon * Math.PI) / 180), 0], i);
          c.velocitiesEcefKmS.set(lost ? [NaN, NaN, NaN] : [0, 0, 0], i);
        });
      }
      return c;
    },
  };
  const run = (over: Partial<IslParams>, view: { minElevationDeg?: number; maxRangeKm?: number } = {}) => {
    const network = new IslNetwork([undefined, undefined, undefined], { ...DEFAULT_ISL_PARAMS, topology: 'range', ...over });
    return Array.from(routeBetween({ network, propagator, from: place(0, view), to: place(40, view), timesMs: [0, 60_000] }));
  };
  const sin = (deg: number) => Math.sin((deg * Math.PI) / 180);

  it('goes straight from the first satellite to the last: (550 + 2R·sin 20° + 550) km / c = 19.48 ms', () => {
    const [first] = run({});
    expect(first!.timeMs).toBe(0);
    expect(first!.inView).toEqual([1, 1]);
    expect(first!.route!.satellites).toEqual([0, 2]);
    // Positions are Float32-rounded (≤ 0.5 m): 1e-8 s is 3 m of light path.
    expect(first!.route!.latencyS).toBeCloseTo((550 + 2 * R * sin(20) + 550) / SPEED_OF_LIGHT_KM_S, 8);
  });

  it('relays through the middle satellite when links are capped at 4,000 km: (550 + 4R·sin 10° + 550) km / c', () => {
    const [first] = run({ maxRangeKm: 4000 });
    expect(first!.route!.satellites).toEqual([0, 1, 2]);
    expect(first!.route!.latencyS).toBeCloseTo((550 + 4 * R * sin(10) + 550) / SPEED_OF_LIGHT_KM_S, 8);
  });

  it('with a 0° mask serves both places from the middle satellite, unless their range limit excludes it', () => {
    // From a place under satellite 0, satellite 1 is 20° of arc away: √(R² + a² − 2·R·a·cos 20°) = 2,373.25 km, at 3.2°
    // elevation; satellite 2 (40°) is below the horizon (θ at 0° elevation = acos(a/R) = 23.0°).
    const d1 = Math.sqrt(R * R + EARTH_EQUATORIAL_RADIUS_KM ** 2 - 2 * R * EARTH_EQUATORIAL_RADIUS_KM * Math.cos((20 * Math.PI) / 180));
    expect(d1).toBeCloseTo(2373.25, 2);
    const [open] = run({}, { minElevationDeg: 0 });
    expect(open!.inView).toEqual([2, 2]);
    expect(open!.route!.satellites).toEqual([1]);
    expect(open!.route!.latencyS).toBeCloseTo((2 * d1) / SPEED_OF_LIGHT_KM_S, 8);
    // Within 2,000 km only the satellite overhead serves each place: back to the ISL route.
    const [cone] = run({}, { minElevationDeg: 0, maxRangeKm: 2000 });
    expect(cone!.inView).toEqual([1, 1]);
    expect(cone!.route!.satellites).toEqual([0, 2]);
  });

  it('has no route, with the satellites in view counted, when the satellite over the source is lost', () => {
    const [, second] = run({});
    expect(second).toEqual({ timeMs: 60_000, route: null, inView: [0, 1] });
  });
});
