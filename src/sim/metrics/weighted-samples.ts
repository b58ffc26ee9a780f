// Weighted samples (e.g. latency per delivered tile batch, weighted by tiles) and their quantiles.
// Pure; growable typed arrays, no per-sample objects.

export class WeightedSamples {
  private values = new Float64Array(1024);
  private weights = new Float64Array(1024);
  private n = 0;
  private total = 0;

  get count(): number {
    return this.n;
  }

  /** Sum of weights. */
  get weight(): number {
    return this.total;
  }

  add(value: number, weight: number): void {
    if (!(weight > 0) || !Number.isFinite(value)) return;
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

  /** Values ascending with their weights (ties in insertion order), as new arrays. */
  sortedPairs(): { values: Float64Array; weights: Float64Array } {
    const order = Array.from({ length: this.n }, (_, i) => i);
    order.sort((a, b) => this.values[a]! - this.values[b]! || a - b);
    return { values: Float64Array.from(order, (i) => this.values[i]!), weights: Float64Array.from(order, (i) => this.weights[i]!) };
  }

  /**
   * Weighted quantiles (lower: the smallest value whose cumulative weight reaches q · total), or null
   * without samples. Deterministic: ties keep insertion order.
   */
  quantiles(qs: readonly number[]): (number | null)[] {
    if (this.total <= 0) return qs.map(() => null);
    const order = Array.from({ length: this.n }, (_, i) => i);
    order.sort((a, b) => this.values[a]! - this.values[b]! || a - b);
    return qs.map((q) => {
      const target = q * this.total;
      let cum = 0;
      for (const i of order) {
        cum += this.weights[i]!;
        if (cum >= target - 1e-9 * this.total) return this.values[i]!;
      }
      return this.values[order[order.length - 1]!]!;
    });
  }
}
