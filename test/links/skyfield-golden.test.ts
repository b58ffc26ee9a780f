// Our contact windows against Skyfield's (scripts/skyfield-passes.py → test/golden/): the same
// passes, AOS/LOS within 2 s (measured: ≤ 1 ms, the CSV rounding), max elevation within 0.05°.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twoline2satrec, type SatRec } from 'satellite.js';
import { createOrbitPropagator } from '../../src/sim/orbit/propagator.ts';
import { ContactFinder, type ContactWindow } from '../../src/sim/links/contacts.ts';
import { parseStationCsv } from '../../src/sim/ground/station-csv.ts';
import type { GroundStation } from '../../src/sim/links/visibility.ts';

const root = new URL('../../', import.meta.url);
const lines = readFileSync(new URL('tle/three-body.tle', root), 'utf8').split('\n');
const sats: { norad: string; satrec: SatRec }[] = [];
for (let k = 0; k + 2 < lines.length; k += 3) {
  sats.push({ norad: String(Number(lines[k + 1]!.slice(2, 7))), satrec: twoline2satrec(lines[k + 1]!, lines[k + 2]!) });
}
const stationCsv = parseStationCsv(readFileSync(new URL('public/data/ground-stations.csv', root), 'utf8'));

interface GoldenRow {
  norad: string;
  aosMs: number;
  losMs: number;
  maxElevationDeg: number;
  partial: boolean;
}

function readGolden(file: string): GoldenRow[] {
  return readFileSync(new URL(`test/golden/${file}`, root), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const f = row.split(',');
      return { norad: f[0]!, aosMs: Date.parse(f[3]!), losMs: Date.parse(f[4]!), maxElevationDeg: Number(f[5]), partial: f[6] === 'yes' };
    });
}

async function ourWindows(stationId: string, startIso: string, hours: number): Promise<ContactWindow[]> {
  const s = stationCsv.stations.find((x) => x.id === stationId)!;
  const station: GroundStation = { id: s.id, name: s.name, latDeg: s.latDeg, lonDeg: s.lonDeg, altM: s.altM, minElevationDeg: 10 };
  const p = await createOrbitPropagator(sats.map((x) => x.satrec));
  const finder = new ContactFinder(sats.length, [station]);
  const startMs = Date.parse(startIso);
  const steps = hours * 60;
  for (let t = 0; t <= steps; t += 120) finder.addChunk(p.propagateGrid(startMs + t * 60_000, 60, Math.min(120, steps - t + 1)));
  p.dispose();
  return finder.finish();
}

const RUNS = [
  ['cn-miyun', '2026-04-02T00:00:00Z', 24, ''],
  ['cn-kashgar', '2026-04-02T00:00:00Z', 24, ''],
  ['cn-sanya', '2026-04-02T00:00:00Z', 24, ''],
  ['cn-mohe', '2026-04-02T00:00:00Z', 24, ''],
  ['cn-miyun', '2026-04-02T02:20:00Z', 1.5, '-cut'],
] as const;

describe('contact windows vs Skyfield golden files (mask 10°, 60 s grid)', () => {
  it.each(RUNS)('%s from %s for %s h', async (stationId, startIso, hours, suffix) => {
    const golden = readGolden(`skyfield-three-body-${stationId}${suffix}.csv`);
    const ours = await ourWindows(stationId, startIso, hours);
    expect(golden.length).toBeGreaterThan(10);
    expect(ours).toHaveLength(golden.length);
    let dAosS = 0;
    let dLosS = 0;
    let dElDeg = 0;
    for (const [i, g] of golden.entries()) {
      const w = ours[i]!; // both sorted by AOS, then catalogue order
      expect(sats[w.satIndex]!.norad, `row ${i + 2}`).toBe(g.norad);
      expect(w.partialStart || w.partialEnd).toBe(g.partial);
      dAosS = Math.max(dAosS, Math.abs(w.aosMs - g.aosMs) / 1000);
      dLosS = Math.max(dLosS, Math.abs(w.losMs - g.losMs) / 1000);
      dElDeg = Math.max(dElDeg, Math.abs(w.maxElevationDeg - g.maxElevationDeg));
    }
    console.info(
      `${stationId}${suffix}: ${golden.length} passes, max |ΔAOS| ${dAosS.toFixed(3)} s, |ΔLOS| ${dLosS.toFixed(3)} s, |Δmax el| ${dElDeg.toFixed(4)}°`,
    );
    expect(dAosS).toBeLessThanOrEqual(2);
    expect(dLosS).toBeLessThanOrEqual(2);
    expect(dElDeg).toBeLessThanOrEqual(0.05);
    // Tighter than the brief asks: both sides use UT1 = UTC, so only the CSV's ms rounding and
    // the root tolerances remain. A regression in the refinement shows up here first.
    expect(Math.max(dAosS, dLosS)).toBeLessThan(0.05);
  });

  // The same passes computed by Skyfield exactly as it ships (its own UT1 − UTC table, +0.369 s in 2026-04),
  // i.e. the independent tool with no convention aligned to ours: the acceptance bound (2 s) is what is asserted;
  // measured ≈ 0.3 s, the Earth rotating 0.369 s further (satellite.js, like our model, takes UT1 = UTC).
  it.each(RUNS.filter((r) => r[3] === ''))('%s, Skyfield default UT1 (test/golden/skyfield-ut1)', async (stationId, startIso, hours) => {
    const golden = readGolden(`skyfield-ut1/skyfield-three-body-${stationId}.csv`);
    const ours = await ourWindows(stationId, startIso, hours);
    expect(ours).toHaveLength(golden.length);
    let worstS = 0;
    for (const [i, g] of golden.entries()) {
      expect(sats[ours[i]!.satIndex]!.norad).toBe(g.norad);
      worstS = Math.max(worstS, Math.abs(ours[i]!.aosMs - g.aosMs) / 1000, Math.abs(ours[i]!.losMs - g.losMs) / 1000);
      expect(Math.abs(ours[i]!.maxElevationDeg - g.maxElevationDeg)).toBeLessThanOrEqual(0.05);
    }
    console.info(`${stationId} (Skyfield UT1): max |ΔAOS|, |ΔLOS| ${worstS.toFixed(3)} s`);
    expect(worstS).toBeLessThanOrEqual(2);
    expect(worstS).toBeGreaterThan(0.05); // the UT1 offset is really in these files
  });

  it('includes windows cut by the run start and end in the short run', () => {
    const golden = readGolden('skyfield-three-body-cn-miyun-cut.csv');
    expect(golden.filter((g) => g.partial && g.aosMs === Date.parse('2026-04-02T02:20:00Z')).length).toBeGreaterThan(2);
    expect(golden.filter((g) => g.partial && g.losMs === Date.parse('2026-04-02T03:50:00Z')).length).toBeGreaterThan(2);
  });
});
