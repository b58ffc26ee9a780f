// Shared helpers of the benchmarks (not tests): rounds, medians, the one-line result format.
// Output contract (docs/performance.md): one line per figure,
//   bench\t<name>\t<value>\t<unit>\tbaseline=<name>\t<baseline value>\tratio=<r>
// with `ratio` the speed-up over the baseline (> 1: ours is faster / smaller), and `check\t…` lines for the
// correctness figures measured in the same run.

/** Rounds per figure (env BENCH_ROUNDS; default 5). The machine is shared: medians, interleaved rounds. */
export function benchRounds(fallback = 5): number {
  const n = Number(process.env.BENCH_ROUNDS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Significant digits for the printed values. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(1) : a >= 1 ? x.toFixed(3) : x.toPrecision(4);
}

/**
 * Prints one figure. `higherIsBetter`: throughputs (ratio = value / baseline); otherwise times and sizes
 * (ratio = baseline / value).
 */
export function printBench(name: string, value: number, unit: string, baseline: string, baselineValue: number, higherIsBetter: boolean): void {
  const ratio = higherIsBetter ? value / baselineValue : baselineValue / value;
  console.log(`bench\t${name}\t${fmt(value)}\t${unit}\tbaseline=${baseline}\t${fmt(baselineValue)}\tratio=${ratio.toFixed(2)}`);
}

/** Prints a correctness or context figure measured in the same run. */
export function printCheck(name: string, value: number | string, unit: string, note = ''): void {
  console.log(`check\t${name}\t${typeof value === 'number' ? fmt(value) : value}\t${unit}${note ? `\t${note}` : ''}`);
}

/**
 * Runs every contender once per round, in turn (so load from other processes hits all of them alike), and
 * returns each contender's wall times, ms.
 */
export async function interleavedRounds(rounds: number, contenders: Record<string, () => unknown>): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(contenders)) {
      const t0 = performance.now();
      await run();
      times[name]!.push(performance.now() - t0);
    }
  }
  return times;
}
