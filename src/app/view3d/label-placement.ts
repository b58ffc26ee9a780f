// Greedy placement of marker labels without overlaps: each label tries right, left, above, then below its
// marker and is hidden if all collide with labels placed before it (earlier = higher priority). Pure.

/** Gap between a marker and its label, px. */
export const LABEL_GAP_PX = 7;

/**
 * Places labels of size `widths[i]` × `heightPx` next to anchors (`xs[i]`, `ys[i]`) in priority order
 * (index order). Skips labels with `visible[i] === 0`. Writes the top-left corner to `outX`/`outY` and 1 or 0
 * to `outShown`. O(n²); meant for tens of labels, run only when the camera moves.
 */
export function placeLabels(
  xs: Float32Array,
  ys: Float32Array,
  widths: Float32Array,
  heightPx: number,
  visible: Uint8Array,
  outX: Float32Array,
  outY: Float32Array,
  outShown: Uint8Array,
): void {
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    outShown[i] = 0;
    if (!visible[i]) continue;
    const w = widths[i]!;
    for (let c = 0; c < 4; c++) {
      const x = c === 0 ? xs[i]! + LABEL_GAP_PX : c === 1 ? xs[i]! - LABEL_GAP_PX - w : xs[i]! - w / 2;
      const y = c < 2 ? ys[i]! - heightPx / 2 : c === 2 ? ys[i]! - LABEL_GAP_PX - heightPx : ys[i]! + LABEL_GAP_PX;
      if (!overlapsPlaced(x, y, w, heightPx, i, outX, outY, widths, outShown)) {
        outX[i] = x;
        outY[i] = y;
        outShown[i] = 1;
        break;
      }
    }
  }
}

function overlapsPlaced(
  x: number,
  y: number,
  w: number,
  h: number,
  upTo: number,
  outX: Float32Array,
  outY: Float32Array,
  widths: Float32Array,
  shown: Uint8Array,
): boolean {
  for (let j = 0; j < upTo; j++) {
    if (!shown[j]) continue;
    if (x < outX[j]! + widths[j]! && outX[j]! < x + w && y < outY[j]! + h && outY[j]! < y + h) return true;
  }
  return false;
}
