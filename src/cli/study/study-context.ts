// What every study command starts from: the scenario (preset or file, CLI overrides) with its element files read
// once and inlined, so points run the same scenario wherever they run (threads, queue workers, shards), its hash,
// and the plan. Node I/O; the study logic is src/sim/study.
import { createHash } from 'node:crypto';
import { stableJson } from '../../sim/export/index.ts';
import { parseScenario, type Scenario } from '../../sim/scenario/schema.ts';
import { planStudy, type StudyPlan, type StudySpec } from '../../sim/study/plan.ts';
import { StudyInputError } from '../../sim/study/apply.ts';
import { fileReader } from '../node-io.ts';
import { InputError, loadScenario, type ScenarioOverrides } from '../scenario-loader.ts';

export interface StudyContext {
  /** The validated scenario with every `file` source replaced by its text (label kept). */
  base: Scenario;
  scenarioHash: string;
  spec: StudySpec;
  plan: StudyPlan;
}

/** A scenario whose element files are read once and inlined (their label stays the file name, as in messages). */
export async function inlineScenario(nameOrFile: string, o: ScenarioOverrides = {}): Promise<Scenario> {
  const { scenario, baseDir } = await loadScenario(nameOrFile, o);
  const read = fileReader(baseDir);
  const sources = await Promise.all(
    scenario.constellation.sources.map(async (src, i) => {
      if (src.kind === 'walker' || src.file === undefined) return src;
      try {
        return { kind: src.kind, text: await read(src.file), label: src.label ?? src.file };
      } catch (err) {
        throw new InputError(`constellation.sources[${i}].file: cannot read "${src.file}": ${(err as Error).message}`);
      }
    }),
  );
  return parseScenario({ ...scenario, constellation: { ...scenario.constellation, sources } });
}

export function scenarioHash(s: Scenario): string {
  return createHash('sha256').update(stableJson(s)).digest('hex');
}

/** The context of a study; bad study input becomes an InputError (exit 2). */
export async function studyContext(nameOrFile: string, overrides: ScenarioOverrides, makeSpec: (base: Scenario) => StudySpec): Promise<StudyContext> {
  const base = await inlineScenario(nameOrFile, overrides);
  try {
    const spec = makeSpec(base);
    return { base, scenarioHash: scenarioHash(base), spec, plan: planStudy(spec, base) };
  } catch (err) {
    if (err instanceof StudyInputError) throw new InputError(err.message);
    throw err;
  }
}
