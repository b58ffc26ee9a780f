// Reproduces Hypatia's Paris–Luanda round trip over Starlink shell 1 (Kassing et al., "Exploring the 'Internet from
// space' with Hypatia", IMC 2020; snkas/hypatia README: 117 ms at t = 46.8 s, 85 ms at t = 139.9 s) with their shell,
// stations, cone and routing rule, through the scenario schema, the one catalogue loader, the one ISL network and
// routeBetween (the core of `ocsim route`). Pure: no file is read (the shell is generated).
import { catalogueStage } from '../engine/catalogue-stage.ts';
import { islParams } from '../links/isl.ts';
import { IslNetwork } from '../links/isl-network.ts';
import { resolveRoutePlace, routeBetween, type RouteSample } from '../links/route-between.ts';
import { createOrbitPropagator } from '../orbit/propagator.ts';
import { threeBodyScenario } from '../scenario/presets.ts';
import { parseScenario, type Scenario } from '../scenario/schema.ts';
import { parseIsoUtc } from '../time.ts';
import { checkNear, checkSequence, type ValidationDeps, type ValidationGroup, type ValidationResult } from './types.ts';

/** WGS-72 equatorial radius, km, as Hypatia's main_starlink_550.py uses it (EARTH_RADIUS = 6378135.0 m). */
const HYPATIA_EARTH_RADIUS_KM = 6378.135;
/** Their nominal altitude, km (ALTITUDE_M; the orbit itself follows the mean motion, 15.19 rev/day). */
const HYPATIA_ALTITUDE_KM = 550;

/**
 * Starlink shell 1 as Hypatia generates it (main_starlink_550.py; satgenpy/satgen/tles/generate_tles_from_scratch.py):
 * 72 planes × 22, 53°, 15.19 rev/day, e = 1e-7 (pyephem refuses 0), ω = 0, RAAN 360°/72 apart from 0°, mean anomaly
 * s·360/22 plus half a slot on odd planes (PHASE_DIFF), epoch 2000-01-01 00:00:00 (TLE epoch 00001.00000000).
 * Satellite index = plane·22 + slot, their satellite id; firstNorad 1 as their TLE numbers.
 */
export const HYPATIA_SHELL = {
  kind: 'walker',
  label: 'hypatia-starlink-550',
  pattern: 'delta',
  planes: 72,
  satsPerPlane: 22,
  phasing: 0,
  phaseOffsetSlotsByPlane: [0, 0.5],
  altitudeKm: HYPATIA_ALTITUDE_KM,
  meanMotionRevPerDay: 15.19,
  inclinationDeg: 53,
  eccentricity: 0.0000001,
  argOfPerigeeDeg: 0,
  raan0Deg: 0,
  namePrefix: 'STARLINK-550',
  firstNorad: 1,
} as const;
export const HYPATIA_EPOCH_ISO = '2000-01-01T00:00:00Z';

/** The satellite cone: MAX_GSL_LENGTH_M = √(940,700² + 550,000²) m = 1,089.686 km, any elevation (main_starlink_550.py). */
export const HYPATIA_MAX_GSL_KM = Math.hypot(940.7, HYPATIA_ALTITUDE_KM);
/** MAX_ISL_LENGTH_M = 2·√((Re + 550 km)² − (Re + 80 km)²) = 5,016.59 km: ISLs no lower than 80 km (main_starlink_550.py). */
export const HYPATIA_MAX_ISL_KM = 2 * Math.sqrt((HYPATIA_EARTH_RADIUS_KM + HYPATIA_ALTITUDE_KM) ** 2 - (HYPATIA_EARTH_RADIUS_KM + 80) ** 2);

/**
 * Their ground stations 24 (Paris) and 66 (Luanda), node ids 1608 and 1650 (paper/satellite_networks_state/input_data/
 * ground_stations_cities_sorted_by_estimated_2025_pop_top_100.basic.txt), at 0 m, in view within the cone (mask 0°).
 */
const station = (id: string, latDeg: number, lonDeg: number) => ({ id, name: id, latDeg, lonDeg, altM: 0, minElevationDeg: 0, maxRangeKm: HYPATIA_MAX_GSL_KM });
export const HYPATIA_STATIONS = [station('paris', 48.85341, 2.3488), station('luanda', -8.83682, 13.23432)];

