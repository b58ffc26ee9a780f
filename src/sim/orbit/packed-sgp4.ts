// Packed SGP4 elements: every near-earth satellite's constants from satellite.js's `sgp4init` in one
// Float64Array (array of structs), and an exact fast `x mod 2π`. Imports only satellite.js.
// Deep-space satellites (period ≥ 225 min, method 'd') are not packed: callers use satellite.js's `sgp4`.
import { constants, type SatRec } from 'satellite.js';

const { twoPi, x2o3, xke } = constants;

/** twoPi = TWO_PI_HI + TWO_PI_LO exactly, TWO_PI_HI with 26 significant bits (Veltkamp split). */
const TWO_PI_HI = 134217729 * twoPi - (134217729 * twoPi - twoPi);
const TWO_PI_LO = twoPi - TWO_PI_HI;
/** Above this |x| the quotient may exceed 2^26 and n·lo may round: use `%`. */
const MOD_FAST_LIMIT = 2 ** 26;

/**
 * `x % twoPi`, exactly (same double), without V8's fmod call (≈ 15 ns here): r = (x − n·hi) − n·lo is
 * exact for n < 2^26 (n·hi, n·lo and the Sterbenz subtraction are exact). Falls back to `%` when the
 * quotient rounded across a multiple or the result is zero (sign of zero).
 */
export function modTwoPi(x: number): number {
  if (x >= 0 ? x < twoPi : x > -twoPi) return x;
  if (!(Math.abs(x) < MOD_FAST_LIMIT)) return x % twoPi;
  const n = Math.trunc(x / twoPi);
  const r = x - n * TWO_PI_HI - n * TWO_PI_LO;
  if (x > 0 ? r > 0 && r < twoPi : r < 0 && r > -twoPi) return r;
  return x % twoPi;
}

/** Field offsets inside one satellite's packed record (SGP4 names, see satellite.js SatRec). */
export const PACKED_FIELD = {
  mo: 0,
  mdot: 1,
  argpo: 2,
  argpdot: 3,
  nodeo: 4,
  nodedot: 5,
  nodecf: 6,
  cc1: 7,
  bstarCc4: 8,
  t2cof: 9,
  isimp: 10,
  omgcof: 11,
  eta: 12,
  xmcof: 13,
  delmo: 14,
  d2: 15,
  d3: 16,
  d4: 17,
  bstarCc5: 18,
  sinmao: 19,
  t3cof: 20,
  t4cof: 21,
  t5cof: 22,
  no: 23,
  ecco: 24,
  inclo: 25,
  aycof: 26,
  xlcof: 27,
  con41: 28,
  x1mth2: 29,
  x7thm1: 30,
  jdsatepoch: 31,
  /** (xke / no)^(2/3): the constant factor of the semi-major axis (near-earth: nm = no). */
  amBase: 32,
  sinim: 33,
  cosim: 34,
} as const;
const F = PACKED_FIELD;

/** Numbers per satellite in `PackedElements.values`. */
export const PACKED_STRIDE = 35;

/** Near-earth satellites' SGP4 constants, array-of-structs: satellite s at `values[s * PACKED_STRIDE + f]`. */
export interface PackedElements {
  readonly count: number;
  readonly values: Float64Array;
  /** 1 = near-earth (packed kernel), 0 = deep space (use satellite.js `sgp4`): `[s]`. */
  readonly nearEarth: Uint8Array;
}

/** Packs the near-earth constants of every satellite (deep-space ones are flagged, their slot left 0). */
export function packElements(satrecs: readonly SatRec[]): PackedElements {
  const values = new Float64Array(satrecs.length * PACKED_STRIDE);
  const nearEarth = new Uint8Array(satrecs.length);
  for (let s = 0; s < satrecs.length; s++) {
    const r = satrecs[s]!;
    if (r.method !== 'n') continue;
    nearEarth[s] = 1;
    const b = s * PACKED_STRIDE;
    const put = (f: number, v: number) => {
      values[b + f] = v;
    };
    put(F.mo, r.mo);
    put(F.mdot, r.mdot);
    put(F.argpo, r.argpo);
    put(F.argpdot, r.argpdot);
    put(F.nodeo, r.nodeo);
    put(F.nodedot, r.nodedot);
    put(F.nodecf, r.nodecf);
    put(F.cc1, r.cc1);
    // sgp4 evaluates bstar * cc4 * t as (bstar * cc4) * t: the product is the same double.
    put(F.bstarCc4, r.bstar * r.cc4);
    put(F.t2cof, r.t2cof);
    put(F.isimp, r.isimp);
    put(F.omgcof, r.omgcof);
    put(F.eta, r.eta);
    put(F.xmcof, r.xmcof);
    put(F.delmo, r.delmo);
    put(F.d2, r.d2);
    put(F.d3, r.d3);
    put(F.d4, r.d4);
    put(F.bstarCc5, r.bstar * r.cc5);
    put(F.sinmao, r.sinmao);
    put(F.t3cof, r.t3cof);
    put(F.t4cof, r.t4cof);
    put(F.t5cof, r.t5cof);
    put(F.no, r.no);
    put(F.ecco, r.ecco);
    put(F.inclo, r.inclo);
    put(F.aycof, r.aycof);
    put(F.xlcof, r.xlcof);
    put(F.con41, r.con41);
    put(F.x1mth2, r.x1mth2);
    put(F.x7thm1, r.x7thm1);
    put(F.jdsatepoch, r.jdsatepoch);
    put(F.amBase, (xke / r.no) ** x2o3);
    put(F.sinim, Math.sin(r.inclo));
    put(F.cosim, Math.cos(r.inclo));
  }
  return { count: satrecs.length, values, nearEarth };
}

/** Julian date of the element set epoch of packed satellite `s` (days). */
export function packedEpochJd(p: PackedElements, s: number): number {
  return p.values[s * PACKED_STRIDE + F.jdsatepoch]!;
}
