// UI state: a small zustand vanilla store with a thin React hook. Only things that change on user action
// live here (scenario draft, mode, selection, speed, run status); per-frame data live in frame-buffer.ts, and
// what is shown in shown.ts (owned by the sim client; `summary` and `orbitView` here are its projection).
import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import type { IngestIssue } from '../sim/catalog/types.ts';
import type { RunSummary } from '../sim/engine/result-types.ts';
import type { ProcessingMode, ScenarioError, ScenarioInput } from '../sim/scenario/schema.ts';
import type { ExploreStudy } from './explore/explore-study.ts';

export type RunStatus = 'idle' | 'running' | 'ready' | 'error';

export interface UiState {
  /** The scenario being edited (what "Run" submits). */
  scenarioDraft: ScenarioInput;
  /** Preset the draft came from, for the URL ('custom' once edited). */
  presetName: string;
  status: RunStatus;
  progress: { phase: string; done: number; total: number } | null;
  /**
   * Summary of the run shown (null when no run is): a read-only projection of the shown state (shown.ts), written
   * by the sim client together with it, for the panels that select it from the store.
   */
  summary: RunSummary | null;
  scenarioErrors: ScenarioError[];
  ingestIssues: IngestIssue[];
  /** A worker or run failure, shown to the user. */
  errorMessage: string | null;
  /**
   * A fault the app recovered from by itself (a worker restarted, the 3D view's WebGL context restored), shown as a
   * short non-blocking notice; cleared by the user's next run or dismissed.
   */
  notice: string | null;
  mode: ProcessingMode;
  playing: boolean;
  /** Simulation seconds per wall second. */
  speed: number;
  /** Selected satellite index, or null. */
  selectedSat: number | null;
  showFootprints: boolean;
  /** Draw the active inter-satellite links in the 3D view. */
  showIsls: boolean;
  /**
   * Set when the scenario is too large to simulate in the browser and only its orbits are shown (computed by the
   * orbit workers); null otherwise. Like `summary`, a projection of the shown state written with it.
   */
  orbitView: { satCount: number; workers: number } | null;
  /** True while the keyframes under the playhead are being computed (the orbit view's sliding window). */
  orbitsLoading: boolean;
  /** Main view: the 3D globe, the accessible table of satellites and contacts, or the Explore view (studies). */
  view: 'globe' | 'table' | 'explore';
  /** The study the Explore view shows (run against each run shown), for the URL; null before the first one. */
  explore: ExploreStudy | null;
}

export const SPEED_PRESETS = [1, 10, 60, 300, 900, 3600] as const;

export type UiStore = ReturnType<typeof createUiStore>;

export function createUiStore(initial: Pick<UiState, 'scenarioDraft' | 'presetName'> & Partial<UiState>) {
  return createStore<UiState>()(() => ({
    status: 'idle',
    progress: null,
    summary: null,
    scenarioErrors: [],
    ingestIssues: [],
    errorMessage: null,
    notice: null,
    mode: 'onboard',
    playing: false,
    speed: 60,
    selectedSat: null,
    showFootprints: false,
    showIsls: true,
    view: 'globe',
    explore: null,
    orbitView: null,
    orbitsLoading: false,
    ...initial,
  }));
}

/** React hook over a store instance (passed down by context in the app). */
export function useUi<T>(store: UiStore, select: (s: UiState) => T): T {
  return useStore(store, select);
}

/** The store instance is passed down by context (no module singleton). */
export const UiStoreContext = createContext<UiStore | null>(null);

export function useUiStore(): UiStore {
  const s = useContext(UiStoreContext);
  if (!s) throw new Error('useUiStore: no UiStoreContext provider');
  return s;
}