/**
 * The README figure (snkas/hypatia README.md, "RTT changes over time between Paris and Luanda over Starlink 1st shell.
 * Left: 117 ms, Right: 85 ms"), at the times of their visualisations (satviz/scripts/visualize_path.py GEN_TIME; the
 * pages starlink_550_path_Paris_1608_Luanda_1650_{46800,139900}.html of leosatsim.github.io), with the satellites of
 * the path those pages draw (their ids: plane·22 + slot).
 */
export const HYPATIA_FIGURES = [
  { tS: 46.8, rttMs: 117, path: [1459, 1437, 1415, 1393, 1371, 1349, 1327, 1305, 1283, 1284, 1285, 1286, 1287] },
  { tS: 139.9, rttMs: 85, path: [1415, 1393, 1371, 1349, 1327, 1305, 1306, 1307, 1308] },
] as const;

/**
 * Tolerance of the round trips, ms: the README prints whole milliseconds without saying whether they are rounded or
 * truncated (so 85 stands for [84.5, 86)), and their distances come from pyephem's SGP4 and Earth model, ours from
 * satellite.js and WGS-84 (docs/validation.md §6 measures both).
 */
export const HYPATIA_RTT_TOLERANCE_MS = 1;

/** Hypatia's setting as a scenario: their shell and stations, +Grid ISLs always up (no acquisition time), their ISL range. */
export function hypatiaScenario(): Scenario {
  return parseScenario({
    ...threeBodyScenario, // parseScenario copies; hubs and the rest do not enter a route
    name: 'hypatia-starlink-550-paris-luanda',
    epochIso: HYPATIA_EPOCH_ISO,
    durationH: 1,
    constellation: { sources: [HYPATIA_SHELL] },
    groundStations: HYPATIA_STATIONS,
    isl: { topology: 'plus-grid', maxRangeKm: HYPATIA_MAX_ISL_KM, atmMarginKm: 80, acquisitionS: 0 },
  });
}

/**
 * Routes Paris → Luanda at `timesS` after the epoch (default: the figures' times), "free one only over ISLs": any
 * satellite in the cone as first and last hop, ISLs only between (algorithm_free_one_only_over_isls.py).
 */
export async function hypatiaRoutes(
  deps: Pick<ValidationDeps, 'readText'>,
  timesS: readonly number[] = HYPATIA_FIGURES.map((f) => f.tS),
): Promise<RouteSample[]> {
  const scenario = hypatiaScenario();
  const { records } = await catalogueStage(scenario, deps.readText);
  const epochMs = parseIsoUtc(scenario.epochIso, 'epochIso');
  const propagator = await createOrbitPropagator(records.map((r) => r.satrec));
  try {
    const network = new IslNetwork(
      records.map((r) => r.walker),
      islParams(scenario.isl),
    );
    const from = resolveRoutePlace('paris', scenario, 'from');
    const to = resolveRoutePlace('luanda', scenario, 'to');
    const timesMs = timesS.map((t) => epochMs + t * 1000);
    return Array.from(routeBetween({ network, propagator, from, to, timesMs }));
  } finally {
    propagator.dispose();
  }
}

export async function hypatiaChecks(deps: ValidationDeps): Promise<ValidationResult[]> {
  const samples = await hypatiaRoutes(deps);
  return HYPATIA_FIGURES.flatMap((f, i) => {
    const route = samples[i]!.route;
    const at = `t${f.tS}`;
    return [
      checkNear(
        { id: `hypatia.rtt.${at}`, what: `Paris–Luanda round trip at ${f.tS} s, Starlink shell 1`, unit: 'ms', digits: 2 },
        f.rttMs,
        route ? 2 * route.latencyS * 1000 : NaN,
        HYPATIA_RTT_TOLERANCE_MS,
      ),
      checkSequence(
        { id: `hypatia.path.${at}`, what: `satellites of that path (their ids)`, unit: 'satellite ids', digits: 0 },
        f.path,
        route?.satellites ?? null,
      ),
    ];
  });
}

export const hypatiaGroup: ValidationGroup = { id: 'hypatia', title: 'Hypatia Paris–Luanda round trip over Starlink shell 1', run: hypatiaChecks };
