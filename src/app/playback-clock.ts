// The playback clock: the ONLY code of the app that reads wall time. A requestAnimationFrame loop advances
// frameBuffer.simTimeMs by wall dt × speed while playing (clamped to the run, pausing at its end), writes the
// UTC clock text straight into a DOM element, and calls slow listeners (charts, inspector, URL) a few times a
// second. Owns simulation time like CesiumJS's Clock; nothing here goes through React state.
// Imports no React, three or worker code.
import { isShowing, shownKey, type FrameBuffer } from './frame-buffer.ts';
import type { UiStore } from './store.ts';
import { formatUtcSecond } from './ui/format.ts';

/** Longest wall-clock gap taken as one frame, ms: a hidden tab or a stall does not jump hours ahead. Assumption. */
export const MAX_FRAME_WALL_MS = 1000;
/** Step of the arrow keys when no run is loaded, s. */
export const DEFAULT_STEP_S = 60;

/** New simulation time after `wallDtMs` of wall time at `speed` sim-s per wall-s, clamped to [startMs, endMs]. */
export function advanceSimTime(simTimeMs: number, wallDtMs: number, speed: number, startMs: number, endMs: number): number {
  const dt = Math.min(Math.max(wallDtMs, 0), MAX_FRAME_WALL_MS);
  return clampTime(simTimeMs + dt * speed, startMs, endMs);
}

/** Time clamped to the run window (startMs when the window is empty or the time is not finite). */
export function clampTime(ms: number, startMs: number, endMs: number): number {
  if (!Number.isFinite(ms) || !(endMs >= startMs)) return startMs;
  return Math.min(endMs, Math.max(startMs, ms));
}

/** Time after stepping `steps` steps of `stepS` (negative steps go back), aligned to the step grid. */
export function steppedTime(simTimeMs: number, steps: number, stepS: number, startMs: number, endMs: number): number {
  const stepMs = stepS * 1000;
  const k = (simTimeMs - startMs) / stepMs;
  const aligned = steps > 0 ? Math.floor(k + 1e-9) + steps : Math.ceil(k - 1e-9) + steps;
  return clampTime(startMs + aligned * stepMs, startMs, endMs);
}

type Listener = (simTimeMs: number) => void;
interface Subscription {
  listener: Listener;
  periodMs: number;
  lastWallMs: number;
}

export interface PlaybackClock {
  start(): void;
  stop(): void;
  /** Calls `listener` every `periodMs` of wall time, and at the next frame after a seek or a new run. */
  subscribe(listener: Listener, periodMs: number): () => void;
  /** Calls `listener` when a new run is shown (after the time was clamped into it). */
  onRunChange(listener: (fb: FrameBuffer) => void): () => void;
  /** Moves the simulation time (clamped to the run). */
  seek(ms: number): void;
  /** Steps by whole simulation steps (the run's stepS, or 60 s before a run). */
  step(steps: number): void;
  jumpToStart(): void;
  /** Plays, or pauses; playing at the end of the run starts again from its start. */
  togglePlay(): void;
  /** The element whose text shows the UTC clock (written directly, not through React). */
  setClockElement(el: HTMLElement | null): void;
  /** A time to show once the first run arrives (e.g. from the URL). */
  setPendingTime(ms: number | null): void;
}

export function createPlaybackClock(store: UiStore, fb: FrameBuffer): PlaybackClock {
  const subs = new Set<Subscription>();
  const runListeners = new Set<(fb: FrameBuffer) => void>();
  let rafId = 0;
  let lastWallMs: number | null = null;
  let lastRun: ReturnType<typeof shownKey> = null;
  let forceNotify = true;
  let clockEl: HTMLElement | null = null;
  let shownSecond = NaN;
  let pendingTimeMs: number | null = null;

  const stepS = () => fb.run?.scenario.stepS ?? DEFAULT_STEP_S;

  function writeClock(): void {
    const second = Math.floor(fb.simTimeMs / 1000);
    if (clockEl === null || second === shownSecond) return;
    shownSecond = second;
    clockEl.textContent = isShowing(fb) ? formatUtcSecond(fb.simTimeMs) : '—';
    clockEl.setAttribute('datetime', clockEl.textContent);
  }

  function checkRun(): void {
    const key = shownKey(fb);
    if (key === lastRun) return;
    const first = lastRun === null;
    lastRun = key;
    if (key === null) return;
    const inside = fb.simTimeMs >= fb.startMs && fb.simTimeMs <= fb.endMs;
    if (pendingTimeMs !== null) {
      fb.simTimeMs = clampTime(pendingTimeMs, fb.startMs, fb.endMs);
      pendingTimeMs = null;
    } else if (first || !inside) {
      fb.simTimeMs = fb.startMs;
      if (store.getState().playing) store.setState({ playing: false });
    }
    shownSecond = NaN;
    forceNotify = true;
    for (const l of runListeners) l(fb);
  }

  function tick(wallMs: number): void {
    rafId = requestAnimationFrame(tick);
    checkRun();
    const dtMs = lastWallMs === null ? 0 : wallMs - lastWallMs;
    lastWallMs = wallMs;
    const { playing, speed } = store.getState();
    if (playing && isShowing(fb)) {
      fb.simTimeMs = advanceSimTime(fb.simTimeMs, dtMs, speed, fb.startMs, fb.endMs);
      if (fb.simTimeMs >= fb.endMs) store.setState({ playing: false });
    }
    writeClock();
    const force = forceNotify;
    forceNotify = false;
    for (const s of subs) {
      if (force || wallMs - s.lastWallMs >= s.periodMs) {
        s.lastWallMs = wallMs;
        s.listener(fb.simTimeMs);
      }
    }
  }

  function seek(ms: number): void {
    fb.simTimeMs = isShowing(fb) ? clampTime(ms, fb.startMs, fb.endMs) : ms;
    forceNotify = true;
    writeClock();
  }

  return {
    start() {
      if (rafId === 0) rafId = requestAnimationFrame(tick);
    },
    stop() {
      cancelAnimationFrame(rafId);
      rafId = 0;
      lastWallMs = null;
    },
    subscribe(listener, periodMs) {
      const s: Subscription = { listener, periodMs, lastWallMs: -Infinity };
      subs.add(s);
      listener(fb.simTimeMs);
      return () => void subs.delete(s);
    },
    onRunChange(listener) {
      runListeners.add(listener);
      return () => void runListeners.delete(listener);
    },
    seek,
    step(steps) {
      seek(steppedTime(fb.simTimeMs, steps, stepS(), fb.startMs, isShowing(fb) ? fb.endMs : Infinity));
    },
    jumpToStart() {
      seek(fb.startMs);
    },
    togglePlay() {
      const playing = store.getState().playing;
      if (!playing && isShowing(fb) && fb.simTimeMs >= fb.endMs) seek(fb.startMs);
      store.setState({ playing: !playing && isShowing(fb) });
    },
    setClockElement(el) {
      clockEl = el;
      shownSecond = NaN;
      writeClock();
    },
    setPendingTime(ms) {
      pendingTimeMs = ms;
    },
  };
}
