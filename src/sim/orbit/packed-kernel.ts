// The hot loop of the packed backend: near-earth SGP4 for one satellite over all times of a chunk, then
// TEME → Earth-fixed, Earth-relative velocity, shadow fraction and geodetic, written straight into the
// chunk. Allocation-free; imports only satellite.js constants and orbit/ modules.
//
// SGP4: Vallado, Crawford, Hujsak & Kelso (2006), "Revisiting Spacetrack Report #3", AIAA 2006-6753, as
// transcribed in satellite.js 7.1.0 `propagation/sgp4.js` (method 'n'), same formulas in the same order.
// What differs, each measured on the dev machine (docs/performance.md), all within 1e-8 km of satellite.js:
// - most trigonometry (≈ 9 ns a call) becomes turning a known (sin, cos) pair by a small angle with the
//   angle-addition formulas and Taylor series: the mean anomaly and the argument of latitude advance by an
//   almost constant step from one time to the next (trackers), the perigee and node drift slowly (bases), the
//   inclination and u move by < 1e-3 rad, and each Kepler iterate is the previous one turned by its correction;
// - `a ** 1.5` is `a·√a` (pow ≈ 50 ns) and `% 2π` is the exact `modTwoPi` (fmod ≈ 15 ns).
// Because of the trackers, a sample's last bits depend on the earlier times of its chunk (measured ≤ 6e-10 km
// after 120 times): the same chunks always give the same bits (the workers and the main thread agree
// exactly), but a time propagated alone may differ from the same time inside a grid by that much.
// One long function on purpose: split into stages, V8 stops inlining them and boxes every double passed
// between them (measured: 30 % slower, 64 bytes of garbage per sample).
import { constants } from 'satellite.js';
import { ERROR_NON_FINITE, SGP4_OK, markSampleFailed, type OrbitChunk } from './orbit-chunk.ts';
import { EARTH_ROTATION_RAD_S, WGS84_B_KM, WGS84_EP2 } from './frames.ts';
import { PACKED_FIELD as F, PACKED_STRIDE, modTwoPi, type PackedElements } from './packed-sgp4.ts';
import { EARTH_EQUATORIAL_RADIUS_KM, WGS84_E2 } from '../constants.ts';

const { earthRadius, j2, twoPi, vkmpersec, xke } = constants;
const MINUTES_PER_DAY = 1440;
const RAD_TO_DEG = 180 / Math.PI;
/**
 * Per-time table, `TIME_STRIDE` numbers per time: Julian date, cos θ, sin θ (θ = GMST), the antisolar
 * unit vector (TEME) and the Sun's angular radius seen from the Earth (rad), as satellite.js's shadow.js
 * computes them.
 */
export const TIME_STRIDE = 7;
/** Kepler steps below this are final: Newton's next step would be ≤ e/(2(1−e))·δ² < 2e-15 rad (e < 0.25). */
const KEPLER_FINAL_STEP = 1e-7;
/**
 * Largest angle (rad) a (sin, cos) pair is turned by with the series below (next terms d⁹/9! and d⁸/8!:
 * < 3e-21). Larger changes (the first times of a chunk, uneven time steps) call Math.sin and Math.cos.
 */
const TURN_MAX = 0.01;

// sin d and cos d for |d| < TURN_MAX are written out where needed (q = d²):
//   sin d = d·(1 − q/6·(1 − q/20·(1 − q/42))),  cos d = 1 − q/2·(1 − q/12·(1 − q/30)),
// inline rather than as helpers: past V8's inlining budget a helper boxes its double argument.

/**
 * Propagates packed near-earth satellite `s` (chunk row `row`) at every time of the chunk, with the per-time
 * table `tab`. Failures (SGP4 error codes 1, 2, 4, 6 or a non-finite result) mark the sample. Never throws.
 */
