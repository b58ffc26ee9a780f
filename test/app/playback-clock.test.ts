// The playback clock: sim time advances by wall dt × speed, clamps to the window it is given and pauses at its end,
// steps on the step grid, and applies a pending (URL) time to the next window. Frames are driven by a fake
// requestAnimationFrame; the clock is told the window (it never looks for runs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrameBuffer } from '../../src/app/frame-buffer.ts';
import { DEFAULT_STEP_S, MAX_FRAME_WALL_MS, advanceSimTime, clampTime, createPlaybackClock, steppedTime } from '../../src/app/playback-clock.ts';
import { createUiStore } from '../../src/app/store.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { START_MS } from './fixtures.ts';

describe('pure time helpers', () => {
  it('advance = wall dt × speed, the gap capped, clamped to the run', () => {
    expect(advanceSimTime(0, 16, 60, 0, 1e9)).toBe(960);
    expect(advanceSimTime(0, 5000, 1, 0, 1e9)).toBe(MAX_FRAME_WALL_MS);
    expect(advanceSimTime(900, 100, 3600, 0, 1000)).toBe(1000);
    expect(advanceSimTime(500, -50, 60, 0, 1000)).toBe(500);
    expect(clampTime(Number.NaN, 10, 20)).toBe(10);
    expect(clampTime(5, 10, 20)).toBe(10);
  });

  it('steps land on the step grid', () => {
    // 30 s steps from 0; at 45 s one step forward → 60 s, one back → 30 s; from a grid point → ±30 s.
    expect(steppedTime(45_000, 1, 30, 0, 1e9)).toBe(60_000);
    expect(steppedTime(45_000, -1, 30, 0, 1e9)).toBe(30_000);
    expect(steppedTime(60_000, 1, 30, 0, 1e9)).toBe(90_000);
    expect(steppedTime(60_000, -1, 30, 0, 1e9)).toBe(30_000);
    expect(steppedTime(60_000, 10, 30, 0, 200_000)).toBe(200_000);
    expect(steppedTime(10_000, -10, 30, 0, 200_000)).toBe(0);
  });
});

describe('createPlaybackClock', () => {
  let frames: ((t: number) => void)[] = [];
  const frame = (t: number) => {
    const fns = frames;
    frames = [];
    for (const f of fns) f(t);
  };
  beforeEach(() => {
    frames = [];
    globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => (frames.push(cb), frames.length);
    globalThis.cancelAnimationFrame = () => void (frames = []);
  });
  afterEach(() => {
    delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
    delete (globalThis as { cancelAnimationFrame?: unknown }).cancelAnimationFrame;
  });

  /** A 300 s window of 30 s steps (the fake run's). */
  const WINDOW = { startMs: START_MS, endMs: START_MS + 300_000, stepS: 30 };
  const setup = (window: typeof WINDOW | null = WINDOW) => {
    const store = createUiStore({ scenarioDraft: threeBodyScenario, presetName: 'three-body', speed: 60 });
    const fb = createFrameBuffer();
    const clock = createPlaybackClock(store, fb);
    const el = { textContent: '', setAttribute() {} } as unknown as HTMLElement;
    clock.setClockElement(el);
    if (window) clock.setWindow(window);
    return { store, fb, clock, el };
  };

  it('starts paused at the run start and writes the UTC clock text', () => {
    const { store, fb, clock, el } = setup();
    clock.start();
    frame(1000);
    expect(fb.simTimeMs).toBe(START_MS);
    expect(store.getState().playing).toBe(false);
    expect(el.textContent).toBe('2026-04-02T00:00:00Z');
  });

  it('plays at 60×: 2 s of wall time → 120 s, then clamps at the end and pauses', () => {
    const { store, fb, clock, el } = setup();
    clock.start();
    frame(1000);
    clock.togglePlay();
    expect(store.getState().playing).toBe(true);
    for (let t = 1000; t <= 3000; t += 250) frame(t);
    expect(fb.simTimeMs).toBe(START_MS + 120_000);
    expect(el.textContent).toBe('2026-04-02T00:02:00Z');
    for (let t = 3250; t <= 6000; t += 250) frame(t);
    expect(fb.simTimeMs).toBe(START_MS + 300_000);
    expect(store.getState().playing).toBe(false);
    clock.togglePlay(); // at the end: plays again from the start
    expect(fb.simTimeMs).toBe(START_MS);
    expect(store.getState().playing).toBe(true);
  });

  it('slow listeners run at their period and at once after a seek', () => {
    const { fb, clock } = setup();
    const seen: number[] = [];
    clock.subscribe((t) => seen.push(t - START_MS), 500);
    clock.start();
    seen.length = 0;
    frame(0); // first frame after the window was set: forced
    frame(100);
    frame(400);
    frame(600);
    expect(seen).toEqual([0, 0]);
    clock.seek(START_MS + 90_000);
    frame(700);
    expect(seen).toEqual([0, 0, 90_000]);
    clock.step(1);
    frame(750);
    expect(fb.simTimeMs - START_MS).toBe(120_000);
    clock.seek(START_MS + 10_000_000);
    expect(fb.simTimeMs - START_MS).toBe(300_000);
  });

  it('applies a pending URL time to the next window, clamped, once; a window covering the time keeps it', () => {
    const { fb, clock } = setup(null);
    clock.setPendingTime(START_MS + 45_000);
    clock.setWindow(WINDOW);
    expect(fb.simTimeMs).toBe(START_MS + 45_000);
    clock.setWindow({ ...WINDOW }); // a rerun over the same window keeps the time
    expect(fb.simTimeMs).toBe(START_MS + 45_000);
    clock.setPendingTime(START_MS + 10_000_000);
    clock.setWindow(WINDOW);
    expect(fb.simTimeMs).toBe(START_MS + 300_000); // clamped to the end
  });

  it('clamps to the window it is given: a new window without the time starts at its start, paused', () => {
    const { store, fb, clock, el } = setup();
    clock.start();
    frame(0);
    clock.seek(START_MS + 200_000);
    clock.togglePlay();
    frame(100);
    expect(store.getState().playing).toBe(true);
    const later = { startMs: START_MS + 3_600_000, endMs: START_MS + 7_200_000, stepS: 60 };
    clock.setWindow(later);
    expect([fb.simTimeMs, store.getState().playing]).toEqual([later.startMs, false]);
    expect(el.textContent).toBe('2026-04-02T01:00:00Z');
    clock.seek(START_MS); // before the window: its start
    expect(fb.simTimeMs).toBe(later.startMs);
    clock.step(2); // the window's own steps (60 s)
    expect(fb.simTimeMs).toBe(later.startMs + 120_000);
    clock.seek(START_MS + 9_000_000);
    expect(fb.simTimeMs).toBe(later.endMs);
  });

  it('nothing shown: no clock text, cannot play, steps of DEFAULT_STEP_S', () => {
    const { store, fb, clock, el } = setup();
    clock.togglePlay();
    expect(store.getState().playing).toBe(true);
    clock.setWindow(null);
    expect(store.getState().playing).toBe(false);
    expect(el.textContent).toBe('—');
    clock.togglePlay();
    expect(store.getState().playing).toBe(false);
    const t = fb.simTimeMs;
    clock.step(1);
    expect(fb.simTimeMs - t).toBe(DEFAULT_STEP_S * 1000);
  });
});
