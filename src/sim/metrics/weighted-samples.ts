// Weighted samples (e.g. latency per delivered tile batch, weighted by tiles) and their quantiles.
// Pure; growable typed arrays, no per-sample objects.

/** Index of a double's high 32-bit word in a Uint32Array view of it (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class WeightedSamples {
  private values = new Float64Array(1024);
  private weights = new Float64Array(1024);
  private n = 0;
  private total = 0;
  /** sortedPairs()'s result until the next add. */
  private sorted: { values: Float64Array; weights: Float64Array } | undefined;
  /** With `mergeEqual`: the slot of each value seen. */
  private readonly slotOf: Map<number, number> | undefined;

  /**
   * `mergeEqual`: samples of equal value share one slot, their weights summed in the order they come (for values on a
   * grid, e.g. how long a tile captured at a step had waited at the end of the run: at most one slot per step, where a
   * slot per batch took millions). Quantiles and estimates see the same values and total weights.
   */
  constructor(opts: { mergeEqual?: boolean } = {}) {
    this.slotOf = opts.mergeEqual ? new Map() : undefined;
  }

  /** Samples kept (with `mergeEqual`: distinct values). */
  get count(): number {
    return this.n;
  }

  /** Sum of weights. */
  get weight(): number {
    return this.total;
  }

  add(value: number, weight: number): void {
    if (!(weight > 0) || !Number.isFinite(value)) return;
    this.sorted = undefined;
    if (this.slotOf) {
      const key = value + 0; // −0 and 0 are one value
      const slot = this.slotOf.get(key);
      if (slot !== undefined) {
        this.weights[slot]! += weight;
        this.total += weight;
        return;
      }
      this.slotOf.set(key, this.n);
    }
    if (this.n === this.values.length) {
      const v = new Float64Array(this.n * 2);
      v.set(this.values);
      this.values = v;
      const w = new Float64Array(this.n * 2);
      w.set(this.weights);
      this.weights = w;
    }
    this.values[this.n] = value;
    this.weights[this.n] = weight;
    this.n++;
    this.total += weight;
  }

  /** Weighted mean, or null without samples. */
  mean(): number | null {
    if (this.total <= 0) return null;
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.values[i]! * this.weights[i]!;
    return s / this.total;
  }

  /**
   * Values ascending with their weights (ties in insertion order). The arrays are shared and cached until the next
   * `add`: callers must not modify them. An LSD radix sort of the insertion indices on the values' IEEE-754 bits
   * (byte by byte, stable): the order of sorting indices by (value, insertion index), without a comparator call per
   * comparison (a study reruns the latency statistics at every point).
   */
  sortedPairs(): { values: Float64Array; weights: Float64Array } {
    if (this.sorted) return this.sorted;
    const n = this.n;
    // Keys: the bits of each value (−0 as +0, which compare equal), mapped so that unsigned order is numeric order:
    // the sign bit set for positives, every bit flipped for negatives.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.values[i]! + 0;
    const words = new Uint32Array(keys.buffer);
    for (let i = 0; i < n; i++) {
      const hi = 2 * i + HI;
      if (words[hi]! & 0x8000_0000) {
        words[hi] = ~words[hi]!;
        words[2 * i + (1 - HI)] = ~words[2 * i + (1 - HI)]!;
      } else words[hi] = words[hi]! | 0x8000_0000;
    }
    let order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    let spare = new Uint32Array(n);
    const count = new Uint32Array(256);
    for (let pass = 0; pass < 8; pass++) {
      const word = pass < 4 ? 1 - HI : HI;
      const shift = (pass % 4) * 8;
      count.fill(0);
      for (let i = 0; i < n; i++) count[(words[2 * i + word]! >>> shift) & 0xff]!++;
      if (count.includes(n)) continue; // every key has the same byte here: this pass would not move anything
      for (let b = 0, sum = 0; b < 256; b++) {
        const c = count[b]!;
        count[b] = sum;
        sum += c;
      }
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        spare[count[(words[2 * i + word]! >>> shift) & 0xff]!++] = i;
      }
      [order, spare] = [spare, order];
    }
    const values = new Float64Array(n);
    const weights = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      values[k] = this.values[order[k]!]!;
      weights[k] = this.weights[order[k]!]!;
    }
    this.sorted = { values, weights };
    return this.sorted;
  }

  /**
   * Weighted quantiles (lower: the smallest value whose cumulative weight reaches q · total), or null
   * without samples. Deterministic: ties keep insertion order.
   */
  quantiles(qs: readonly number[]): (number | null)[] {
    if (this.total <= 0) return qs.map(() => null);
    const { values, weights } = this.sortedPairs();
    return qs.map((q) => {
      const target = q * this.total;
      let cum = 0;
      for (let i = 0; i < values.length; i++) {
        cum += weights[i]!;
        if (cum >= target - 1e-9 * this.total) return values[i]!;
      }
      return values[values.length - 1]!;
    });
  }
}
