// The three.js console filter: the THREE.Clock deprecation that @react-three/fiber's store triggers is dropped,
// every other three.js message reaches the console unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { Clock, getConsoleFunction, setConsoleFunction, warn } from 'three';
import { filterThreeConsole, keepThreeMessage } from '../../src/app/view3d/three-console.ts';

const previous = getConsoleFunction();
afterEach(() => setConsoleFunction(previous));

function recorder() {
  const lines: string[] = [];
  const rec =
    (type: string) =>
    (...args: unknown[]) =>
      void lines.push(`${type}: ${args.join(' ')}`);
  return { lines, out: { log: rec('log'), warn: rec('warn'), error: rec('error') } };
}

describe('three.js console filter', () => {
  it('drops the Clock deprecation notice that constructing a THREE.Clock prints', () => {
    const { lines, out } = recorder();
    setConsoleFunction((type, message, ...params) => out[type](message, ...params)); // unfiltered: the notice is there
    new Clock();
    expect(lines).toEqual(['warn: THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.']);
    lines.length = 0;
    filterThreeConsole(out);
    new Clock();
    expect(lines).toEqual([]);
  });

  it('passes every other message on with its method and parameters', () => {
    const { lines, out } = recorder();
    filterThreeConsole(out);
    warn('WebGLRenderer: Texture marked for update but no image data found.', 42);
    expect(lines).toEqual(['warn: THREE.WebGLRenderer: Texture marked for update but no image data found. 42']);
  });

  it('keeps a Clock message of another kind (only the deprecation warning is dropped)', () => {
    expect(keepThreeMessage('warn', 'THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.')).toBe(false);
    expect(keepThreeMessage('error', 'THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.')).toBe(true);
    expect(keepThreeMessage('warn', 'THREE.Timer: something else')).toBe(true);
  });
});
