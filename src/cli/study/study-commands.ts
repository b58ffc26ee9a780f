// `ocsim sweep`, `ocsim sensitivity`, `ocsim uncertainty` and `ocsim merge`: parse the flags into a study spec,
// run it (run-study.ts), add the analysis (tornado, uncertainty summary), write or print it.
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { tornado, uncertaintySummary, type StudyTable } from '../../sim/study/analysis.ts';
import { requireParam, valuesAt } from '../../sim/study/apply.ts';
import { parseNumber, parseVary } from '../../sim/study/axes.ts';
import { defaultDistribution, type Distribution, type SamplingMethod } from '../../sim/study/distributions.ts';
import { DEFAULT_SENSITIVITY_PARAMS, findParam } from '../../sim/study/params.ts';
import type { StudySpec } from '../../sim/study/plan.ts';
import { mergeStudyParts, parseStudyJson, type StudyDocument } from '../../sim/study/table.ts';
import type { CliIo } from '../run-command.ts';
import { InputError, type ScenarioOverrides } from '../scenario-loader.ts';
import { runPointStudy, type StudyRunOptions } from './run-study.ts';
import { studyContext } from './study-context.ts';
import { studyBytes, studyFormat, writeAtomically } from './study-output.ts';
import { printTornado, printUncertainty } from './study-print.ts';
import { StudyInputError } from '../../sim/study/apply.ts';

export interface CommonStudyOptions extends StudyRunOptions, ScenarioOverrides {
  scenario: string;
  /** Metric compared (without the mode): costUsdPerMTok by default. */
  metric?: string;
  /** `orbit,ground` modes compared: onboard,ground by default. */
  modes?: string;
}

const wrap = <T>(f: () => T): T => {
  try {
    return f();
  } catch (err) {
    if (err instanceof StudyInputError) throw new InputError(err.message);
    throw err;
  }
};

export async function runSweepCommand(o: CommonStudyOptions & { vary: string[] }, io: CliIo): Promise<number> {
  const ctx = await studyContext(o.scenario, o, () => ({ kind: 'sweep', axes: wrap(() => o.vary.map(parseVary)) }));
  return finish(await runPointStudy(ctx, o, io), o, io);
}

export async function runSensitivityCommand(o: CommonStudyOptions & { params?: string; top?: number }, io: CliIo): Promise<number> {
  const ctx = await studyContext(o.scenario, o, (base) => ({ kind: 'sensitivity', params: wrap(() => sensitivityParams(base, o.params)) }));
  return finish(await runPointStudy(ctx, o, io), o, io);
}

export async function runUncertaintyCommand(
  o: CommonStudyOptions & { samples: number; seed?: number; studySeed?: number; method?: string; params?: string; dist?: string[] },
  io: CliIo,
): Promise<number> {
  const method = (o.method ?? 'lhs') as SamplingMethod;
  if (method !== 'lhs' && method !== 'mc') throw new InputError(`--method: "${o.method}" is not lhs or mc`);
  const ctx = await studyContext(o.scenario, o, (base) => ({
    kind: 'uncertainty',
    params: wrap(() => uncertaintyParams(base, o.params, o.dist ?? [])),
    samples: o.samples,
    seed: o.studySeed ?? 1,
    method,
  }));
  return finish(await runPointStudy(ctx, o, io), o, io);
}

