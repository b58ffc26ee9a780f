// Seeded pseudo-random numbers: every random draw in the simulation comes from here.
// Must not import anything: it is the root of determinism. Algorithm: SplitMix32-seeded
// mulberry32 (public domain, Tommy Ettinger), chosen for speed and a 2^32 period per stream.

/** A deterministic random stream. `next()` returns a float in [0, 1). */
export interface Rng {
  next(): number;
  /** The current internal state, so a stream can be checkpointed and resumed. */
  state(): number;
}

/** Hashes a seed and a stream label to a 32-bit state, so independent streams do not correlate. */
export function streamSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** mulberry32: a small, fast, well-mixed 32-bit generator. */
export function createRng(seed: number, label = ''): Rng {
  let a = streamSeed(seed, label);
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => a,
  };
}

/** Binomial draw by normal approximation for large n, exact Bernoulli sum for small n. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 64) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  // Box–Muller on two uniforms from the same stream.
  const u1 = Math.max(rng.next(), 1e-12);
  const u2 = rng.next();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.min(n, Math.max(0, Math.round(mean + sd * z)));
}
