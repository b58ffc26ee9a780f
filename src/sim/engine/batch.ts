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

/**
 * Takes `bytes` from the front of `b` (mutating it) and writes that part, scaled proportionally, into `out`
 * (a different record). Queued batches are split in place by BatchQueue.takeBytes with the same arithmetic.
 */
export function takeBytesInto(b: Batch, bytes: number, out: Batch): void {
  out.captureMs = b.captureMs;
  out.readyMs = b.readyMs;
  if (bytes >= b.bytes) {
    out.bytes = b.bytes;
    out.rawBytes = b.rawBytes;
    out.tiles = b.tiles;
    out.cloudyTiles = b.cloudyTiles;
    b.bytes = 0;
    b.rawBytes = 0;
    b.tiles = 0;
    b.cloudyTiles = 0;
    return;
  }
  const f = bytes / b.bytes;
  out.bytes = bytes;
  out.rawBytes = b.rawBytes * f;
  out.tiles = b.tiles * f;
  out.cloudyTiles = b.cloudyTiles * f;
  b.bytes -= bytes;
  b.rawBytes -= out.rawBytes;
  b.tiles -= out.tiles;
  b.cloudyTiles -= out.cloudyTiles;
}

/** Copies every field of `from` into `to`. */
export function copyBatch(from: Readonly<Batch>, to: Batch): void {
  to.captureMs = from.captureMs;
  to.bytes = from.bytes;
  to.rawBytes = from.rawBytes;
  to.tiles = from.tiles;
  to.cloudyTiles = from.cloudyTiles;
  to.readyMs = from.readyMs;
}
