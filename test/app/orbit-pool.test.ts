// The orbit pool over in-process orbit-view APIs (no Worker): shared and assembled keyframes are the same arrays,
// names come from the slice holding the satellite; a dead worker is replaced (its slice loaded again, the request in
// flight answered), up to a bound past which its requests fail instead of hanging.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ORBIT_WORKER_RESTARTS, openOrbitPool, type OrbitWorkerConnection } from '../../src/app/orbit-pool.ts';
import { inProcessConnection, WorkerDiedError } from '../../src/app/worker-connection.ts';
import { createOrbitViewApi } from '../../src/sim/api/orbit-view-api.ts';
import { presets } from '../../src/sim/scenario/presets.ts';
import type { ScenarioInput } from '../../src/sim/scenario/schema.ts';

const scenario: ScenarioInput = {
  ...presets['three-body']!,
  constellation: {
    sources: [{ kind: 'walker', pattern: 'star', planes: 9, satsPerPlane: 25, phasing: 2, altitudeKm: 780, inclinationDeg: 86.4, namePrefix: 'IRI' }],
  },
};
const readText = async (p: string) => readFileSync(p, 'utf8');
const local = (): OrbitWorkerConnection => inProcessConnection(createOrbitViewApi(readText));
const shared = (n: number) => new Float32Array(new SharedArrayBuffer(n * 4));
const t0 = Date.parse('2026-04-02T00:00:00Z');

