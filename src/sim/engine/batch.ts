// A batch of captured tiles moving through a pipeline (storage, onboard compute, downlink, GPUs),
// and how to split it when only part of it fits. Pure.

/** Tiles captured by one satellite in one step, or a part of them. Tile counts may be fractional after splits. */
export interface Batch {
  /** Capture time (mid-step), ms since the Unix epoch. */
  captureMs: number;
  /** Bytes the batch occupies now: raw image bytes, or result bytes after onboard inference. */
  bytes: number;
  /** Raw bytes the batch stands for (equal to `bytes` while raw). */
  rawBytes: number;
  tiles: number;
  /** Low-value (cloudy) tiles among `tiles`. */
  cloudyTiles: number;
  /** Earliest time the batch can move on (e.g. onboard inference finished), ms. */
  readyMs: number;
}

/** Takes `bytes` from the front of `b` (mutating it) and returns that part, scaled proportionally. */
export function takeBytes(b: Batch, bytes: number): Batch {
  if (bytes >= b.bytes) {
    const all = { ...b };
    b.bytes = 0;
    b.rawBytes = 0;
    b.tiles = 0;
    b.cloudyTiles = 0;
    return all;
  }
  const f = bytes / b.bytes;
  const part: Batch = {
    captureMs: b.captureMs,
    bytes,
    rawBytes: b.rawBytes * f,
    tiles: b.tiles * f,
    cloudyTiles: b.cloudyTiles * f,
    readyMs: b.readyMs,
  };
  b.bytes -= bytes;
  b.rawBytes -= part.rawBytes;
  b.tiles -= part.tiles;
  b.cloudyTiles -= part.cloudyTiles;
  return part;
}

/** Takes `tiles` from the front of `b` (mutating it) and returns that part. */
export function takeTiles(b: Batch, tiles: number): Batch {
  if (tiles >= b.tiles) return takeBytes(b, b.bytes);
  return takeBytes(b, b.bytes * (tiles / b.tiles));
}
