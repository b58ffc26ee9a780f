// Benchmark child (not a test; run-all.ts starts it): studies against running every point from scratch, measured
// in this process. The studies run through `ocsim` itself (main), the from-scratch runs through runPipeline with no
// previous run; the from-scratch time of a whole study is the mean of a sample of its points × its point count.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { defaultLandMask, fileReader, PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { runPipeline } from '../../src/sim/engine/pipeline.ts';
import { threeBodyScenario } from '../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../src/sim/scenario/schema.ts';
import { applyAssignments, type Assignment } from '../../src/sim/study/apply.ts';
import { spacedValues } from '../../src/sim/study/axes.ts';
import { printBench, printCheck } from './bench-util.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocsim-bench-'));
const quietIo = { out: () => undefined, err: () => undefined, isTty: false };

async function ocsimWallS(args: string[]): Promise<number> {
  const t0 = performance.now();
  const code = await main(['node', 'ocsim', ...args], quietIo);
  if (code !== 0) throw new Error(`ocsim ${args.join(' ')} exited ${code}`);
  return (performance.now() - t0) / 1000;
}

/** Mean wall time of fresh runs (no reuse) of `points`, s. */
async function fromScratchS(points: Assignment[][]): Promise<number> {
  const deps = { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask(), keepOrbitSamples: false };
  const base = parseScenario(threeBodyScenario);
  await runPipeline(base, deps); // warm-up
  const t0 = performance.now();
  for (const p of points) await runPipeline(applyAssignments(base, p), deps);
  return (performance.now() - t0) / 1000 / points.length;
}

const sample = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
const grid = (a: string, av: number[], b: string, bv: number[]) =>
  av.flatMap((x) =>
    bv.map((y) => [
      { path: a, value: x },
      { path: b, value: y },
    ]),
  );

async function main2(): Promise<void> {
  // 1,000 pricing points: launch price × GPU rent, 40 × 25.
  const launch = spacedValues(30, 10_000, 40, true);
  const rent = spacedValues(1.7, 3, 25, false);
  const pricingS = await ocsimWallS([
    'sweep',
    '--vary',
    'economics.launchUsdPerKg=30:10000:40:log',
    '--vary',
    'gpu.usdPerHour=1.7:3:25',
    '--quiet',
    '--out',
    join(dir, 'p.csv'),
  ]);
  const pricingScratch = (await fromScratchS(sample(grid('economics.launchUsdPerKg', launch, 'gpu.usdPerHour', rent), 8))) * 1000;
  printBench('sweep-pricing-1000', pricingS, 's', 'from-scratch', pricingScratch, false);

  // 8 × 8 processing points: TOPS × storage, reusing geometry, schedule and routing; one thread on both sides.
  const tops = spacedValues(100, 800, 8, false);
  const storage = spacedValues(500, 5000, 8, true);
  const procArgs = ['sweep', '--vary', 'satellite.compute.topsInt8=100:800:8', '--vary', 'satellite.storageGB=500:5000:8:log', '--quiet'];
  const processingS = await ocsimWallS([...procArgs, '--workers', '0', '--out', join(dir, 'q.csv')]);
  const processingScratch = (await fromScratchS(sample(grid('satellite.compute.topsInt8', tops, 'satellite.storageGB', storage), 8))) * 64;
  printBench('sweep-processing-8x8', processingS, 's', 'from-scratch', processingScratch, false);
  const threadsS = await ocsimWallS([...procArgs, '--out', join(dir, 'r.csv')]);
  printCheck('sweep-processing-8x8-default', threadsS, 's', 'the same sweep as ocsim runs it by default (this thread, threads when the rest is long)');
  const forcedS = await ocsimWallS([...procArgs, '--workers', '2', '--out', join(dir, 't.csv')]);
  printCheck('sweep-processing-8x8-2-threads', forcedS, 's', 'the same sweep on 2 worker threads (thread start and their first from-scratch points included)');

  // Sensitivity over every registry parameter the scenario has (base, then each at low and high: 2P + 1 points, read
  // from the study's own output so the baseline follows the registry).
  const sensitivityS = await ocsimWallS(['sensitivity', '--quiet', '--out', join(dir, 's.json')]);
  const points = (JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as { rows: unknown[] }).rows.length;
  printBench('sensitivity-default', sensitivityS, 's', 'from-scratch', (await fromScratchS([[]])) * points, false);
  printCheck('sensitivity-default-target', sensitivityS < 10 ? 'met' : 'MISSED', '', `target: under 10 s on two cores (${sensitivityS.toFixed(1)} s)`);
}

await main2();
