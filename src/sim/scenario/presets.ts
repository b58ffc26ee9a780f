// Built-in scenarios. `three-body` is the default: the 12 SCS-01 satellites, the five Chinese
// Earth-observation stations and the 10 clusters of the 8 national computing hubs. Pure data.
import type { ScenarioInput } from './schema.ts';

type StationInput = ScenarioInput['groundStations'][number];
type HubInput = ScenarioInput['hubs'][number];

/**
 * AIRCAS RSGS stations (Miyun, Kashi, Sanya, Lijiang, Mohe), rows of public/data/ground-stations.csv
 * (city coordinates, not antenna sites; see that file's coord_basis). Empty alt_m → 0.
 * test/scenario/presets.test.ts checks these numbers against the CSV.
 */
export const chineseEoStations: StationInput[] = [
  { id: 'cn-miyun', name: 'Miyun', latDeg: 40.374444, lonDeg: 116.839444, altM: 0 },
  { id: 'cn-kashgar', name: 'Kashi (Kashgar)', latDeg: 39.466667, lonDeg: 75.983333, altM: 1270 },
  { id: 'cn-sanya', name: 'Sanya', latDeg: 18.253333, lonDeg: 109.503611, altM: 0 },
  { id: 'cn-lijiang', name: 'Lijiang', latDeg: 26.880833, lonDeg: 100.220833, altM: 2827 },
  { id: 'cn-mohe', name: 'Mohe', latDeg: 52.971944, lonDeg: 122.538889, altM: 435 },
];

// Electricity prices are assumptions (docs/model.md §7): east ≈ 0.10 $/kWh, west ≈ 0.05 $/kWh.
// PUE: east ≤ 1.25, west ≤ 1.2 (NDRC 2022 approvals, docs/sources.md#ground).
const east = { region: 'east', electricityUsdPerKWh: 0.1, pue: 1.25 } as const;
const west = { region: 'west', electricityUsdPerKWh: 0.05, pue: 1.2 } as const;

/** The 10 clusters of the 8 hubs ("Eastern Data, Western Computing"), rows of public/data/hubs.csv. */
export const nationalHubClusters: HubInput[] = [
  { id: 'zhangjiakou', hubId: 'jingjinji', name: 'Zhangjiakou', latDeg: 40.768889, lonDeg: 114.886111, ...east },
  { id: 'yrd-demo-zone', hubId: 'yangtze-delta', name: 'YRD demonstration zone', latDeg: 31.150833, lonDeg: 121.123889, ...east },
  { id: 'wuhu', hubId: 'yangtze-delta', name: 'Wuhu', latDeg: 31.3525, lonDeg: 118.433056, ...east },
  { id: 'shaoguan', hubId: 'greater-bay-area', name: 'Shaoguan', latDeg: 24.811111, lonDeg: 113.596944, ...east },
  { id: 'tianfu', hubId: 'chengdu-chongqing', name: 'Tianfu', latDeg: 30.658611, lonDeg: 104.064722, ...east },
  { id: 'chongqing', hubId: 'chengdu-chongqing', name: 'Chongqing', latDeg: 29.563611, lonDeg: 106.550278, ...east },
  { id: 'horinger', hubId: 'inner-mongolia', name: 'Horinger (Hohhot)', latDeg: 40.378889, lonDeg: 111.828056, ...west },
  { id: 'guian', hubId: 'guizhou', name: "Gui'an", latDeg: 26.646944, lonDeg: 106.63, ...west },
  { id: 'qingyang', hubId: 'gansu', name: 'Qingyang', latDeg: 35.709167, lonDeg: 107.643611, ...west },
  { id: 'zhongwei', hubId: 'ningxia', name: 'Zhongwei', latDeg: 37.500278, lonDeg: 105.196667, ...west },
];

/** Default scenario: SCS-01 A–M, 24 h from 2026-04-02T00:00Z (inside the TLE epochs 2026-04-01..02). */
export const threeBodyScenario: ScenarioInput = {
  schemaVersion: 1,
  name: 'three-body',
  description:
    'The 12 SCS-01 "Three-Body Computing Constellation" satellites (tle/three-body.tle), the five AIRCAS ' +
    'Earth-observation stations and the 10 clusters of the 8 national computing hubs.',
  epochIso: '2026-04-02T00:00:00Z',
  durationH: 24,
  stepS: 30,
  seed: 20250514,
  constellation: { sources: [{ kind: 'tle', file: 'tle/three-body.tle' }] },
  groundStations: chineseEoStations,
  hubs: nationalHubClusters,
  // SCS-01's launch (docs/sources.md#scs-01): the date a launch price path is read at (no path by default).
  economics: { launchDateIso: '2025-05-14T04:12:00Z' },
};

/** Scale check: 10,313 Starlink element sets (tle/starlink-20260512.tle) with the same ground segment, 1 h. */
export const starlinkScenario: ScenarioInput = {
  ...threeBodyScenario,
  name: 'starlink',
  description: '10,313 Starlink TLEs (CelesTrak, 2026-05-12) as if they carried the SCS-01 payload: a scale test, not a Starlink model.',
  epochIso: '2026-05-12T12:00:00Z',
  durationH: 1,
  seed: 1,
  constellation: { sources: [{ kind: 'tle', file: 'tle/starlink-20260512.tle' }] },
};

