// The `ocsim` command line: `run` (simulate a scenario), `contacts` (contact windows as CSV), `route` (latency
// over ISLs between two places), `reproduce` (the published-results checks) and the studies (study/register.ts).
// Exit codes: 0 ok, 1 run failed (reproduce: a check failed), 2 bad input, 130 interrupted. No stack traces unless
// OCSIM_DEBUG=1.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PRESET, presets } from '../sim/scenario/presets.ts';
import { addModelOverrides } from './override-options.ts';
import { STATION_MAX_RANGE_KM } from '../sim/scenario/schema-ground.ts';
import { ENGINE_VERSION } from '../sim/engine/result-types.ts';
import { safeLines } from '../sim/text.ts';
import { runContactsCommand } from './contacts-command.ts';
import { runReproduceCommand } from './reproduce-command.ts';
import { runRouteCommand } from './route-command.ts';
import { runCommand, type CliIo } from './run-command.ts';
import { InputError } from './scenario-loader.ts';
import { readRegularFileSync } from './node-io.ts';
import { registerStudyCommands } from './study/register.ts';

const number = (name: string, min: number, max: number) => (v: string) => {
  const x = Number(v);
  if (!Number.isFinite(x) || x < min || x > max) throw new InvalidArgumentError(`${name} must be a number within [${min}, ${max}]`);
  return x;
};

export async function main(argv: string[], rawIo: CliIo = nodeIo()): Promise<number> {
  // Every message may quote a file or a flag: control characters never reach the terminal raw (text.ts).
  const io: CliIo = { ...rawIo, err: (s) => rawIo.err(safeLines(s)) };
  let code = 0;
  const program = new Command('ocsim')
    .description('Orbital Compute Simulator: is inference cheaper and faster in orbit or on the ground?')
    .version(ENGINE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  addModelOverrides(
    program
      .command('run')
      .description(`simulate a scenario over the same captured workload in every processing mode (presets: ${Object.keys(presets).join(', ')})`)
      .option('--scenario <preset|file>', 'preset name or scenario JSON file', DEFAULT_PRESET)
      .option('--hours <h>', 'override the run length, hours', number('--hours', 0.01, 744))
      .option('--seed <n>', 'override the seed', number('--seed', 0, 2 ** 32 - 1))
      .option('--step-s <s>', 'override the simulation step, seconds', number('--step-s', 1, 600))
      .addOption(new Option('--mode <mode>', 'processing mode(s) to simulate').choices(['onboard', 'ground', 'hybrid', 'all']).default('all')),
  )
    .option('--out <file>', 'write the run export to this file')
    .addOption(new Option('--format <format>', 'export format (default: from --out extension, else json)').choices(['json', 'csv', 'czml']))
    .option('--quiet', 'no progress bar')
    .action(async (o) => {
      code = await runCommand({ ...o, stepS: o.stepS }, io);
    });

  program
    .command('contacts')
    .description('contact windows (AOS/LOS refined < 1 s) of a TLE file over ground stations, as CSV')
    .requiredOption('--tle <file>', 'TLE file (2- or 3-line)')
    .requiredOption('--stations-csv <file>', 'stations CSV (format of public/data/ground-stations.csv)')
    .requiredOption('--station <id...>', 'station id(s)')
    .requiredOption('--mask-deg <deg>', 'elevation mask, degrees', number('--mask-deg', 0, 90))
    .requiredOption('--start <iso>', 'start, ISO 8601 UTC')
    .requiredOption('--hours <h>', 'length, hours', number('--hours', 0.001, 744))
    .option('--step-s <s>', 'propagation step, seconds', number('--step-s', 1, 120), 60)
    .option(
      '--max-range-km <km>',
      "slant-range limit of every station, km (with --mask-deg 0: Hypatia's satellite cone)",
      number('--max-range-km', ...STATION_MAX_RANGE_KM),
    )
    .action(async (o) => {
      const { tle, stationsCsv, station, maskDeg, start, hours, stepS, maxRangeKm } = o;
      code = await runContactsCommand(
        { tlePath: tle, stationsCsvPath: stationsCsv, stationIds: station, maskDeg, maxRangeKm, startIso: start, hours, stepS },
        { readText: (p) => readRegularFileSync(p), writeOut: io.out, writeErr: io.err },
      );
    });

  program
    .command('route')
    .description('one-way and round-trip latency and hop list between two places over ISLs and ground links, per time')
    .option('--scenario <preset|file>', 'preset name or scenario JSON file', DEFAULT_PRESET)
    .requiredOption('--from <lat,lon|id>', 'source: LAT,LON in degrees, or a station / hub id of the scenario')
    .requiredOption('--to <lat,lon|id>', 'destination, as --from')
    .option('--at <iso>', 'first time, ISO 8601 UTC (default: the scenario epoch)')
    .option('--duration-s <s>', 'span after --at, seconds', number('--duration-s', 0, 86_400 * 31), 0)
    .option('--step-s <s>', 'time between routes, seconds', number('--step-s', 1, 86_400), 60)
    .option('--mask-deg <deg>', 'elevation mask of both ends, degrees (default: the station mask, else 25)', number('--mask-deg', 0, 90))
    .option(
      '--max-range-km <km>',
      "slant-range limit of both ends' ground links, km (default: the station's, else none); with --mask-deg 0: Hypatia's cone",
      number('--max-range-km', ...STATION_MAX_RANGE_KM),
    )
    .action(async (o) => {
      const { scenario, from, to, at, durationS, stepS, maskDeg, maxRangeKm } = o;
      code = await runRouteCommand({ scenario, from, to, at, durationS, stepS, maskDeg, maxRangeKm }, io);
    });

  program
    .command('reproduce')
    .description(
      "reproduce published results (cote, Planet Dove, Kodan, Starcloud, McCalip, Hypatia) with each source's parameters; " +
        'one tab-separated line per figure, exit 1 on any FAIL',
    )
    .option('--only <group...>', 'check groups or id prefixes to run (e.g. cote dove.pass kodan)')
    .action(async (o) => {
      code = await runReproduceCommand(io, o.only ? { only: o.only } : {});
    });

  registerStudyCommands(program, io, (c) => (code = c));

  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof InputError) {
      io.err(`ocsim: ${err.message}\n`);
      return 2;
    }
    // Not the user's input: one line, and the stack only when asked for (OCSIM_DEBUG=1), for a bug report.
    const e = err as Error;
    io.err(`ocsim: run failed: ${e?.message ?? String(err)}${process.env.OCSIM_DEBUG ? `\n${e?.stack ?? ''}` : ' (OCSIM_DEBUG=1 shows where)'}\n`);
    return 1;
  }
}

function nodeIo(): CliIo {
  return {
    out: (s) => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => void process.stderr.write(s.endsWith('\n') || s === '' ? s : `${s}\n`),
    isTty: Boolean(process.stderr.isTTY),
  };
}
