// The selected satellite's route in the app: the inspector's "Route to ground" text, and the follower that keeps
// frameBuffer.route on the selection (one request in flight, stale answers dropped, cleared on deselect).
import { describe, expect, it } from 'vitest';
import { createFrameBuffer, type FrameBuffer } from '../../src/app/frame-buffer.ts';
import type { PlaybackClock } from '../../src/app/playback-clock.ts';
import { startRouteFollower } from '../../src/app/route-follower.ts';
import { createShownState } from '../../src/app/shown.ts';
import { createUiStore } from '../../src/app/store.ts';
import { routeSummary } from '../../src/app/ui/inspector-data.ts';
import type { RouteReply } from '../../src/sim/api/protocol.ts';
import { threeBody } from '../helpers/run.ts';
import { fakeRun, START_MS } from './fixtures.ts';

describe('routeSummary', () => {
  const run = fakeRun(); // station 0 = Miyun
  const route = (hops: number[] | null, latencyS: number | null, satIndex = 0) => ({ runId: 1, satIndex, tMs: START_MS, hops, latencyS });

  it('ISL hops, station name and one-way light time in ms', () => {
    expect(routeSummary(run, route([0, 1, 5, 7, -1], 0.01823), 0)).toBe('3 ISL hops → Miyun, 18.2 ms');
    expect(routeSummary(run, route([0, 1, -1], 0.0096), 0)).toBe('1 ISL hop → Miyun, 9.6 ms');
    expect(routeSummary(run, route([0, -1], 0.00262), 0)).toBe('direct → Miyun, 2.6 ms');
  });

  it('no path, pending (route of another satellite), and ISLs off', () => {
    expect(routeSummary(run, route(null, null), 0)).toBe('no path to a station now');
    expect(routeSummary(run, route([1, -1], 0.003, 1), 0)).toBe('…');
    expect(routeSummary(run, null, 0)).toBe('…');
    const off = { ...run, scenario: { ...run.scenario, isl: { ...run.scenario.isl, enabled: false } } };
    expect(routeSummary(off, route([0, -1], 0.003), 0)).toBe('ISLs off');
  });
});

/** A clock whose slow tick the test fires by hand. */
function manualClock() {
  const listeners = new Set<(t: number) => void>();
  const clock = {
    subscribe(l: (t: number) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  } as unknown as PlaybackClock;
  return { clock, tick: (t: number) => listeners.forEach((l) => l(t)) };
}

/** A client whose route answers the test releases. */
function manualClient() {
  const calls: { sat: number; tMs: number; answer: (r: RouteReply | null) => void }[] = [];
  return {
    calls,
    client: { route: (sat: number, tMs: number) => new Promise<RouteReply | null>((answer) => calls.push({ sat, tMs, answer })) },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('startRouteFollower', () => {
  function setup() {
    const store = createUiStore({ scenarioDraft: threeBody(), presetName: 'three-body' });
    const fb: FrameBuffer = { ...createFrameBuffer(), simTimeMs: START_MS, version: 5 };
    const shown = createShownState();
    shown.show({ kind: 'run', runId: 3, result: fakeRun(), startMs: START_MS, endMs: START_MS + 300_000 });
    const { clock, tick } = manualClock();
    const { client, calls } = manualClient();
    const stop = startRouteFollower(store, fb, shown, clock, client);
    return { store, fb, shown, tick, calls, stop };
  }

  it('asks at once on a selection, stores the answer, and does not ask again while nothing changed', async () => {
    const { store, fb, tick, calls } = setup();
    expect(calls).toHaveLength(0); // nothing selected
    store.setState({ selectedSat: 1 });
    expect(calls.map((c) => [c.sat, c.tMs])).toEqual([[1, START_MS]]);
    calls[0]!.answer({ runId: 3, tMs: START_MS, hops: [1, 0, -1], latencyS: 0.012 });
    await flush();
    expect(fb.route).toEqual({ runId: 3, satIndex: 1, tMs: START_MS, hops: [1, 0, -1], latencyS: 0.012 });
    tick(START_MS);
    expect(calls).toHaveLength(1); // same satellite, time and data: no new request
    fb.version++; // a keyframe block arrived
    tick(START_MS);
    expect(calls).toHaveLength(2);
  });

  it('keeps one request in flight; a new time is asked on the next tick after the answer', async () => {
    const { store, tick, calls } = setup();
    store.setState({ selectedSat: 0 });
    tick(START_MS + 1000);
    tick(START_MS + 2000);
    expect(calls).toHaveLength(1);
    calls[0]!.answer(null);
    await flush();
    tick(START_MS + 3000);
    expect(calls.map((c) => c.tMs)).toEqual([START_MS, START_MS + 3000]);
  });

  it('drops an answer for a satellite no longer selected, and clears the route on deselect; no path → hops null', async () => {
    const { store, fb, calls } = setup();
    store.setState({ selectedSat: 0 });
    store.setState({ selectedSat: 1 }); // the request for 0 is still in flight
    calls[0]!.answer({ runId: 3, tMs: START_MS, hops: [0, -1], latencyS: 0.003 });
    await flush();
    expect(fb.route).toBeNull();
    store.setState({ selectedSat: null });
    expect(fb.route).toBeNull();
    store.setState({ selectedSat: 1 });
    calls.at(-1)!.answer(null);
    await flush();
    expect(fb.route).toEqual({ runId: 3, satIndex: 1, tMs: START_MS, hops: null, latencyS: null });
  });

  it('drops an answer that arrives after another run is shown; asks nothing while an orbit view is shown', async () => {
    const { store, fb, shown, tick, calls } = setup();
    store.setState({ selectedSat: 1 });
    const rerun = fakeRun();
    shown.show({ kind: 'run', runId: 4, result: rerun, startMs: START_MS, endMs: START_MS + 300_000 });
    calls[0]!.answer({ runId: 3, tMs: START_MS, hops: [1, -1], latencyS: 0.003 });
    await flush();
    expect(fb.route).toBeNull();
    tick(START_MS); // same satellite and time, another run: asked again
    expect(calls).toHaveLength(2);
    calls[1]!.answer({ runId: 4, tMs: START_MS, hops: [1, -1], latencyS: 0.003 });
    await flush();
    expect(fb.route).toMatchObject({ runId: 4, satIndex: 1 });
    shown.show({ kind: 'orbits', viewId: 5, satCount: 2, workers: 2, scenario: rerun.scenario, startMs: START_MS, endMs: START_MS + 300_000 });
    tick(START_MS + 1000);
    expect(calls).toHaveLength(2);
    expect(fb.route).toBeNull();
  });

  it('stops asking once stopped', () => {
    const { store, tick, calls, stop } = setup();
    stop();
    store.setState({ selectedSat: 0 });
    tick(START_MS + 5000);
    expect(calls).toHaveLength(0);
  });
});
