// Resolves `--scenario PRESET|FILE` and CLI overrides into a validated scenario (exit code 2 on bad input).
import { dirname, resolve } from 'node:path';
import { presets } from '../sim/scenario/presets.ts';
import { withPublishedTariffs } from '../sim/scenario/tariff-presets.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../sim/scenario/schema.ts';
import { PROJECT_ROOT, readRegularFile } from './node-io.ts';
import { parseJsonChecked } from '../sim/json-check.ts';

/** Bad input from the user: exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface LoadedScenario {
  scenario: Scenario;
  /** Directory files named in the scenario are relative to. */
  baseDir: string;
}

export interface ScenarioOverrides {
  hours?: number;
  seed?: number;
  stepS?: number;
  /** `scheduler.policy` (its options keep the scenario's values or their defaults). */
  scheduler?: string;
  /** `gpu.pricing` (on-demand, reserved, per-token; the prices keep the scenario's values or their defaults). */
  gpuPricing?: string;
  /** `dispatch.policy` (its options keep the scenario's values or their defaults). */
  dispatch?: string;
  /** 'published': every hub gets its region's published time-of-use tariff (tariff-presets.ts); 'flat': none. */
  tariffs?: 'flat' | 'published';
}

export async function loadScenario(nameOrFile: string, o: ScenarioOverrides = {}): Promise<LoadedScenario> {
  let input: ScenarioInput;
  let baseDir = PROJECT_ROOT;
  let label = nameOrFile;
  const preset = presets[nameOrFile];
  if (preset) input = structuredClone(preset);
  else {
    const path = resolve(nameOrFile);
    let text: string;
    try {
      text = await readRegularFile(path, nameOrFile);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') {
        throw new InputError(`--scenario: "${nameOrFile}" is neither a preset (${Object.keys(presets).join(', ')}) nor a readable file`);
      }
      throw new InputError(`--scenario: ${e.message}`);
    }
    try {
      input = parseJsonChecked(text, nameOrFile) as ScenarioInput;
    } catch (err) {
      throw new InputError(`${(err as Error).message} (not valid JSON)`);
    }
    baseDir = dirname(path);
    label = path;
  }
  if (o.hours !== undefined) input.durationH = o.hours;
  if (o.seed !== undefined) input.seed = o.seed;
  if (o.stepS !== undefined) input.stepS = o.stepS;
  if (o.scheduler !== undefined) input.scheduler = { ...input.scheduler, policy: o.scheduler as NonNullable<ScenarioInput['scheduler']>['policy'] };
  if (o.gpuPricing !== undefined) input.gpu = { ...input.gpu, pricing: o.gpuPricing as NonNullable<ScenarioInput['gpu']>['pricing'] };
  if (o.dispatch !== undefined) input.dispatch = { ...input.dispatch, policy: o.dispatch as NonNullable<ScenarioInput['dispatch']>['policy'] };
  if (o.tariffs === 'published') input.hubs = withPublishedTariffs(input.hubs);
  if (o.tariffs === 'flat') input.hubs = input.hubs.map(({ timeOfUse: _, ...h }) => h);
  try {
    return { scenario: parseScenario(input, label), baseDir };
  } catch (err) {
    throw new InputError((err as Error).message);
  }
}
