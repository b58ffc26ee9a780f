// Sets study parameters in a scenario: a path of the registry (params.ts), `[*]` for every element or `[i]` for
// one, to a number (integers rounded), copying only the objects on the path, then validates the result with the
// scenario schema. Errors name the parameter, the value and the field. Pure; imports the registry and the schema.
import { parsePath } from '../engine/stage-reads.ts';
import { safeParseScenario, type Scenario } from '../scenario/schema.ts';
import { findChoice, findParam, similarParams, type ChoiceDef, type ParamDef } from './params.ts';

/** One parameter set to one value (for a model choice: the index of its name in ChoiceDef.choices). */
export interface Assignment {
  path: string;
  value: number;
}

/** Bad study input (an unknown parameter, a value the schema refuses): the CLI exits 2 with this message. */
export class StudyInputError extends Error {
  override name = 'StudyInputError';
}

/** The registry entry of `path`, or a StudyInputError naming it and the closest known paths. */
export function requireParam(path: string, where = '--vary'): ParamDef {
  const def = findParam(path);
  if (def) return def;
  const choice = findChoice(path);
  if (choice) {
    throw new StudyInputError(
      `${where}: "${path}" is a choice (${choice.choices.join(', ')}), not a number: ` +
        `sweep it by name (--vary ${path}=${choice.choices.slice(0, 2).join(',')}) or set it with the flags of \`ocsim run\``,
    );
  }
  const near = similarParams(path);
  throw new StudyInputError(
    `${where}: "${path}" is not a study parameter${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; \`ocsim params\` lists them`,
  );
}

/** The name a choice assignment selects, or a StudyInputError naming the parameter. */
export function choiceName(def: ChoiceDef, value: number): string {
  const name = Number.isInteger(value) ? def.choices[value] : undefined;
  if (name === undefined) throw new StudyInputError(`${def.path}: ${value} is not the index of one of ${def.choices.join(', ')}`);
  return name;
}

/** An assignment's table cell: its value, a choice by its name. */
export function assignmentCell(a: Assignment): number | string {
  const choice = findChoice(a.path);
  return (choice && Number.isInteger(a.value) ? choice.choices[a.value] : undefined) ?? a.value;
}

/** An assignment as text: `path=value`, a choice by its name. */
export function assignmentText(a: Assignment): string {
  return `${a.path}=${assignmentCell(a)}`;
}

/** The value as applied: integer parameters rounded to the nearest integer. */
export function appliedValue(def: ParamDef, value: number): number {
  return def.integer ? Math.round(value) : value;
}

/** `base` with every assignment applied, validated; throws a StudyInputError naming the parameter and field. */
export function applyAssignments(base: Scenario, assignments: readonly Assignment[]): Scenario {
  let out: unknown = base;
  for (const a of assignments) {
    const choice = findChoice(a.path);
    if (choice) {
      out = setIn(out, parsePath(a.path), choiceName(choice, a.value), a.path);
      continue;
    }
    const def = requireParam(a.path);
    if (!Number.isFinite(a.value)) throw new StudyInputError(`${a.path}: ${a.value} is not a finite number`);
    out = setIn(out, parsePath(a.path), appliedValue(def, a.value), a.path);
  }
  const parsed = safeParseScenario(out);
  if (!parsed.ok) {
    const what = assignments.map(assignmentText).join(', ');
    throw new StudyInputError(`${what}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return parsed.scenario;
}

/**
 * A copy of `obj` with the value at `path` set (`*` = every element that has the field: a time-of-use factor is set
 * on the hubs with a tariff and the flat ones are left alone); objects off the path are shared.
 */
function setIn(obj: unknown, path: readonly (string | number)[], value: number | string, full: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(obj)) {
    if (head === '*') {
      const some = obj.some((x) => hasPath(x, rest));
      return obj.map((x) => (hasPath(x, rest) || !some ? setIn(x, rest, value, full) : x));
    }
    if (typeof head !== 'number' || head < 0 || head >= obj.length)
      throw new StudyInputError(`${full}: index ${String(head)} is out of range (the scenario has ${obj.length})`);
    const copy = obj.slice();
    copy[head] = setIn(obj[head], rest, value, full);
    return copy;
  }
  if (typeof obj !== 'object' || obj === null || typeof head !== 'string' || !Object.hasOwn(obj, head)) {
    throw new StudyInputError(`${full}: this scenario has no such field${head === 'bandwidthHz' ? ' (satellite.downlink is not of kind "shannon")' : ''}`);
  }
  return { ...(obj as Record<string, unknown>), [head]: setIn((obj as Record<string, unknown>)[head], rest, value, full) };
}

/** Whether `path` leads to a value in `v` (`*`: in some element). */
function hasPath(v: unknown, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return head === '*' ? v.some((x) => hasPath(x, rest)) : typeof head === 'number' && head < v.length && hasPath(v[head], rest);
  return typeof v === 'object' && v !== null && typeof head === 'string' && Object.hasOwn(v, head) && hasPath((v as Record<string, unknown>)[head], rest);
}

/** What a path leads to in a scenario: one leaf, or one per element for `[*]` paths; [] if absent. */
export function leavesAt(scenario: Scenario, path: string): unknown[] {
  const walk = (v: unknown, p: readonly (string | number)[]): unknown[] => {
    if (p.length === 0) return v === undefined ? [] : [v];
    const [head, ...rest] = p;
    if (Array.isArray(v)) return head === '*' ? v.flatMap((x) => walk(x, rest)) : typeof head === 'number' && head < v.length ? walk(v[head], rest) : [];
    if (typeof v === 'object' && v !== null && typeof head === 'string' && Object.hasOwn(v, head)) return walk((v as Record<string, unknown>)[head], rest);
    return [];
  };
  return walk(scenario, parsePath(path));
}

/** The value(s) of a parameter in a scenario: one number, or one per element for `[*]` paths; [] if absent. */
export function valuesAt(scenario: Scenario, path: string): number[] {
  return leavesAt(scenario, path).filter((v): v is number => typeof v === 'number');
}

/** The name a model choice has in a scenario (undefined if absent). */
export function choiceAt(scenario: Scenario, path: string): string | undefined {
  const [v] = leavesAt(scenario, path);
  return typeof v === 'string' ? v : undefined;
}
