// Walker shells inferred from element sets (TLE/OMM), so a catalogue that forms shells gets +Grid ISLs as a generated
// shell does: satellites grouped by inclination and mean motion, planes by RAAN, slots by argument of latitude at a
// common epoch (SGP4's secular rates), phasing from the planes' phase offsets. Only unambiguous fits are kept; the
// rest stay unslotted (range pairing). Pure; imports only catalogue types.
import type { CatalogRecord, WalkerSlot } from './types.ts';

/** Assumption: satellites of one shell share inclination within this gap, degrees (Starlink's shells differ by ≥ 0.8°). */
export const SHELL_INCLINATION_GAP_DEG = 0.2;
/** Assumption: and mean motion within this gap, rev/day (≈ 3 km of altitude at 550 km; Starlink's shells differ by ≥ 10 km). */
export const SHELL_MEAN_MOTION_GAP_REV_PER_DAY = 0.01;
/** Assumption: fewer satellites than this are not worth a grid (and their fit would prove little). */
export const SHELL_MIN_SATELLITES = 4;
/** Below this inclination the node is undefined (equatorial orbits): no planes, degrees. */
const MIN_INCLINATION_DEG = 1;
/**
 * Assumption: a satellite may sit up to this share of the plane spacing from its plane's RAAN, and up to this share of
 * the slot spacing from its slot; plane spacings may differ from nominal by this share too.
 */
export const SHELL_TOLERANCE = 0.1;
/** The gap between planes must be this many times the largest gap within a plane (else the planes are not clear). */
const PLANE_GAP_RATIO = 5;
/**
 * Assumption: at least this share of a group must sit on the grid; the rest (in-orbit spares between slots, a second
 * satellite in a slot) stay unslotted and are paired by range. Real shells carry a few spares per plane.
 */
export const SHELL_MIN_ON_GRID_SHARE = 0.9;

const TWO_PI = 2 * Math.PI;
const DEG = 180 / Math.PI;
const MS_PER_MIN = 60_000;
const wrap = (x: number, period: number): number => ((x % period) + period) % period;
/** x wrapped to [−period/2, period/2). */
const centred = (x: number, period: number): number => wrap(x + period / 2, period) - period / 2;

/** One satellite's mean elements at the group's common epoch, degrees. */
interface Mean {
  index: number;
  raanDeg: number;
  uDeg: number;
}

/**
 * The Walker slot of every record that belongs to an unambiguous shell, undefined for the others (and for records
 * that already carry one). Deterministic: depends only on the records and their order.
 */
export function inferWalkerSlots(records: readonly CatalogRecord[]): (WalkerSlot | undefined)[] {
  const out: (WalkerSlot | undefined)[] = new Array(records.length).fill(undefined);
  for (const group of shellCandidates(records)) {
    const slots = fitShell(records, group);
    if (slots) group.forEach((i, k) => (out[i] = slots[k]));
  }
  return out;
}

/** The records with the inferred slots set (new objects for those that got one; the others as they were). */
export function withInferredShells(records: readonly CatalogRecord[]): CatalogRecord[] {
  const slots = inferWalkerSlots(records);
  return records.map((r, i) => (slots[i] ? { ...r, walker: slots[i] } : r));
}

/** Groups of record indices with the same inclination and mean motion (gaps above the thresholds split them). */
function shellCandidates(records: readonly CatalogRecord[]): number[][] {
  const ids = records.flatMap((r, i) => (r.walker || !(r.satrec.inclo * DEG >= MIN_INCLINATION_DEG) || !(r.satrec.no > 0) ? [] : [i]));
  const inc = (i: number) => records[i]!.satrec.inclo * DEG;
  const revPerDay = (i: number) => (records[i]!.satrec.no * 1440) / TWO_PI;
  return splitByGap(ids, inc, SHELL_INCLINATION_GAP_DEG)
    .flatMap((g) => splitByGap(g, revPerDay, SHELL_MEAN_MOTION_GAP_REV_PER_DAY))
    .filter((g) => g.length >= SHELL_MIN_SATELLITES);
}

/** `ids` sorted by `key` (ties by index), cut where consecutive keys differ by more than `gap`. */
function splitByGap(ids: number[], key: (i: number) => number, gap: number): number[][] {
  const sorted = [...ids].sort((a, b) => key(a) - key(b) || a - b);
  const out: number[][] = [];
  sorted.forEach((i, k) => {
    if (k === 0 || key(i) - key(sorted[k - 1]!) > gap) out.push([]);
    out.at(-1)!.push(i);
  });
  return out;
}

