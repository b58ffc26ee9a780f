// The orbit-view API: slices of a Walker shell and of a TLE set fill the same keyframes as one propagator over
// the whole catalogue, shared or per slice; bad requests name the field.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateWalker } from '../../src/sim/catalog/walker.ts';
import { createOrbitViewApi, type OrbitViewApi } from '../../src/sim/api/orbit-view-api.ts';
import { buildKeyframeBlock } from '../../src/sim/api/keyframes.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { parseTle } from '../../src/sim/catalog/index.ts';
import { presets } from '../../src/sim/scenario/presets.ts';
import type { ScenarioInput } from '../../src/sim/scenario/schema.ts';

const walker = { kind: 'walker', pattern: 'delta', planes: 30, satsPerPlane: 41, phasing: 7, altitudeKm: 550, inclinationDeg: 53, namePrefix: 'MEGA' } as const;
const scenario: ScenarioInput = { ...presets['three-body']!, name: 'walker-test', constellation: { sources: [walker] } };
const epochMs = Date.UTC(2026, 3, 2);
const readText = async (path: string) => readFileSync(path, 'utf8');

async function openParts(api: OrbitViewApi[], s: ScenarioInput, viewId = 1) {
  return Promise.all(api.map((a, part) => a.open({ viewId, scenario: s, part, parts: api.length })));
}

describe('orbit view API', () => {
  it('two slices of a Walker shell fill the shared arrays exactly as one propagator over the whole shell', async () => {
    const apis = [createOrbitViewApi(readText), createOrbitViewApi(readText)];
    const replies = await openParts(apis, scenario);
    const n = 30 * 41;
    expect(replies.map((r) => (r.ok ? [r.satCount, r.from, r.to] : r.message))).toEqual([
      [n, 0, 615],
      [n, 615, n],
    ]);
    expect(replies[0]!.ok && replies[0]!.endMs - replies[0]!.startMs).toBe(24 * 3_600_000);
    const count = 3;
    const positionsKm = new Float32Array(count * n * 3);
    const velocitiesKmS = new Float32Array(count * n * 3);
    const req = { viewId: 1, startMs: epochMs + 600_000, stepS: 60, count, shared: { positionsKm, velocitiesKmS } };
    expect(await Promise.all(apis.map((a) => a.fill(req)))).toEqual([null, null]);
    // Oracle: the sim API's keyframe builder on satellite.js SatRecs of the generated shell (packed backend).
    const satrecs = generateWalker({ ...walker, epochMs }).map((r) => r.satrec);
    const oracle = buildKeyframeBlock(
      { propagator: await createOrbitPropagator(satrecs, { backend: 'packed' }), lostAtMs: new Float64Array(n).fill(Infinity) },
      1,
      { runId: 1, startMs: req.startMs, stepS: 60, count },
      (l) => new Float32Array(l),
    );
    expect(positionsKm).toEqual(oracle.positionsKm);
    expect(velocitiesKmS).toEqual(oracle.velocitiesKmS);
    // Per-slice replies (no SharedArrayBuffer): part 1's arrays are its rows of every frame.
    const own = await apis[1]!.fill({ ...req, shared: undefined });
    expect(own!.positionsKm.length).toBe(count * 615 * 3);
    for (let f = 0; f < count; f++)
      expect(own!.positionsKm.subarray(f * 615 * 3, (f + 1) * 615 * 3)).toEqual(oracle.positionsKm.subarray((f * n + 615) * 3, (f + 1) * n * 3));
  });

  it('slices a TLE set (the Starlink file) and names any satellite from any slice', async () => {
    const starlink = { ...presets['starlink']!, constellation: { sources: [{ kind: 'tle', file: 'tle/starlink-20260512.tle' }] } } as ScenarioInput;
    const apis = [createOrbitViewApi(readText), createOrbitViewApi(readText)];
    const replies = await openParts(apis, starlink, 7);
    const parsed = parseTle(readFileSync('tle/starlink-20260512.tle', 'utf8'), {
      source: 's',
      referenceMs: Date.UTC(2026, 4, 12, 12),
      maxEpochAgeDays: 30,
      warnEpochAgeDays: 14,
    });
    const n = parsed.records.length;
    expect(replies.every((r) => r.ok && r.satCount === n)).toBe(true);
    expect(await apis[0]!.describe({ viewId: 7, index: n - 1 })).toEqual({ name: parsed.records[n - 1]!.name, norad: parsed.records[n - 1]!.norad });
    expect(await apis[1]!.describe({ viewId: 7, index: 0 })).toEqual({ name: parsed.records[0]!.name, norad: parsed.records[0]!.norad });
    expect(await apis[1]!.describe({ viewId: 8, index: 0 })).toBeNull();
  });

  it('names a Walker satellite by plane and slot, and reports bad input by field', async () => {
    const [api] = [createOrbitViewApi(readText)];
    await api!.open({ viewId: 3, scenario, part: 0, parts: 1 });
    expect(await api!.describe({ viewId: 3, index: 41 * 2 + 4 })).toEqual({ name: 'MEGA 3-5', norad: 900_000 + 86 });
    await expect(api!.fill({ viewId: 3, startMs: epochMs, stepS: 0, count: 1 })).rejects.toThrow('fill.stepS: must be > 0 s, got 0');
    await expect(
      api!.fill({ viewId: 3, startMs: epochMs, stepS: 60, count: 2, shared: { positionsKm: new Float32Array(3), velocitiesKmS: new Float32Array(3) } }),
    ).rejects.toThrow('fill.shared: arrays hold 3 floats, 7380 needed (2 × 1230 × 3)');
    const big = await api!.open({
      viewId: 4,
      scenario: { ...scenario, constellation: { sources: [{ ...walker, planes: 3000, satsPerPlane: 1000 }] } },
      part: 0,
      parts: 1,
    });
    expect(big.ok ? 'ok' : big.message).toBe(
      `no satellite could be loaded: constellation.sources[0] (walker): walker.planes × satsPerPlane: 3000000 satellites, more than 2000000`,
    );
    const bad = await api!.open({ viewId: 5, scenario: { ...scenario, durationH: -1 }, part: 0, parts: 1 });
    expect(bad.ok ? [] : bad.scenarioErrors.map((e) => e.path)).toEqual(['durationH']);
    const missing = await api!.open({
      viewId: 6,
      scenario: { ...scenario, constellation: { sources: [{ kind: 'tle', file: 'tle/nope.tle' }] } },
      part: 0,
      parts: 1,
    });
    expect(missing.ok ? 'ok' : missing.message).toMatch(/^no satellite could be loaded: constellation\.sources\[0\]\.file: cannot read "tle\/nope\.tle"/);
    // A bad source next to a good one is quarantined, as in a run: the good one shows, the issue names the bad one.
    const mixed = await api!.open({
      viewId: 7,
      scenario: { ...scenario, constellation: { sources: [{ kind: 'tle', file: 'tle/nope.tle' }, walker] } },
      part: 0,
      parts: 1,
    });
    expect(mixed.ok ? [mixed.satCount, mixed.issues.map((i) => i.field)] : mixed.message).toEqual([1230, ['file']]);
  });
});
