import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ModeSummary, RunResult } from '../../src/sim/engine/result-types.ts';
import { runInput, threeBody, withChecksum } from '../helpers/run.ts';

const modesOf = (r: RunResult) => Object.values(r.summary.modes) as ModeSummary[];

function expectConserved(m: ModeSummary): void {
  const c = m.conservation;
  expect(c.capturedBytes).toBeGreaterThan(0);
  // captured = processed onboard + downlinked raw + stored + dropped, to floating-point rounding.
  expect(Math.abs(c.capturedBytes - (c.processedOnboardBytes + c.downlinkedRawBytes + c.storedBytes + c.droppedBytes))).toBeLessThan(1e-9 * c.capturedBytes);
  // The reported residual is that difference: ≈ 0 (a term left out of either side would show here).
  expect(Math.abs(c.residualBytes)).toBeLessThan(1e-9 * c.capturedBytes);
}

describe('default scenario, 24 h', async () => {
  const r = await runInput(threeBody());
  const { ground, onboard, hybrid } = r.summary.modes;

  it('loads the 12 SCS-01 satellites and finds contacts at the five stations', () => {
    expect(r.satellites.map((s) => s.norad)).toEqual([63982, 63983, 63984, 63985, 63986, 63987, 63988, 63989, 63990, 63991, 63992, 63993]);
    expect(r.summary.satellites).toMatchObject({ loaded: 12, quarantined: 0, lost: 0 });
    const stations = new Set(r.contacts.map((c) => c.stationIndex));
    expect([...stations].sort()).toEqual([0, 1, 2, 3, 4]);
    // Each satellite sees each station 2–6 times a day above 10° from ~480–520 km SSO.
    expect(r.contacts.length).toBeGreaterThan(12 * 5 * 2);
    expect(r.contacts.length).toBeLessThan(12 * 5 * 6);
    for (const s of r.satellites) {
      expect(s.meanAltitudeKm).toBeGreaterThan(430);
      expect(s.meanAltitudeKm).toBeLessThan(540);
    }
  });

  it('every mode sees the same captured workload and conserves bytes', () => {
    for (const m of modesOf(r)) expectConserved(m);
    expect(onboard!.bytesCaptured).toBe(ground!.bytesCaptured);
    expect(hybrid!.tilesCaptured).toBe(ground!.tilesCaptured);
  });

  it('sunlit and imaging shares are physical', () => {
    // SSO at ~500 km: eclipse ≈ 35 % of the orbit (McCalip: SSO sunlight ~80 % for dawn–dusk; SCS-01 are not dawn–dusk).
    expect(r.summary.imaging.sunlitFraction).toBeGreaterThan(0.55);
    expect(r.summary.imaging.sunlitFraction).toBeLessThan(0.75);
    // Imaging needs sunlight and land: below the sunlit share, above land share × sunlit share / 2.
    expect(r.summary.imaging.imagingFraction).toBeLessThan(r.summary.imaging.sunlitFraction * 0.5);
    expect(r.summary.imaging.imagingFraction).toBeGreaterThan(0.1);
  });

  it('bandwidth saved: ground 0, onboard ≈ 1 − result bytes / raw bytes, hybrid ≈ cloudy × recall / precision', () => {
    expect(ground!.bandwidthSavedFraction).toBe(0);
    // Results are 1,000 B per tile of 448² px × 4 bands × 12 bit / 2 = 602,112 B.
    expect(onboard!.bandwidthSavedFraction).toBeCloseTo(1 - 1000 / 602_112, 6);
    expect(hybrid!.bandwidthSavedFraction).toBeCloseTo((0.52 * 0.93) / 0.95, 2);
  });

  it('bandwidth saved is negative, not clamped, when results are larger than the raw tiles they replace', async () => {
    const big = await runInput(threeBody({ durationH: 3, workload: { resultBytesPerTile: 2 * 602_112 } }));
    // Every tile inferred onboard puts 2 × its raw bytes in the downlink queue: 1 − 2 = −1.
    expect(big.summary.modes.onboard!.bandwidthSavedFraction).toBeCloseTo(-1, 12);
    expect(big.summary.modes.ground!.bandwidthSavedFraction).toBe(0);
  });

  it('onboard inference answers faster than the bent pipe and downlinks far less', () => {
    // Over every captured tile the bent pipe never reaches its median in a day: censored, not the lucky 4 %'s.
    expect(onboard!.latencyS.censored.p50).toBe(false);
    expect(ground!.latencyS).toMatchObject({ p50: null, censored: { p50: true } });
    expect(onboard!.latencyDeliveredS.p50!).toBeLessThan(ground!.latencyDeliveredS.p50!);
    expect(onboard!.bytesDownlinked).toBeLessThan(ground!.bytesDownlinked / 10);
    expect(onboard!.deliveredTileFraction).toBeGreaterThan(ground!.deliveredTileFraction);
    // The bent pipe is downlink-bound: most of the day's capture is still onboard at the end.
    expect(ground!.backlogBytesEnd).toBeGreaterThan(0.5 * ground!.bytesCaptured);
    expect(onboard!.tokensGround).toBe(0);
    expect(ground!.tokensOnboard).toBe(0);
    for (const m of modesOf(r)) {
      expect(m.latencyDeliveredS.p50!).toBeLessThanOrEqual(m.latencyDeliveredS.p90!);
      expect(m.latencyDeliveredS.p90!).toBeLessThanOrEqual(m.latencyDeliveredS.p99!);
      const w = m.deliveredWithinShare;
      expect(w.within5min <= w.within1h && w.within1h <= w.within6h && w.within6h <= w.within24h && w.within24h <= 1).toBe(true);
      expect(m.costUsdPerMTok).toBeGreaterThan(0);
      expect(m.costUsd.totalUsd).toBeCloseTo(
        Object.entries(m.costUsd)
          .filter(([k]) => k !== 'totalUsd')
          .reduce((a, [, v]) => a + v, 0),
        6,
      );
    }
  });

  it('is deterministic: the same scenario and seed give an identical summary; another seed changes the cloud draw', async () => {
    const again = await runInput(threeBody());
    expect(JSON.stringify(again.summary)).toBe(JSON.stringify(r.summary));
    const other = await runInput(threeBody({ seed: 7 }));
    expect(other.summary.modes.ground!.bytesCaptured).toBe(ground!.bytesCaptured);
    expect(other.summary.modes.hybrid!.bytesProcessedOnboard).not.toBe(hybrid!.bytesProcessedOnboard);
  });
});

