// The playback clock: sim time advances by wall dt × speed, clamps at the run end and pauses there, steps on the
// step grid, and applies a pending (URL) time to the first run. Frames are driven by a fake requestAnimationFrame.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrameBuffer } from '../../src/app/frame-buffer.ts';
import { MAX_FRAME_WALL_MS, advanceSimTime, clampTime, createPlaybackClock, steppedTime } from '../../src/app/playback-clock.ts';
import { createUiStore } from '../../src/app/store.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { START_MS, fakeRun } from './fixtures.ts';

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

  const setup = () => {
    const store = createUiStore({ scenarioDraft: threeBodyScenario, presetName: 'three-body', speed: 60 });
    const run = fakeRun(); // 300 s, 30 s steps
    const fb: FrameBuffer = { simTimeMs: 0, startMs: START_MS, endMs: START_MS + 300_000, run, runId: 1, keyframes: [], version: 1 };
    const clock = createPlaybackClock(store, fb);
    const el = { textContent: '', setAttribute() {} } as unknown as HTMLElement;
    clock.setClockElement(el);
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
    frame(0); // first frame after the run appears: forced
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

  it('applies a pending URL time to the first run, clamped', () => {
    const { fb, clock } = setup();
    clock.setPendingTime(START_MS + 45_000);
    const runs: number[] = [];
    clock.onRunChange((f) => runs.push(f.simTimeMs - START_MS));
    clock.start();
    frame(0);
    expect(fb.simTimeMs).toBe(START_MS + 45_000);
    expect(runs).toEqual([45_000]);
    fb.run = fakeRun(); // a rerun over the same window keeps the time
    frame(16);
    expect(runs).toEqual([45_000, 45_000]);
  });
});
