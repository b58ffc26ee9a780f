// Range / line-of-sight ISLs: geometry invariants on random clouds (property tests), the spatial-hash
// candidate search against brute force, the greedy pairing against an exhaustive reference, link keeping,
// the look-ahead ranking, and the invariants on the real 10,313-satellite Starlink set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCatalog } from '../../src/sim/catalog/index.ts';
import { allocateIslEdges, type IslEdgeList } from '../../src/sim/links/isl-edges.ts';
import { ISL_EARTH_RADIUS_KM } from '../../src/sim/links/isl-geometry.ts';
import type { NeighbourQuery } from '../../src/sim/links/isl-neighbours.ts';
import { RangeLinker } from '../../src/sim/links/isl-range.ts';
import { DEFAULT_ISL_PARAMS, IslLinker, validateIslParams } from '../../src/sim/links/isl.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';

const RE = ISL_EARTH_RADIUS_KM;

/** Lowest radius of segment a→b, written independently of the code: |a×b|/|b−a| when the foot is inside. */
function minRadiusKm(a: number[], b: number[]): number {
  const d = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const dot = (u: number[], v: number[]) => u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!;
  const inside = dot(a, d) < 0 && dot(b, d) > 0;
  if (!inside) return Math.min(Math.hypot(a[0]!, a[1]!, a[2]!), Math.hypot(b[0]!, b[1]!, b[2]!));
  const c = [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
  return Math.hypot(c[0]!, c[1]!, c[2]!) / Math.hypot(d[0]!, d[1]!, d[2]!);
}

const sat = fc.record({
  latDeg: fc.double({ min: -90, max: 90, noNaN: true }),
  lonDeg: fc.double({ min: -180, max: 180, noNaN: true }),
  altKm: fc.double({ min: 200, max: 3000, noNaN: true }),
  lost: fc.nat(15).map((k) => k === 0),
});

function cloud(sats: { latDeg: number; lonDeg: number; altKm: number; lost: boolean }[]): Float64Array {
  const pos = new Float64Array(sats.length * 3);
  sats.forEach((s, i) => {
    const r = RE + s.altKm;
    const la = (s.latDeg * Math.PI) / 180;
    const lo = (s.lonDeg * Math.PI) / 180;
    pos.set(s.lost ? [NaN, NaN, NaN] : [r * Math.cos(la) * Math.cos(lo), r * Math.cos(la) * Math.sin(lo), r * Math.sin(la)], i * 3);
  });
  return pos;
}

const at = (pos: Float64Array, i: number) => [pos[i * 3]!, pos[i * 3 + 1]!, pos[i * 3 + 2]!];
const dist = (pos: Float64Array, i: number, j: number) =>
  Math.hypot(pos[i * 3]! - pos[j * 3]!, pos[i * 3 + 1]! - pos[j * 3 + 1]!, pos[i * 3 + 2]! - pos[j * 3 + 2]!);
const edgesOf = (e: IslEdgeList) => Array.from({ length: e.count }, (_, k) => [e.a[k]!, e.b[k]!, e.rangeKm[k]!] as const);

function checkInvariants(pos: Float64Array, e: IslEdgeList, maxRangeKm: number, marginKm: number, terminals: number): void {
  const n = pos.length / 3;
  const seen = new Set<number>();
  const deg = new Int32Array(n);
  for (const [a, b, r] of edgesOf(e)) {
    expect(a).toBeLessThan(b);
    expect(seen.has(a * n + b)).toBe(false);
    seen.add(a * n + b);
    expect(Number.isFinite(pos[a * 3]! + pos[b * 3]!)).toBe(true);
    expect(r).toBeCloseTo(dist(pos, a, b), 9);
    expect(r).toBeLessThanOrEqual(maxRangeKm);
    expect(minRadiusKm(at(pos, a), at(pos, b)) - RE).toBeGreaterThanOrEqual(marginKm - 1e-6);
    deg[a]!++;
    deg[b]!++;
  }
  expect(Math.max(0, ...deg)).toBeLessThanOrEqual(terminals);
}

/** Brute force: every linkable pair, best (key, a, b) first, greedily under the terminal limit. */
function referencePairing(pos: Float64Array, maxRangeKm: number, marginKm: number, terminals: number): string[] {
  const n = pos.length / 3;
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const d = dist(pos, a, b);
      if (d <= maxRangeKm && minRadiusKm(at(pos, a), at(pos, b)) >= RE + marginKm) pairs.push([d * d, a, b]);
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const used = new Int32Array(n);
  const out: string[] = [];
  for (const [, a, b] of pairs) {
    if (used[a]! >= terminals || used[b]! >= terminals) continue;
    used[a]!++;
    used[b]!++;
    out.push(`${a}-${b}`);
  }
  return out.sort();
}

/** The best c partners of s by brute force: linkable now, ranked by (max(d_now², d_300s²), index). */
function bruteBest(pos: Float64Array, vel: Float64Array | null, s: number, c: number, maxRangeKm: number): number[] {
  const keys: number[] = [];
  const ids: number[] = [];
  const n = pos.length / 3;
  if (!Number.isFinite(pos[s * 3]!)) return [];
  for (let j = 0; j < n; j++) {
    if (j === s || !Number.isFinite(pos[j * 3]!)) continue;
    const d = dist(pos, s, j);
    if (d > maxRangeKm || minRadiusKm(at(pos, s), at(pos, j)) < RE + 80) continue;
    let key = d * d;
    if (vel) {
      const f = [0, 1, 2].map((k) => pos[j * 3 + k]! - pos[s * 3 + k]! + (vel[j * 3 + k]! - vel[s * 3 + k]!) * 300);
      key = Math.max(key, f[0]! ** 2 + f[1]! ** 2 + f[2]! ** 2);
    }
    let k = keys.length;
    if (k === c && !(key < keys[c - 1]! || (key === keys[c - 1]! && j < ids[c - 1]!))) continue;
    if (k === c) k--;
    keys.splice(k, keys.length - k);
    ids.splice(k, ids.length - k);
    let i = k;
    while (i > 0 && (keys[i - 1]! > key || (keys[i - 1] === key && ids[i - 1]! > j))) i--;
    keys.splice(i, 0, key);
    ids.splice(i, 0, j);
  }
  return ids;
}

const query = (pos: Float64Array, maxRangeKm: number, marginKm: number, vel: Float64Array | null = null, horizonS = 0): NeighbourQuery => ({
  pos,
  vel,
  horizonS,
  maxRangeKm,
  minRadiusKm: RE + marginKm,
});

describe('range / line-of-sight ISLs (property tests on random clouds)', () => {
  it('links only present pairs, within range, ≥ margin above the surface, once each, ≤ terminals per satellite', () => {
    fc.assert(
      fc.property(
        fc.array(sat, { minLength: 0, maxLength: 120 }),
        fc.double({ min: 300, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (sats, maxRangeKm, marginKm, terminals) => {
          const pos = cloud(sats);
          const linker = new IslLinker(
            sats.map(() => undefined),
            { ...DEFAULT_ISL_PARAMS, topology: 'range', maxRangeKm, atmMarginKm: marginKm, terminalsPerSat: terminals },
          );
          checkInvariants(pos, linker.linksAt(pos), maxRangeKm, marginKm, terminals);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds exactly the brute-force best candidates through the spatial hash (with and without look-ahead)', () => {
    // Up to 2,500 satellites so cells get small against the spacing (the ring search then matters), uniform
    // over a 500–1,500 km shell or bunched in three 8° patches; the reference keeps the best c by insertion.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 2500 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.double({ min: 300, max: 6000, noNaN: true }),
        (n, c, withVel, isBunched, seed, maxRangeKm) => {
          let x = seed;
          const rnd = () => (x = (Math.imul(x, 48271) >>> 0) % 2147483647) / 2147483647;
          const pos = cloud(
            Array.from({ length: n }, () =>
              isBunched
                ? { latDeg: [0, 40, -60][Math.floor(rnd() * 3)]! + 8 * rnd() - 4, lonDeg: 8 * rnd() - 4, altKm: 500 + 200 * rnd(), lost: rnd() < 0.02 }
                : { latDeg: (Math.asin(2 * rnd() - 1) * 180) / Math.PI, lonDeg: 360 * rnd() - 180, altKm: 500 + 1000 * rnd(), lost: rnd() < 0.02 },
            ),
          );
          const vel = withVel ? Float64Array.from({ length: n * 3 }, () => 16 * rnd() - 8) : null;
          const linker = new RangeLinker(c, c);
          linker.link(query(pos, maxRangeKm, 80, vel, 300), n, null, allocateIslEdges(n * c));
          const wrong = Array.from({ length: n }, (_, s) => s).filter((s) => linker.candidates(s).join() !== bruteBest(pos, vel, s, c, maxRangeKm).join());
          expect(wrong).toEqual([]);
        },
      ),
      { numRuns: 16 },
    );
  });

  it('pairs exactly like an exhaustive greedy reference when every satellite is a candidate of every other', () => {
    fc.assert(
      fc.property(
        fc.array(sat, { minLength: 2, maxLength: 9 }),
        fc.double({ min: 500, max: 15_000, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        (sats, maxRangeKm, terminals) => {
          const pos = cloud(sats);
          const linker = new RangeLinker(terminals, Math.max(1, sats.length - 1));
          const out = allocateIslEdges(sats.length * terminals);
          linker.link(query(pos, maxRangeKm, 80), sats.length, null, out);
          expect(
            edgesOf(out)
              .map(([a, b]) => `${a}-${b}`)
              .sort(),
          ).toEqual(referencePairing(pos, maxRangeKm, 80, terminals));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('range pairing over time', () => {
  // Four satellites on the equator at 1,000 km altitude (r = 7,378.137 km; chord = 2r·sin(Δλ/2)).
  const ring = (lons: number[]) => cloud(lons.map((lonDeg) => ({ latDeg: 0, lonDeg, altKm: 1000, lost: false })));
  const names = (e: IslEdgeList) => edgesOf(e).map(([a, b]) => `${a}-${b}`);

  it('keeps a link while it stays linkable, even when a nearer partner appears; replaces it once out of range', () => {
    const linker = new RangeLinker(1, 3);
    const out = allocateIslEdges(4);
    // 1–2 (3°, 386 km) first; 0–1, 0–2, 2–3, 1–3 then have a busy end; 0–3 (20°, 2,562 km) last.
    linker.link(query(ring([0, 5, 8, 20]), 3000, 80), 4, null, out);
    expect(names(out)).toEqual(['1-2', '0-3']);
    // Satellite 1 moves next to 0: a fresh pairing takes 0–1 (1°) and 2–3 (12°); the kept links stay (7°, 20°).
    out.count = 0;
    linker.link(query(ring([0, 1, 8, 20]), 3000, 80), 4, null, out);
    expect(names(out)).toEqual(['0-3', '1-2']);
    const fresh = allocateIslEdges(4);
    new RangeLinker(1, 3).link(query(ring([0, 1, 8, 20]), 3000, 80), 4, null, fresh);
    expect(names(fresh).sort()).toEqual(['0-1', '2-3']);
    // 1–2 at 39° (4,926 km) and 0–3 at 50° (6,236 km) exceed 3,000 km: both break, the free terminals re-pair.
    out.count = 0;
    linker.link(query(ring([0, 1, 40, 50]), 3000, 80), 4, null, out);
    expect(names(out).sort()).toEqual(['0-1', '2-3']);
  });

  it('prefers a co-moving partner over a nearer one that is drifting away (look-ahead ranking)', () => {
    const pos = ring([0, 2, 3]); // 1 is nearer to 2 (1°, 129 km) than 0 is (3°, 386 km) ...
    const vel = new Float64Array(9);
    vel[1 * 3 + 2] = 7; // ... but 1 moves 7 km/s north (+z): after 300 s it is ≈ 2,100 km away
    const linker = new RangeLinker(1, 2);
    const out = allocateIslEdges(3);
    linker.link(query(pos, 3000, 80, vel, 300), 3, null, out);
    expect(names(out)).toEqual(['0-2']);
    out.count = 0;
    new RangeLinker(1, 2).link(query(pos, 3000, 80, vel, 0), 3, null, out);
    expect(names(out)).toEqual(['1-2']);
  });
});

describe('parameters', () => {
  it('names every bad field', () => {
    const bad = validateIslParams({
      topology: 'mesh' as never,
      rateGbps: 0,
      acquisitionS: -1,
      maxRangeKm: NaN,
      atmMarginKm: -5,
      terminalsPerSat: 2.5,
      pairingHorizonS: -1,
    });
    expect(bad.map((m) => m.split(':')[0])).toEqual([
      'isl.topology',
      'isl.rateGbps',
      'isl.acquisitionS',
      'isl.maxRangeKm',
      'isl.atmMarginKm',
      'isl.terminalsPerSat',
      'isl.pairingHorizonS',
    ]);
    expect(validateIslParams(DEFAULT_ISL_PARAMS)).toEqual([]);
    expect(() => new IslLinker([], { ...DEFAULT_ISL_PARAMS, maxRangeKm: -1 })).toThrow(/isl.maxRangeKm/);
  });
});

describe('10,313 Starlink satellites (tle/starlink-20260512.tle) at 2026-05-12T12:00Z', () => {
  it('satisfies the invariants and gives almost every satellite four links', async () => {
    const t0 = Date.parse('2026-05-12T12:00:00Z');
    const { records } = parseCatalog(readFileSync('tle/starlink-20260512.tle', 'utf8'), { source: 'starlink', referenceMs: t0 });
    expect(records).toHaveLength(10_313);
    const prop = await createOrbitPropagator(records.map((r) => r.satrec));
    const chunk = prop.propagateAt([t0]);
    prop.dispose();
    const linker = new IslLinker(
      records.map((r) => r.walker),
      { ...DEFAULT_ISL_PARAMS, topology: 'range' },
    );
    const e = linker.linksAt(chunk.positionsEcefKm, chunk.velocitiesEcefKmS);
    checkInvariants(chunk.positionsEcefKm, e, DEFAULT_ISL_PARAMS.maxRangeKm, DEFAULT_ISL_PARAMS.atmMarginKm, 4);
    // Measured 19,658 edges: 4·10,313/2 = 20,626 if every terminal were used; > 95% of that.
    expect(e.count).toBeGreaterThan(0.95 * 20_626);
    expect(e.count).toBeLessThanOrEqual(20_626);
  }, 60_000);
});
