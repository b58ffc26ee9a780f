// The playback clock: the ONLY code of the app that reads wall time. It owns simulation time, like CesiumJS's
// Clock: a requestAnimationFrame loop advances frameBuffer.simTimeMs by wall dt × speed while playing, clamped to
// the window it is told about (setWindow: what is shown, see shown.ts) and pausing at its end; it writes the UTC
// clock text straight into a DOM element and calls slow listeners (charts, inspector, URL) a few times a second.
// It never looks for runs. Nothing here goes through React state; nothing is allocated per frame.
// Imports no React, three or worker code.
import type { FrameBuffer } from './frame-buffer.ts';
import type { UiStore } from './store.ts';
import { formatUtcSecond } from './ui/format.ts';

/** Longest wall-clock gap taken as one frame, ms: a hidden tab or a stall does not jump hours ahead. Assumption. */
export const MAX_FRAME_WALL_MS = 1000;
/** Step of the arrow keys when nothing is shown, s. */
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

/** The time window the clock plays in. */
export interface PlaybackWindow {
  /** ms since the Unix epoch. */
  startMs: number;
  endMs: number;
  /** Step of step(), s (the simulation step). */
  stepS: number;
}

export interface PlaybackClock {
  start(): void;
  stop(): void;
  /** Calls `listener` every `periodMs` of wall time, and at the next frame after a seek or a new window. */
  subscribe(listener: Listener, periodMs: number): () => void;
  /**
   * The window of what is shown (null: nothing; the clock then cannot play). The time is kept when it lies inside
   * the new window (a rerun of the same window), else it moves to the window's start, paused; a pending time
   * (setPendingTime) is applied instead, clamped, once.
   */
  setWindow(window: PlaybackWindow | null): void;
  /** Moves the simulation time (clamped to the window). */
  seek(ms: number): void;
  /** Steps by whole simulation steps (the window's stepS, or DEFAULT_STEP_S without a window). */
  step(steps: number): void;
  jumpToStart(): void;
  /** Plays, or pauses; playing at the end of the window starts again from its start. */
  togglePlay(): void;
  /** The element whose text shows the UTC clock (written directly, not through React). */
  setClockElement(el: HTMLElement | null): void;
  /** A time to show once the next window arrives (e.g. from the URL). */
  setPendingTime(ms: number | null): void;
}

export function createPlaybackClock(store: UiStore, fb: FrameBuffer): PlaybackClock {
  const subs = new Set<Subscription>();
  let rafId = 0;
  let lastWallMs: number | null = null;
  let win: PlaybackWindow | null = null;
  let forceNotify = true;
  let clockEl: HTMLElement | null = null;
  let shownSecond = NaN;
  let pendingTimeMs: number | null = null;

  function writeClock(): void {
    const second = Math.floor(fb.simTimeMs / 1000);
    if (clockEl === null || second === shownSecond) return;
    shownSecond = second;
    clockEl.textContent = win ? formatUtcSecond(fb.simTimeMs) : '—';
    clockEl.setAttribute('datetime', clockEl.textContent);
  }

  function pause(): void {
    if (store.getState().playing) store.setState({ playing: false });
  }

  function setWindow(w: PlaybackWindow | null): void {
    win = w;
    if (w === null) pause();
    else if (pendingTimeMs !== null) {
      fb.simTimeMs = clampTime(pendingTimeMs, w.startMs, w.endMs);
      pendingTimeMs = null;
    } else if (!(fb.simTimeMs >= w.startMs && fb.simTimeMs <= w.endMs)) {
      fb.simTimeMs = w.startMs;
      pause();
    }
    shownSecond = NaN;
    forceNotify = true;
    writeClock();
  }

  function tick(wallMs: number): void {
    rafId = requestAnimationFrame(tick);
    const dtMs = lastWallMs === null ? 0 : wallMs - lastWallMs;
    lastWallMs = wallMs;
    const { playing, speed } = store.getState();
    if (playing && win) {
      fb.simTimeMs = advanceSimTime(fb.simTimeMs, dtMs, speed, win.startMs, win.endMs);
      if (fb.simTimeMs >= win.endMs) store.setState({ playing: false });
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
    fb.simTimeMs = win ? clampTime(ms, win.startMs, win.endMs) : ms;
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
    setWindow,
    seek,
    step(steps) {
      seek(steppedTime(fb.simTimeMs, steps, win?.stepS ?? DEFAULT_STEP_S, win?.startMs ?? 0, win?.endMs ?? Infinity));
    },
    jumpToStart() {
      if (win) seek(win.startMs);
    },
    togglePlay() {
      const playing = store.getState().playing;
      if (!playing && win && fb.simTimeMs >= win.endMs) seek(win.startMs);
      store.setState({ playing: !playing && win !== null });
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
