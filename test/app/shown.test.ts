// What is shown: one tagged union, replaced whole, with exactly one change event per change (none for showing the
// same thing again or clearing twice); listeners see `current` already changed; the window and timeline step of what
// is shown.
import { describe, expect, it } from 'vitest';
import { createShownState, NOTHING_SHOWN, shownScenario, shownWindow, timelineStep, type Shown } from '../../src/app/shown.ts';
import { fakeRun, START_MS } from './fixtures.ts';

const run = fakeRun(); // 10 steps of 30 s
const shownRun: Shown = { kind: 'run', runId: 1, result: run, startMs: START_MS, endMs: START_MS + 300_000 };
const shownOrbits: Shown = { kind: 'orbits', viewId: 2, satCount: 1230, workers: 2, scenario: run.scenario, startMs: START_MS, endMs: START_MS + 3_600_000 };

describe('createShownState', () => {
  it('emits once per change, with current already the new state; not for the same object or a second clear', () => {
    const shown = createShownState();
    const seen: [string, string, boolean][] = [];
    const off = shown.subscribe((next, prev) => seen.push([prev.kind, next.kind, shown.current === next]));
    shown.show(NOTHING_SHOWN); // nothing → nothing
    shown.show(shownRun);
    shown.show(shownRun); // the same object again
    shown.show(shownOrbits);
    shown.show(NOTHING_SHOWN);
    shown.show({ kind: 'none' }); // a second clear
    expect(seen).toEqual([
      ['none', 'run', true],
      ['run', 'orbits', true],
      ['orbits', 'none', true],
    ]);
    off();
    shown.show(shownRun);
    expect(seen).toHaveLength(3);
    expect(shown.current).toBe(shownRun);
  });

  it('refuses a change from inside a change listener (listeners would see different states)', () => {
    const shown = createShownState();
    shown.subscribe((next) => {
      if (next.kind === 'run') shown.show(shownOrbits);
    });
    expect(() => shown.show(shownRun)).toThrow('show() called from a change listener');
    shown.show(shownOrbits); // not stuck after the throw
    expect(shown.current).toBe(shownOrbits);
  });
});

describe('window, scenario and timeline step of what is shown', () => {
  it('the clock window with the scenario step; null when nothing is shown', () => {
    expect(shownWindow(shownRun)).toEqual({ startMs: START_MS, endMs: START_MS + 300_000, stepS: 30 });
    expect(shownWindow(shownOrbits)).toEqual({ startMs: START_MS, endMs: START_MS + 3_600_000, stepS: 30 });
    expect(shownWindow(NOTHING_SHOWN)).toBeNull();
    expect(shownScenario(shownOrbits)).toBe(run.scenario);
    expect(shownScenario(NOTHING_SHOWN)).toBeNull();
  });

  it('the step holding the time, clamped to the timeline; −1 without a run', () => {
    expect(timelineStep(shownRun, START_MS + 45_000)).toBe(1);
    expect(timelineStep(shownRun, START_MS - 1)).toBe(0);
    expect(timelineStep(shownRun, START_MS + 1e9)).toBe(9);
    expect(timelineStep(shownOrbits, START_MS + 45_000)).toBe(-1);
    expect(timelineStep(NOTHING_SHOWN, START_MS)).toBe(-1);
  });
});