/**
 * RAAN and mean argument of latitude (ω + M) of each satellite at the group's latest epoch, by SGP4's secular rates
 * (satrec nodedot, argpdot, mdot, rad/min; drag terms left out).
 */
function meansAtCommonEpoch(records: readonly CatalogRecord[], group: readonly number[]): Mean[] {
  const epochMs = Math.max(...group.map((i) => records[i]!.epochMs));
  return group.map((i) => {
    const s = records[i]!.satrec;
    const dtMin = (epochMs - records[i]!.epochMs) / MS_PER_MIN;
    const raan = s.nodeo + s.nodedot * dtMin;
    const u = s.argpo + s.mo + (s.argpdot + s.mdot) * dtMin;
    return { index: i, raanDeg: wrap(raan * DEG, 360), uDeg: wrap(u * DEG, 360) };
  });
}

/**
 * The slots of the group's satellites (in group order; undefined for one off the grid) when they form one Walker
 * shell unambiguously, else null.
 */
function fitShell(records: readonly CatalogRecord[], group: readonly number[]): (WalkerSlot | undefined)[] | null {
  const means = meansAtCommonEpoch(records, group);
  const planes = clusterPlanes(means);
  if (!planes) return null;
  const P = planes.members.length;
  const S = slotsPerPlane(planes.members);
  if (S === 0) return null;
  const slotDeg = 360 / S;
  const offsets = planes.members.map((m) => gridOffsetDeg(m, slotDeg));
  const phasing = fitPhasing(offsets, slotDeg, planes.pattern);
  if (phasing === null) return null;
  const shell = Math.min(...group.map((i) => records[i]!.norad));
  const slotOf = new Map<number, WalkerSlot>();
  for (let p = 0; p < P; p++) {
    // Nearest to each slot first, so a second satellite in a slot (or a spare near it) is the one left out.
    const ref = offsets[0]! + (p * phasing * slotDeg) / P;
    const miss = (m: Mean) => Math.abs(centred(m.uDeg - offsets[p]!, slotDeg));
    const taken = new Set<number>();
    for (const m of [...planes.members[p]!].sort((a, b) => miss(a) - miss(b) || a.index - b.index)) {
      const slot = wrap(Math.round((m.uDeg - ref) / slotDeg), S);
      if (miss(m) > SHELL_TOLERANCE * slotDeg || taken.has(slot)) continue;
      taken.add(slot);
      slotOf.set(m.index, { shell, pattern: planes.pattern, planes: P, satsPerPlane: S, phasing, plane: p, slot });
    }
  }
  if (slotOf.size < SHELL_MIN_ON_GRID_SHARE * group.length) return null;
  return group.map((i) => slotOf.get(i));
}

/**
 * Slots per plane S: 360° over the median spacing of consecutive satellites within the planes (spares between slots
 * split a spacing but move the median little); 0 when no plane has two satellites.
 */
function slotsPerPlane(members: readonly Mean[][]): number {
  const gaps: number[] = [];
  for (const plane of members) {
    const u = plane.map((m) => m.uDeg).sort((a, b) => a - b);
    if (u.length >= 2) u.forEach((x, k) => gaps.push(wrap(u[(k + 1) % u.length]! - x, 360)));
  }
  if (gaps.length === 0) return members.length > 1 ? 1 : 0;
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return median > 0 ? Math.round(360 / median) : 0;
}

/**
 * The satellites by plane, plane 0 first (delta: the lowest mean RAAN in [0°, 360°); star: the first after the
 * empty half), when the RAANs fall into P clear clusters evenly spaced by 360°/P (delta) or 180°/P (star); else null.
 */
