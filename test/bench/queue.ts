// Benchmark child (not a test; run-all.ts starts it): a study through the Redis queue, on a throw-away local
// redis-server, with two `ocsim worker` processes against one (one point at a time each), interleaved rounds, fresh
// workers every run (no warm stage cache). Also the same study on two local threads, for context. Prints
// bench/check lines (bench-util.ts); without redis-server, one check line saying so.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as ocsim } from '../../src/cli/main.ts';
import { ocsimChild, redisServerPath, startRedis, stopChild, until } from '../helpers/redis-server.ts';
import { benchRounds, median, printBench, printCheck } from './bench-util.ts';

/** A processing sweep of 16 points on the default scenario (each point reruns processing, pricing and summary). */
const STUDY = ['sweep', '--hours', '96', '--vary', 'satellite.compute.topsInt8=417:744:16', '--quiet'];

const quietIo = { out: () => {}, err: () => {}, isTty: false };

/** Wall time of the study, s, with `workers` fresh worker processes already serving. */
async function queueRun(url: string, workers: number, out: string): Promise<number> {
  const children = Array.from({ length: workers }, () => ocsimChild(['worker', '--queue', url, '--concurrency', '1', '--quiet']));
  try {
    for (const c of children) await until(() => c.err().includes(': serving '), 'a worker serving the queue');
    const t0 = performance.now();
    const code = await ocsim(['node', 'ocsim', ...STUDY, '--queue', url, '--out', out], quietIo);
    if (code !== 0) throw new Error(`the queued study exited with ${code}`);
    return (performance.now() - t0) / 1000;
  } finally {
    for (const c of children) await stopChild(c.child);
  }
}

async function localRun(out: string): Promise<number> {
  const t0 = performance.now();
  if ((await ocsim(['node', 'ocsim', ...STUDY, '--workers', '2', '--out', out], quietIo)) !== 0) throw new Error('the local study failed');
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const bin = redisServerPath();
  if (!bin) {
    printCheck('queue-2-workers', 'skipped', '', 'redis-server is not installed (apt-get install redis-server)');
    return;
  }
  const server = await startRedis(bin);
  const dir = mkdtempSync(join(tmpdir(), 'ocsim-bench-queue-'));
  const times: Record<'one' | 'two' | 'local', number[]> = { one: [], two: [], local: [] };
  let identical = true;
  try {
    const reference = join(dir, 'local.csv');
    for (let r = 0, rounds = benchRounds(3); r < rounds; r++) {
      times.one.push(await queueRun(server.url, 1, join(dir, 'one.csv')));
      times.two.push(await queueRun(server.url, 2, join(dir, 'two.csv')));
      times.local.push(await localRun(reference));
      for (const f of ['one.csv', 'two.csv']) identical &&= readFileSync(join(dir, f), 'utf8') === readFileSync(reference, 'utf8');
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  printBench('queue-2-workers', median(times.two), 's', 'queue-1-worker', median(times.one), false);
  printCheck('queue-local-2-threads', median(times.local), 's', 'the same 16-point study on 2 local threads (no queue), for context');
  printCheck('queue-output-identical', identical ? 'yes' : 'NO', '', 'CSV of the queued runs vs the local run, byte for byte');
  if (!identical) process.exitCode = 1;
}

await main();
