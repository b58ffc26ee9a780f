// The app's services passed down by React context (no module singletons): the sim client, what it shows, the
// playback clock, the per-frame buffer and the Explore view's study session. Also small hooks over them. Imports React
// and app types only.
import { createContext, useContext, useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import type { ExportFormat } from '../../../workers/protocol.ts';
import type { ScenarioInput } from '../../sim/scenario/schema.ts';
import type { RunResult } from '../../sim/engine/result-types.ts';
import type { StudySession } from '../explore/study-session.ts';
import type { FrameBuffer } from '../frame-buffer.ts';
import type { PlaybackClock } from '../playback-clock.ts';
import type { StudyClient } from '../study-client.ts';
import type { Shown, ShownSource } from '../shown.ts';

/** What the UI needs of the sim client (src/app/sim-client.ts; the study calls: study-client.ts). */
export interface AppSimClient extends StudyClient {
  run(scenario: ScenarioInput, files?: Record<string, string>): Promise<unknown>;
  exportRun(format: ExportFormat): Promise<string | null>;
  importRun(text: string): Promise<unknown>;
  /** Name and NORAD number of a satellite of the orbit view shown (null otherwise). */
  describe?(index: number): Promise<{ name: string; norad: number } | null>;
  /** Matches by name or NORAD id in the orbit view shown. */
  search?(query: string, limit?: number): Promise<{ index: number; name: string; norad: number }[]>;
  dispose(): void;
}

export interface AppServices {
  client: AppSimClient;
  /** What is shown (the client's; read-only here). */
  shown: ShownSource;
  clock: PlaybackClock;
  frameBuffer: FrameBuffer;
  /** The Explore view's studies (kept while the view is closed; reset when another run is shown). */
  explore: StudySession;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(AppServicesContext);
  if (!s) throw new Error('useServices: no AppServicesContext provider');
  return s;
}

/**
 * A value computed from the frame buffer every `periodMs` of wall time (the playback clock's slow tick) and on
 * seeks / new runs. Re-renders only when `equal` says it changed. `deps` recompute at once when they change.
 */
export function useClockValue<T>(compute: (fb: FrameBuffer) => T, periodMs: number, deps: readonly unknown[], equal: (a: T, b: T) => boolean = Object.is): T {
  const { clock, frameBuffer } = useServices();
  const [value, setValue] = useState(() => compute(frameBuffer));
  // The latest compute and equal, read when the clock ticks (not dependencies: the caller's `deps` say when to recompute).
  const computeLatest = useEffectEvent((fb: FrameBuffer): T => compute(fb));
  const equalLatest = useEffectEvent((a: T, b: T): boolean => equal(a, b));
  useEffect(() => {
    let last: T | undefined;
    let has = false;
    return clock.subscribe(() => {
      const v = computeLatest(frameBuffer);
      if (has && equalLatest(last as T, v)) return;
      last = v;
      has = true;
      setValue(() => v);
    }, periodMs);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's, as for useMemo
  }, [clock, frameBuffer, periodMs, ...deps]);
  return value;
}

/** Shallow equality of two plain objects (for useClockValue). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What is shown, re-rendering on its change event (and only then). */
export function useShown(): Shown {
  const { shown } = useServices();
  return useSyncExternalStore(shown.subscribe, () => shown.current);
}

/** Whether a run or an orbit view is shown. */
export function useShowing(): boolean {
  return useShown().kind !== 'none';
}

/** The run shown, null when none is (nothing, or an orbit view). */
export function useRun(): RunResult | null {
  const s = useShown();
  return s.kind === 'run' ? s.result : null;
}
