// The order of contact windows by (AOS, satellite, station) without a comparator: a stable LSD radix
// sort on 16-bit digits, the same order as a stable comparison sort by `compareWindows`. Pure; imports
// nothing.

const DIGIT_BITS = 16;
const RADIX = 1 << DIGIT_BITS;
/** Index of the high 32-bit word of a float64 in a Uint32Array view (platform byte order). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The permutation that sorts windows i = 0 … n−1 (n = `aosMs.length`; `sat`, `station` may be longer)
 * by AOS, then satellite, then station, ties in index order: what a stable sort by `compareWindows`
 * gives. The AOS keys are the float64 bits mapped to an unsigned order (sign bit flipped; all bits of
 * negatives flipped; −0 as +0); passes whose digit is the same for every window are skipped.
 * Undefined when an AOS is not finite (the caller then sorts with the comparator).
 */
export function sortOrder(aosMs: Float64Array, sat: Uint32Array, station: Uint32Array): Uint32Array | undefined {
  const n = aosMs.length;
  const aos = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(aosMs[i]!)) return undefined;
    aos[i] = aosMs[i]! + 0; // −0 + 0 = +0
  }
  const bits = new Uint32Array(aos.buffer);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + HI]!,
      l = bits[2 * i + 1 - HI]!;
    const negative = h >>> 31 === 1;
    hi[i] = negative ? ~h : h ^ 0x80000000;
    lo[i] = negative ? ~l : l;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const count = new Uint32Array(RADIX);
  for (const key of [station, sat, lo, hi]) {
    // least significant first
    for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
      if (radixPass(key, shift, order, spare, count)) [order, spare] = [spare, order];
    }
  }
  return order;
}

/**
 * One stable counting-sort pass of the permutation `from` by digit `(key[e] >>> shift) & (RADIX − 1)`
 * into `to`. Returns false (and leaves `to` alone) when every element has the same digit.
 */
function radixPass(key: Uint32Array, shift: number, from: Uint32Array, to: Uint32Array, count: Uint32Array): boolean {
  const n = from.length;
  const mask = RADIX - 1;
  count.fill(0);
  for (let i = 0; i < n; i++) count[(key[i]! >>> shift) & mask]!++;
  if (n === 0 || count[(key[0]! >>> shift) & mask] === n) return false;
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = count[d]!;
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const e = from[i]!;
    to[count[(key[e]! >>> shift) & mask]!++] = e;
  }
  return true;
}
