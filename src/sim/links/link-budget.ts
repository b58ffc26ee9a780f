// Downlink rate from a link budget: Shannon capacity of a free-space radio link (as in the OEC
// paper's simulator "cote"), or a fixed rate; optional modem cap. Pure: imports nothing.
import { EARTH_EQUATORIAL_RADIUS_KM } from '../constants.ts';

/** Speed of light in vacuum, m/s (cote `cnst::WGS_84_C`). */
export const SPEED_OF_LIGHT_M_PER_S = 2.99792458e8;
/** Boltzmann constant, J/K (cote `cnst::BOLTZMANN_CONSTANT`, SI 2019 exact value). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** SMAD noise reference temperature T0, K (cote `cnst::SMAD_T0`; Wertz & Larson, SMAD 3rd ed., §13.3). */
export const SMAD_REFERENCE_TEMP_K = 290;
/** SMAD receiver line-loss factor L_r = −0.5 dB (cote `cnst::SMAD_LR` = 0.8912509381). */
export const SMAD_RX_LINE_LOSS_FACTOR = 0.8912509381;

/** A radio link whose rate follows the Shannon limit of its carrier-to-noise ratio. */
export interface ShannonLinkParams {
  readonly kind: 'shannon';
  /** Transmitter RF output power, W. */
  readonly txPowerW: number;
  /** Transmitter line loss as a linear factor in (0, 1] (cote: 10^(lineLossDb/10), clamped). */
  readonly lineLossFactor: number;
  /** Transmit antenna peak gain, dBi. */
  readonly txGainDbi: number;
  /** Receive antenna peak gain, dBi. */
  readonly rxGainDbi: number;
  /** Carrier centre frequency, Hz. */
  readonly frequencyHz: number;
  /** Channel bandwidth, Hz. */
  readonly bandwidthHz: number;
  /** Atmospheric loss as a linear factor in (0, 1]; cote `calcAtmosphericLoss()` returns 1. */
  readonly atmLossFactor: number;
  /** Receiving system noise temperature T_sys, K (see `smadSystemNoiseTempK`). */
  readonly systemNoiseTempK: number;
  /** Optional modem ceiling, bit/s (e.g. Planet Dove 220 Mbit/s peak); omitted = no cap. */
  readonly maxRateBps?: number;
}

/** A link with a constant rate whenever it is up (range is ignored). */
export interface FixedLinkParams {
  readonly kind: 'fixed';
  /** Rate while the link is up, bit/s. */
  readonly rateBps: number;
}

export type LinkBudgetParams = ShannonLinkParams | FixedLinkParams;

/** Inputs of the SMAD Table 13-10 system-noise model. */
export interface SmadNoiseParams {
  /** Antenna noise temperature, K (SMAD Table 13-10 downlink 2–12 GHz: 25 K). */
  readonly antennaTempK: number;
  /** Receiver noise figure, dB (SMAD Table 13-10 downlink 2–12 GHz: 1 dB). */
  readonly noiseFigureDb: number;
  /** Line loss between antenna and receiver, linear factor (SMAD: 0.891 = −0.5 dB). */
  readonly rxLineLossFactor: number;
}

/**
 * System noise temperature per SMAD Table 13-10 as coded in cote `utilities.cpp`
 * `calcSystemNoiseTemp`: T_sys = T_ant + T0·(1 − L_r)/L_r + T0·(F − 1)/L_r, F = 10^(NF/10).
 */
export function smadSystemNoiseTempK(p: SmadNoiseParams): number {
  const t0 = SMAD_REFERENCE_TEMP_K;
  const lr = p.rxLineLossFactor;
  const noiseFactor = Math.pow(10, p.noiseFigureDb / 10);
  const lineTempK = (t0 * (1 - lr)) / lr;
  const receiverTempK = (t0 * (noiseFactor - 1)) / lr;
  return p.antennaTempK + lineTempK + receiverTempK;
}

/** SMAD Table 13-10 downlink noise inputs for 2–12 GHz, as cote uses them at 8.15 GHz. */
export const SMAD_DOWNLINK_X_BAND_NOISE: SmadNoiseParams = {
  antennaTempK: 25,
  noiseFigureDb: 1,
  rxLineLossFactor: SMAD_RX_LINE_LOSS_FACTOR,
};

/**
 * cote's bent-pipe downlink (CMUAbstract/cote `artifacts/bent-pipe/scripts/prep_bent_pipe_scenarios.sh`:
 * `populate_tx.py … 2.0 -1.0 6.0 8.15e9 20.0e6`, `populate_rx.py … 44.1 8.15e9 20.0e6`).
 * T_sys ≈ 144.64 K from `smadSystemNoiseTempK(SMAD_DOWNLINK_X_BAND_NOISE)`.
 */
export const COTE_BENT_PIPE_DOWNLINK: ShannonLinkParams = {
  kind: 'shannon',
  txPowerW: 2,
  lineLossFactor: Math.pow(10, -1 / 10),
  txGainDbi: 6,
  rxGainDbi: 44.1,
  frequencyHz: 8.15e9,
  bandwidthHz: 20e6,
  atmLossFactor: 1,
  systemNoiseTempK: smadSystemNoiseTempK(SMAD_DOWNLINK_X_BAND_NOISE),
};

/** Planet Dove X-band DVB-S2 modem peak, bit/s (Devaraj et al., SSC17-VII-02; docs/sources.md#eo-downlink). */
export const DOVE_MODEM_PEAK_BPS = 220e6;

/**
 * Slant range from a ground station to a satellite at `altitudeKm`, seen at `elevationDeg`, on a
 * spherical Earth of radius `earthRadiusKm`: R = √((Re+h)² − (Re·cos e)²) − Re·sin e.
 * Returns NaN for a negative altitude (never throws).
 */
