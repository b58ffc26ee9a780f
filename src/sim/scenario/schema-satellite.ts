// Scenario schema, part 1: the constellation sources and the satellite payload (compute, power,
// storage, imaging, downlink). Every default cites its source (docs/model.md). Pure; imports only zod and the Walker limits.
import { z } from 'zod';
import { WALKER_MAX_ECCENTRICITY, WALKER_MEAN_MOTION_MAX_REV_PER_DAY, WALKER_MEAN_MOTION_MIN_REV_PER_DAY } from '../catalog/walker.ts';
import { fraction, intWithin, positive, text, within } from './fields.ts';

const textOrFile = {
  /** Path of a file (CLI: relative to the scenario file or the project; browser: relative to the site). */
  file: text().min(1).optional(),
  /** Inline text of the catalogue. */
  text: z.string().min(1).optional(),
  /** Label used in messages; defaults to the file name. */
  label: text().optional(),
};
const oneOfTextFile = (s: { file?: string; text?: string }) => (s.file === undefined) !== (s.text === undefined);
const oneOfMsg = { error: 'give exactly one of "file" or "text"' };

export const walkerSourceSchema = z
  .object({
    kind: z.literal('walker'),
    label: text().default('walker'),
    pattern: z.enum(['delta', 'star']).default('delta'),
    planes: intWithin(1, 10_000),
    satsPerPlane: intWithin(1, 10_000),
    /** Walker phasing parameter F (i:T/P/F), integer in [0, planes − 1]. */
    phasing: intWithin(0, 9_999).default(1),
    altitudeKm: within(160, 40_000),
    /** Inclination in degrees, or 'sso' for the sun-synchronous inclination at that altitude. */
    inclinationDeg: z.union([within(0, 180), z.literal('sso')]),
    raan0Deg: within(0, 360).default(0),
    namePrefix: text().default('WALKER'),
    firstNorad: intWithin(1, 9_999_999).default(900_000),
    // Optional, without defaults (a scenario without them exports as before): Hypatia's shells need them (docs/parts/catalog.md).
    /** Mean motion, rev/day, overriding the Keplerian value from altitudeKm (which then only names the shell). */
    meanMotionRevPerDay: within(WALKER_MEAN_MOTION_MIN_REV_PER_DAY, WALKER_MEAN_MOTION_MAX_REV_PER_DAY).optional(),
    /** Phase offset of plane p in slots (360°/satsPerPlane each) = pattern[p % length], added after the Walker phasing. */
    phaseOffsetSlotsByPlane: z.array(within(-10_000, 10_000)).min(1, { error: 'needs at least one offset' }).optional(),
    /** Eccentricity (default 0: circular). */
    eccentricity: within(0, WALKER_MAX_ECCENTRICITY).optional(),
    /** Argument of perigee, degrees in [0, 360) (default 0); the Walker phase is then the mean argument of latitude ω + M. */
    argOfPerigeeDeg: z
      .number({ error: 'must be a number within [0, 360)' })
      .min(0, { error: 'must be within [0, 360)' })
      .lt(360, { error: 'must be within [0, 360)' })
      .optional(),
  })
  .strict()
  .refine((w) => w.phasing < w.planes, { error: 'must be < planes', path: ['phasing'] })
  .superRefine((w, ctx) => {
    const pattern = w.phaseOffsetSlotsByPlane;
    if (pattern === undefined) return;
    if (pattern.length > w.planes) ctx.addIssue({ code: 'custom', message: `must not be longer than planes (${w.planes})`, path: ['phaseOffsetSlotsByPlane'] });
    pattern.forEach((v, i) => {
      if (Math.abs(v) > w.satsPerPlane)
        ctx.addIssue({
          code: 'custom',
          message: `must be within [-satsPerPlane, satsPerPlane] = [-${w.satsPerPlane}, ${w.satsPerPlane}]`,
          path: ['phaseOffsetSlotsByPlane', i],
        });
    });
  });

export const constellationSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('tle'), ...textOrFile })
    .strict()
    .refine(oneOfTextFile, oneOfMsg),
  z
    .object({ kind: z.literal('omm-json'), ...textOrFile })
    .strict()
    .refine(oneOfTextFile, oneOfMsg),
  z
    .object({ kind: z.literal('omm-csv'), ...textOrFile })
    .strict()
    .refine(oneOfTextFile, oneOfMsg),
  walkerSourceSchema,
]);

export const constellationSchema = z
  .object({
    sources: z.array(constellationSourceSchema).min(1, { error: 'needs at least one source' }),
    /** Element sets older than this (vs the scenario epoch) are quarantined. */
    maxEpochAgeDays: positive(36_500).default(30),
    /** Element sets older than this get a warning. */
    warnEpochAgeDays: positive(36_500).default(14),
  })
  .strict();

