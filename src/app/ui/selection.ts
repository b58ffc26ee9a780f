// Keeps the selected satellite across runs by NORAD id (a rerun or a new catalogue reorders satellites), and
// deselects when it is not in the new run. Imports app types only.
import type { FrameBuffer } from '../frame-buffer.ts';
import type { PlaybackClock } from '../playback-clock.ts';
import type { UiStore } from '../store.ts';

export function keepSelectionAcrossRuns(store: UiStore, clock: PlaybackClock): () => void {
  let lastNorad: number | null = null;
  let lastRun: FrameBuffer['run'] = null;
  const offStore = store.subscribe((s, prev) => {
    if (s.selectedSat !== prev.selectedSat) lastNorad = s.selectedSat === null ? null : (lastRun?.satellites[s.selectedSat]?.norad ?? null);
  });
  const offRun = clock.onRunChange((fb) => {
    const prevRun = lastRun;
    lastRun = fb.run;
    const sel = store.getState().selectedSat;
    if (prevRun === null) {
      lastNorad = sel === null ? null : (fb.run?.satellites[sel]?.norad ?? null);
      return;
    }
    if (lastNorad === null) return;
    const i = fb.run?.satellites.findIndex((x) => x.norad === lastNorad) ?? -1;
    store.setState({ selectedSat: i >= 0 ? i : null });
  });
  return () => {
    offStore();
    offRun();
  };
}