describe('bad and extreme inputs keep the run going', () => {
  const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n');

  it('a satellite that decays mid-run is lost from that step; the others go on and bytes stay conserved', async () => {
    // SCS-01 A re-written at 16.25 rev/day (~250 km) with B* = 1.0: SGP4 fails (error 1) about 18 h after epoch.
    const l1 = withChecksum(tle[1]!.slice(0, 53) + ' 99999-0' + tle[1]!.slice(61, 68));
    const l2 = withChecksum(tle[2]!.slice(0, 52) + '16.25000000' + tle[2]!.slice(63, 68));
    const text = ['DOOMED', l1, l2, ...tle.slice(3, 9)].join('\n');
    const r = await runInput(threeBody({ durationH: 24, constellation: { sources: [{ kind: 'tle', text }] } }));
    expect(r.satellites).toHaveLength(3);
    const doomed = r.satellites[0]!;
    expect(doomed.lostAtMs).not.toBeNull();
    expect(doomed.lostReason).toMatch(/decay|altitude|eccentric|mean motion|SGP4|non-finite/i);
    expect(r.satellites.slice(1).every((s) => s.lostAtMs === null)).toBe(true);
    expect(r.summary.satellites.lost).toBe(1);
    for (const m of modesOf(r)) expectConserved(m);
    // The bent pipe had raw data waiting onboard when the satellite was lost; onboard mode had processed it already.
    expect(r.summary.modes.ground!.bytesDroppedByReason.satelliteLost).toBeGreaterThan(0);
    expect(r.summary.modes.hybrid!.bytesDroppedByReason.satelliteLost).toBeGreaterThan(0);
  });

  it('a malformed line is quarantined with its line number and the good satellites run', async () => {
    const bad = [...tle];
    bad[5] = bad[5]!.slice(0, 68) + String((Number(bad[5]![68]) + 1) % 10); // checksum of SCS-01 B line 2
    const r = await runInput(threeBody({ durationH: 2, constellation: { sources: [{ kind: 'tle', text: bad.join('\n'), label: 'bad.tle' }] } }));
    expect(r.satellites).toHaveLength(11);
    expect(r.satellites.map((s) => s.norad)).not.toContain(63983);
    const issue = r.ingestIssues.find((i) => i.severity === 'error')!;
    expect(issue.message).toContain('bad.tle');
    expect(issue.message).toContain('line 6');
    expect(issue.line).toBe(6);
  });

  it('full storage drops data with the reason and still conserves bytes', async () => {
    const r = await runInput(threeBody({ durationH: 6, satellite: { storageGB: 5 } }));
    const g = r.summary.modes.ground!;
    expect(g.bytesDroppedByReason.storageFull).toBeGreaterThan(0);
    expect(g.backlogBytesMax).toBeLessThanOrEqual(12 * 5e9 + 1);
    for (const m of modesOf(r)) expectConserved(m);
  });

  it('a starved power budget throttles onboard inference', async () => {
    const base = await runInput(threeBody({ durationH: 6 }));
    const weak = await runInput(threeBody({ durationH: 6, satellite: { power: { solarArrayW: 150, batteryWh: 100, busLoadW: 120 } } }));
    expect(weak.summary.modes.onboard!.tokensOnboard).toBeLessThan(0.5 * base.summary.modes.onboard!.tokensOnboard);
    expect(weak.summary.modes.onboard!.bytesCaptured).toBe(base.summary.modes.onboard!.bytesCaptured);
    expectConserved(weak.summary.modes.onboard!);
  });
});
