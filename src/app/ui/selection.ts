// The ONE place that writes the selection when what is shown changes (shown.ts's change event): the selected
// satellite is followed by NORAD id (a rerun or a new catalogue reorders satellites) and cleared when the new run
// lacks it; the URL's satellite, if any, is applied to the first thing shown. An orbit view selects by index only
// (its names live in the orbit workers), so its selection is cleared on any change. Imports app types only.
import type { Shown, ShownSource } from '../shown.ts';
import type { UiStore } from '../store.ts';

/** NORAD id of satellite `index` of what is shown, null when unknown (no run, no such satellite). */
function noradOf(s: Shown, index: number | null): number | null {
  return index === null || s.kind !== 'run' ? null : (s.result.satellites[index]?.norad ?? null);
}

/** Index of the satellite with this NORAD id in what is shown, null when absent (or not a run). */
export function satIndexByNorad(s: Shown, norad: number | null): number | null {
  if (norad === null || s.kind !== 'run') return null;
  const i = s.result.satellites.findIndex((x) => x.norad === norad);
  return i >= 0 ? i : null;
}

/** Starts keeping the selection; `urlNorad`: the URL's satellite, applied once. Returns the stop function. */
export function keepSelectionAcrossShown(store: UiStore, shown: ShownSource, urlNorad: number | null = null): () => void {
  let pendingNorad = urlNorad;
  let selectedNorad = noradOf(shown.current, store.getState().selectedSat);
  const offStore = store.subscribe((s, prev) => {
    if (s.selectedSat !== prev.selectedSat) selectedNorad = noradOf(shown.current, s.selectedSat);
  });
  const offShown = shown.subscribe((next) => {
    const norad = next.kind !== 'none' && pendingNorad !== null ? pendingNorad : selectedNorad;
    if (next.kind !== 'none') pendingNorad = null;
    const index = satIndexByNorad(next, norad);
    selectedNorad = noradOf(next, index);
    if (store.getState().selectedSat !== index) store.setState({ selectedSat: index });
  });
  return () => {
    offStore();
    offShown();
  };
}