export function slantRangeKm(altitudeKm: number, elevationDeg: number, earthRadiusKm = EARTH_EQUATORIAL_RADIUS_KM): number {
  if (!(altitudeKm >= 0)) return NaN;
  const e = (elevationDeg * Math.PI) / 180;
  const orbitRadiusKm = earthRadiusKm + altitudeKm;
  const horizontalKm = earthRadiusKm * Math.cos(e);
  return Math.sqrt(orbitRadiusKm * orbitRadiusKm - horizontalKm * horizontalKm) - earthRadiusKm * Math.sin(e);
}

/** Received carrier-to-noise ratio (linear), cote `calcMaxBitsPerSec`: C/N with C = P·L·Gt·La·Gr·(λ/4πR)². */
function carrierToNoise(p: ShannonLinkParams, rangeKm: number): number {
  const wavelengthM = SPEED_OF_LIGHT_M_PER_S / p.frequencyHz;
  const spreading = wavelengthM / (4 * Math.PI * rangeKm * 1000);
  const txGain = Math.max(1, Math.pow(10, p.txGainDbi / 10));
  const rxGain = Math.max(1, Math.pow(10, p.rxGainDbi / 10));
  const carrierW = p.txPowerW * p.lineLossFactor * txGain * p.atmLossFactor * rxGain * spreading * spreading;
  const noiseW = BOLTZMANN_J_PER_K * p.systemNoiseTempK * p.bandwidthHz;
  return carrierW / noiseW;
}

/**
 * Link rate at `rangeKm`, bit/s. Shannon: floor(B·log2(1 + C/N)) as cote `calcMaxBitsPerSec`
 * (which returns an integer), then the optional cap. Fixed: `rateBps`. Hot path: never throws;
 * a non-positive or non-finite range gives 0.
 */
export function linkRateBps(params: LinkBudgetParams, rangeKm: number): number {
  if (params.kind === 'fixed') return params.rateBps;
  if (!(rangeKm > 0) || !Number.isFinite(rangeKm)) return 0;
  const rateBps = Math.floor(params.bandwidthHz * Math.log2(1 + carrierToNoise(params, rangeKm)));
  return params.maxRateBps === undefined ? rateBps : Math.min(rateBps, params.maxRateBps);
}

/** A link budget in decibels, for the docs and the inspector. */
export interface LinkBudgetDb {
  /** Effective isotropic radiated power, dBW: P·L_line·G_t. */
  readonly eirpDbw: number;
  /** Free-space path loss, dB: 20·log10(4πR/λ). */
  readonly fsplDb: number;
  /** Atmospheric loss, dB (positive number = loss). */
  readonly atmLossDb: number;
  /** Receiver figure of merit, dB/K: G_r − 10·log10(T_sys). */
  readonly gOverTDbPerK: number;
  /** Carrier-to-noise-density ratio, dB-Hz. */
  readonly cOverN0DbHz: number;
  /** Carrier-to-noise ratio in the channel bandwidth, dB. */
  readonly cOverNDb: number;
  /** Resulting rate, bit/s (same as `linkRateBps`). */
  readonly rateBps: number;
}

const db = (x: number): number => 10 * Math.log10(x);

/** The same budget as `linkRateBps`, term by term in dB (not for the hot path: allocates). */
export function linkBudgetDb(params: ShannonLinkParams, rangeKm: number): LinkBudgetDb {
  const wavelengthM = SPEED_OF_LIGHT_M_PER_S / params.frequencyHz;
  const eirpDbw = db(params.txPowerW * params.lineLossFactor) + Math.max(0, params.txGainDbi);
  const fsplDb = 20 * Math.log10((4 * Math.PI * rangeKm * 1000) / wavelengthM);
  const atmLossDb = 0 - db(params.atmLossFactor); // 0 − x, not −x, so a lossless path reads +0 dB
  const gOverTDbPerK = Math.max(0, params.rxGainDbi) - db(params.systemNoiseTempK);
  const cOverN0DbHz = eirpDbw - fsplDb - atmLossDb + gOverTDbPerK - db(BOLTZMANN_J_PER_K);
  const cOverNDb = cOverN0DbHz - db(params.bandwidthHz);
  return { eirpDbw, fsplDb, atmLossDb, gOverTDbPerK, cOverN0DbHz, cOverNDb, rateBps: linkRateBps(params, rangeKm) };
}

/** Checks a link configuration once, at the edge; returns messages naming the field (empty = valid). */
export function validateLinkBudgetParams(params: LinkBudgetParams, where = 'link'): string[] {
  const errors: string[] = [];
  const positive = (field: string, value: number | undefined): void => {
    if (value === undefined) return;
    if (!(value > 0) || !Number.isFinite(value)) errors.push(`${where}.${field}: must be a positive number, got ${value}`);
  };
  const factor = (field: string, value: number): void => {
    if (!(value > 0 && value <= 1)) errors.push(`${where}.${field}: must be a linear factor in (0, 1], got ${value}`);
  };
  if (params.kind === 'fixed') {
    positive('rateBps', params.rateBps);
    return errors;
  }
  positive('txPowerW', params.txPowerW);
  positive('frequencyHz', params.frequencyHz);
  positive('bandwidthHz', params.bandwidthHz);
  positive('systemNoiseTempK', params.systemNoiseTempK);
  positive('maxRateBps', params.maxRateBps);
  factor('lineLossFactor', params.lineLossFactor);
  factor('atmLossFactor', params.atmLossFactor);
  if (!Number.isFinite(params.txGainDbi)) errors.push(`${where}.txGainDbi: must be a finite number`);
  if (!Number.isFinite(params.rxGainDbi)) errors.push(`${where}.rxGainDbi: must be a finite number`);
  return errors;
}
