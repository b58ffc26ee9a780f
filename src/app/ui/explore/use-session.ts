// React hooks over the study session: a redraw at most once per animation frame after the session changed (charts
// draw straight into uPlot, not through React), and the small status React renders (progress, errors), set at most
// once per frame and only when it changed. Imports React and app modules.
import { useEffect, useEffectEvent, useState } from 'react';
import type { SessionState, StudySession } from '../../explore/study-session.ts';
import { shallowEqual } from '../services.ts';

/** Calls `draw` now and then at most once per animation frame while the session changes (outside React). */
export function subscribeFrames(session: StudySession, draw: () => void): () => void {
  let frame = 0;
  const onFrame = () => {
    frame = 0;
    draw();
  };
  onFrame();
  const off = session.subscribe(() => {
    if (frame === 0) frame = requestAnimationFrame(onFrame);
  });
  return () => {
    off();
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}

/** subscribeFrames as a hook: `draw(state)` now and at most once per frame while the session changes. */
export function useSessionFrames(session: StudySession, draw: (state: SessionState) => void): void {
  const drawLatest = useEffectEvent((s: SessionState) => draw(s));
  useEffect(() => subscribeFrames(session, () => drawLatest(session.state)), [session]);
}

export interface SessionStatusView {
  status: SessionState['status'];
  done: number;
  total: number;
  error: string | null;
  live: boolean;
  lastCallMs: number | null;
  /** Kind and shape of the study shown (the charts are made again when they change). */
  kind: string | null;
  shape: string | null;
  key: string | null;
  /** Points with a row (of any call of this shape). */
  received: number;
}

function statusOf(s: SessionState): SessionStatusView {
  const b = s.built;
  return {
    status: s.status,
    done: s.live ? 0 : s.done, // a slider's update shows no progress: no render per row
    total: s.total,
    error: s.error,
    live: s.live,
    lastCallMs: s.lastCallMs,
    kind: b?.study.kind ?? null,
    shape: b?.shape ?? null,
    key: b?.key ?? null,
    received: s.rows.reduce((n, r) => n + (r ? 1 : 0), 0),
  };
}

/** The session's status for React, re-rendering at most once per frame and only when it changed. */
export function useSessionStatus(session: StudySession): SessionStatusView {
  const [view, setView] = useState(() => statusOf(session.state));
  useSessionFrames(session, (s) => {
    const next = statusOf(s);
    setView((prev) => (shallowEqual(prev, next) ? prev : next));
  });
  return view;
}
