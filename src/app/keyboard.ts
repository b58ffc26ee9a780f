// Keyboard shortcuts: Space play/pause, ←/→ step (Shift: 10 steps), Home jump to start, +/- speed, `/` search,
// Esc deselect, `t` table view, `e` Explore view. actionForKey and nextSpeed are pure; bindKeyboard attaches one window listener.
// Imports no React.
import type { PlaybackClock } from './playback-clock.ts';
import { SPEED_PRESETS, type UiStore } from './store.ts';

export type KeyAction =
  | { kind: 'toggle-play' }
  | { kind: 'step'; steps: number }
  | { kind: 'jump-start' }
  | { kind: 'speed'; direction: 1 | -1 }
  | { kind: 'focus-search' }
  | { kind: 'deselect' }
  | { kind: 'toggle-table' }
  | { kind: 'toggle-explore' };

/** What the handler needs to know about a key event and its target. */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** Target element's tag name (upper case, as in the DOM). */
  targetTag?: string;
  /** Target `type` attribute for inputs (e.g. 'text', 'range'). */
  targetType?: string;
  targetEditable?: boolean;
}

/** Inputs where typing or arrows have their own meaning (a range keeps its arrows, a button its Enter). */
function targetKind(e: KeyInput): 'text' | 'range' | 'select' | 'other' {
  const tag = e.targetTag ?? '';
  if (e.targetEditable || tag === 'TEXTAREA') return 'text';
  if (tag === 'SELECT') return 'select';
  if (tag === 'INPUT') {
    const type = (e.targetType ?? 'text').toLowerCase();
    if (type === 'range') return 'range';
    if (['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(type)) return 'other';
    return 'text';
  }
  return 'other';
}

/** The action of a key press, or null to let the browser handle it. */
export function actionForKey(e: KeyInput): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const target = targetKind(e);
  if (e.key === 'Escape') return { kind: 'deselect' };
  if (target === 'text') return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return { kind: 'toggle-play' };
    case 'ArrowLeft':
    case 'ArrowRight':
      if (target === 'range' || target === 'select') return null;
      return { kind: 'step', steps: (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 10 : 1) };
    case 'Home':
      return target === 'range' ? null : { kind: 'jump-start' };
    case '+':
    case '=':
      return { kind: 'speed', direction: 1 };
    case '-':
    case '_':
      return { kind: 'speed', direction: -1 };
    case '/':
      return { kind: 'focus-search' };
    case 't':
    case 'T':
      return { kind: 'toggle-table' };
    case 'e':
    case 'E':
      return { kind: 'toggle-explore' };
    default:
      return null;
  }
}

/** The next speed preset up or down from `speed` (stays at the ends; a speed between presets snaps). */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  const presets = SPEED_PRESETS as readonly number[];
  if (direction > 0) return presets.find((p) => p > speed) ?? presets[presets.length - 1]!;
  return [...presets].reverse().find((p) => p < speed) ?? presets[0]!;
}

/** Attaches the shortcuts to `target` (the window); `run` performs an action. Returns the detach function. */
export function bindKeyboard(target: Window, run: (a: KeyAction, e: KeyboardEvent) => void): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const el = e.target instanceof HTMLElement ? e.target : null;
    const action = actionForKey({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      shiftKey: e.shiftKey,
      targetTag: el?.tagName,
      targetType: el instanceof HTMLInputElement ? el.type : undefined,
      targetEditable: el?.isContentEditable ?? false,
    });
    if (action === null) return;
    e.preventDefault();
    run(action, e);
  };
  // Space on a focused button would also click it on key up: the shortcut wins.
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ' && e.target instanceof HTMLButtonElement) e.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  target.addEventListener('keyup', onKeyUp);
  return () => {
    target.removeEventListener('keydown', onKeyDown);
    target.removeEventListener('keyup', onKeyUp);
  };
}

/** What a key action acts on. */
export interface KeyTargets {
  store: UiStore;
  clock: Pick<PlaybackClock, 'togglePlay' | 'step' | 'jumpToStart'>;
  focusSearch(): void;
}

/** Performs a key action. */
export function runKeyAction(a: KeyAction, t: KeyTargets): void {
  switch (a.kind) {
    case 'toggle-play':
      return t.clock.togglePlay();
    case 'step':
      return t.clock.step(a.steps);
    case 'jump-start':
      return t.clock.jumpToStart();
    case 'speed':
      return t.store.setState({ speed: nextSpeed(t.store.getState().speed, a.direction) });
    case 'focus-search':
      return t.focusSearch();
    case 'deselect':
      return t.store.setState({ selectedSat: null });
    case 'toggle-table':
      return t.store.setState({ view: t.store.getState().view === 'table' ? 'globe' : 'table' });
    case 'toggle-explore':
      return t.store.setState({ view: t.store.getState().view === 'explore' ? 'globe' : 'explore' });
  }
}
