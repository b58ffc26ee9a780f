// The selection across changes of what is shown: written in ONE place (keepSelectionAcrossShown), it follows the
// satellite by NORAD id across runs that reorder or drop satellites, applies the URL's satellite once, and gives the
// same result whatever order the consumers of the change event were registered in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrameBuffer } from '../../src/app/frame-buffer.ts';
import { createPlaybackClock } from '../../src/app/playback-clock.ts';
import { createShownState, NOTHING_SHOWN, shownWindow, type Shown, type ShownRun } from '../../src/app/shown.ts';
import { createUiStore } from '../../src/app/store.ts';
import { keepSelectionAcrossShown } from '../../src/app/ui/selection.ts';
import { startUrlSync } from '../../src/app/url-state.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { fakeRun, START_MS } from './fixtures.ts';

/** The fake run (SCS-01 A = 63982, SCS-01 B = 63983) with its satellites in the given NORAD order. */
function runWith(runId: number, norads: number[]): ShownRun {
  const result = fakeRun();
  const byNorad = new Map(result.satellites.map((s) => [s.norad, s]));
  result.satellites = norads.map((n) => byNorad.get(n)!);
  return { kind: 'run', runId, result, startMs: START_MS, endMs: START_MS + 300_000 };
}

const orbits = (viewId: number): Shown => ({
  kind: 'orbits',
  viewId,
  satCount: 2,
  workers: 2,
  scenario: fakeRun().scenario,
  startMs: START_MS,
  endMs: START_MS + 300_000,
});

function setup(urlNorad: number | null = null) {
  const store = createUiStore({ scenarioDraft: threeBodyScenario, presetName: 'three-body' });
  const shown = createShownState();
  keepSelectionAcrossShown(store, shown, urlNorad);
  const selected = () => store.getState().selectedSat;
  return { store, shown, selected };
}

describe('keepSelectionAcrossShown', () => {
  it('re-finds the selected NORAD id in the next run, or deselects', () => {
    const { store, shown, selected } = setup();
    shown.show(runWith(1, [63982, 63983]));
    store.setState({ selectedSat: 1 }); // SCS-01 B, 63983
    shown.show(runWith(2, [63983, 63982]));
    expect(selected()).toBe(0);
    shown.show(runWith(3, [63983, 63982])); // same order: kept
    expect(selected()).toBe(0);
    shown.show(runWith(4, [63982]));
    expect(selected()).toBeNull();
    shown.show(runWith(5, [63982, 63983])); // deselected stays deselected
    expect(selected()).toBeNull();
  });

  it("applies the URL's satellite to the first thing shown, once", () => {
    const { store, shown, selected } = setup(63983);
    shown.show(runWith(1, [63982, 63983]));
    expect(selected()).toBe(1);
    store.setState({ selectedSat: null });
    shown.show(runWith(2, [63982, 63983]));
    expect(selected()).toBeNull();
    const absent = setup(99999);
    absent.shown.show(runWith(1, [63982, 63983]));
    expect(absent.selected()).toBeNull();
  });

  it('an orbit view selects by index only: its selection is cleared on any change', () => {
    const { store, shown, selected } = setup();
    shown.show(runWith(1, [63982, 63983]));
    store.setState({ selectedSat: 0 });
    shown.show(orbits(2)); // the run's satellite cannot be found by NORAD id here
    expect(selected()).toBeNull();
    store.setState({ selectedSat: 5 });
    shown.show(NOTHING_SHOWN);
    expect(selected()).toBeNull();
    store.setState({ selectedSat: 1 });
    shown.show(runWith(3, [63982, 63983]));
    expect(selected()).toBeNull();
  });
});

describe('consumers of the change event, registered in either order', () => {
  let frames: ((t: number) => void)[] = [];
  let urls: string[] = [];
  beforeEach(() => {
    frames = [];
    urls = [];
    globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => (frames.push(cb), frames.length);
    globalThis.cancelAnimationFrame = () => void (frames = []);
    const location = { search: '', pathname: '/', hash: '' };
    (globalThis as { window?: unknown }).window = {
      location,
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => void urls.push((location.search = url.slice(1))) },
    };
  });
  afterEach(() => {
    delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
    delete (globalThis as { cancelAnimationFrame?: unknown }).cancelAnimationFrame;
    delete (globalThis as { window?: unknown }).window;
  });
  const frame = (t: number) => {
    const fns = frames;
    frames = [];
    for (const f of fns) f(t);
  };

  /** The app's wiring (main.tsx) in one order or the other; then a user session. Returns what was seen. */
  function session(selectionFirst: boolean): unknown[] {
    const store = createUiStore({ scenarioDraft: threeBodyScenario, presetName: 'three-body' });
    const fb = createFrameBuffer();
    const shown = createShownState();
    const clock = createPlaybackClock(store, fb);
    clock.setPendingTime(START_MS + 90_000); // the URL's t and sat
    const selection = () => keepSelectionAcrossShown(store, shown, 63983);
    const others = () => {
      shown.subscribe((s) => clock.setWindow(shownWindow(s)));
      startUrlSync(store, shown, clock);
    };
    if (selectionFirst) {
      selection();
      others();
    } else {
      others();
      selection();
    }
    clock.start();
    const seen: unknown[] = [];
    let wallMs = 0;
    const step = (action: () => void) => {
      action();
      frame((wallMs += 1000)); // one slow tick: the URL is written
      seen.push([store.getState().selectedSat, fb.simTimeMs - START_MS, urls.at(-1) ?? '']);
    };
    step(() => shown.show(runWith(1, [63982, 63983])));
    step(() => store.setState({ selectedSat: 0 }));
    step(() => shown.show(runWith(2, [63983, 63982]))); // rerun, reordered: follows 63982
    step(() => shown.show(runWith(3, [63983]))); // without it: cleared
    clock.stop();
    return seen;
  }

  it('selection first, or clock and URL first: the same selection, time and URL at every step', () => {
    const a = session(true);
    const b = session(false);
    expect(a).toEqual(b);
    expect(a).toEqual([
      [1, 90_000, '?preset=three-body&t=2026-04-02T00:01:30Z&speed=60&mode=onboard&sat=63983'],
      [0, 90_000, '?preset=three-body&t=2026-04-02T00:01:30Z&speed=60&mode=onboard&sat=63982'],
      [1, 90_000, '?preset=three-body&t=2026-04-02T00:01:30Z&speed=60&mode=onboard&sat=63982'],
      [null, 90_000, '?preset=three-body&t=2026-04-02T00:01:30Z&speed=60&mode=onboard'],
    ]);
  });
});
