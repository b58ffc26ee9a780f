// Every reproduction check, by source, and a runner that returns their results in a fixed order (the order
// `ocsim reproduce` prints). Pure: file access and the land mask are injected through ValidationDeps.
import { coteGroup } from './cote-checks.ts';
import { doveDeficitGroup, dovePassGroup } from './dove-checks.ts';
import { mccalipGroup, starcloudGroup } from './economics-checks.ts';
import { hypatiaGroup } from './hypatia-checks.ts';
import { kodanGroup } from './kodan-checks.ts';
import { touGroup } from './tou-checks.ts';
import type { ValidationDeps, ValidationGroup, ValidationResult } from './types.ts';

export type { ValidationDeps, ValidationGroup, ValidationResult } from './types.ts';
export { formatResultLine } from './types.ts';

/** All groups, in print order. */
export const VALIDATION_GROUPS: readonly ValidationGroup[] = [
  coteGroup,
  dovePassGroup,
  doveDeficitGroup,
  kodanGroup,
  starcloudGroup,
  mccalipGroup,
  hypatiaGroup,
  touGroup,
];

/** The groups whose id starts with one of `prefixes` (all groups when none is given). */
export function selectGroups(prefixes: readonly string[] = []): ValidationGroup[] {
  if (prefixes.length === 0) return [...VALIDATION_GROUPS];
  return VALIDATION_GROUPS.filter((g) => prefixes.some((p) => g.id === p || g.id.startsWith(`${p}.`) || p.startsWith(`${g.id}.`)));
}

/** Whether a result id is selected by the prefixes (`mccalip.orbital` keeps `mccalip.orbital.lcoe`; none = all). */
export function resultSelected(id: string, prefixes: readonly string[] = []): boolean {
  return prefixes.length === 0 || prefixes.some((p) => id === p || id.startsWith(`${p}.`));
}

/** Runs the groups in order; `onGroup` is called after each (for progress and timing in the CLI). */
export async function runValidations(
  deps: ValidationDeps,
  groups: readonly ValidationGroup[] = VALIDATION_GROUPS,
  onGroup?: (group: ValidationGroup, results: ValidationResult[]) => void,
): Promise<ValidationResult[]> {
  const all: ValidationResult[] = [];
  for (const g of groups) {
    const results = await g.run(deps);
    onGroup?.(g, results);
    all.push(...results);
  }
  return all;
}
