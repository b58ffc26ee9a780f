// Shareable view state in the URL: `?preset=three-body&t=2026-04-02T03:00:00Z&speed=60&mode=onboard&sat=63982`,
// and the Explore view's study (`view=explore&study=sweep&x=economics.launchUsdPerKg:30:10000:41`, explore-url.ts).
// parseUrlState / encodeUrlState are pure; startUrlSync writes history.replaceState from the playback clock's
// slow tick (so it is throttled). It only reads: the URL's time goes to the clock (setPendingTime) and its satellite
// to the selection keeper (ui/selection.ts), both in main.tsx. Imports no React.
import type { PlaybackClock } from './playback-clock.ts';
import type { Shown, ShownSource } from './shown.ts';
import { SPEED_PRESETS, type UiStore } from './store.ts';
import { processingModes, type ProcessingMode } from '../sim/scenario/schema.ts';
import { formatUtcSecond } from './ui/format.ts';
import type { ExploreStudy } from './explore/explore-study.ts';
import { encodeExplore, parseExplore } from './explore/explore-url.ts';

export interface UrlState {
  preset?: string;
  /** Simulation time, ms since the Unix epoch. */
  timeMs?: number;
  /** Simulation seconds per wall second (one of SPEED_PRESETS). */
  speed?: number;
  mode?: ProcessingMode;
  /** Selected satellite's NORAD id. */
  satNorad?: number;
  view?: 'table' | 'explore';
  /** The Explore view's study (written with view=explore). */
  explore?: ExploreStudy;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Reads the state from a query string; values that do not parse are left out (never throws). */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const out: UrlState = {};
  const preset = q.get('preset');
  if (preset !== null && /^[A-Za-z0-9._-]{1,64}$/.test(preset)) out.preset = preset;
  const t = q.get('t');
  if (t !== null && ISO_UTC.test(t) && Number.isFinite(Date.parse(t))) out.timeMs = Date.parse(t);
  const speed = Number(q.get('speed'));
  if ((SPEED_PRESETS as readonly number[]).includes(speed)) out.speed = speed;
  const mode = q.get('mode');
  if ((processingModes as readonly string[]).includes(mode ?? '')) out.mode = mode as ProcessingMode;
  const sat = q.get('sat');
  if (sat !== null && /^\d{1,9}$/.test(sat)) out.satNorad = Number(sat);
  const view = q.get('view');
  if (view === 'table' || view === 'explore') out.view = view;
  const explore = parseExplore(q);
  if (explore) out.explore = explore;
  return out;
}

/** The query string for a state ('' when empty); keys in a fixed order, time to the second. */
export function encodeUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.preset !== undefined) q.set('preset', s.preset);
  if (s.timeMs !== undefined && Number.isFinite(s.timeMs)) q.set('t', formatUtcSecond(s.timeMs));
  if (s.speed !== undefined) q.set('speed', String(s.speed));
  if (s.mode !== undefined) q.set('mode', s.mode);
  if (s.satNorad !== undefined) q.set('sat', String(s.satNorad));
  if (s.view !== undefined) q.set('view', s.view);
  if (s.explore !== undefined) encodeExplore(s.explore, q);
  const text = q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
  return text === '' ? '' : `?${text}`;
}

/** The URL state of what the app shows now, at `simTimeMs`. */
export function currentUrlState(store: UiStore, shown: Shown, simTimeMs: number): UrlState {
  const s = store.getState();
  const out: UrlState = { speed: s.speed, mode: s.mode };
  if (s.presetName !== 'custom') out.preset = s.presetName;
  if (shown.kind !== 'none') out.timeMs = simTimeMs; // a run or an orbit view
  const sat = s.selectedSat === null || shown.kind !== 'run' ? undefined : shown.result.satellites[s.selectedSat];
  if (sat) out.satNorad = sat.norad;
  if (s.view !== 'globe') out.view = s.view;
  if (s.view === 'explore' && s.explore) out.explore = s.explore;
  return out;
}

/** How often the URL is rewritten at most, ms of wall time. */
export const URL_WRITE_PERIOD_MS = 500;
/** While playing, the time in the URL is rewritten every this many write periods (every 2 s). */
const PLAYING_TIME_TICKS = 4;

/**
 * Keeps the address bar in sync with what is shown (history.replaceState, at most every URL_WRITE_PERIOD_MS).
 * Returns the stop function.
 */
export function startUrlSync(store: UiStore, shown: ShownSource, clock: PlaybackClock): () => void {
  let written = window.location.search;
  let writtenWithoutTime = '';
  let ticksSinceWrite = 0;
  return clock.subscribe((simTimeMs) => {
    ticksSinceWrite++;
    if (shown.current.kind === 'none') return;
    const state = currentUrlState(store, shown.current, simTimeMs);
    const search = encodeUrlState(state);
    if (search === written) return;
    // While playing only the time changes: rewrite it every PLAYING_TIME_TICKS ticks (replaceState costs ms).
    const withoutTime = encodeUrlState({ ...state, timeMs: undefined });
    if (store.getState().playing && withoutTime === writtenWithoutTime && ticksSinceWrite < PLAYING_TIME_TICKS) return;
    written = search;
    writtenWithoutTime = withoutTime;
    ticksSinceWrite = 0;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, URL_WRITE_PERIOD_MS);
}
