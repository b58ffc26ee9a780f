// Laser inter-satellite links (ISLs) at one time: +Grid for Walker shells, range / line-of-sight
// pairing for everything else. Pure; imports only catalogue types and links/isl-*.ts (no DOM, no Node).
import type { WalkerSlot } from '../catalog/types.ts';
import { allocateIslEdges, pushIslEdge, type IslEdgeList } from './isl-edges.ts';
import { ISL_EARTH_RADIUS_KM, linkRangeKm } from './isl-geometry.ts';
import { plusGridPairs, type IslPairs } from './isl-grid.ts';
import type { NeighbourQuery } from './isl-neighbours.ts';
import { RangeLinker } from './isl-range.ts';

export type { IslEdgeList } from './isl-edges.ts';
export { ISL_EARTH_RADIUS_KM, grazingAltitudeKm, islLatencyS } from './isl-geometry.ts';

/**
 * 'plus-grid': satellites generated as Walker shells get +Grid links (two in-plane, two cross-plane, no links
 * between shells); any other satellites are paired by range among themselves. 'range': every satellite is paired
 * by range / line of sight, nearest first, up to terminalsPerSat links each.
 */
export type IslTopology = 'plus-grid' | 'range';

/** ISL parameters (a plain object the scenario's `isl` block fills). */
export interface IslParams {
  topology: IslTopology;
  /** Data rate of one laser link, Gbit/s. */
  rateGbps: number;
  /** Time from a link becoming geometrically possible to carrying data (pointing, acquisition, tracking), s. */
  acquisitionS: number;
  /** Longest usable link, km. */
  maxRangeKm: number;
  /** The link's straight line must pass at least this high above the Earth's surface, km. */
  atmMarginKm: number;
  /** Laser terminals per satellite: the most simultaneous links one satellite holds (range topology). */
  terminalsPerSat: number;
  /**
   * Range pairing ranks a candidate partner by the larger of its range now and its range after this look-ahead
   * (linear motion from the ECEF velocities), so terminals go to partners that stay close; 0 = nearest now, s.
   */
  pairingHorizonS: number;
}

/**
 * Defaults. rateGbps 100 and acquisitionS 15: SCS-01 laser terminals (docs/sources.md#scs-01, "inter-satellite link").
 * atmMarginKm 80: Hypatia's rule that ISLs do not dip below 80 km altitude "to avoid weather conditions"
 * (snkas/hypatia paper/satellite_networks_state/main_starlink_550.py). maxRangeKm 5,016: Hypatia's
 * MAX_ISL_LENGTH for its 550 km Starlink shell, 2·√((Re+550)² − (Re+80)²) with Re = 6,378.135 km, i.e. the
 * line-of-sight limit at 550 km (for other altitudes the line-of-sight test applies on its own).
 * terminalsPerSat 4: the four links of the +Grid pattern (assumption for range pairing). pairingHorizonS 300:
 * assumption, 20 × the acquisition time (a new link should last much longer than it takes to acquire); see docs.
 */
export const DEFAULT_ISL_PARAMS: Readonly<IslParams> = Object.freeze({
  topology: 'plus-grid',
  rateGbps: 100,
  acquisitionS: 15,
  maxRangeKm: 5016,
  atmMarginKm: 80,
  terminalsPerSat: 4,
  pairingHorizonS: 300,
});

/** The ISL parameters of a block holding more (e.g. the scenario's `isl`, with its switches): exactly the IslParams fields. */
export function islParams(block: Readonly<IslParams>): IslParams {
  const { topology, rateGbps, acquisitionS, maxRangeKm, atmMarginKm, terminalsPerSat, pairingHorizonS } = block;
  return { topology, rateGbps, acquisitionS, maxRangeKm, atmMarginKm, terminalsPerSat, pairingHorizonS };
}

/** Assumption: more terminals than this is not a laser terminal count but a typo (and bounds the work per step). */
export const MAX_TERMINALS_PER_SAT = 16;

/** Checks the parameters; one message per bad field (`isl.maxRangeKm: …`), empty when valid. */
export function validateIslParams(p: IslParams, prefix = 'isl'): string[] {
  const bad: string[] = [];
  const pos = (v: number) => Number.isFinite(v) && v > 0;
  if (p.topology !== 'plus-grid' && p.topology !== 'range') bad.push(`${prefix}.topology: must be "plus-grid" or "range", got ${JSON.stringify(p.topology)}`);
  if (!pos(p.rateGbps)) bad.push(`${prefix}.rateGbps: must be > 0, got ${p.rateGbps}`);
  if (!(Number.isFinite(p.acquisitionS) && p.acquisitionS >= 0)) bad.push(`${prefix}.acquisitionS: must be ≥ 0, got ${p.acquisitionS}`);
  if (!(pos(p.maxRangeKm) && p.maxRangeKm <= 1e6)) bad.push(`${prefix}.maxRangeKm: must be in (0, 1e6] km, got ${p.maxRangeKm}`);
  if (!(Number.isFinite(p.atmMarginKm) && p.atmMarginKm >= 0 && p.atmMarginKm <= 1000))
    bad.push(`${prefix}.atmMarginKm: must be in [0, 1000] km, got ${p.atmMarginKm}`);
  if (!(Number.isInteger(p.terminalsPerSat) && p.terminalsPerSat >= 1 && p.terminalsPerSat <= MAX_TERMINALS_PER_SAT)) {
    bad.push(`${prefix}.terminalsPerSat: must be an integer in [1, ${MAX_TERMINALS_PER_SAT}], got ${p.terminalsPerSat}`);
  }
  if (!(Number.isFinite(p.pairingHorizonS) && p.pairingHorizonS >= 0 && p.pairingHorizonS <= 86_400))
    bad.push(`${prefix}.pairingHorizonS: must be in [0, 86400] s, got ${p.pairingHorizonS}`);
  return bad;
}

