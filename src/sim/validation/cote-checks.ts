// Reproduces the OEC paper's simulator cote (Denby & Lucia, ASPLOS 2020; CMUAbstract/cote): the bent-pipe
// downlink rate at 10°, 30°, 60° and 90° elevation and the raw capture per satellite per day, with cote's own
// parameters. The rate goes through the scenario's downlink block (whose defaults are cote's) and the engine's
// mapping `downlinkParams`, so the check covers the path a run uses. Pure; no I/O.
import { downlinkParams } from '../engine/link-params.ts';
import { linkRateBps, slantRangeKm } from '../links/link-budget.ts';
import { parseScenario, type Scenario } from '../scenario/schema.ts';
import { COTE_FRAME_CAMERA, frameCapture } from '../workload/imaging.ts';
import { checkNear, type ValidationGroup, type ValidationResult } from './types.ts';

/**
 * Altitude of cote's bent-pipe satellite, Flock 3k-3 (cote `artifacts/bent-pipe/scripts/common-data/planet.tle`:
 * 15.24309684 rev/day → a = 6871.0 km → h = 492.9 km; docs/parts/link-and-imaging.md §1.5).
 */
export const COTE_ALTITUDE_KM = 493;

/**
 * Figures derived from cote's configuration (docs/sources.md#cote, "derived from that configuration"), with their printed
 * precision: "≈ 75 / 109 / 136 / 143.5 Mbit/s", "≈ 167 GB/day".
 */
export const COTE_PUBLISHED = {
  rateMbpsByElevationDeg: [
    { elevationDeg: 10, rateMbps: 75, toleranceMbps: 0.5 },
    { elevationDeg: 30, rateMbps: 109, toleranceMbps: 0.5 },
    { elevationDeg: 60, rateMbps: 136, toleranceMbps: 0.5 },
    { elevationDeg: 90, rateMbps: 143.5, toleranceMbps: 0.05 },
  ],
  captureGBPerDay: 167,
  captureToleranceGB: 0.5,
} as const;

/** A one-satellite scenario with the scenario schema's downlink defaults, which are cote's bent-pipe link. */
export function coteScenario(): Scenario {
  return parseScenario({
    schemaVersion: 1,
    name: 'cote-bent-pipe',
    epochIso: '2026-04-02T00:00:00Z',
    durationH: 1,
    constellation: { sources: [{ kind: 'walker', planes: 1, satsPerPlane: 1, phasing: 0, altitudeKm: COTE_ALTITUDE_KM, inclinationDeg: 'sso' }] },
    satellite: { downlink: { kind: 'shannon' } },
    groundStations: [{ id: 'gs', latDeg: 0, lonDeg: 0 }],
    hubs: [{ id: 'hub', hubId: 'hub', region: 'east', latDeg: 0, lonDeg: 0 }],
  });
}

/** Rate and daily capture at cote's altitude. */
export function coteChecks(): ValidationResult[] {
  const link = downlinkParams(coteScenario());
  const out = COTE_PUBLISHED.rateMbpsByElevationDeg.map((p) => {
    const rateMbps = linkRateBps(link, slantRangeKm(COTE_ALTITUDE_KM, p.elevationDeg)) / 1e6;
    return checkNear(
      {
        id: `cote.rate.el${p.elevationDeg}`,
        what: `bent-pipe downlink rate at ${p.elevationDeg}° elevation, ${COTE_ALTITUDE_KM} km (cote link budget)`,
        unit: 'Mbit/s',
        digits: 2,
      },
      p.rateMbps,
      rateMbps,
      p.toleranceMbps,
    );
  });
  const capture = frameCapture(COTE_FRAME_CAMERA, COTE_ALTITUDE_KM);
  out.push(
    checkNear(
      { id: 'cote.capture', what: `raw capture per satellite per day, cote frame camera at ${COTE_ALTITUDE_KM} km, every frame`, unit: 'GB/day', digits: 2 },
      COTE_PUBLISHED.captureGBPerDay,
      capture.gigabytesPerDay,
      COTE_PUBLISHED.captureToleranceGB,
    ),
  );
  return out;
}

export const coteGroup: ValidationGroup = {
  id: 'cote',
  title: 'OEC / cote bent-pipe link budget and capture',
  run: async () => coteChecks(),
};
