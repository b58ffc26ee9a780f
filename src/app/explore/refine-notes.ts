// Refines every crossover of a finished sweep, one after the other, each with findBreakeven through single points in
// the worker (refine-crossing.ts); stops quietly when a new study supersedes it. Pure: the session is injected.
import type { BuiltStudy } from './explore-study.ts';
import { refineCrossing } from './refine-crossing.ts';
import { SupersededError, type StudySession } from './study-session.ts';
import type { CrossoverNote, SweepLayout } from './sweep-layout.ts';

/** The refined break-even of each note with a crossing, by refine key; partial when superseded or refused. */
export async function refineNotes(
  session: Pick<StudySession, 'evaluate'>,
  runId: number,
  built: BuiltStudy,
  layout: SweepLayout,
  notes: readonly CrossoverNote[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const n of notes) {
    if (!n.crossing) continue;
    const [orbitMetric, groundMetric] = n.metric === 'cost' ? [layout.orbitCost, layout.groundCost] : [layout.orbitP50, layout.groundP50];
    try {
      const r = await refineCrossing((as) => session.evaluate(runId, as), { built, crossing: n.crossing, iy: n.iy, orbitMetric, groundMetric });
      if (r.found && r.value !== undefined) out.set(n.refineKey, r.value);
    } catch (err) {
      if (err instanceof SupersededError) break;
      // a point the engine refused: keep the interpolated value
    }
  }
  return out;
}
