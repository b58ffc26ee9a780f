// The 3D view's WebGL context lost (GPU reset, driver update, too many contexts, or WEBGL_lose_context) and restored.
// three.js's renderer handles both: on loss it prevents the default (so the browser may restore the context) and
// skips drawing; on restore it makes its GL state again and re-uploads every texture and buffer from the CPU copies
// the layers keep (keyframe textures' image data, state texture, line buffers), so nothing here re-uploads. This only
// tells the user, through `notify` (store.notice). No React; imports nothing.

export const CONTEXT_LOST_NOTICE = 'The 3D view lost its WebGL context; waiting for the browser to restore it.';
export const CONTEXT_RESTORED_NOTICE = 'The 3D view lost its WebGL context; restored. Your scenario, selection and time are kept.';

/** Listens on `canvas` until the returned function is called. */
export function watchContextLoss(canvas: HTMLCanvasElement, notify: (notice: string) => void): () => void {
  const lost = () => notify(CONTEXT_LOST_NOTICE);
  const restored = () => notify(CONTEXT_RESTORED_NOTICE);
  canvas.addEventListener('webglcontextlost', lost);
  canvas.addEventListener('webglcontextrestored', restored);
  return () => {
    canvas.removeEventListener('webglcontextlost', lost);
    canvas.removeEventListener('webglcontextrestored', restored);
  };
}
