// A lost and restored WebGL context is told to the user (store.notice) through watchContextLoss; three.js restores
// the rendering itself (checked live by test/e2e/faults.test.ts). Listening stops when asked.
import { describe, expect, it } from 'vitest';
import { CONTEXT_LOST_NOTICE, CONTEXT_RESTORED_NOTICE, watchContextLoss } from '../../src/app/view3d/context-loss.ts';

describe('watchContextLoss', () => {
  it('says the context was lost, then restored; nothing after it stops listening', () => {
    const canvas = new EventTarget();
    const said: string[] = [];
    const stop = watchContextLoss(canvas as HTMLCanvasElement, (n) => said.push(n));
    canvas.dispatchEvent(new Event('webglcontextlost'));
    canvas.dispatchEvent(new Event('webglcontextrestored'));
    stop();
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(said).toEqual([CONTEXT_LOST_NOTICE, CONTEXT_RESTORED_NOTICE]);
  });
});
