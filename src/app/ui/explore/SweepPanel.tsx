// The sweep: pick a parameter (and optionally a second, drawn as a few curves), its range and points; a sweep of
// prices runs as it is edited (each point is instant), others on "Run sweep". Sliders hold the other prices and move
// the curves while dragged (one update per frame, never two in flight: study-session.ts). Charts: SweepCharts.
import { useEffect, useRef, useState } from 'react';
import type { StudyInfo } from '../../../../workers/protocol.ts';
import type { Scenario } from '../../../sim/scenario/schema.ts';
import { choiceAt, type Assignment } from '../../../sim/study/apply.ts';
import { CHOICE_PARAMS, paramStage } from '../../../sim/study/params.ts';
import { buildStudy, MAX_AXIS_POINTS, MAX_SERIES, type ExploreAxis, type ExploreStudy } from '../../explore/explore-study.ts';
import { createFrameThrottle, type FrameThrottle } from '../../explore/frame-throttle.ts';
import { useServices } from '../services.ts';
import { AxisPicker } from './AxisPicker.tsx';
import { PriceSliders, type HeldChoice } from './PriceSliders.tsx';
import { SweepCharts } from './SweepCharts.tsx';
import type { SessionStatusView } from './use-session.ts';

interface Props {
  study: ExploreStudy;
  info: StudyInfo;
  runId: number;
  base: Scenario;
  status: SessionStatusView;
  /** Keeps a study (the store and the URL); the view runs it unless it is the one asked for already. */
  onCommit(study: ExploreStudy): void;
  /** Keeps and runs a study, again if it is the one asked for already. */
  onRun(study: ExploreStudy): void;
}

const axisOk = (a: ExploreAxis | null) => a === null || (Number.isFinite(a.low) && Number.isFinite(a.high) && a.low < a.high && a.n >= 1);

export function SweepPanel({ study, info, runId, base, status, onCommit, onRun }: Props) {
  const { explore: session } = useServices();
  const [draft, setDraft] = useState({ x: study.x, y: study.y });
  const axesKey = JSON.stringify([study.x, study.y]);
  const [syncedKey, setSyncedKey] = useState(axesKey);
  if (syncedKey !== axesKey) {
    setSyncedKey(axesKey);
    setDraft({ x: study.x, y: study.y });
  }
  const stageOf = (a: ExploreAxis | null) => (a ? info.params.find((p) => p.path === a.path)?.stage : 'pricing');
  const cheap = (d: typeof draft) => stageOf(d.x) === 'pricing' && stageOf(d.y) === 'pricing';
  const edit = (d: typeof draft) => {
    setDraft(d);
    if (cheap(d) && axisOk(d.x) && axisOk(d.y)) onCommit({ ...study, ...d });
  };
  const pending = JSON.stringify([draft.x, draft.y]) !== axesKey;

  // Slider updates: the latest value per frame goes to the session as a live update.
  const live = useRef<FrameThrottle<Assignment[]> | null>(null);
  useEffect(() => {
    const t = createFrameThrottle<Assignment[]>(requestAnimationFrame, (fixed) => {
      try {
        session.live(runId, buildStudy({ ...study, fixed }, base, info.params));
      } catch {
        // a value the study core refuses: the curves stay
      }
    });
    live.current = t;
    return () => t.drop();
  }, [session, runId, study, base, info]);
  const commitFixed = (fixed: Assignment[]) => {
    live.current?.drop();
    const next = { ...study, fixed };
    try {
      session.live(runId, buildStudy(next, base, info.params)); // at once: the view then sees it asked for already
    } catch {
      // refused: the view reports it when it builds the study
    }
    onCommit(next);
  };
  const sliders = info.params.filter((p) => p.stage === 'pricing' && p.path !== study.x.path && p.path !== study.y?.path);
  const choices = CHOICE_PARAMS.flatMap((def): HeldChoice[] => {
    const run = choiceAt(base, def.path);
    return run !== undefined && paramStage(def.path, base) === 'pricing' ? [{ def, run }] : [];
  });

  return (
    <div className="explore-body split">
      <div className="explore-form">
        <AxisPicker
          id="explore-x"
          label="Parameter"
          axis={draft.x}
          params={info.params}
          maxN={MAX_AXIS_POINTS}
          exclude={draft.y?.path}
          onChange={(x) => x && edit({ ...draft, x })}
        />
        <AxisPicker
          id="explore-y"
          label="Second parameter (a few curves)"
          axis={draft.y}
          params={info.params}
          optional
          maxN={MAX_SERIES}
          pickedN={3}
          exclude={draft.x.path}
          onChange={(y) => edit({ ...draft, y })}
        />
        {!cheap(draft) && (
          <button
            type="button"
            className="primary"
            data-testid="explore-run"
            disabled={!pending && status.status === 'running'}
            onClick={() => axisOk(draft.x) && axisOk(draft.y) && onRun({ ...study, ...draft })}
          >
            Run sweep
          </button>
        )}
        <PriceSliders params={sliders} choices={choices} fixed={study.fixed} onLive={(f) => live.current?.push(f)} onCommit={commitFixed} />
      </div>
      {status.kind === 'sweep' && status.shape && (
        <SweepCharts key={status.shape} session={session} metrics={info.metrics} shape={status.shape} autoRefine={stageOf(study.x) === 'pricing'} />
      )}
    </div>
  );
}
