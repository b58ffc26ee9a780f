// Reproduces Planet's Dove downlink figures (Devaraj et al., SSC17-VII-02) with the real engine: the length
// and data volume of a pass, and the bent-pipe deficit (captured data that cannot be downlinked) of a Dove-like
// constellation of 1 to 250 satellites against a fixed ground segment (the 36 KSAT sites). Pure: the station
// file and the land mask are injected.
import { capacityBytes } from '../engine/downlink-capacity.ts';
import { downlinkParams } from '../engine/link-params.ts';
import { runScenario } from '../engine/run.ts';
import type { RunResult } from '../engine/result-types.ts';
import { parseStationCsv } from '../ground/station-csv.ts';
import { linkRateBps } from '../links/link-budget.ts';
import { nationalHubClusters } from '../scenario/presets.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { checkInRange, checkNear, checkTrend, type ValidationDeps, type ValidationGroup, type ValidationResult } from './types.ts';

/** Dove-like orbit: 493 km SSO, the altitude of cote's Flock 3k-3 (a real Dove; docs/parts/link-and-imaging.md §1.5). */
export const DOVE_ALTITUDE_KM = 493;
/** Dove X-band DVB-S2 modem: 220 Mbit/s peak, 160 Mbit/s average throughput (Devaraj et al., SSC17-VII-02). */
export const DOVE_PEAK_RATE_MBPS = 220;
export const DOVE_AVERAGE_RATE_MBPS = 160;
/** Constellation sizes of the deficit sweep (issue 5: 50 to 250 against a fixed ground segment; 1 = baseline). */
export const DOVE_SWEEP_SAT_COUNTS = [1, 50, 100, 150, 200, 250] as const;
/** Station file and operator of the fixed ground segment. */
export const STATIONS_CSV_PATH = 'public/data/ground-stations.csv';
const KSAT_OPERATOR_PREFIX = 'KSAT';

type StationInput = ScenarioInput['groundStations'][number];

/** The KSAT sites of the project's station file, one antenna each, at the given elevation mask. Throws if none. */
export async function ksatStations(deps: ValidationDeps, minElevationDeg: number): Promise<StationInput[]> {
  const { stations } = parseStationCsv(await deps.readText(STATIONS_CSV_PATH), STATIONS_CSV_PATH);
  const ksat = stations.filter((s) => s.operator.startsWith(KSAT_OPERATOR_PREFIX));
  if (ksat.length === 0) throw new Error(`${STATIONS_CSV_PATH}: no station with operator "${KSAT_OPERATOR_PREFIX}…"`);
  return ksat.map((s) => ({ id: s.id, name: s.name, latDeg: s.latDeg, lonDeg: s.lonDeg, altM: s.altM, minElevationDeg }));
}

export interface DoveRunOptions {
  satCount: number;
  stations: StationInput[];
  rateMbps: number;
  /** Pointing/acquisition before data flows; 0 to measure whole passes. */
  acquisitionS?: number;
  durationH?: number;
}

/**
 * A Dove-like constellation: Walker delta SSO at 493 km (1 plane for one satellite, else 5 planes: assumption;
 * Planet flies its flocks in a few SSO planes), the schema's Dove imager defaults, a fixed-rate downlink, ground
 * mode only. 24 h from the project's default epoch, 60-s steps (contact edges are refined below 1 s anyway).
 */
export function doveScenario(o: DoveRunOptions): Scenario {
  const planes = o.satCount % 5 === 0 ? 5 : 1;
  return parseScenario({
    schemaVersion: 1,
    name: `dove-like-${o.satCount}`,
    epochIso: '2026-04-02T00:00:00Z',
    durationH: o.durationH ?? 24,
    stepS: 60,
    seed: 1,
    constellation: {
      sources: [
        {
          kind: 'walker',
          planes,
          satsPerPlane: o.satCount / planes,
          phasing: planes > 1 ? 1 : 0,
          altitudeKm: DOVE_ALTITUDE_KM,
          inclinationDeg: 'sso',
          namePrefix: 'DOVE-LIKE',
        },
      ],
    },
    satellite: { downlink: { kind: 'fixed', rateMbps: o.rateMbps }, ...(o.acquisitionS === undefined ? {} : { acquisitionS: o.acquisitionS }) },
    // The published deficit is measured against first-come contacts (each pass held to LOS): pinned, whatever the default.
    scheduler: { policy: 'first-come' },
    groundStations: o.stations,
    hubs: nationalHubClusters,
    processing: { mode: 'ground', modes: ['ground'] },
  });
}

const minutes = (aMs: number, bMs: number) => (bMs - aMs) / 60_000;

/**
 * The longest pass (contact window) and the data the longest session can carry at a fixed-rate link, GB
 * (10⁹ B; the engine's `capacityBytes` over the session). sessionGB is NaN for a range-dependent link.
 */