export function fillPackedSatellite(p: PackedElements, s: number, row: number, tab: Float64Array, out: OrbitChunk): void {
  const e = p.values;
  const b = s * PACKED_STRIDE;
  const mo = e[b + F.mo]!,
    mdot = e[b + F.mdot]!,
    argpo = e[b + F.argpo]!,
    argpdot = e[b + F.argpdot]!;
  const nodeo = e[b + F.nodeo]!,
    nodedot = e[b + F.nodedot]!,
    nodecf = e[b + F.nodecf]!,
    cc1 = e[b + F.cc1]!;
  const bstarCc4 = e[b + F.bstarCc4]!,
    t2cof = e[b + F.t2cof]!,
    simple = e[b + F.isimp] === 1;
  const omgcof = e[b + F.omgcof]!,
    eta = e[b + F.eta]!,
    xmcof = e[b + F.xmcof]!,
    delmo = e[b + F.delmo]!;
  const d2 = e[b + F.d2]!,
    d3 = e[b + F.d3]!,
    d4 = e[b + F.d4]!,
    bstarCc5 = e[b + F.bstarCc5]!,
    sinmao = e[b + F.sinmao]!;
  const t3cof = e[b + F.t3cof]!,
    t4cof = e[b + F.t4cof]!,
    t5cof = e[b + F.t5cof]!,
    no = e[b + F.no]!,
    ecco = e[b + F.ecco]!;
  const aycof = e[b + F.aycof]!,
    xlcof = e[b + F.xlcof]!,
    con41 = e[b + F.con41]!;
  const x1mth2 = e[b + F.x1mth2]!,
    x7thm1 = e[b + F.x7thm1]!,
    epochJd = e[b + F.jdsatepoch]!,
    amBase = e[b + F.amBase]!;
  const sinip = e[b + F.sinim]!,
    cosip = e[b + F.cosim]!;
  const T = out.timeCount;
  const eci = out.positionsEciKm,
    pos = out.positionsEcefKm,
    vel = out.velocitiesEcefKmS;
  // Trackers (angle, its sin and cos, last step, its sin and cos) and bases (angle, sin, cos); NaN = none yet.
  let xmdfPrev = NaN,
    sinXmdf = 0,
    cosXmdf = 1,
    xmdfStep = NaN,
    sinXmdfStep = 0,
    cosXmdfStep = 1;
  let uPrev = NaN,
    sinU = 0,
    cosU = 1,
    uStep = NaN,
    sinUStep = 0,
    cosUStep = 1;
  let argBase = NaN,
    sinArgBase = 0,
    cosArgBase = 1;
  let nodeBase = NaN,
    sinNodeBase = 0,
    cosNodeBase = 1;
  for (let k = 0; k < T; k++) {
    const i = row * T + k;
    const o = k * TIME_STRIDE;
    const t = (tab[o]! - epochJd) * MINUTES_PER_DAY;
    // ------------------ secular gravity and atmospheric drag ------------------
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const nodedf = nodeo + nodedot * t;
    let argpm = argpdf;
    let mm = xmdf;
    const t2 = t * t;
    let nodem = nodedf + nodecf * t2;
    let tempa = 1.0 - cc1 * t;
    let tempe = bstarCc4 * t;
    let templ = t2cof * t2;
    if (!simple) {
      // sin, cos of xmdf: the previous ones turned by this step, the step's own turned from the last step's.
      const step = xmdf - xmdfPrev;
      let dd = step - xmdfStep;
      dd -= twoPi * Math.round(dd / twoPi); // steps compare modulo whole turns
      if (Math.abs(dd) < TURN_MAX) {
        const qd = dd * dd;
        const sd = dd * (1 - (qd / 6) * (1 - (qd / 20) * (1 - qd / 42))),
          cd = 1 - (qd / 2) * (1 - (qd / 12) * (1 - qd / 30));
        const s1 = sinXmdfStep * cd + cosXmdfStep * sd;
        cosXmdfStep = cosXmdfStep * cd - sinXmdfStep * sd;
        sinXmdfStep = s1;
        const s2 = sinXmdf * cosXmdfStep + cosXmdf * sinXmdfStep;
        cosXmdf = cosXmdf * cosXmdfStep - sinXmdf * sinXmdfStep;
        sinXmdf = s2;
      } else {
        sinXmdf = Math.sin(xmdf);
        cosXmdf = Math.cos(xmdf);
        sinXmdfStep = Math.sin(step);
        cosXmdfStep = Math.cos(step);
      }
      xmdfPrev = xmdf;
      xmdfStep = step;
      const delomg = omgcof * t;
      const delmtemp = 1.0 + eta * cosXmdf;
      const delm = xmcof * (delmtemp * delmtemp * delmtemp - delmo);
      const temp = delomg + delm;
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      let sinMm: number; // sin(xmdf + temp), turned from sin, cos of xmdf
      if (Math.abs(temp) < TURN_MAX) {
        const qm = temp * temp;
        sinMm = sinXmdf * (1 - (qm / 2) * (1 - (qm / 12) * (1 - qm / 30))) + cosXmdf * temp * (1 - (qm / 6) * (1 - (qm / 20) * (1 - qm / 42)));
      } else sinMm = Math.sin(mm);
      tempe += bstarCc5 * (sinMm - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    if (no <= 0.0) {
      markSampleFailed(out, i, 2);
      continue;
    } // MeanMotionBelowZero
    const am = amBase * tempa * tempa;
    const nm = xke / (am * Math.sqrt(am)); // sgp4.js: am ** 1.5
    let em = ecco - tempe;
    if (em >= 1.0 || em < -0.001) {
      markSampleFailed(out, i, 1);
      continue;
    } // MeanEccentricityOutOfRange
    if (em < 1.0e-6) em = 1.0e-6;
    mm += no * templ;
    let xlm = mm + argpm + nodem;
    const argU = argpm; // unreduced: their sines and cosines come from nearby base angles
    const nodeU = nodem;
    nodem = modTwoPi(nodem);
    argpm = modTwoPi(argpm);
    xlm = modTwoPi(xlm);
    mm = modTwoPi(xlm - argpm - nodem);
    // ------------------------- long period periodics --------------------------
    let da = argU - argBase;
    if (!(Math.abs(da) < TURN_MAX)) {
      argBase = argU;
      sinArgBase = Math.sin(argU);
      cosArgBase = Math.cos(argU);
      da = 0;
    }
    const qda = da * da;
    const sda = da * (1 - (qda / 6) * (1 - (qda / 20) * (1 - qda / 42))),
      cda = 1 - (qda / 2) * (1 - (qda / 12) * (1 - qda / 30));
    const axnl = em * (cosArgBase * cda - sinArgBase * sda);
    let temp = 1.0 / (am * (1.0 - em * em));
    const aynl = em * (sinArgBase * cda + cosArgBase * sda) + temp * aycof;
    const xl = mm + argpm + nodem + temp * xlcof * axnl;
    // ------------------------- Kepler's equation ------------------------------
    const u = modTwoPi(xl - nodem);
    const uStepNow = u - uPrev;
    let ddu = uStepNow - uStep;
    ddu -= twoPi * Math.round(ddu / twoPi);
    if (Math.abs(ddu) < TURN_MAX) {
      // sin, cos of u tracked as for xmdf
      const qd = ddu * ddu;
      const sd = ddu * (1 - (qd / 6) * (1 - (qd / 20) * (1 - qd / 42))),
        cd = 1 - (qd / 2) * (1 - (qd / 12) * (1 - qd / 30));
      const s1 = sinUStep * cd + cosUStep * sd;
      cosUStep = cosUStep * cd - sinUStep * sd;
      sinUStep = s1;
      const s2 = sinU * cosUStep + cosU * sinUStep;
      cosU = cosU * cosUStep - sinU * sinUStep;
      sinU = s2;
    } else {
      sinU = Math.sin(u);
      cosU = Math.cos(u);
      sinUStep = Math.sin(uStepNow);
      cosUStep = Math.cos(uStepNow);
    }
    uPrev = u;
    uStep = uStepNow;
    let eo1 = u;
    let tem5 = 9999.9;
    let sineo1 = sinU;
    let coseo1 = cosU;
    for (let ktr = 1; Math.abs(tem5) >= 1.0e-12 && ktr <= 10; ktr++) {
      if (ktr > 1) {
        // the previous iterate turned by the correction just added
        if (Math.abs(tem5) < TURN_MAX) {
          const qd = tem5 * tem5;
          const sd = tem5 * (1 - (qd / 6) * (1 - (qd / 20) * (1 - qd / 42))),
            cd = 1 - (qd / 2) * (1 - (qd / 12) * (1 - qd / 30));
          const s1 = sineo1 * cd + coseo1 * sd;
          coseo1 = coseo1 * cd - sineo1 * sd;
          sineo1 = s1;
        } else {
          sineo1 = Math.sin(eo1);
          coseo1 = Math.cos(eo1);
        }
      }
      tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
      tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
      if (Math.abs(tem5) >= 0.95) tem5 = tem5 > 0.0 ? 0.95 : -0.95;
      eo1 += tem5;
      if (Math.abs(tem5) < KEPLER_FINAL_STEP) {
        // converged: sin, cos of the final iterate
        const qd = tem5 * tem5;
        const sd = tem5 * (1 - (qd / 6) * (1 - (qd / 20) * (1 - qd / 42))),
          cd = 1 - (qd / 2) * (1 - (qd / 12) * (1 - qd / 30));
        const s1 = sineo1 * cd + coseo1 * sd;
        coseo1 = coseo1 * cd - sineo1 * sd;
        sineo1 = s1;
        break;
      }
    }
    // ------------------ short period preliminary quantities -------------------
    const ecose = axnl * coseo1 + aynl * sineo1;
    const esine = axnl * sineo1 - aynl * coseo1;
    const el2 = axnl * axnl + aynl * aynl;
    const pl = am * (1.0 - el2);
    if (pl < 0.0) {
      markSampleFailed(out, i, 4);
      continue;
    } // SemiLatusRectumBelowZero
    const rl = am * (1.0 - ecose);
    const rdotl = (Math.sqrt(am) * esine) / rl;
    const rvdotl = Math.sqrt(pl) / rl;
    const betal = Math.sqrt(1.0 - el2);
    temp = esine / (1.0 + betal);
    const sinu = (am / rl) * (sineo1 - aynl - axnl * temp);
    const cosu = (am / rl) * (coseo1 - axnl + aynl * temp);
    const sin2u = (cosu + cosu) * sinu;
    const cos2u = 1.0 - 2.0 * sinu * sinu;
    temp = 1.0 / pl;
    const temp1 = 0.5 * j2 * temp;
    const temp2 = temp1 * temp;
    // ------------------------- short period periodics -------------------------
    const mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    if (mrt < 1.0) {
      markSampleFailed(out, i, 6);
      continue;
    } // Decayed
    const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / xke;
    const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / xke;
    // su = atan2(sinu, cosu) − dsu: sin, cos of the atan2 as ratios, turned by −dsu (|dsu| < 1e-3 rad in LEO).
    const hu = Math.sqrt(sinu * sinu + cosu * cosu);
    const dsu = 0.25 * temp2 * x7thm1 * sin2u;
    const qdsu = dsu * dsu;
    const sdsu = dsu * (1 - (qdsu / 6) * (1 - (qdsu / 20) * (1 - qdsu / 42))),
      cdsu = 1 - (qdsu / 2) * (1 - (qdsu / 12) * (1 - qdsu / 30));
    const sinsu = (sinu / hu) * cdsu - (cosu / hu) * sdsu,
      cossu = (cosu / hu) * cdsu + (sinu / hu) * sdsu;
    // xnode = nodem + dnode (sgp4.js), from the node's base angle; xinc = inclo + dinc, |dinc| < 1e-3 rad.
    const xnodeU = nodeU + 1.5 * temp2 * cosip * sin2u;
    let dn = xnodeU - nodeBase;
    if (!(Math.abs(dn) < TURN_MAX)) {
      nodeBase = xnodeU;
      sinNodeBase = Math.sin(xnodeU);
      cosNodeBase = Math.cos(xnodeU);
      dn = 0;
    }
    const qdn = dn * dn;
    const sdn = dn * (1 - (qdn / 6) * (1 - (qdn / 20) * (1 - qdn / 42))),
      cdn = 1 - (qdn / 2) * (1 - (qdn / 12) * (1 - qdn / 30));
    const snod = sinNodeBase * cdn + cosNodeBase * sdn,
      cnod = cosNodeBase * cdn - sinNodeBase * sdn;
    const dinc = 1.5 * temp2 * cosip * sinip * cos2u;
    const qdi = dinc * dinc;
    const sdi = dinc * (1 - (qdi / 6) * (1 - (qdi / 20) * (1 - qdi / 42))),
      cdi = 1 - (qdi / 2) * (1 - (qdi / 12) * (1 - qdi / 30));
    const sini = sinip * cdi + cosip * sdi,
      cosi = cosip * cdi - sinip * sdi;
    // ------------------------- orientation vectors ----------------------------
    const xmx = -snod * cosi;
    const xmy = cnod * cosi;
    const ux = xmx * sinsu + cnod * cossu,
      uy = xmy * sinsu + snod * cossu,
      uz = sini * sinsu;
    const vux = xmx * cossu - cnod * sinsu,
      vuy = xmy * cossu - snod * sinsu,
      vuz = sini * cossu;
    const x = mrt * ux * earthRadius,
      y = mrt * uy * earthRadius,
      z = mrt * uz * earthRadius;
    const vx = (mvt * ux + rvdot * vux) * vkmpersec;
    const vy = (mvt * uy + rvdot * vuy) * vkmpersec;
    const vz = (mvt * uz + rvdot * vuz) * vkmpersec;
    const len = Math.sqrt(x * x + y * y + z * z);
    if (!(Number.isFinite(len) && Number.isFinite(vx + vy + vz))) {
      markSampleFailed(out, i, ERROR_NON_FINITE);
      continue;
    }
    // ------- Earth-fixed frame, as frames.ts temeToEcef and removeEarthRotation -------
    const c = tab[o + 1]!,
      sn = tab[o + 2]!;
    const v3 = i * 3;
    out.errorCodes[i] = SGP4_OK;
    eci[v3] = x;
    eci[v3 + 1] = y;
    eci[v3 + 2] = z;
    const px = c * x + sn * y,
      py = -sn * x + c * y;
    pos[v3] = px;
    pos[v3 + 1] = py;
    pos[v3 + 2] = z;
    vel[v3] = c * vx + sn * vy + EARTH_ROTATION_RAD_S * py;
    vel[v3 + 1] = -sn * vx + c * vy - EARTH_ROTATION_RAD_S * px;
    vel[v3 + 2] = vz;
    // Shadow: lit on the Sun's side of the Earth (no trigonometry); else umbra, lit, or the circle–circle
    // intersection area of the Earth and Sun discs (penumbra).
    const dot = x * tab[o + 3]! + y * tab[o + 4]! + z * tab[o + 5]!;
    let shadow = 0;
    if (dot > 0) {
      const rE = Math.asin(earthRadius / len);
      const rS = tab[o + 6]!;
      const d = Math.acos(dot / len);
      if (d <= rE - rS) shadow = 1;
      else if (!(d >= rE + rS)) {
        const part1 = rS * rS * Math.acos((d * d + rS * rS - rE * rE) / (2 * d * rS));
        const part2 = rE * rE * Math.acos((d * d + rE * rE - rS * rS) / (2 * d * rE));
        const part3 = 0.5 * Math.sqrt((-d + rS + rE) * (d + rS - rE) * (d - rS + rE) * (d + rS + rE));
        shadow = (part1 + part2 - part3) / (Math.PI * rS * rS);
      }
    }
    out.shadowFraction[i] = shadow;
    // Geodetic: Bowring with one iteration, sines as ratios (frames.ts ecefToGeodetic).
    const pxy = Math.sqrt(px * px + py * py);
    const za = z * EARTH_EQUATORIAL_RADIUS_KM,
      pb = pxy * WGS84_B_KM;
    const hb = Math.sqrt(za * za + pb * pb);
    const st = za / hb,
      ct = pb / hb;
    const nb = z + WGS84_EP2 * WGS84_B_KM * st * st * st;
    const db = pxy - WGS84_E2 * EARTH_EQUATORIAL_RADIUS_KM * ct * ct * ct;
    const gb = Math.sqrt(nb * nb + db * db);
    const sl = nb / gb;
    out.latDeg[i] = Math.atan2(nb, db) * RAD_TO_DEG;
    out.lonDeg[i] = Math.atan2(py, px) * RAD_TO_DEG;
    out.altKm[i] = pxy * (db / gb) + z * sl - EARTH_EQUATORIAL_RADIUS_KM * Math.sqrt(1 - WGS84_E2 * sl * sl);
  }
}