function clusterPlanes(means: readonly Mean[]): { pattern: 'delta' | 'star'; members: Mean[][] } | null {
  const sorted = [...means].sort((a, b) => a.raanDeg - b.raanDeg || a.index - b.index);
  const n = sorted.length;
  const gaps = sorted.map((m, k) => wrap(sorted[(k + 1) % n]!.raanDeg - m.raanDeg, 360) || (n === 1 ? 360 : 0));
  const order = gaps.map((_, k) => k).sort((a, b) => gaps[b]! - gaps[a]! || a - b);
  // P planes: the P largest gaps are between planes, the rest within; P where the drop between them is steepest, with
  // at least two satellites per plane on average (else equal RAANs of a few pairs would look like the steepest drop).
  let P = 0;
  let best = 0;
  for (let k = 1; k <= Math.max(1, Math.floor(n / 2)); k++) {
    const inner = k < n ? gaps[order[k]!]! : 0;
    const ratio = inner > 0 ? gaps[order[k - 1]!]! / inner : Infinity;
    if (ratio > best) [best, P] = [ratio, k];
    if (ratio === Infinity) break;
  }
  if (!(best >= PLANE_GAP_RATIO)) return null;
  const cuts = order.slice(0, P).sort((a, b) => a - b); // plane k ends at sorted[cuts[k]]
  const members = cuts.map((c, k) => {
    const from = (cuts[(k + P - 1) % P]! + 1) % n;
    const out: Mean[] = [];
    for (let j = from; ; j = (j + 1) % n) {
      out.push(sorted[j]!);
      if (j === c) break;
    }
    return out;
  });
  const raans = members.map((m) =>
    circularMeanDeg(
      m.map((x) => x.raanDeg),
      360,
    ),
  );
  return orderPlanes(members, raans);
}

/** Checks the plane spacing and spread, picks the pattern and plane 0; members and raans come in ascending RAAN. */
function orderPlanes(members: Mean[][], raans: number[]): { pattern: 'delta' | 'star'; members: Mean[][] } | null {
  const P = members.length;
  const spacing = raans.map((r, k) => wrap(raans[(k + 1) % P]! - r, 360));
  const near = (x: number, want: number, step: number) => Math.abs(x - want) <= SHELL_TOLERANCE * step;
  let pattern: 'delta' | 'star';
  let first = raans.indexOf(Math.min(...raans));
  if (P === 1 || spacing.every((d) => near(d, 360 / P, 360 / P))) pattern = 'delta';
  else {
    const seam = spacing.indexOf(Math.max(...spacing));
    const step = 180 / P;
    if (!spacing.every((d, k) => (k === seam ? near(d, 180 + step, step) : near(d, step, step)))) return null;
    pattern = 'star';
    first = (seam + 1) % P;
  }
  const step = (pattern === 'delta' ? 360 : 180) / P;
  for (let p = 0; p < P; p++) if (!members[p]!.every((m) => Math.abs(centred(m.raanDeg - raans[p]!, 360)) <= SHELL_TOLERANCE * step)) return null;
  return { pattern, members: members.map((_, k) => members[(first + k) % P]!) };
}

/** Circular mean of angles with the given period, in [0, period) (atan2 of the summed unit vectors). */
function circularMeanDeg(values: readonly number[], period: number): number {
  let x = 0;
  let y = 0;
  for (const v of values) {
    x += Math.cos((v / period) * TWO_PI);
    y += Math.sin((v / period) * TWO_PI);
  }
  return wrap((Math.atan2(y, x) / TWO_PI) * period, period);
}

/**
 * A plane's offset from the slot grid, degrees in [−slot/2, slot/2): the circular mean of u modulo the slot spacing,
 * taken again over the satellites within tolerance of the first (so spares between slots do not pull it).
 */
function gridOffsetDeg(plane: readonly Mean[], slotDeg: number): number {
  const first = circularMeanDeg(
    plane.map((m) => m.uDeg),
    slotDeg,
  );
  const near = plane.filter((m) => Math.abs(centred(m.uDeg - first, slotDeg)) <= SHELL_TOLERANCE * slotDeg);
  return centred(
    near.length > 0
      ? circularMeanDeg(
          near.map((m) => m.uDeg),
          slotDeg,
        )
      : first,
    slotDeg,
  );
}

/**
 * Walker phasing F in [0, P−1]: each plane is F·slot/P further along than the one before (modulo a slot; for a delta
 * shell the seam too). F from the mean step, kept when it is within a quarter of slot/P of it (so F is unambiguous)
 * and every step within tolerance of F·slot/P; null otherwise.
 */
function fitPhasing(offsets: readonly number[], slotDeg: number, pattern: 'delta' | 'star'): number | null {
  const P = offsets.length;
  if (P === 1) return 0;
  const steps = offsets.flatMap((o, p) => (p + 1 < P || pattern === 'delta' ? [wrap(offsets[(p + 1) % P]! - o, slotDeg)] : []));
  const mean = circularMeanDeg(steps, slotDeg);
  const unit = slotDeg / P;
  const F = wrap(Math.round(mean / unit), P);
  if (Math.abs(centred(mean - F * unit, slotDeg)) > unit / 4) return null;
  return steps.every((d) => Math.abs(centred(d - F * unit, slotDeg)) <= SHELL_TOLERANCE * slotDeg) ? F : null;
}