export const computeSchema = z
  .object({
    /** Peak INT8 throughput per satellite. 744 TOPS: SCS-01 maximum (CCTV / SatNews 2026-02, docs/sources.md#scs-01). */
    topsInt8: within(0.001, 1e7).default(744),
    /** Per-satellite override by NORAD id or name (the constellation mean is ≈ 417 TOPS: 5 POPS / 12). */
    topsInt8BySatellite: z.record(z.string(), within(0.001, 1e7)).default({}),
    /** Share of peak TOPS achieved on transformer inference. Assumption (typical 20–40 % for INT8 edge accelerators). */
    utilisation: within(0.01, 1).default(0.3),
    /** Accelerator efficiency. 4.58 TOPS/W = Jetson AGX Orin 64 GB, 275 TOPS at 60 W (NVIDIA data sheet); assumption that SCS-01 is similar. */
    topsPerW: within(0.01, 1000).default(275 / 60),
    /** Accelerator idle draw. Assumption: 10 % of full power is typical of idle edge SoCs. */
    idleFraction: fraction().default(0.1),
  })
  .strict();

export const powerSchema = z
  .object({
    /** Orbit-average-corrected solar array output when fully sunlit. Assumption: sized to run the accelerator at full power plus the bus (see docs). */
    solarArrayW: within(0.001, 1e7).default(400),
    /** Usable battery capacity. Assumption. */
    batteryWh: within(0.001, 1e7).default(600),
    /** Platform load excluding the accelerator (ADCS, radios, thermal). Assumption. */
    busLoadW: within(0, 1e7).default(120),
    /** Compute is throttled so the battery never falls below this state of charge. Assumption (depth-of-discharge limit for Li-ion in LEO). */
    minSocFraction: fraction().default(0.3),
  })
  .strict();

export const imagingSchema = z
  .object({
    /** Swath width. Default: Planet Dove, 20 km (Devaraj et al., SSC17-VII-02). */
    swathKm: within(0.01, 5000).default(20),
    /** Ground sample distance. Default: Planet Dove, 3.5 m from 400 km (Devaraj et al.). */
    gsdM: within(0.01, 10_000).default(3.5),
    /** Altitude at which swath and GSD are quoted; both scale with altitude (fixed optics). Dove: 400 km. */
    referenceAltitudeKm: within(100, 100_000).default(400),
    /** Spectral bands. 4 (RGB + NIR): assumption, PlanetScope-like. */
    bands: intWithin(1, 1000).default(4),
    /** Bits per sample. 12: assumption. */
    bitsPerSample: intWithin(1, 32).default(12),
    /** Lossless onboard compression ratio. 2: assumption (typical lossless for EO imagery, CCSDS 123). */
    compressionRatio: within(1, 1000).default(2),
    /** Image only when sunlit (optical payload). */
    requireSunlit: z.boolean().default(true),
    /** Image only over land (Natural Earth land mask). */
    requireLand: z.boolean().default(true),
    /**
     * If non-empty, image only inside these boxes (and still over land if requireLand). latMinDeg ≤ latMaxDeg; a box
     * with lonMinDeg > lonMaxDeg crosses the antimeridian (170 → −170 is the 20° around 180°).
     */
    regionsOfInterest: z
      .array(
        z
          .object({
            name: text(),
            latMinDeg: within(-90, 90),
            latMaxDeg: within(-90, 90),
            lonMinDeg: within(-180, 180),
            lonMaxDeg: within(-180, 180),
          })
          .strict()
          .refine((r) => r.latMinDeg <= r.latMaxDeg, { error: 'must not be above latMaxDeg (the box would be empty)', path: ['latMinDeg'] }),
      )
      .default([]),
  })
  .strict();

export const downlinkSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('shannon'),
      // Defaults: cote bent-pipe configuration (CMUAbstract/cote bent-pipe.cpp, utilities.cpp; docs/sources.md#cote).
      txPowerW: within(1e-3, 1e6).default(2),
      txLineLossDb: within(-30, 0).default(-1),
      txGainDbi: within(-20, 80).default(6),
      rxGainDbi: within(-20, 80).default(44.1),
      frequencyHz: within(1e6, 1e12).default(8.15e9),
      bandwidthHz: within(1e3, 1e11).default(20e6),
      /** Atmospheric loss; cote's calcAtmosphericLoss() returns 1 (0 dB). */
      atmLossDb: within(-60, 0).default(0),
      /** Receiving antenna noise temperature: 25 K, SMAD Table 13-10 downlink 2–12 GHz (as cote). */
      rxAntennaTempK: within(0, 1e5).default(25),
      /** Receiver noise figure: 1 dB, SMAD Table 13-10 (as cote). */
      rxNoiseFigureDb: within(0, 30).default(1),
      /** Optional modem cap. Planet Dove reaches 220 Mbps peak (Devaraj et al.); 0 = no cap. */
      maxRateMbps: within(0, 1e6).default(0),
    })
    .strict(),
  z.object({ kind: z.literal('fixed'), rateMbps: within(0.001, 1e6) }).strict(),
]);

export const satelliteSchema = z
  .object({
    compute: computeSchema.prefault({}),
    power: powerSchema.prefault({}),
    /** Onboard storage. 2,500 GB = 30 TB constellation total / 12 (CCTV / SatNews 2026-02, docs/sources.md#scs-01). */
    storageGB: within(0.001, 1e9).default(2500),
    imaging: imagingSchema.prefault({}),
    downlink: downlinkSchema.prefault({ kind: 'shannon' }),
    /** Pointing and link acquisition at the start of each pass. Assumption: 30 s. */
    acquisitionS: within(0, 3600).default(30),
  })
  .strict();
