// The contact finder's shortcuts are conservative: block balls below the gate / mask hold only samples
// (and Hermite arcs) the scan would find there in floating point; the sign certificates agree with the
// float g and g' even a few ulp from zero; the radix order equals a stable comparator sort.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BALL_STRIDE,
  BLOCK_SAMPLES,
  BlockBalls,
  RATIO_MARGIN,
  ballCone,
  certainGdSign,
  gateCone,
  isBelowGate,
  isRatioInside,
} from '../../src/sim/links/contact-bounds.ts';
import { HermiteSegment } from '../../src/sim/links/hermite.ts';
import { stationGeometry, type GroundStation } from '../../src/sim/links/visibility.ts';
import { sortOrder } from '../../src/sim/links/window-sort.ts';
import { RE_KM, twoBodyChunk, type Orbit } from './two-body.ts';

const GATE = -0.5; // PEAK_GATE of contacts.ts

/** g = upd/√r2 − sin(mask) exactly as the finder computes it. */
const gOf = (upd: number, r2: number, sinMask: number) => upd / Math.sqrt(r2) - sinMask;

describe('BlockBalls + ballCone', () => {
  const orbitArb = fc
    .record({
      aKm: fc.double({ min: RE_KM + 200, max: RE_KM + 40000, noNaN: true }),
      e: fc.double({ min: 0, max: 0.6, noNaN: true }),
      incRad: fc.double({ min: 0, max: Math.PI, noNaN: true }),
      raanRad: fc.double({ min: 0, max: 6.3, noNaN: true }),
      argpRad: fc.double({ min: 0, max: 6.3, noNaN: true }),
      m0Rad: fc.double({ min: 0, max: 6.3, noNaN: true }),
    })
    .filter((o) => o.aKm * (1 - o.e) > RE_KM + 150);
  const stationArb: fc.Arbitrary<GroundStation> = fc.record({
    id: fc.constant('s'),
    name: fc.constant('s'),
    latDeg: fc.double({ min: -89, max: 89, noNaN: true }),
    lonDeg: fc.double({ min: -180, max: 180, noNaN: true }),
    altM: fc.double({ min: 0, max: 5000, noNaN: true }),
    minElevationDeg: fc.double({ min: -5, max: 70, noNaN: true }),
  });

  it('puts a block below the gate or the mask only when every sample and arc point is, in floating point', () => {
    let gate = 0,
      mask = 0;
    fc.assert(
      fc.property(orbitArb, stationArb, fc.constantFrom(10, 60, 120), (orbit: Orbit, st, stepS) => {
        const c = twoBodyChunk([orbit], 0, 121, stepS);
        const g = stationGeometry([st]);
        const [sx, sy, sz, ux, uy, uz] = [...g.ecefKm, ...g.enu.subarray(6, 9)] as number[];
        const sinMask = g.sinMask[0]!;
        const [k, sinG] = gateCone(sinMask + GATE);
        const [km, sinM] = gateCone(sinMask);
        const balls = new BlockBalls();
        balls.fill(c, 0, 1, c.positionsEcefKm, c.velocitiesEcefKmS, 0, c.timesMs[0]!, true);
        const seg = new HermiteSegment();
        const q = new Float64Array(3);
        for (let b = 0; b < balls.count; b++) {
          const kind = ballCone(sx!, sy!, sz!, ux!, uy!, uz!, balls.arcs, b * BALL_STRIDE, k, sinG, km, sinM);
          if (kind === 0) continue;
          if (kind === 1) gate++;
          else mask++;
          for (let t = 1 + b * BLOCK_SAMPLES; t < Math.min(121, 1 + (b + 1) * BLOCK_SAMPLES); t++) {
            seg.set(c.timesMs[t - 1]!, c.positionsEcefKm, c.velocitiesEcefKmS, (t - 1) * 3, c.timesMs[t]!, c.positionsEcefKm, c.velocitiesEcefKmS, t * 3);
            for (let tau = 0; tau <= 1; tau += 1 / 16) {
              seg.position(tau, q);
              const d = [q[0]! - sx!, q[1]! - sy!, q[2]! - sz!];
              const r2 = d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2;
              const upd = ux! * d[0]! + uy! * d[1]! + uz! * d[2]!;
              if (kind === 2) expect(gOf(upd, r2, sinMask)).toBeLessThan(0);
              else if (tau === 1) expect(isBelowGate(upd, r2, sinMask + GATE, (sinMask + GATE) ** 2)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 200, seed: 11 },
    );
    expect(gate).toBeGreaterThan(500);
    expect(mask).toBeGreaterThan(50);
  });
});

describe('sign certificates', () => {
  it('certainGdSign agrees with the float g′ = upv/r − upd·dv/(r2·r), also a few ulp from g′ = 0', () => {
    let decided = 0;
    fc.assert(
      fc.property(
        fc.double({ min: -7000, max: 7000, noNaN: true }),
        fc.double({ min: -8e4, max: 8e4, noNaN: true }),
        fc.double({ min: 1e4, max: 2e8, noNaN: true }),
        fc.integer({ min: -40, max: 40 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.boolean(),
        (upd, dv, r2, ulps, upvFar, nearZero) => {
          let upv = nearZero ? (upd * dv) / r2 : upvFar; // near zero: g′ ≈ 0, then moved by a few ulp
          for (let i = 0; i < Math.abs(ulps); i++) upv = nextAfter(upv, ulps > 0 ? Infinity : -Infinity);
          const r = Math.sqrt(r2);
          const gd = upv / r - (upd * dv) / (r2 * r);
          const sign = certainGdSign(upv, dv, upd, r2);
          if (sign === 0) return;
          decided++;
          expect(Math.sign(gd)).toBe(sign);
        },
      ),
      { numRuns: 4000, seed: 5 },
    );
    expect(decided).toBeGreaterThan(1000); // the generic half is decided
    expect(certainGdSign(1, 2, 3, 4)).toBe(-1); // F = 4 − 6
    expect(certainGdSign(2, 2, 3, 4)).toBe(1); // F = 8 − 6
    expect(certainGdSign(1.5, 2, 3, 4)).toBe(0); // F = 0
  });

  it('isRatioInside(band narrowed by RATIO_MARGIN) implies gate < float g < 0, a few ulp from either edge', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.2, max: 1, noNaN: true }),
        fc.double({ min: 1e4, max: 2e8, noNaN: true }),
        fc.constantFrom(0, 1),
        fc.integer({ min: -60, max: 60 }),
        (sinMask, r2, edge, ulps) => {
          let upd = (edge === 0 ? sinMask : sinMask + GATE) * Math.sqrt(r2);
          for (let i = 0; i < Math.abs(ulps); i++) upd = nextAfter(upd, ulps > 0 ? Infinity : -Infinity);
          const lo = sinMask + GATE + RATIO_MARGIN,
            hi = sinMask - RATIO_MARGIN;
          if (!isRatioInside(upd, r2, lo, lo * lo, hi, hi * hi)) return;
          const g = gOf(upd, r2, sinMask);
          expect(g).toBeLessThan(0);
          expect(g).toBeGreaterThan(GATE);
        },
      ),
      { numRuns: 3000, seed: 6 },
    );
    const r2 = 1e6; // |d| = 1000 km, sin(mask) = 0.2: q = 0 is inside, q = 0.2 and q = −0.3 are not
    expect(isRatioInside(0, r2, -0.3 + RATIO_MARGIN, (-0.3 + RATIO_MARGIN) ** 2, 0.2 - RATIO_MARGIN, (0.2 - RATIO_MARGIN) ** 2)).toBe(true);
    expect(isRatioInside(200, r2, -0.3 + RATIO_MARGIN, (-0.3 + RATIO_MARGIN) ** 2, 0.2 - RATIO_MARGIN, (0.2 - RATIO_MARGIN) ** 2)).toBe(false);
    expect(isRatioInside(-300, r2, -0.3 + RATIO_MARGIN, (-0.3 + RATIO_MARGIN) ** 2, 0.2 - RATIO_MARGIN, (0.2 - RATIO_MARGIN) ** 2)).toBe(false);
  });
});

describe('sortOrder', () => {
  it('equals a stable sort by (AOS, satellite, station) with ties, negatives and −0', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(0, -0, 1.5, -2, 1.7e12, 1.7e12 + 0.25), fc.double({ min: -1e13, max: 1e13, noNaN: true })),
            fc.nat(70000),
            fc.nat(3),
          ),
          { maxLength: 300 },
        ),
        (rows) => {
          const aos = Float64Array.from(rows, (r) => r[0]);
          const sat = Uint32Array.from(rows, (r) => r[1]);
          const station = Uint32Array.from(rows, (r) => r[2]);
          const want = rows.map((_, i) => i).sort((a, b) => aos[a]! - aos[b]! || sat[a]! - sat[b]! || station[a]! - station[b]!);
          expect([...sortOrder(aos, sat, station)!]).toEqual(want);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('gives up (undefined) on a non-finite AOS', () => {
    const one = new Uint32Array(2);
    expect(sortOrder(Float64Array.of(1, NaN), one, one)).toBeUndefined();
    expect(sortOrder(Float64Array.of(Infinity, 1), one, one)).toBeUndefined();
  });
});

/** The next float64 after x towards `to`. */
function nextAfter(x: number, to: number): number {
  if (Number.isNaN(x) || x === to) return x;
  if (x === 0) return to > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] = i[0]! + (x < to === x > 0 ? 1n : -1n);
  return b[0]!;
}
