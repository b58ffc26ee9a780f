// Raw Earth-imaging data volume: a push-broom line scanner (bits per second while imaging) and the
// frame camera of the OEC simulator cote (bits per frame, frames per day). Pure: imports nothing.
import { EARTH_EQUATORIAL_RADIUS_KM } from '../constants.ts';

/** Earth gravitational parameter μ, km³/s² (WGS-84 / EGM-96 value 398600.4418). */
export const EARTH_MU_KM3_PER_S2 = 398600.4418;
const SECONDS_PER_DAY = 86400;

/**
 * Speed of the sub-satellite point over a non-rotating spherical Earth for a circular orbit, km/s:
 * v_g = v·Re/(Re+h), v = √(μ/(Re+h)). Earth rotation is ignored (for a sun-synchronous orbit it
 * changes the Earth-fixed ground speed by at most ≈ +1% at the equator).
 */
export function groundTrackSpeedKmS(altitudeKm: number): number {
  const orbitRadiusKm = EARTH_EQUATORIAL_RADIUS_KM + altitudeKm;
  return Math.sqrt(EARTH_MU_KM3_PER_S2 / orbitRadiusKm) * (EARTH_EQUATORIAL_RADIUS_KM / orbitRadiusKm);
}

/** A push-broom imager: a line of detectors across track, swept along track by the orbit. */
export interface PushBroomParams {
  /** Swath width across track, km (at `referenceAltitudeKm` when that is given). */
  readonly swathKm: number;
  /** Ground sample distance, m (at `referenceAltitudeKm` when that is given). */
  readonly gsdM: number;
  /** Spectral bands sampled per pixel. */
  readonly bands: number;
  /** Bits per sample (per band per pixel). */
  readonly bitsPerSample: number;
  /** Onboard compression ratio (1 = raw). */
  readonly compressionRatio: number;
  /**
   * Altitude at which swathKm and gsdM are quoted, km. When given, both scale with h/h_ref (fixed
   * optics); when omitted they are used as given at any altitude.
   */
  readonly referenceAltitudeKm?: number;
}

/**
 * Planet Dove imager: 20 km swath, 3.5 m GSD from 400 km (Devaraj et al., SSC17-VII-02); 4 bands × 12 bit (assumption: RGB+NIR, 12-bit samples), uncompressed.
 */
export const DOVE_PUSH_BROOM: PushBroomParams = {
  swathKm: 20,
  gsdM: 3.5,
  bands: 4,
  bitsPerSample: 12,
  compressionRatio: 1,
  referenceAltitudeKm: 400,
};

/**
 * Pixels per second while imaging: (swath / GSD) pixels across × (v_g / GSD) lines per second.
 * Returns 0 for invalid inputs (hot path; never throws).
 */
export function imagingPixelRate(params: PushBroomParams, altitudeKm: number): number {
  const scale = params.referenceAltitudeKm === undefined ? 1 : altitudeKm / params.referenceAltitudeKm;
  const swathM = params.swathKm * 1000 * scale;
  const gsdM = params.gsdM * scale;
  if (!(gsdM > 0) || !(swathM > 0) || !(altitudeKm >= 0)) return 0;
  const pixelsAcross = swathM / gsdM;
  const linesPerS = (groundTrackSpeedKmS(altitudeKm) * 1000) / gsdM;
  return pixelsAcross * linesPerS;
}

/** Data rate while imaging, bit/s: pixels/s × bands × bits per sample / compression ratio. */
export function imagingRateBps(params: PushBroomParams, altitudeKm: number): number {
  if (!(params.compressionRatio > 0)) return 0;
  return (imagingPixelRate(params, altitudeKm) * params.bands * params.bitsPerSample) / params.compressionRatio;
}

/** A square frame camera as in cote's `sensor.dat`. */
export interface FrameCameraParams {
  /** Pixels along one side of the square sensor. */
  readonly pixelCount: number;
  /** Detector pixel pitch, m. */
  readonly pixelSizeM: number;
  /** Focal length, m. */
  readonly focalLengthM: number;
  /** Bits stored per captured frame. */
  readonly bitsPerFrame: number;
}

/**
 * cote `artifacts/bent-pipe/scripts/common-data/sensor.dat`: 24,319,041 bits per frame, 4096 px,
 * 1.1 µm pixels, 0.2 m focal length (CMUAbstract/cote; docs/sources.md#cote). 24.3 Mbit over 4096² pixels is
 * ≈ 1.45 bit/pixel, i.e. already a compressed frame.
 */
export const COTE_FRAME_CAMERA: FrameCameraParams = {
  pixelCount: 4096,
  pixelSizeM: 1.1e-6,
  focalLengthM: 0.2,
  bitsPerFrame: 24_319_041,
};

/** Options of the daily capture estimate. */
export interface CaptureDutyOptions {
  /** Share of frames actually captured, in [0, 1] (cote: 1 = every frame, day and night, land and sea). */
  readonly dutyCycle?: number;
  /**
   * Simulation step, s. When > 0, a frame is taken at the first step where the ground track has moved
   * a footprint (cote bent-pipe.cpp frame trigger), so the period rounds up to whole steps.
   */
  readonly timeStepS?: number;
}

/** What a frame camera captures at one altitude. */
export interface FrameCapture {
  /** Ground sample distance, m: h·pixel/focal. */
  readonly gsdM: number;
  /** Side of the square frame footprint on the ground, km: pixelCount·GSD. */
  readonly frameFootprintKm: number;
  /** Time between frames, s: footprint / ground-track speed (rounded up to steps if asked). */
  readonly framePeriodS: number;
  /** Frames per day, after the duty cycle. */
  readonly framesPerDay: number;
  /** Raw captured volume per day, bit. */
  readonly bitsPerDay: number;
  /** Raw captured volume per day, decimal gigabytes (10⁹ B). */
  readonly gigabytesPerDay: number;
}

/**
 * cote's frame model (bent-pipe.cpp `threshCoeff = pixelCount·pixelSizeM/focalLengthM`; a new frame
 * when the sub-satellite point has moved threshCoeff·altitude km): footprint, period and volume.
 */
export function frameCapture(camera: FrameCameraParams, altitudeKm: number, options: CaptureDutyOptions = {}): FrameCapture {
  const gsdM = (altitudeKm * 1000 * camera.pixelSizeM) / camera.focalLengthM;
  const frameFootprintKm = (camera.pixelCount * gsdM) / 1000;
  const exactPeriodS = frameFootprintKm / groundTrackSpeedKmS(altitudeKm);
  const stepS = options.timeStepS ?? 0;
  const framePeriodS = stepS > 0 ? Math.ceil(exactPeriodS / stepS - 1e-9) * stepS : exactPeriodS;
  const dutyCycle = Math.min(1, Math.max(0, options.dutyCycle ?? 1));
  const framesPerDay = framePeriodS > 0 ? (SECONDS_PER_DAY / framePeriodS) * dutyCycle : 0;
  const bitsPerDay = framesPerDay * camera.bitsPerFrame;
  return { gsdM, frameFootprintKm, framePeriodS, framesPerDay, bitsPerDay, gigabytesPerDay: bitsPerDay / 8e9 };
}
