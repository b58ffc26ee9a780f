// The CLI's study evaluator: the engine's StudyEvaluator with the Node land mask and the single-thread packed
// propagator (points run in parallel, not propagation), no timeline and no kept positions. Node only by its deps.
import { StudyEvaluator } from '../../sim/study/evaluator.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../node-io.ts';

export async function cliStudyEvaluator(base: Scenario): Promise<StudyEvaluator> {
  return new StudyEvaluator(base, { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask(), recordTimeline: false, keepOrbitSamples: false });
}
