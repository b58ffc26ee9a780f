// `ocsim contacts`: contact windows of a TLE file's satellites over chosen stations, as CSV.
// Node-free itself (I/O comes in through `io`), so tests call it directly; imports src/sim only.
import { basename } from 'node:path';
import type { SatRec } from 'satellite.js';
import { parseCatalog } from '../sim/catalog/index.ts';
import { createOrbitPropagator } from '../sim/orbit/propagator.ts';
import type { OrbitChunk } from '../sim/orbit/orbit-chunk.ts';
import { ContactFinder, type ContactWindow } from '../sim/links/contacts.ts';
import type { GroundStation } from '../sim/links/visibility.ts';
import { parseStationCsv } from '../sim/ground/station-csv.ts';
import { hoursAfter, isoUtc, parseIsoUtc } from '../sim/time.ts';
import { csvField } from '../sim/export/index.ts';
import { maxRangeKmProblem } from '../sim/scenario/schema-ground.ts';

export interface ContactsCommandOptions {
  tlePath: string;
  stationsCsvPath: string;
  stationIds: string[];
  /** Elevation mask for every station, degrees. */
  maskDeg: number;
  /** Slant-range limit for every station, km (Hypatia's satellite cone with maskDeg 0); none when absent. */
  maxRangeKm?: number;
  /** Run start, ISO 8601 UTC. */
  startIso: string;
  /** Run length, hours. */
  hours: number;
  /** Propagation step, s (default 60: Hermite refinement errs ≈ 0.3 m at this spacing). */
  stepS?: number;
}

export interface ContactsCommandIo {
  readText(path: string): string;
  writeOut(s: string): void;
  /** Error messages; dropped when absent. */
  writeErr?(s: string): void;
}

export const CONTACTS_CSV_HEADER = 'norad,name,station_id,aos_utc,los_utc,max_elevation_deg,partial';

/** Steps per propagation chunk: bounds memory for large catalogues (assumption, 2 h at 60 s). */
const CHUNK_STEPS = 120;

interface TleEntry {
  norad: number;
  name: string;
  satrec: SatRec;
}

/**
 * Reads the element sets with the catalogue parser (TLE or OMM): bad items are reported on stderr with
 * their line and column and left out; the rest are used.
 */
function readCatalog(text: string, path: string, referenceMs: number, writeErr?: (s: string) => void): TleEntry[] {
  const r = parseCatalog(text, { source: basename(path), referenceMs });
  for (const i of r.issues) writeErr?.(`${i.severity}: ${i.message}\n`);
  return r.records.map((rec) => ({ norad: rec.norad, name: rec.name.trim(), satrec: rec.satrec }));
}

function formatRow(w: ContactWindow, sats: TleEntry[], stations: GroundStation[]): string {
  const sat = sats[w.satIndex]!;
  return [
    String(sat.norad),
    csvField(sat.name),
    csvField(stations[w.stationIndex]!.id),
    isoUtc(Math.round(w.aosMs)),
    isoUtc(Math.round(w.losMs)),
    w.maxElevationDeg.toFixed(3),
    w.partialStart || w.partialEnd ? 'yes' : 'no',
  ].join(',');
}

function pickStations(csvText: string, path: string, ids: string[], maskDeg: number, maxRangeKm: number | undefined): GroundStation[] {
  const { stations, issues } = parseStationCsv(csvText, path);
  const byId = new Map(stations.map((s) => [s.id, s]));
  return ids.map((id) => {
    const s = byId.get(id);
    if (!s) {
      const why = issues.find((i) => i.item === id)?.message ?? `known ids: ${[...byId.keys()].join(', ')}`;
      throw new RangeError(`--station ${id}: not found in ${path} (${why})`);
    }
    const station: GroundStation = { id: s.id, name: s.name, latDeg: s.latDeg, lonDeg: s.lonDeg, altM: s.altM, minElevationDeg: maskDeg };
    if (maxRangeKm !== undefined) station.maxRangeKm = maxRangeKm;
    return station;
  });
}

function validate(opts: ContactsCommandOptions): void {
  if (!(opts.maskDeg >= 0 && opts.maskDeg < 90)) throw new RangeError(`--mask-deg: must be in [0, 90), got ${opts.maskDeg}`);
  if (!(opts.hours > 0)) throw new RangeError(`--hours: must be > 0, got ${opts.hours}`);
  const range = opts.maxRangeKm === undefined ? undefined : maxRangeKmProblem(opts.maxRangeKm);
  if (range) throw new RangeError(range);
  if (opts.stepS !== undefined && !(opts.stepS > 0 && opts.stepS <= 120)) {
    throw new RangeError(`--step-s: must be in (0, 120], got ${opts.stepS}`);
  }
  if (opts.stationIds.length === 0) throw new RangeError('--station: give at least one station id');
}

/** Sample times of chunk `c`: every stepS from startMs, the last one exactly at endMs. */
function chunkTimes(startMs: number, endMs: number, stepS: number, c: number): number[] {
  const times: number[] = [];
  for (let k = c * CHUNK_STEPS; k < (c + 1) * CHUNK_STEPS; k++) {
    const t = startMs + k * stepS * 1000;
    if (t >= endMs) {
      times.push(endMs);
      break;
    }
    times.push(t);
  }
  return times;
}

/** Finds all windows of the run on a grid over [startMs, startMs + hours] (both ends sampled). */
export async function findContacts(satrecs: SatRec[], stations: GroundStation[], startMs: number, hours: number, stepS: number): Promise<ContactWindow[]> {
  const propagator = await createOrbitPropagator(satrecs);
  try {
    const finder = new ContactFinder(satrecs.length, stations);
    const endMs = hoursAfter(startMs, hours);
    let chunk: OrbitChunk | undefined;
    for (let c = 0; ; c++) {
      const times = chunkTimes(startMs, endMs, stepS, c);
      chunk = propagator.propagateAt(times, chunk);
      finder.addChunk(chunk);
      if (times[times.length - 1] === endMs) break;
    }
    return finder.finish();
  } finally {
    propagator.dispose();
  }
}

/** Runs the command; returns the process exit code (0 ok, 2 bad input, 1 failure). */
export async function runContactsCommand(opts: ContactsCommandOptions, io: ContactsCommandIo): Promise<number> {
  try {
    validate(opts);
    const startMs = parseIsoUtc(opts.startIso, '--start');
    const sats = readCatalog(io.readText(opts.tlePath), opts.tlePath, startMs, io.writeErr);
    if (sats.length === 0) throw new RangeError(`--tle: no usable element sets in ${opts.tlePath}`);
    const stations = pickStations(io.readText(opts.stationsCsvPath), opts.stationsCsvPath, opts.stationIds, opts.maskDeg, opts.maxRangeKm);
    const windows = await findContacts(
      sats.map((s) => s.satrec),
      stations,
      startMs,
      opts.hours,
      opts.stepS ?? 60,
    );
    const rows = windows.map((w) => formatRow(w, sats, stations));
    io.writeOut([CONTACTS_CSV_HEADER, ...rows].join('\n') + '\n');
    return 0;
  } catch (err) {
    io.writeErr?.(`ocsim contacts: ${(err as Error).message}\n`);
    return err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ENOENT' ? 2 : 1;
  }
}
