// Hypatia reproduction (Kassing et al., IMC 2020): Paris–Luanda over Starlink shell 1, their shell, cone and
// "free one only over ISLs" routing; the round trips of their README figure and the paths of their visualisations,
// by the check and end to end through `ocsim route`; the satellites where their pages draw them (fixture).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRouteCommand } from '../../src/cli/route-command.ts';
import { catalogueStage } from '../../src/sim/engine/catalogue-stage.ts';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import {
  HYPATIA_FIGURES,
  HYPATIA_MAX_GSL_KM,
  HYPATIA_MAX_ISL_KM,
  hypatiaChecks,
  hypatiaRoutes,
  hypatiaScenario,
} from '../../src/sim/validation/hypatia-checks.ts';
import type { ValidationResult } from '../../src/sim/validation/types.ts';

const deps = { readText: fileReader(PROJECT_ROOT), landMask: null as never };
let results: ValidationResult[];
beforeAll(async () => {
  results = await hypatiaChecks(deps);
}, 60_000);

describe('Hypatia: Paris–Luanda over Starlink shell 1', () => {
  it('every check passes', () => {
    expect(results.map((r) => r.id)).toEqual(['hypatia.rtt.t46.8', 'hypatia.path.t46.8', 'hypatia.rtt.t139.9', 'hypatia.path.t139.9']);
    for (const r of results) expect(r.pass, `${r.id}: ${r.simulated}`).toBe(true);
  });

  it('gives 117.26 ms and 85.53 ms (published 117 and 85), over the satellites of their pictures', () => {
    const rtt = (id: string) => results.find((r) => r.id === id)!.simulatedValue;
    expect(rtt('hypatia.rtt.t46.8')).toBeCloseTo(117.257, 2);
    expect(rtt('hypatia.rtt.t139.9')).toBeCloseTo(85.535, 2);
    expect(results.find((r) => r.id === 'hypatia.path.t139.9')!.simulated).toBe('1415-1393-1371-1349-1327-1305-1306-1307-1308');
  });

  it('uses their constants: the 1,089.686 km cone and 5,016.59 km ISLs (hand: √(940.7² + 550²); 2·√(470 · 13,386.27))', () => {
    // 940.7² + 550² = 884,916.49 + 302,500 = 1,187,416.49; (6928.135² − 6458.135²) = 470 · 13,386.27 = 6,291,546.9.
    expect(HYPATIA_MAX_GSL_KM).toBeCloseTo(1089.6864, 4);
    expect(HYPATIA_MAX_ISL_KM).toBeCloseTo(5016.5912, 4);
    const s = hypatiaScenario();
    expect(s.groundStations.map((g) => [g.id, g.latDeg, g.lonDeg, g.minElevationDeg, g.maxRangeKm])).toEqual([
      ['paris', 48.85341, 2.3488, 0, HYPATIA_MAX_GSL_KM],
      ['luanda', -8.83682, 13.23432, 0, HYPATIA_MAX_GSL_KM],
    ]);
    expect(s.isl).toMatchObject({ topology: 'plus-grid', acquisitionS: 0, atmMarginKm: 80 });
  });

  it('flies their satellites: sub-satellite points within 50 m of those their pages draw (pyephem), at both times', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/hypatia/subpoints.json', import.meta.url), 'utf8')) as Record<
      string,
      Record<string, [number, number]>
    >;
    const s = hypatiaScenario();
    const { records } = await catalogueStage(s, deps.readText);
    const propagator = await createOrbitPropagator(records.map((r) => r.satrec));
    try {
      for (const [ms, points] of Object.entries(fixture)) {
        const c = propagator.propagateAt([Date.parse(s.epochIso) + Number(ms)]);
        expect(Object.keys(points)).toHaveLength(31);
        for (const [id, [lonDeg, latDeg]] of Object.entries(points)) {
          const i = Number(id);
          const [x, y, z] = [0, 1, 2].map((k) => c.positionsEcefKm[i * 3 + k]!);
          const geocentricLatDeg = (Math.atan2(z!, Math.hypot(x!, y!)) * 180) / Math.PI;
          const dLon = ((c.lonDeg[i]! - lonDeg + 540) % 360) - 180;
          const km = ((6378.137 * Math.PI) / 180) * Math.hypot(geocentricLatDeg - latDeg, dLon * Math.cos((latDeg * Math.PI) / 180));
          expect(km, `satellite ${id} at ${ms} ms`).toBeLessThan(0.05);
        }
      }
    } finally {
      propagator.dispose();
    }
  });

  it('changes path exactly at the moments their figure shows (between the 100 ms steps before and at them)', async () => {
    // Not a published number: their figure times are path changes in their 100 ms forwarding state; ours too.
    const before = await hypatiaRoutes(deps, [46.7, 139.8]);
    HYPATIA_FIGURES.forEach((f, i) => expect(before[i]!.route!.satellites.join('-')).not.toBe(f.path.join('-')));
  }, 60_000);

  it('comes out of `ocsim route` for a scenario file of their setting (the shell keeps its epoch at --at)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocsim-hypatia-'));
    const file = join(dir, 'hypatia.json');
    const s = hypatiaScenario();
    writeFileSync(file, JSON.stringify({ ...s, hubs: s.hubs.slice(0, 1) }));
    let out = '';
    const code = await runRouteCommand(
      { scenario: file, from: 'paris', to: 'luanda', at: '2000-01-01T00:00:46.8Z', durationS: 93.1, stepS: 93.1 },
      { out: (x) => (out += x), err: () => undefined },
    );
    expect(code).toBe(0);
    const rows = out.split('\n').filter((l) => l.startsWith('2000-'));
    expect(rows.map((r) => r.split('\t').slice(0, 4))).toEqual([
      ['2000-01-01T00:00:46.800Z', '58.63', '117.26', '13'],
      ['2000-01-01T00:02:19.900Z', '42.77', '85.53', '9'],
    ]);
    expect(rows[1]).toContain('ground paris → STARLINK-550 65-8 [1416] → ');
  }, 60_000);
});
