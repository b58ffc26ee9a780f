// Test helper: run a scenario with the CLI's file reader and land mask.
import { runScenario } from '../../src/sim/engine/run.ts';
import type { RunResult } from '../../src/sim/engine/result-types.ts';
import { parseScenario, type ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';

export async function runInput(input: ScenarioInput, recordTimeline = false): Promise<RunResult> {
  return runScenario(parseScenario(input), { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask(), recordTimeline });
}

/** The three-body preset with shallow overrides. */
export function threeBody(over: Partial<ScenarioInput> = {}): ScenarioInput {
  return { ...structuredClone(threeBodyScenario), ...over };
}

/** Computes the TLE checksum digit of the first 68 characters. */
export function withChecksum(line68: string): string {
  let sum = 0;
  for (const ch of line68.slice(0, 68)) sum += ch === '-' ? 1 : /\d/.test(ch) ? Number(ch) : 0;
  return line68.slice(0, 68) + String(sum % 10);
}
