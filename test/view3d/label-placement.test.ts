import { describe, expect, it } from 'vitest';
import { LABEL_GAP_PX, placeLabels } from '../../src/app/view3d/label-placement.ts';

function place(anchors: [number, number][], widths: number[], visible = anchors.map(() => 1)) {
  const n = anchors.length;
  const outX = new Float32Array(n);
  const outY = new Float32Array(n);
  const shown = new Uint8Array(n);
  placeLabels(
    Float32Array.from(anchors, (a) => a[0]),
    Float32Array.from(anchors, (a) => a[1]),
    Float32Array.from(widths),
    14,
    Uint8Array.from(visible),
    outX,
    outY,
    shown,
  );
  return { outX: Array.from(outX), outY: Array.from(outY), shown: Array.from(shown) };
}

describe('placeLabels', () => {
  it('puts a lone label right of its marker, vertically centred', () => {
    expect(place([[100, 50]], [40])).toEqual({ outX: [100 + LABEL_GAP_PX], outY: [43], shown: [1] });
  });

  it('moves a colliding label to the left, then above, then below, then hides it', () => {
    const r = place(
      [
        [100, 50],
        [102, 50],
        [101, 50],
        [100, 51],
        [99, 50],
      ],
      [40, 40, 40, 40, 40],
    );
    expect(r.shown).toEqual([1, 1, 1, 1, 0]);
    expect(r.outX[1]).toBe(102 - LABEL_GAP_PX - 40); // left
    expect(r.outY[2]).toBe(50 - LABEL_GAP_PX - 14); // above
    expect(r.outY[3]).toBe(51 + LABEL_GAP_PX); // below
  });

  it('ignores invisible labels (behind the Earth) when placing the others', () => {
    const r = place(
      [
        [100, 50],
        [100, 50],
      ],
      [40, 40],
      [0, 1],
    );
    expect(r.shown).toEqual([0, 1]);
    expect(r.outX[1]).toBe(100 + LABEL_GAP_PX);
  });
});
