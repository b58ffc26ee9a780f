// The versioned, serialisable scenario: one zod schema with defaults and unit-suffixed keys, and
// `parseScenario` whose errors name the path (`groundStations[2].minElevationDeg: must be within [0, 90]`).
// Pure; imports only zod and the schema parts.
import { z } from 'zod';
import { intWithin, isoUtcString, positive, text, within } from './fields.ts';
import { constellationSchema, satelliteSchema } from './schema-satellite.ts';
import {
  backhaulSchema,
  dispatchSchema,
  economicsSchema,
  gpuSchema,
  groundStationSchema,
  hubSchema,
  islSchema,
  modelSchema,
  onboardFilterSchema,
  workloadSchema,
} from './schema-ground.ts';
import { schedulerSchema } from './schema-scheduler.ts';
import { pricePathsSchema } from './schema-pricing.ts';

export const SCENARIO_SCHEMA_VERSION = 1;

export const processingModes = ['ground', 'onboard', 'hybrid'] as const;
export type ProcessingMode = (typeof processingModes)[number];

export const scenarioSchema = z
  .object({
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION, { error: `must be ${SCENARIO_SCHEMA_VERSION}` }),
    name: text().min(1, { error: 'must not be empty' }),
    description: text().default(''),
    /** Start of the run (UTC). */
    epochIso: isoUtcString(),
    /** Run length. */
    durationH: positive(24 * 31),
    /** Simulation step. 30 s: contact edges are refined to < 1 s inside steps, so the step sets only the resolution of sensing and queues. */
    stepS: within(1, 600).default(30),
    /** Seed of every random draw. */
    seed: intWithin(0, 2 ** 32 - 1).default(1),
    constellation: constellationSchema,
    satellite: satelliteSchema.prefault({}),
    groundStations: z.array(groundStationSchema).min(1, { error: 'needs at least one ground station' }),
    hubs: z.array(hubSchema).min(1, { error: 'needs at least one hub' }),
    backhaul: backhaulSchema.prefault({}),
    dispatch: dispatchSchema.prefault({}),
    gpu: gpuSchema.prefault({}),
    workload: workloadSchema.prefault({}),
    model: modelSchema.prefault({}),
    onboardFilter: onboardFilterSchema.prefault({}),
    economics: economicsSchema.prefault({}),
    /** How prices move over time (GPU rent, per-token price, launch price, electricity): relative indices, dated. */
    pricePaths: pricePathsSchema.prefault({}),
    isl: islSchema.prefault({}),
    scheduler: schedulerSchema.prefault({}),
    processing: z
      .object({
        /** The mode shown first in the app. All listed modes are simulated on the same captured workload. */
        mode: z.enum(processingModes).default('hybrid'),
        modes: z
          .array(z.enum(processingModes))
          .min(1)
          .default([...processingModes]),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((s, ctx) => {
    uniqueIds(s.groundStations, 'groundStations', ctx);
    uniqueIds(s.hubs, 'hubs', ctx);
    const whole = wholeStepsError(s.durationH, s.stepS);
    if (whole) ctx.addIssue({ code: 'custom', path: ['durationH'], message: whole });
  });

/**
 * Why a run length is not a whole number of steps, or null. The engine simulates whole steps, so a run of 36 s in
 * 600 s steps would simulate 600 s (17× the cost of what was asked); such runs are refused with the nearest lengths.
 */
export function wholeStepsError(durationH: number, stepS: number): string | null {
  const durationS = durationH * 3600;
  const steps = durationS / stepS;
  if (!Number.isFinite(steps) || Math.abs(steps - Math.round(steps)) <= 1e-9 * Math.max(1, steps)) return null;
  const h = (n: number) => `${Number(((n * stepS) / 3600).toPrecision(6))} h`;
  const below = Math.floor(steps);
  const nearest = below >= 1 ? `${h(below)} or ${h(below + 1)}` : h(1);
  const what = steps < 1 ? `shorter than one ${stepS} s step` : `${Number(steps.toFixed(3))} steps of ${stepS} s`;
  const divides = `a step that divides ${Number(durationS.toPrecision(9))} s`;
  return `${durationH} h is ${what}: a run is a whole number of steps (the last would be simulated in full); use ${nearest}, or ${divides}`;
}

function uniqueIds(items: { id: string }[], key: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a user writes: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type GroundStation = Scenario['groundStations'][number];
export type Hub = Scenario['hubs'][number];
export type ConstellationSource = Scenario['constellation']['sources'][number];

/** One validation error: the dotted path and the message. */
export interface ScenarioError {
  path: string;
  message: string;
}

export class ScenarioValidationError extends Error {
  constructor(
    readonly errors: ScenarioError[],
    readonly source = 'scenario',
  ) {
    super(`${source}: invalid scenario\n` + errors.map((e) => `  ${e.path}: ${e.message}`).join('\n'));
    this.name = 'ScenarioValidationError';
  }
}

/** Formats a zod path as `groundStations[2].minElevationDeg`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(root)' : out;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Validates a scenario object (e.g. parsed JSON); never throws. */
export function safeParseScenario(input: unknown): ParseScenarioResult {
  const r = scenarioSchema.safeParse(input);
  if (r.success) return { ok: true, scenario: r.data };
  const errors = r.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return { path: formatPath(i.path), message: `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}` };
    if (i.code === 'invalid_union' && 'options' in i && Array.isArray(i.options))
      return { path: formatPath(i.path), message: `must be one of ${i.options.map((o) => JSON.stringify(o)).join(', ')}` };
    return { path: formatPath(i.path), message: i.message };
  });
  return { ok: false, errors };
}

/** Validates a scenario or throws a ScenarioValidationError listing every bad field. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const r = safeParseScenario(input);
  if (!r.ok) throw new ScenarioValidationError(r.errors, source);
  return r.scenario;
}
