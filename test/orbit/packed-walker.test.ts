// The per-plane patched packing of Walker shells gives exactly the doubles json2satrec + packElements give each
// satellite, and propagates to the same positions.
import { describe, expect, it } from 'vitest';
import { generateWalker, type WalkerParams } from '../../src/sim/catalog/walker.ts';
import { allocateOrbitChunk } from '../../src/sim/orbit/orbit-chunk.ts';
import { PackedBackend } from '../../src/sim/orbit/packed-backend.ts';
import { PACKED_STRIDE, packElements } from '../../src/sim/orbit/packed-sgp4.ts';
import { PACKED_WALKER_MAX_SATELLITES, packWalkerRange, packableWalkerShell } from '../../src/sim/orbit/packed-walker.ts';

const epochMs = Date.UTC(2026, 3, 2);
const shells: [string, WalkerParams][] = [
  ['delta 53° 550 km', { pattern: 'delta', planes: 12, satsPerPlane: 17, phasing: 5, altitudeKm: 550, inclinationDeg: 53, epochMs }],
  [
    'star SSO 1000 km, RAAN offset',
    { pattern: 'star', planes: 7, satsPerPlane: 9, phasing: 3, altitudeKm: 1000, inclinationDeg: 'sso', epochMs, raan0Deg: 33 },
  ],
  [
    'very low 200 km (SGP4 simplified drag branch)',
    { pattern: 'delta', planes: 3, satsPerPlane: 11, phasing: 1, altitudeKm: 200, inclinationDeg: 97, epochMs },
  ],
  ['retrograde near-polar 8000 km', { pattern: 'delta', planes: 4, satsPerPlane: 6, phasing: 0, altitudeKm: 8000, inclinationDeg: 120, epochMs }],
  [
    "Hypatia's form: 15.19 rev/day, odd planes half a slot ahead, e = 1e-7",
    {
      pattern: 'delta',
      planes: 6,
      satsPerPlane: 5,
      phasing: 0,
      altitudeKm: 550,
      inclinationDeg: 53,
      epochMs,
      meanMotionRevPerDay: 15.19,
      phaseOffsetSlotsByPlane: [0, 0.5],
      eccentricity: 1e-7,
    },
  ],
  [
    'eccentric, argument of perigee 30°, a three-plane offset pattern',
    {
      pattern: 'star',
      planes: 5,
      satsPerPlane: 7,
      phasing: 2,
      altitudeKm: 900,
      inclinationDeg: 87,
      epochMs,
      eccentricity: 0.02,
      argOfPerigeeDeg: 30,
      phaseOffsetSlotsByPlane: [0, 0.25, -0.5],
    },
  ],
];

describe('packWalkerRange', () => {
  it.each(shells)('%s: every packed value equals json2satrec + packElements', (_, params) => {
    const reference = packElements(generateWalker(params).map((r) => r.satrec));
    const w = packableWalkerShell(params);
    const out = { count: w.total, values: new Float64Array(w.total * PACKED_STRIDE), nearEarth: new Uint8Array(w.total) };
    // Two ranges that split a plane, written at their own rows.
    const cut = Math.floor(w.total / 2) + 1;
    const deep = [...packWalkerRange(w, 0, cut, out, 0).keys(), ...packWalkerRange(w, cut, w.total, out, cut).keys()];
    expect(Array.from(out.nearEarth)).toEqual(Array.from(reference.nearEarth));
    // Deep-space rows (8000 km: period 287 min ≥ 225) come back as SatRecs for satellite.js's sgp4.
    expect(deep).toEqual([...reference.nearEarth.keys()].filter((s) => reference.nearEarth[s] === 0));
    expect(deep.length).toBe(params.altitudeKm > 5000 ? w.total : 0);
    for (let i = 0; i < out.values.length; i++) {
      if (!Object.is(out.values[i], reference.values[i]))
        throw new Error(`value ${i} (satellite ${Math.floor(i / PACKED_STRIDE)}, field ${i % PACKED_STRIDE}): ${out.values[i]} ≠ ${reference.values[i]}`);
    }
  });

  it('a slice packed alone propagates like the same satellites of the full catalogue', () => {
    const params = shells[0]![1];
    const w = packableWalkerShell(params);
    const from = 40,
      to = 101;
    const slice = { count: to - from, values: new Float64Array((to - from) * PACKED_STRIDE), nearEarth: new Uint8Array(to - from) };
    packWalkerRange(w, from, to, slice);
    const full = PackedBackend.fromSatrecs(generateWalker(params).map((r) => r.satrec));
    const part = new PackedBackend(slice, []);
    const a = allocateOrbitChunk(w.total, 3);
    const b = allocateOrbitChunk(to - from, 3);
    for (const c of [a, b]) for (let t = 0; t < 3; t++) c.timesMs[t] = epochMs + t * 60_000;
    full.propagate(a);
    part.propagate(b);
    expect(Array.from(b.positionsEcefKm)).toEqual(Array.from(a.positionsEcefKm.subarray(from * 9, to * 9)));
    // A 550 km circular orbit: |r| = 6928 km within the ellipsoid's flattening and SGP4's short-period terms.
    const r = Math.hypot(b.positionsEcefKm[0]!, b.positionsEcefKm[1]!, b.positionsEcefKm[2]!);
    expect(r).toBeGreaterThan(6915);
    expect(r).toBeLessThan(6945);
  });

  it('allows the orbit view 10⁶ satellites and names the field past its cap', () => {
    expect(packableWalkerShell({ ...shells[0]![1], planes: 1000, satsPerPlane: 1000, phasing: 1 }).total).toBe(1_000_000);
    expect(() => packableWalkerShell({ ...shells[0]![1], planes: 2001, satsPerPlane: 1000, phasing: 1 })).toThrow(
      `walker.planes × satsPerPlane: 2001000 satellites, more than ${PACKED_WALKER_MAX_SATELLITES}`,
    );
  });
});
