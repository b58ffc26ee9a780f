// What the app shows: ONE tagged union — nothing, a simulated run, or the orbit view of a constellation too large
// to simulate here — with one owner (the sim client), replaced whole and announced by one change event. Everyone
// else reads `current` or subscribes; nobody polls. Imports types only: no React, three or worker code.
import type { RunResult } from '../sim/engine/result-types.ts';
import type { Scenario } from '../sim/scenario/schema.ts';

/** A finished run: its result (with the timeline) and its time window. */
export interface ShownRun {
  readonly kind: 'run';
  /** Id the worker keeps the run under (keyframes, routes and exports ask for it). */
  readonly runId: number;
  readonly result: RunResult;
  /** Window, ms since the Unix epoch: the scenario epoch, and epoch + duration. */
  readonly startMs: number;
  readonly endMs: number;
}

/** Orbits only, computed by the orbit workers (no summary, exports or routes: the CLI simulates it). */
export interface ShownOrbits {
  readonly kind: 'orbits';
  /** Id the orbit workers keep the view under (from the same sequence as run ids). */
  readonly viewId: number;
  readonly satCount: number;
  /** Orbit workers computing the keyframes. */
  readonly workers: number;
  /** The validated scenario (its stations and hubs are drawn). */
  readonly scenario: Scenario;
  /** Window, ms since the Unix epoch. */
  readonly startMs: number;
  readonly endMs: number;
}

export type Shown = { readonly kind: 'none' } | ShownRun | ShownOrbits;

export const NOTHING_SHOWN: Shown = Object.freeze({ kind: 'none' });

/** Called once per change, after it: `current` is already `next`. */
export type ShownListener = (next: Shown, previous: Shown) => void;

/** What consumers get: read and subscribe, never write. */
export interface ShownSource {
  /** What is shown now: a new object on every change (compare identity). */
  readonly current: Shown;
  /** Returns the unsubscribe function. */
  subscribe(listener: ShownListener): () => void;
}

/** The owner's handle (the sim client's). */
export interface ShownState extends ShownSource {
  /** Replaces what is shown and tells every listener once. Listeners must not call show(). */
  show(next: Shown): void;
}

export function createShownState(): ShownState {
  let current: Shown = NOTHING_SHOWN;
  let emitting = false;
  const listeners = new Set<ShownListener>();
  return {
    get current() {
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    show(next) {
      if (emitting) throw new Error('shown state: show() called from a change listener');
      if (next === current || (next.kind === 'none' && current.kind === 'none')) return;
      const previous = current;
      current = next;
      emitting = true;
      try {
        for (const l of [...listeners]) l(next, previous);
      } finally {
        emitting = false;
      }
    },
  };
}

/** The scenario of what is shown (its stations and hubs), null when nothing is. */
export function shownScenario(s: Shown): Scenario | null {
  return s.kind === 'run' ? s.result.scenario : s.kind === 'orbits' ? s.scenario : null;
}

/** The window the playback clock clamps to (its steps are the scenario's stepS), null when nothing is shown. */
export function shownWindow(s: Shown): { startMs: number; endMs: number; stepS: number } | null {
  const scenario = shownScenario(s);
  return s.kind === 'none' || !scenario ? null : { startMs: s.startMs, endMs: s.endMs, stepS: scenario.stepS };
}

/** Index of the timeline step holding `tMs` (clamped to [0, stepCount − 1]), or −1 without a timeline. */
export function stepIndexAt(run: RunResult, tMs: number, startMs: number): number {
  const tl = run.timeline;
  if (!tl || tl.stepCount === 0) return -1;
  const k = Math.floor((tMs - startMs) / (run.scenario.stepS * 1000));
  return Math.max(0, Math.min(tl.stepCount - 1, k));
}

/** The timeline step of what is shown at `simTimeMs`: −1 unless a run with a timeline is shown. Allocates nothing. */
export function timelineStep(s: Shown, simTimeMs: number): number {
  return s.kind === 'run' ? stepIndexAt(s.result, simTimeMs, s.startMs) : -1;
}
