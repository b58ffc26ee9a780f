// Float32 arrays on memory shared with the workers when the page may share it (cross-origin isolated: COOP/COEP
// served, see vite.config.ts), so keyframes are written in place instead of copied or moved; plain arrays otherwise.
// The one allocator of the simulation worker (browser-deps.ts) and the orbit pool. Runs in workers; imports nothing.

/** True when a SharedArrayBuffer can be made and posted to workers. */
export function canShareMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/** `length` floats on a SharedArrayBuffer when canShareMemory(), else on a plain (transferable) ArrayBuffer. */
export function allocFloat32(length: number): Float32Array {
  if (!canShareMemory()) return new Float32Array(length);
  return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
}