export async function runMergeCommand(o: { parts: string[]; out: string; format?: string; metric?: string; modes?: string }, io: CliIo): Promise<number> {
  const parts = o.parts.map((source) => {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (err) {
      throw new InputError(`${source}: cannot read (${(err as Error).message})`);
    }
    try {
      return { doc: parseStudyJson(text, source), source };
    } catch (err) {
      throw new InputError((err as Error).message);
    }
  });
  let doc: StudyDocument;
  try {
    doc = mergeStudyParts(parts);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  return finish({ doc, format: studyFormat(o.out, o.format), interrupted: false }, o, io);
}

/** Adds the analysis, writes the output (or prints CSV), prints the analysis. Exit 130 when interrupted. */
function finish(
  run: Awaited<ReturnType<typeof runPointStudy>>,
  o: Pick<CommonStudyOptions, 'out' | 'metric' | 'modes' | 'quiet'> & { top?: number },
  io: CliIo,
): number {
  const { doc, format } = run;
  if (run.interrupted) return 130; // the checkpoint keeps the finished points (run-study.ts said where)
  const [orbit, ground] = comparedModes(o.modes);
  const metric = o.metric ?? 'costUsdPerMTok';
  const table: StudyTable = { columns: doc.columns, rows: doc.rows };
  const complete = !doc.manifest.shard;
  if (complete && doc.manifest.kind === 'sensitivity') {
    requireMetric(doc.columns, [orbit, ground], metric);
    const t = tornado(table, metric, [orbit, ground], orbit, ground);
    doc.analysis = t;
    printTornado(t, o.top ?? 10, io);
  }
  if (complete && doc.manifest.kind === 'uncertainty') {
    const leading = doc.manifest.spec.kind === 'uncertainty' ? doc.manifest.spec.params.length : 0;
    const u = uncertaintySummary(table, leading, orbit, ground);
    doc.analysis = u;
    printUncertainty(u, io);
  }
  if (o.out !== undefined) {
    writeAtomically(o.out, studyBytes(doc, format));
    io.err(`wrote ${doc.rows.length} of ${doc.manifest.points} points as ${format.toUpperCase()} to ${o.out} (${doc.manifest.timings.wallS} s)`);
  } else if (format === 'csv' && doc.manifest.kind === 'sweep') io.out(new TextDecoder().decode(studyBytes(doc, 'csv')));
  return 0;
}

export function comparedModes(modes: string | undefined): [string, string] {
  const list = (modes ?? 'onboard,ground').split(',').map((m) => m.trim());
  const ok = ['onboard', 'ground', 'hybrid'];
  if (list.length !== 2 || list.some((m) => !ok.includes(m)) || list[0] === list[1])
    throw new InputError(`--modes: "${modes}" is not two of onboard, ground, hybrid (e.g. onboard,ground)`);
  return [list[0]!, list[1]!];
}

export function requireMetric(columns: readonly string[], modes: readonly string[], metric: string): void {
  for (const m of modes) {
    if (columns.includes(`${m}.${metric}`)) continue;
    const near = columns.filter((c) => c.startsWith(`${m}.`) && c.toLowerCase().includes(metric.toLowerCase().split('.')[0]!.slice(0, 6))).slice(0, 4);
    throw new InputError(
      `--metric: "${metric}" is not a metric of the summary${near.length ? ` (did you mean ${near.map((c) => c.slice(m.length + 1)).join(', ')}?)` : ''}`,
    );
  }
}

/** `--params P1,P2=LOW:HIGH,…` (default: every registry parameter this scenario has) with their low and high. */
function sensitivityParams(base: Scenario, text: string | undefined): { path: string; low: number; high: number }[] {
  return paramList(base, text).map(({ path, range }) => {
    const def = findParam(path)!;
    return { path, low: range?.low ?? def.low, high: range?.high ?? def.high };
  });
}

function paramList(base: Scenario, text: string | undefined): { path: string; range?: { low: number; high: number } }[] {
  if (text === undefined) return DEFAULT_SENSITIVITY_PARAMS.filter((p) => valuesAt(base, p).length > 0).map((path) => ({ path }));
  return text.split(',').map((item) => {
    const [path, range] = item.split('=').map((x) => x.trim()) as [string, string | undefined];
    requireParam(path, '--params');
    if (range === undefined) return { path };
    const [lo, hi] = range.split(':');
    return { path, range: { low: parseNumber(lo ?? '', `--params ${path} LOW`), high: parseNumber(hi ?? '', `--params ${path} HIGH`) } };
  });
}

/**
 * Each parameter's distribution: `--dist PATH=uniform|triangular|lognormal[:LOW:HIGH[:MODE]]`, else the core's
 * defaultDistribution over the registry range (or the --params range).
 */
function uncertaintyParams(base: Scenario, text: string | undefined, dists: readonly string[]): { path: string; dist: Distribution }[] {
  const given = new Map<string, string>();
  for (const d of dists) {
    const eq = d.indexOf('=');
    if (eq <= 0) throw new InputError(`--dist: "${d}" is not PATH=KIND[:LOW:HIGH[:MODE]]`);
    given.set(d.slice(0, eq).trim(), d.slice(eq + 1).trim());
  }
  const list = paramList(base, text);
  for (const path of given.keys()) if (!list.some((p) => p.path === path)) list.push({ path });
  return list.map(({ path, range }) => {
    const def = requireParam(path, '--dist');
    const spec = given.get(path)?.split(':') ?? [];
    const low = spec[1] !== undefined ? parseNumber(spec[1], `--dist ${path} LOW`) : (range?.low ?? def.low);
    const high = spec[2] !== undefined ? parseNumber(spec[2], `--dist ${path} HIGH`) : (range?.high ?? def.high);
    const dist = defaultDistribution({ low, high, base: valuesAt(base, path), scale: spec[0] === 'triangular' ? 'linear' : def.scale });
    const kind = spec[0] ?? dist.kind;
    if (kind === 'uniform' || kind === 'lognormal') return { path, dist: { kind, low, high } };
    if (kind !== 'triangular' || dist.kind !== 'triangular') throw new InputError(`--dist ${path}: "${kind}" is not uniform, triangular or lognormal`);
    const mode = spec[3] !== undefined ? parseNumber(spec[3], `--dist ${path} MODE`) : dist.mode;
    return { path, dist: { kind, low, mode, high } };
  });
}

export type { StudySpec };
