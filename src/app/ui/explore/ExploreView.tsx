// The Explore view (main area, next to the metrics): studies of the run shown, computed in the simulation worker from
// the run's stages — a sweep of one or two parameters with the orbit/ground crossovers, a tornado of every parameter,
// or the uncertainty distribution. The study kept in the store (and the URL) runs against every run shown, once.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StudyInfo } from '../../../../workers/protocol.ts';
import { buildStudy, DEFAULT_STUDY, EXPLORE_KINDS, type BuiltStudy, type ExploreKind, type ExploreStudy } from '../../explore/explore-study.ts';
import { useUi, useUiStore } from '../../store.ts';
import { useServices, useShown } from '../services.ts';
import { StudyBar } from './StudyBar.tsx';
import { SweepPanel } from './SweepPanel.tsx';
import { TornadoPanel } from './TornadoPanel.tsx';
import { UncertaintyPanel } from './UncertaintyPanel.tsx';
import { useSessionStatus } from './use-session.ts';

const KIND_LABELS: Record<ExploreKind, string> = { sweep: 'Sweep', tornado: 'Tornado', uncertainty: 'Uncertainty' };

/** The study parameters of run `runId` (null until they arrive, or without a run). */
function useStudyInfo(runId: number | null): StudyInfo | null {
  const { client } = useServices();
  const [info, setInfo] = useState<StudyInfo | null>(null);
  useEffect(() => {
    if (runId === null) return;
    let live = true;
    void client.studyInfo().then((i) => live && i?.runId === runId && setInfo(i));
    return () => void (live = false);
  }, [client, runId]);
  return info && info.runId === runId ? info : null;
}

export function ExploreView() {
  const store = useUiStore();
  const { explore: session } = useServices();
  const shown = useShown();
  const run = shown.kind === 'run' ? shown : null;
  const stored = useUi(store, (s) => s.explore);
  const study = stored ?? DEFAULT_STUDY;
  const info = useStudyInfo(run?.runId ?? null);
  const status = useSessionStatus(session);
  const chartsRef = useRef<HTMLDivElement>(null);
  const base = run?.result.scenario ?? null;
  const built = useMemo(() => (base && info ? tryBuild(study, base, info) : null), [study, base, info]);

  useEffect(() => {
    if (!stored) store.setState({ explore: DEFAULT_STUDY }); // the URL says what is shown
  }, [stored, store]);
  // Run the study kept against the run shown, unless it was asked for already (the slider's updates ask first).
  useEffect(() => {
    if (!run || !built || 'error' in built) return;
    const asked = session.requested;
    if (!asked || asked.runId !== run.runId || asked.key !== built.key) session.start(run.runId, built);
  }, [run, built, session]);

  const commit = (next: ExploreStudy) => store.setState({ explore: next });
  const runNow = (next: ExploreStudy) => {
    commit(next);
    if (run && base && info) {
      const b = tryBuild(next, base, info);
      if (!('error' in b)) session.start(run.runId, b);
    }
  };

  if (shown.kind === 'orbits') return <div className="explore muted">Studies need a simulated run: this constellation is shown as orbits only.</div>;
  if (!run || !base || !info) return <div className="explore muted">Waiting for the run…</div>;
  return (
    <div className="explore" data-testid="explore-view">
      <div className="explore-head row">
        <h2 id="explore-h">Explore</h2>
        <div className="row" role="group" aria-label="Kind of study">
          {EXPLORE_KINDS.map((k) => (
            <button key={k} type="button" data-testid={`explore-kind-${k}`} aria-pressed={study.kind === k} onClick={() => commit({ ...study, kind: k })}>
              {KIND_LABELS[k]}
            </button>
          ))}
        </div>
        <span className="muted small">
          against this run ({run.result.summary.scenarioName}, seed {run.result.summary.seed}), computed in the worker
        </span>
      </div>
      {built && 'error' in built && (
        <p className="warn small" role="alert" data-testid="explore-error">
          {built.error}
        </p>
      )}
      <StudyBar session={session} status={status} metrics={info.metrics} summary={run.result.summary} chartsRef={chartsRef} />
      <div ref={chartsRef} data-explore-charts>
        {study.kind === 'sweep' && <SweepPanel study={study} info={info} runId={run.runId} base={base} status={status} onCommit={commit} onRun={runNow} />}
        {study.kind === 'tornado' && <TornadoPanel study={study} info={info} status={status} onCommit={commit} />}
        {study.kind === 'uncertainty' && <UncertaintyPanel study={study} info={info} status={status} onRun={runNow} />}
      </div>
    </div>
  );
}

function tryBuild(study: ExploreStudy, base: NonNullable<Parameters<typeof buildStudy>[1]>, info: StudyInfo): BuiltStudy | { error: string } {
  try {
    return buildStudy(study, base, info.params);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
