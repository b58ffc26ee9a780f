// The engine gives the same run whether it propagates on this thread (the default, as in the browser) or in
// the CLI's worker threads that fill the next chunk while the engine scans the current one (geometry-pass.ts)
// and find the contact windows themselves: CLI exports replay exactly in the browser.
import { describe, expect, it } from 'vitest';
import { runScenario, type RunDeps } from '../../src/sim/engine/run.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { ParallelPropagator } from '../../src/cli/parallel-propagator.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { threeBody } from '../helpers/run.ts';

describe('engine with the worker-thread propagator', () => {
  it('returns a run equal in every field to the default single-thread propagator (12 SCS-01 + 60 Walker, 5 stations, 3 h, ISL on)', async () => {
    const scenario = parseScenario(
      threeBody({
        durationH: 3, // 361 grid times: 4 chunks of 120, so the next-chunk overlap runs three times
        constellation: {
          sources: [
            { kind: 'tle', file: 'tle/three-body.tle' },
            {
              kind: 'walker',
              label: 'shell',
              pattern: 'delta',
              planes: 6,
              satsPerPlane: 10,
              phasing: 1,
              altitudeKm: 550,
              inclinationDeg: 97.5,
              namePrefix: 'W',
              firstNorad: 900000,
            },
          ],
        },
      }),
    );
    const deps: RunDeps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask(), recordTimeline: true };
    const made: string[] = [];
    const parallel = await runScenario(scenario, {
      ...deps,
      createPropagator: async (s, { stations }) => {
        const p = await ParallelPropagator.create(s, { workers: 2, stations });
        made.push(`${p.backend}:${p.satCount}:${stations.count}`);
        return p;
      },
    });
    // The engine's default propagator (what the browser's SimApi runs): the packed kernel on this thread.
    const single = await runScenario(scenario, deps);
    expect((await createOrbitPropagator([])).backend).toBe('packed');
    expect(made).toEqual(['packed-parallel:72:5']);
    expect(parallel.contacts.length).toBeGreaterThan(10);
    expect(parallel.summary.modes.onboard!.bytesCaptured).toBeGreaterThan(0);
    expect(parallel).toEqual(single);
  }, 120_000);
});
