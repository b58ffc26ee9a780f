// Keyboard map: each shortcut, text fields keep their keys, modifiers pass through; speed presets step.
import { describe, expect, it } from 'vitest';
import { actionForKey, nextSpeed, runKeyAction } from '../../src/app/keyboard.ts';
import { createUiStore } from '../../src/app/store.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';

describe('actionForKey', () => {
  it('maps the documented shortcuts', () => {
    expect(actionForKey({ key: ' ' })).toEqual({ kind: 'toggle-play' });
    expect(actionForKey({ key: 'ArrowLeft' })).toEqual({ kind: 'step', steps: -1 });
    expect(actionForKey({ key: 'ArrowRight' })).toEqual({ kind: 'step', steps: 1 });
    expect(actionForKey({ key: 'ArrowRight', shiftKey: true })).toEqual({ kind: 'step', steps: 10 });
    expect(actionForKey({ key: '+' })).toEqual({ kind: 'speed', direction: 1 });
    expect(actionForKey({ key: '=' })).toEqual({ kind: 'speed', direction: 1 });
    expect(actionForKey({ key: '-' })).toEqual({ kind: 'speed', direction: -1 });
    expect(actionForKey({ key: '/' })).toEqual({ kind: 'focus-search' });
    expect(actionForKey({ key: 'Escape' })).toEqual({ kind: 'deselect' });
    expect(actionForKey({ key: 't' })).toEqual({ kind: 'toggle-table' });
    expect(actionForKey({ key: 'E' })).toEqual({ kind: 'toggle-explore' });
    expect(actionForKey({ key: 'Home' })).toEqual({ kind: 'jump-start' });
    expect(actionForKey({ key: 'x' })).toBeNull();
  });

  it('leaves typing in text fields alone, except Esc', () => {
    for (const t of [
      { targetTag: 'TEXTAREA' },
      { targetTag: 'INPUT', targetType: 'search' },
      { targetTag: 'INPUT' },
      { targetTag: 'DIV', targetEditable: true },
    ]) {
      expect(actionForKey({ key: ' ', ...t })).toBeNull();
      expect(actionForKey({ key: '/', ...t })).toBeNull();
      expect(actionForKey({ key: 't', ...t })).toBeNull();
      expect(actionForKey({ key: 'e', ...t })).toBeNull();
      expect(actionForKey({ key: 'Escape', ...t })).toEqual({ kind: 'deselect' });
    }
  });

  it('a range or select keeps its arrows; buttons do not take Space from the shortcut', () => {
    expect(actionForKey({ key: 'ArrowLeft', targetTag: 'INPUT', targetType: 'range' })).toBeNull();
    expect(actionForKey({ key: 'ArrowRight', targetTag: 'SELECT' })).toBeNull();
    expect(actionForKey({ key: ' ', targetTag: 'INPUT', targetType: 'range' })).toEqual({ kind: 'toggle-play' });
    expect(actionForKey({ key: ' ', targetTag: 'BUTTON' })).toEqual({ kind: 'toggle-play' });
    expect(actionForKey({ key: 'ArrowLeft', targetTag: 'INPUT', targetType: 'checkbox' })).toEqual({ kind: 'step', steps: -1 });
  });

  it('modified keys belong to the browser', () => {
    expect(actionForKey({ key: '+', ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: 't', metaKey: true })).toBeNull();
    expect(actionForKey({ key: 'ArrowLeft', altKey: true })).toBeNull();
  });
});

describe('nextSpeed', () => {
  it('steps through 1, 10, 60, 300, 900, 3600 and stops at the ends', () => {
    expect(nextSpeed(60, 1)).toBe(300);
    expect(nextSpeed(60, -1)).toBe(10);
    expect(nextSpeed(3600, 1)).toBe(3600);
    expect(nextSpeed(1, -1)).toBe(1);
    expect(nextSpeed(100, 1)).toBe(300);
    expect(nextSpeed(100, -1)).toBe(60);
  });
});

describe('runKeyAction', () => {
  it('changes speed, selection and view in the store and calls the clock', () => {
    const store = createUiStore({ scenarioDraft: threeBodyScenario, presetName: 'three-body', selectedSat: 3 });
    const calls: string[] = [];
    const clock = { togglePlay: () => calls.push('play'), step: (n: number) => calls.push(`step ${n}`), jumpToStart: () => calls.push('start') };
    const t = { store, clock, focusSearch: () => calls.push('search') };
    runKeyAction({ kind: 'speed', direction: 1 }, t);
    expect(store.getState().speed).toBe(300);
    runKeyAction({ kind: 'deselect' }, t);
    expect(store.getState().selectedSat).toBeNull();
    runKeyAction({ kind: 'toggle-table' }, t);
    expect(store.getState().view).toBe('table');
    runKeyAction({ kind: 'toggle-table' }, t);
    expect(store.getState().view).toBe('globe');
    runKeyAction({ kind: 'toggle-explore' }, t);
    expect(store.getState().view).toBe('explore');
    runKeyAction({ kind: 'toggle-table' }, t);
    expect(store.getState().view).toBe('table');
    runKeyAction({ kind: 'toggle-explore' }, t);
    expect(store.getState().view).toBe('explore');
    runKeyAction({ kind: 'toggle-explore' }, t);
    expect(store.getState().view).toBe('globe');
    runKeyAction({ kind: 'toggle-play' }, t);
    runKeyAction({ kind: 'step', steps: -10 }, t);
    runKeyAction({ kind: 'jump-start' }, t);
    runKeyAction({ kind: 'focus-search' }, t);
    expect(calls).toEqual(['play', 'step -10', 'start', 'search']);
  });
});
