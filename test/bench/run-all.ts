// `npm run bench`: every headless benchmark, each in its own Node process (so JIT state and peak memory are
// the benchmark's own), printing one line per figure (format in bench-util.ts and docs/performance.md).
// Options: env BENCH_ROUNDS (rounds per figure), BENCH_DAY_ROUNDS (day runs per propagator, default 3);
// `--only propagation|contacts|stages|studies|day|queue`, `--frame` also runs the browser frame-time benchmark (frame-time.ts).
// The queue benchmark (queue.ts) starts its own redis-server and says so if none is installed.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, printBench, printCheck } from './bench-util.ts';
import type { DayResult } from './day-2800.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

/** Runs a TypeScript benchmark in a child Node process; returns its stdout (stderr passes through). */
function runChild(file: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', here(file), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${file} exited with ${r.status ?? r.signal}`);
  return r.stdout;
}

function passThrough(stdout: string): void {
  for (const line of stdout.split('\n')) if (line.trim()) console.log(line);
}

function day(): void {
  const n = Number(process.env.BENCH_DAY_ROUNDS);
  const rounds = Number.isInteger(n) && n > 0 ? n : 3;
  const runs: Record<string, DayResult[]> = { cli: [], wasm: [] };
  for (let r = 0; r < rounds; r++) {
    for (const p of ['cli', 'wasm'] as const) runs[p]!.push(JSON.parse(runChild('day-2800.ts', ['--propagator', p]).trim().split('\n').at(-1)!) as DayResult);
  }
  const med = (p: string, f: (d: DayResult) => number) => median(runs[p]!.map(f));
  const base = 'engine-wasm-1thread-propagator';
  printBench(
    'day-star-compute-2800-wall',
    med('cli', (d) => d.wallS),
    's',
    base,
    med('wasm', (d) => d.wallS),
    false,
  );
  printBench(
    'day-star-compute-2800-pass1',
    med('cli', (d) => d.pass1S),
    's',
    base,
    med('wasm', (d) => d.pass1S),
    false,
  );
  printBench(
    'day-star-compute-2800-peak-rss',
    med('cli', (d) => d.peakRssMB),
    'MB',
    base,
    med('wasm', (d) => d.peakRssMB),
    false,
  );
  const d = runs.cli![0]!;
  printCheck('day-star-compute-2800-size', `${d.satellites}x${d.steps}`, 'satellites x steps', `${d.windows} contact windows, median of ${rounds} runs each`);
  printCheck('day-star-compute-2800-geometry-arrays', d.geometryArraysMB, 'MB', 'pass 1 shadow + capture, 12 B per satellite-step');
  printCheck(
    'day-star-compute-2800-isl-position-window',
    d.positionWindowMB,
    'MB',
    'ISL relay positions, one window of steps (was 12 B per satellite-step for the whole run)',
  );
}

function main(): void {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  printCheck('machine', `${availableParallelism()} cores, ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`, '', `node ${process.version}`);
  if (!only || only === 'propagation') passThrough(runChild('propagation.ts'));
  if (!only || only === 'contacts') passThrough(runChild('contacts.ts'));
  if (!only || only === 'stages') passThrough(runChild('stages.ts'));
  if (!only || only === 'studies') passThrough(runChild('studies.ts'));
  if (!only || only === 'day') day();
  if (!only || only === 'queue') passThrough(runChild('queue.ts'));
  if (process.argv.includes('--frame')) passThrough(runChild('frame-time.ts'));
}

main();