describe('orbit pool', () => {
  it('fills the same keyframes shared in place (3 workers) as assembled from slices (2 workers)', async () => {
    const a = await openOrbitPool(1, scenario, undefined, { workers: 3, connect: local, allocShared: shared });
    const b = await openOrbitPool(2, scenario, undefined, { workers: 2, connect: local, allocShared: undefined });
    if (!a.ok || !b.ok) throw new Error('open failed');
    expect([a.pool.satCount, a.pool.workers, a.pool.startMs, a.pool.endMs - a.pool.startMs]).toEqual([225, 3, t0, 86_400_000]);
    const x = await a.pool.keyframes(5, t0 + 3_600_000, 60, 4);
    const y = await b.pool.keyframes(5, t0 + 3_600_000, 60, 4);
    expect(x.positionsKm.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(y.positionsKm.buffer).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(x.positionsKm)).toEqual(Array.from(y.positionsKm));
    expect(Array.from(x.velocitiesKmS)).toEqual(Array.from(y.velocitiesKmS));
    expect([x.runId, x.count, x.satCount, x.islOffsets.length, x.islPairs.length]).toEqual([5, 4, 225, 5, 0]);
    // 780 km circular: |r| within the ellipsoid and SGP4's short-period terms of 7158 km; |v| ≈ 7.46 km/s inertial,
    // less the Earth's rotation in the Earth-fixed frame.
    const r = Math.hypot(x.positionsKm[600]!, x.positionsKm[601]!, x.positionsKm[602]!);
    expect(Math.abs(r - 7158)).toBeLessThan(25);
    expect(await a.pool.describe(224)).toEqual({ name: 'IRI 9-25', norad: 900_224 });
    expect(await b.pool.describe(225)).toBeNull();
    // Search over both slices: exact NORAD first; a name prefix ranks plane 1 … in catalogue order.
    expect(await a.pool.search('900130', 8)).toEqual([{ index: 130, rank: 0, name: 'IRI 6-6', norad: 900_130 }]);
    expect((await b.pool.search('iri 9-2', 3)).map((m) => m.name)).toEqual(['IRI 9-2', 'IRI 9-20', 'IRI 9-21']);
    expect((await b.pool.search('9001', 100)).length).toBe(100); // 900100 … 900199 (and 9001 itself matches none)
    expect(await b.pool.search('  ', 8)).toEqual([]);
  });

  it('a worker that dies is replaced: its slice is loaded again and the request in flight answered as by a healthy pool', async () => {
    const made: { kill(e: Error): void; opens: number }[] = [];
    const connect = (): OrbitWorkerConnection => {
      const api = createOrbitViewApi(readText);
      const w = { kill: (_e: Error) => undefined as void, opens: 0 };
      const died = new Promise<never>((_, reject) => (w.kill = reject));
      died.catch(() => undefined);
      made.push(w);
      // Worker 2 of the first generation never answers a fill: it dies with the request in flight.
      const hangs = made.length === 2;
      const opened = { ...api, open: (req: Parameters<typeof api.open>[0]) => (w.opens++, api.open(req)) };
      return { api: hangs ? { ...opened, fill: () => new Promise(() => undefined) } : opened, died, dispose: () => undefined };
    };
    const restarts: [number, string][] = [];
    const opened = await openOrbitPool(1, scenario, undefined, { workers: 2, connect, allocShared: shared, onRestart: (k, why) => restarts.push([k, why]) });
    const healthy = await openOrbitPool(2, scenario, undefined, { workers: 2, connect: local, allocShared: shared });
    if (!opened.ok || !healthy.ok) throw new Error('open failed');
    const pending = opened.pool.keyframes(1, t0, 60, 2);
    made[1]!.kill(new WorkerDiedError('orbit worker stopped'));
    const block = await pending;
    expect(made).toHaveLength(3);
    expect(made[2]!.opens).toBe(1); // the new worker loaded part 2's slice
    expect(restarts).toEqual([[1, 'orbit worker stopped']]);
    const reference = await healthy.pool.keyframes(1, t0, 60, 2);
    expect(Array.from(block.positionsKm)).toEqual(Array.from(reference.positionsKm));
    expect(await opened.pool.describe(224)).toEqual({ name: 'IRI 9-25', norad: 900_224 }); // answered by the new worker
  });

  it('a worker that dies in a row MAX_ORBIT_WORKER_RESTARTS + 1 times fails its requests for good; an API error is no death', async () => {
    const kills: ((e: Error) => void)[] = [];
    const connect = (): OrbitWorkerConnection => {
      const api = createOrbitViewApi(readText);
      const died = new Promise<never>((_, reject) => kills.push(reject));
      died.catch(() => undefined);
      return { api: { ...api, fill: () => new Promise(() => undefined) }, died, dispose: () => undefined };
    };
    const opened = await openOrbitPool(1, scenario, undefined, { workers: 1, connect, allocShared: shared });
    if (!opened.ok) throw new Error('open failed');
    const pending = opened.pool.keyframes(1, t0, 60, 2);
    for (let k = 0; k <= MAX_ORBIT_WORKER_RESTARTS; k++) {
      while (kills.length <= k) await new Promise((r) => setTimeout(r, 1));
      kills[k]!(new WorkerDiedError(`death ${k + 1}`));
    }
    await expect(pending).rejects.toThrow('orbit worker 1 of 1 stopped 3 times in a row (death 3): not restarted again');
    expect(kills).toHaveLength(MAX_ORBIT_WORKER_RESTARTS + 1); // no fourth worker
    await expect(opened.pool.describe(0)).rejects.toThrow('not restarted again');
    const failing = { ...createOrbitViewApi(readText), fill: () => Promise.reject(new RangeError('fill.count: must be ≥ 1')) };
    const api = await openOrbitPool(1, scenario, undefined, { workers: 1, connect: () => inProcessConnection(failing), allocShared: shared });
    if (!api.ok) throw new Error('open failed');
    await expect(api.pool.keyframes(1, t0, 60, 2)).rejects.toThrow('fill.count: must be ≥ 1');
  });

  it('reports the first bad slice and names the field', async () => {
    const bad = await openOrbitPool(1, { ...scenario, stepS: 0 }, undefined, { workers: 2, connect: local });
    expect(bad.ok ? [] : bad.scenarioErrors.map((e) => e.path)).toEqual(['stepS']);
  });
});