/**
 * Computes the ISLs of one catalogue at successive times. Static work (the +Grid pairs, the workspace) is done
 * once in the constructor; `linksAt` allocates nothing.
 */
export class IslLinker {
  readonly satCount: number;
  /** Static +Grid pairs (empty in 'range' topology). */
  readonly grid: IslPairs;
  /** Whether velocities change the links: range pairing of ≥ 2 satellites with a look-ahead (`linksAt` may get null otherwise). */
  readonly ranksByMotion: boolean;
  private readonly rangeMember: Uint8Array | null;
  private readonly rangeCount: number;
  private readonly ranger: RangeLinker;
  private readonly edges: IslEdgeList;
  private readonly minRadiusKm: number;
  private readonly query: NeighbourQuery;

  /**
   * @param layouts one entry per satellite (position index): its Walker slot, or undefined (CatalogRecord.walker).
   * Throws a RangeError when the parameters are invalid (edge validation).
   */
  constructor(
    layouts: readonly (WalkerSlot | undefined)[],
    readonly params: Readonly<IslParams>,
  ) {
    const bad = validateIslParams(params);
    if (bad.length) throw new RangeError(bad.join('; '));
    this.satCount = layouts.length;
    const grid = params.topology === 'plus-grid';
    this.grid = grid ? plusGridPairs(layouts) : { count: 0, a: new Int32Array(0), b: new Int32Array(0) };
    this.rangeMember = grid ? Uint8Array.from(layouts, (w) => (w ? 0 : 1)) : null;
    this.rangeCount = this.rangeMember ? this.rangeMember.reduce((s, v) => s + v, 0) : this.satCount;
    this.ranksByMotion = this.rangeCount >= 2 && params.pairingHorizonS > 0;
    const t = params.terminalsPerSat;
    // Assumption: offering 2·T candidates per satellite lets most satellites fill their T terminals when their
    // nearest neighbours are already full (checked against exhaustive pairing in test/links/isl-range.test.ts).
    this.ranger = new RangeLinker(t, Math.min(2 * t, Math.max(1, this.satCount - 1)));
    this.edges = allocateIslEdges(this.grid.count + Math.ceil((this.rangeCount * t) / 2));
    this.minRadiusKm = ISL_EARTH_RADIUS_KM + params.atmMarginKm;
    this.query = { pos: new Float64Array(0), vel: null, horizonS: params.pairingHorizonS, maxRangeKm: params.maxRangeKm, minRadiusKm: this.minRadiusKm };
  }

  /**
   * Links at one time. `positionsEcefKm[s*3+k]` (km, NaN = lost satellite); `velocitiesEcefKmS[s*3+k]` (km/s)
   * for the look-ahead ranking of range pairs (null: rank by the current range). +Grid pairs are kept when both ends
   * are present, within maxRangeKm and in line of sight above the margin; range pairs as in RangeLinker (links
   * of the previous call are kept while linkable, so call it with successive times of one run, or `reset`).
   * Returns the linker's own edge list, overwritten by the next call. Never throws.
   */
  linksAt(positionsEcefKm: Float64Array, velocitiesEcefKmS: Float64Array | null = null): IslEdgeList {
    const out = this.edges;
    out.count = 0;
    const { maxRangeKm } = this.params;
    const g = this.grid;
    for (let e = 0; e < g.count; e++) {
      const r = linkRangeKm(positionsEcefKm, g.a[e]!, g.b[e]!, maxRangeKm, this.minRadiusKm);
      if (r >= 0) pushIslEdge(out, g.a[e]!, g.b[e]!, r);
    }
    if (this.rangeCount >= 2) {
      const q = this.query;
      q.pos = positionsEcefKm;
      q.vel = velocitiesEcefKmS;
      this.ranger.link(q, this.satCount, this.rangeMember, out);
    }
    return out;
  }

  /** Forgets the range links kept from the previous call (start of a new run). */
  reset(): void {
    this.ranger.reset();
  }
}
