// The study commands of `ocsim`: params, sweep, breakeven, sensitivity, uncertainty, merge (and worker, for a
// Redis queue). Flags are the contract in docs/studies.md.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PRESET } from '../../sim/scenario/presets.ts';
import type { CliIo } from '../run-command.ts';
import { runBreakevenCommand } from './breakeven-command.ts';
import { runParamsCommand } from './params-command.ts';
import { runMergeCommand, runSensitivityCommand, runSweepCommand, runUncertaintyCommand } from './study-commands.ts';
import { runWorkerCommand } from './worker-command.ts';
import { addModelOverrides } from '../override-options.ts';

const number =
  (name: string, min: number, max: number, integer = false) =>
  (v: string) => {
    const x = Number(v);
    if (!Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x)))
      throw new InvalidArgumentError(`${name} must be ${integer ? 'an integer' : 'a number'} within [${min}, ${max}]`);
    return x;
  };
const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Flags every point study shares: scenario and its overrides, output, where the points run. */
function pointStudy(c: Command, seedFlag = true): Command {
  c.option('--scenario <preset|file>', 'preset name or scenario JSON file', DEFAULT_PRESET)
    .option('--hours <h>', 'override the run length, hours', number('--hours', 0.01, 744))
    .option('--step-s <s>', 'override the simulation step, seconds', number('--step-s', 1, 600));
  if (seedFlag) c.option('--seed <n>', "override the scenario's seed", number('--seed', 0, 2 ** 32 - 1, true));
  return addModelOverrides(c)
    .option('--out <file>', 'write the table: .csv (default), .json or .parquet (with the manifest)')
    .addOption(new Option('--format <format>', 'output format (default: from --out, else csv)').choices(['csv', 'json', 'parquet']))
    .option('--workers <n>', 'worker threads (default: all cores; 0 = this thread)', number('--workers', 0, 1024, true))
    .option('--shard <i/n>', 'evaluate every n-th point from i on (a part for `ocsim merge`; needs --out PART.json)')
    .option('--queue <redis-url>', 'run the points on `ocsim worker`s through a Redis queue (redis://HOST:PORT)')
    .option('--resume', 'continue an interrupted study from <out>.partial.jsonl')
    .option('--quiet', 'no progress bar');
}

export function registerStudyCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  const params = program
    .command('params')
    .description('the scenario parameters a study can vary: unit, base value, plausible range with its source, the stage it invalidates')
    .option('--scenario <preset|file>', 'preset name or scenario JSON file', DEFAULT_PRESET)
    .option('--json', 'JSON instead of a table');
  addModelOverrides(params).action(async (o) => setCode(await runParamsCommand(o, io)));

  pointStudy(program.command('sweep').description('a grid over 1–3 parameters: one row per point, every summary metric per mode'))
    .requiredOption('--vary <path=values>', 'PATH=V1,V2,… or PATH=LOW:HIGH:N[:log] (repeat for 2–3 parameters)', collect)
    .action(async (o) => setCode(await runSweepCommand(o, io)));

  addModelOverrides(
    program
      .command('breakeven')
      .description("the value of one parameter at which two modes' metric are equal (default: cost per million tokens, onboard vs ground)")
      .option('--scenario <preset|file>', 'preset name or scenario JSON file', DEFAULT_PRESET)
      .option('--hours <h>', 'override the run length, hours', number('--hours', 0.01, 744))
      .option('--seed <n>', "override the scenario's seed", number('--seed', 0, 2 ** 32 - 1, true))
      .option('--step-s <s>', 'override the simulation step, seconds', number('--step-s', 1, 600)),
  )
    .requiredOption('--vary <path>', 'the parameter (see `ocsim params`)')
    .requiredOption('--range <low:high>', 'the interval searched')
    .option('--modes <a,b>', 'the two modes compared', 'onboard,ground')
    .option('--metric <name>', 'the summary metric compared (lower is better)', 'costUsdPerMTok')
    .option('--tol <rel>', 'final bracket width relative to the range', number('--tol', 1e-12, 0.1))
    .option('--json', 'the details: bracket, iterations, metric values either side')
    .action(async (o) => setCode(await runBreakevenCommand(o, io)));

  pointStudy(
    program
      .command('sensitivity')
      .description('each parameter at its low and high, the others at base: the tornado per mode, and which assumptions flip the winner'),
  )
    .option('--params <list>', 'PATH[=LOW:HIGH],… (default: every parameter the scenario has)')
    .option('--metric <name>', 'the metric ranked', 'costUsdPerMTok')
    .option('--modes <a,b>', 'orbit mode and ground mode compared', 'onboard,ground')
    .option('--top <n>', 'parameters printed per mode', number('--top', 1, 1000, true), 10)
    .action(async (o) => setCode(await runSensitivityCommand(o, io)));

  pointStudy(
    program
      .command('uncertainty')
      .description('Latin hypercube (or Monte Carlo) draws of the parameters: p5/p50/p95 per mode and metric, P(orbit beats ground)'),
    false,
  )
    .requiredOption('--samples <n>', 'number of draws', number('--samples', 1, 1_000_000, true))
    .option('--seed <k>', 'seed of the draws (the scenario keeps its own)', number('--seed', 0, 2 ** 32 - 1, true), 1)
    .addOption(new Option('--method <m>', 'sampling design').choices(['lhs', 'mc']).default('lhs'))
    .option('--params <list>', 'PATH[=LOW:HIGH],… (default: every parameter the scenario has)')
    .option('--dist <path=kind>', 'PATH=uniform|triangular|lognormal[:LOW:HIGH[:MODE]] (repeatable)', collect)
    .option('--modes <a,b>', 'orbit mode and ground mode compared', 'onboard,ground')
    .action(async (o) => setCode(await runUncertaintyCommand({ ...o, studySeed: o.seed, seed: undefined }, io)));

  program
    .command('merge')
    .description('join the JSON parts of a sharded study (--shard I/N) into one output, identical to the unsharded run')
    .argument('<parts...>', 'the parts, PART.json')
    .requiredOption('--out <file>', 'the merged output (.csv, .json or .parquet)')
    .addOption(new Option('--format <format>', 'output format (default: from --out)').choices(['csv', 'json', 'parquet']))
    .action(async (parts: string[], o) => setCode(await runMergeCommand({ parts, ...o }, io)));

  program
    .command('worker')
    .description('evaluate the points of studies run with --queue, on this machine, until stopped (Ctrl-C or SIGTERM hands the points in progress back)')
    .requiredOption('--queue <redis-url>', 'the Redis of the queue (redis://HOST:PORT)')
    .option('--concurrency <n>', 'points evaluated at once, one thread each (default: all cores)', number('--concurrency', 1, 1024, true))
    .option(
      '--lock-duration-ms <ms>',
      "a point's lock; a killed worker's point is taken up again once it expires",
      number('--lock-duration-ms', 1000, 3_600_000, true),
    )
    .option('--stalled-interval-ms <ms>', 'how often this worker looks for points whose lock expired', number('--stalled-interval-ms', 500, 3_600_000, true))
    .option('--quiet', 'no line per point')
    .action(async (o) => setCode(await runWorkerCommand(o, io)));
}
