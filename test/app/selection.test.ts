// The selection follows the satellite (by NORAD id) across runs that reorder or drop satellites.
import { describe, expect, it } from 'vitest';
import type { FrameBuffer } from '../../src/app/frame-buffer.ts';
import type { PlaybackClock } from '../../src/app/playback-clock.ts';
import { createUiStore } from '../../src/app/store.ts';
import { keepSelectionAcrossRuns } from '../../src/app/ui/selection.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { fakeRun } from './fixtures.ts';

describe('keepSelectionAcrossRuns', () => {
  it('re-finds the selected NORAD id in the next run, or deselects', () => {
    const store = createUiStore({ scenarioDraft: threeBodyScenario, presetName: 'three-body' });
    let onRun: (fb: FrameBuffer) => void = () => {};
    const clock = { onRunChange: (l: (fb: FrameBuffer) => void) => ((onRun = l), () => {}) } as unknown as PlaybackClock;
    keepSelectionAcrossRuns(store, clock);
    const fb = (run: FrameBuffer['run']) => ({ run }) as FrameBuffer;

    const first = fakeRun(); // [63982, 63983]
    onRun(fb(first));
    store.setState({ selectedSat: 1 }); // SCS-01 B, 63983
    const swapped = fakeRun();
    swapped.satellites.reverse(); // [63983, 63982]
    onRun(fb(swapped));
    expect(store.getState().selectedSat).toBe(0);
    const without = fakeRun();
    without.satellites = [without.satellites[0]!]; // [63982]
    onRun(fb(without));
    expect(store.getState().selectedSat).toBeNull();
  });
});