export function longestPass(run: RunResult): { durationMin: number; sessionGB: number } {
  let durationMin = 0;
  for (const w of run.contacts) durationMin = Math.max(durationMin, minutes(w.aosMs, w.losMs));
  const link = downlinkParams(run.scenario);
  if (link.kind !== 'fixed') return { durationMin, sessionGB: NaN };
  const rateBps = linkRateBps(link, 0);
  let sessionGB = 0;
  for (const s of run.sessions) {
    const profile = { timesMs: Float64Array.of(s.startMs, s.endMs), rateBps: Float64Array.of(rateBps, rateBps) };
    sessionGB = Math.max(sessionGB, capacityBytes(profile, s.startMs, s.endMs) / 1e9);
  }
  return { durationMin, sessionGB };
}

/**
 * "12–15 GB during a single ground station pass, which has a duration of 7 to 10 minutes" (Devaraj et al.):
 * the longest passes of a Dove-like orbit over the KSAT sites at 10° (cote, the project default) and 5° masks
 * (assumption: a common low limit for X-band EO dishes), whole passes at the 220 Mbit/s modem peak.
 */
export async function dovePassChecks(deps: ValidationDeps): Promise<ValidationResult[]> {
  const out: ValidationResult[] = [];
  for (const [maskDeg, publishedGB] of [
    [10, 12],
    [5, 15],
  ] as const) {
    const stations = await ksatStations(deps, maskDeg);
    const run = await runScenario(doveScenario({ satCount: 1, stations, rateMbps: DOVE_PEAK_RATE_MBPS, acquisitionS: 0 }), deps);
    const pass = longestPass(run);
    out.push(
      checkInRange(
        {
          id: `dove.pass.minutes.mask${maskDeg}`,
          what: `longest pass in 24 h, Dove-like 493 km SSO over ${stations.length} KSAT sites, ${maskDeg}° mask`,
          unit: 'min',
          digits: 2,
        },
        7,
        10,
        pass.durationMin,
      ),
      checkNear(
        {
          id: `dove.pass.volume.mask${maskDeg}`,
          what: `data in that pass at the ${DOVE_PEAK_RATE_MBPS} Mbit/s modem peak (no acquisition time)`,
          unit: 'GB',
          digits: 2,
        },
        publishedGB,
        pass.sessionGB,
        0.5,
      ),
    );
  }
  return out;
}

/** Share of the captured raw bytes not downlinked by the end of the run (backlog + drops). */
export function undeliveredShare(run: RunResult): number {
  const m = run.summary.modes.ground!;
  return m.bytesCaptured > 0 ? 1 - m.bytesDownlinkedRaw / m.bytesCaptured : NaN;
}

export interface DeficitPoint {
  satCount: number;
  stationCount: number;
  capturedGBPerDay: number;
  downlinkedGBPerDay: number;
  undeliveredShare: number;
}

/** The bent-pipe deficit for each constellation size: the same KSAT antennas (one per site), 160 Mbit/s average rate. */
export async function doveDeficitSweep(deps: ValidationDeps, satCounts: readonly number[] = DOVE_SWEEP_SAT_COUNTS): Promise<DeficitPoint[]> {
  const stations = await ksatStations(deps, 10);
  const points: DeficitPoint[] = [];
  for (const satCount of satCounts) {
    const run = await runScenario(doveScenario({ satCount, stations, rateMbps: DOVE_AVERAGE_RATE_MBPS }), deps);
    const m = run.summary.modes.ground!;
    const perDay = 24 / run.scenario.durationH / 1e9;
    points.push({
      satCount,
      stationCount: stations.length,
      capturedGBPerDay: m.bytesCaptured * perDay,
      downlinkedGBPerDay: m.bytesDownlinkedRaw * perDay,
      undeliveredShare: undeliveredShare(run),
    });
  }
  return points;
}

/**
 * OEC (Denby & Lucia, ASPLOS 2020): the bent pipe breaks down as the constellation grows against a fixed ground
 * segment. Each size PASSes when its undelivered share is above the previous size's (the first: below the next).
 */
export function deficitChecks(points: readonly DeficitPoint[]): ValidationResult[] {
  return points.map((p, i) => {
    const prev = points[i - 1];
    const next = points[i + 1];
    const pass = prev ? p.undeliveredShare > prev.undeliveredShare : next ? p.undeliveredShare < next.undeliveredShare : true;
    const rule = prev ? `> ${prev.undeliveredShare.toFixed(3)} (${prev.satCount} sats)` : next ? `< next size` : 'single point';
    const what =
      `undelivered share of 24-h capture (${p.capturedGBPerDay.toFixed(0)} GB captured, ${p.downlinkedGBPerDay.toFixed(0)} GB down), ` +
      `${p.satCount} Dove-like sat${p.satCount === 1 ? '' : 's'}, ${p.stationCount} KSAT antennas, ${DOVE_AVERAGE_RATE_MBPS} Mbit/s`;
    return checkTrend(
      { id: `dove.deficit.n${String(p.satCount).padStart(3, '0')}`, what, unit: 'fraction', digits: 3 },
      'rises with N',
      p.undeliveredShare,
      pass,
      rule,
    );
  });
}

export const dovePassGroup: ValidationGroup = { id: 'dove.pass', title: 'Planet Dove pass length and volume', run: dovePassChecks };
export const doveDeficitGroup: ValidationGroup = {
  id: 'dove.deficit',
  title: 'Dove-like bent-pipe deficit, 1–250 satellites',
  run: async (deps) => deficitChecks(await doveDeficitSweep(deps)),
};
