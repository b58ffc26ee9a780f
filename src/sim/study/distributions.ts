// Parameter distributions of uncertainty studies and their inverse CDFs (uniform, triangular, log-normal), and
// the two sampling designs: Monte Carlo and Latin hypercube (McKay, Beckman & Conover, Technometrics 21, 1979),
// each parameter on its own seeded stream. Pure; imports rng.ts only.
import { createRng } from '../rng.ts';

export type Distribution =
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
  /** Log-normal with `low` and `high` as its 5th and 95th percentiles. */
  | { kind: 'lognormal'; low: number; high: number };

/**
 * A parameter's distribution when none is given (`ocsim uncertainty` without --dist, the app's uncertainty study):
 * log-normal with `low` and `high` as its 5th and 95th percentiles for log-scale parameters, else triangular from low
 * to high with its mode at the run's value (the mean of a `[*]` parameter's values) clamped into the range.
 */
export function defaultDistribution(p: { low: number; high: number; base: readonly number[]; scale: 'linear' | 'log' }): Distribution {
  if (p.scale === 'log') return { kind: 'lognormal', low: p.low, high: p.high };
  const mean = p.base.reduce((a, b) => a + b, 0) / Math.max(1, p.base.length);
  return { kind: 'triangular', low: p.low, mode: Math.min(p.high, Math.max(p.low, mean)), high: p.high };
}

/** z of the 95th percentile of the standard normal. */
const Z95 = 1.6448536269514722;

/** The value at cumulative probability u ∈ (0, 1). */
export function quantileOf(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'uniform':
      return d.low + u * (d.high - d.low);
    case 'triangular': {
      const { low: a, mode: c, high: b } = d;
      if (b === a) return a;
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'lognormal': {
      const mu = (Math.log(d.low) + Math.log(d.high)) / 2;
      const sigma = (Math.log(d.high) - Math.log(d.low)) / (2 * Z95);
      return Math.exp(mu + sigma * normalQuantile(u));
    }
  }
}

/** A distribution's problems (empty when valid), each naming the field. */
export function distributionErrors(d: Distribution): string[] {
  const bad: string[] = [];
  if (!(Number.isFinite(d.low) && Number.isFinite(d.high) && d.low <= d.high)) bad.push(`low ${d.low} and high ${d.high} must be finite with low ≤ high`);
  if (d.kind === 'triangular' && !(d.mode >= d.low && d.mode <= d.high)) bad.push(`mode ${d.mode} must be within [${d.low}, ${d.high}]`);
  if (d.kind === 'lognormal' && !(d.low > 0)) bad.push(`log-normal needs low > 0, got ${d.low}`);
  return bad;
}

/**
 * Inverse CDF of the standard normal: Acklam's rational approximation (relative error < 1.15e-9, ample for
 * sampling; P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function", 2003).
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
    );
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
}

export type SamplingMethod = 'lhs' | 'mc';

/**
 * `samples` cumulative probabilities per parameter, in (0, 1): `u[p][i]`. Latin hypercube: one draw in each of
 * `samples` equal strata, strata shuffled independently per parameter; Monte Carlo: independent uniforms.
 * Every stream is seeded by `seed` and the parameter's path, so adding a parameter does not change the others.
 */
export function sampleUnits(paths: readonly string[], samples: number, seed: number, method: SamplingMethod): Float64Array[] {
  return paths.map((path) => {
    const rng = createRng(seed, `${method}:${path}`);
    const u = new Float64Array(samples);
    if (method === 'mc') {
      for (let i = 0; i < samples; i++) u[i] = clampOpen(rng.next());
      return u;
    }
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    for (let i = 0; i < samples; i++) u[i] = clampOpen((strata[i]! + rng.next()) / samples);
    return u;
  });
}

/** Keeps u inside (0, 1) so inverse CDFs stay finite. */
function clampOpen(u: number): number {
  return Math.min(1 - 1e-12, Math.max(1e-12, u));
}