/**
 * The planned 2,800-satellite "Star-Compute" constellation (ADA Space: 2,400 inference + 400 training satellites at
 * 500–1,000 km by 2035, docs/sources.md#scs-01). The shell layout is an assumption: inference 48 × 50 Walker delta at 550 km SSO,
 * training 20 × 20 Walker delta at 1,000 km SSO.
 */
export const starCompute2800Scenario: ScenarioInput = {
  ...threeBodyScenario,
  name: 'star-compute-2800',
  description: 'Planned 2,800-satellite computing constellation (ADA Space, by 2035); shells are an assumption.',
  economics: {}, // not launched: a launch price path is read at the run's epoch
  epochIso: '2026-04-02T00:00:00Z',
  durationH: 24,
  stepS: 60,
  seed: 2035,
  constellation: {
    sources: [
      {
        kind: 'walker',
        label: 'inference shell',
        pattern: 'delta',
        planes: 48,
        satsPerPlane: 50,
        phasing: 1,
        altitudeKm: 550,
        inclinationDeg: 'sso',
        namePrefix: 'STAR-COMPUTE-I',
        firstNorad: 900000,
      },
      {
        kind: 'walker',
        label: 'training shell',
        pattern: 'delta',
        planes: 20,
        satsPerPlane: 20,
        phasing: 1,
        altitudeKm: 1000,
        inclinationDeg: 'sso',
        namePrefix: 'STAR-COMPUTE-T',
        firstNorad: 903000,
      },
    ],
  },
};

/**
 * The ground segment sized for star-compute-2800 from public data: the whole AIRCAS receiving network, whose five
 * stations "boast 38 large-diameter data receiving antennas" (China Daily, 2024-12-24), plus its North Polar station
 * at Esrange, Kiruna (CNPGS, one antenna: China Daily, 2016-12-16), which sees a sun-synchronous satellite on most
 * orbits. The split of the 38 over the five sites is not published: 8 each at the older Miyun, Kashi and Sanya, 7 at
 * Lijiang and Mohe (assumption). Assumption: the whole network serves this constellation (it also serves > 30 other
 * missions, so this is an upper bound). Coordinates: public/data/ground-stations.csv (docs/sources.md#ground).
 */
export const aircasNetworkStations: StationInput[] = [
  ...chineseEoStations.map((g, i) => ({ ...g, antennas: i < 3 ? 8 : 7 })),
  { id: 'se-cnpgs-kiruna', name: 'CNPGS (Esrange, Kiruna)', latDeg: 67.883333, lonDeg: 21.066667, altM: 0, antennas: 1 },
];

/** star-compute-2800 with the ground segment sized for it (aircasNetworkStations): 39 antennas at six sites. */
export const starCompute2800NetworkScenario: ScenarioInput = {
  ...starCompute2800Scenario,
  name: 'star-compute-2800-network',
  description:
    'star-compute-2800 with the whole AIRCAS receiving network (38 antennas at five sites, China Daily 2024) and its ' +
    'polar station at Kiruna: a ground segment sized for the constellation.',
  groundStations: aircasNetworkStations,
};

/**
 * A synthetic Walker delta shell for the scale targets (issue 6: "SpaceX has filed for a constellation of one million
 * satellites"). Shell geometry is an assumption: 550 km, 53°, like Starlink's main shell. Too large to simulate in
 * the browser (the app shows its orbits only); the CLI simulates Walker shells up to 100,000 satellites.
 */
function megaWalker(name: string, planes: number, satsPerPlane: number): ScenarioInput {
  const count = (planes * satsPerPlane).toLocaleString('en-US');
  return {
    ...threeBodyScenario,
    name,
    description: `${count} satellites in one synthetic Walker delta shell (550 km, 53°): a scale test of the orbit view, not a planned constellation.`,
    durationH: 24,
    stepS: 60,
    seed: 1,
    constellation: {
      sources: [
        {
          kind: 'walker',
          label: `${name} shell`,
          pattern: 'delta',
          planes,
          satsPerPlane,
          phasing: 1,
          altitudeKm: 550,
          inclinationDeg: 53,
          namePrefix: 'MEGA',
          firstNorad: 1_000_000,
        },
      ],
    },
  };
}

export const walker100kScenario = megaWalker('walker-100k', 400, 250);
export const walker1mScenario = megaWalker('walker-1m', 1000, 1000);

/** The presets by name; a null-prototype object, so a name from a flag or URL (`constructor`) finds nothing else. */
export const presets: Record<string, ScenarioInput> = Object.assign(Object.create(null) as Record<string, ScenarioInput>, {
  'three-body': threeBodyScenario,
  starlink: starlinkScenario,
  'star-compute-2800': starCompute2800Scenario,
  'star-compute-2800-network': starCompute2800NetworkScenario,
  'walker-100k': walker100kScenario,
  'walker-1m': walker1mScenario,
});

export const DEFAULT_PRESET = 'three-body';
