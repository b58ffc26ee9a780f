// The sweep's charts (cost per million tokens and latency p50/p90 per mode against the parameter, drawn outside React
// by sweep-charts.ts) and, under them, the crossovers in words: where orbit and ground swap places. A finished sweep
// of a price is refined at once (findBreakeven in the worker); other sweeps on request (Refine).
import { useEffect, useRef, useState } from 'react';
import 'uplot/dist/uPlot.min.css';
import type { StudySession } from '../../explore/study-session.ts';
import type { CrossoverNote } from '../../explore/sweep-layout.ts';
import { mountSweepCharts, type SweepCharts as Charts } from './sweep-charts.ts';
import { useSessionStatus } from './use-session.ts';

interface Props {
  session: StudySession;
  metrics: readonly string[];
  /** The sweep's shape (the charts are made again for another one). */
  shape: string;
  /** Refine crossovers as soon as the sweep is done (a price: each point is instant). */
  autoRefine: boolean;
}

export function SweepCharts({ session, metrics, shape, autoRefine }: Props) {
  const costRef = useRef<HTMLDivElement>(null);
  const latencyRef = useRef<HTMLDivElement>(null);
  const chartsRef = useRef<Charts | null>(null);
  const [notes, setNotes] = useState<CrossoverNote[]>([]);
  const [refining, setRefining] = useState(false);
  useEffect(() => {
    if (!costRef.current || !latencyRef.current) return;
    const charts = mountSweepCharts({ cost: costRef.current, latency: latencyRef.current }, session, metrics, shape, autoRefine, {
      notes: setNotes,
      refining: setRefining,
    });
    chartsRef.current = charts;
    return () => charts?.dispose();
  }, [session, metrics, shape, autoRefine]);

  const { status } = useSessionStatus(session);
  const canRefine = !autoRefine && status === 'done' && notes.some((n) => n.crossing && n.refined === null);
  return (
    <div className="explore-sweep">
      <div
        ref={costRef}
        className="chart explore-chart"
        data-testid="explore-cost-chart"
        role="img"
        aria-label="Cost per million tokens per mode against the parameter; the sentences below say where orbit and ground swap places"
      />
      <div
        ref={latencyRef}
        className="chart explore-chart"
        data-testid="explore-latency-chart"
        role="img"
        aria-label="Latency p50 and p90 per mode against the parameter"
      />
      <ul className="crossovers" aria-live="polite" aria-label="Where orbit and ground swap places">
        {notes.map((n) => (
          <li key={n.refineKey} data-testid={n.crossing ? 'explore-crossover' : 'explore-winner'} className={n.metric}>
            {n.text.charAt(0).toUpperCase() + n.text.slice(1)}
            {n.crossing && <span className="muted small">{n.refined !== null ? ' (refined)' : ' (between two points)'}</span>}
          </li>
        ))}
      </ul>
      {canRefine && (
        <button type="button" data-testid="explore-refine" disabled={refining} onClick={() => chartsRef.current?.refine()}>
          {refining ? 'Refining…' : 'Refine the crossovers'}
        </button>
      )}
    </div>
  );
}
