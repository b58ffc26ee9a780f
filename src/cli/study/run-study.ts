// Runs a point study (sweep, sensitivity, uncertainty) from the CLI: validates every point before any work,
// checks the output path, evaluates the points locally (threads), on a Redis queue or as one static shard,
// shows progress, keeps finished points in a checkpoint so Ctrl-C loses nothing, and assembles the document.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ENGINE_VERSION } from '../../sim/engine/result-types.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { stableJson } from '../../sim/export/index.ts';
import { applyAssignments, StudyInputError } from '../../sim/study/apply.ts';
import { STUDY_FORMAT, STUDY_FORMAT_VERSION, type StudyDocument } from '../../sim/study/table.ts';
import { createPointsProgress } from '../progress.ts';
import { checkOutPath } from '../output.ts';
import type { CliIo } from '../run-command.ts';
import { InputError } from '../scenario-loader.ts';
import { evaluateLocally, type PointJob } from './point-pool.ts';
import type { StudyContext } from './study-context.ts';
import { Checkpoint, studyFormat, type StudyFormat } from './study-output.ts';

export interface StudyRunOptions {
  out?: string;
  format?: string;
  /** Worker threads; 0 = this thread; default: this thread, then all cores when the rest is long (point-pool.ts). */
  workers?: number;
  /** `I/N`: evaluate points i ≡ I (mod N) only, for `ocsim merge`. */
  shard?: string;
  /** `redis://HOST:PORT`: enqueue the points for `ocsim worker`s and collect their rows. */
  queue?: string;
  resume?: boolean;
  quiet?: boolean;
}

export interface StudyRun {
  doc: StudyDocument;
  format: StudyFormat;
  /** Set when Ctrl-C stopped the study before every point was done. */
  interrupted: boolean;
}

/** Parses `I/N`. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index < count)) throw new InputError(`--shard: "${text}" is not I/N with 0 ≤ I < N`);
  return { index, count };
}

/** The points of shard I/N: every N-th point from I on. */
export function shardPoints(points: number, shard: { index: number; count: number } | undefined): number[] {
  const out: number[] = [];
  for (let i = shard?.index ?? 0; i < points; i += shard?.count ?? 1) out.push(i);
  return out;
}

export async function runPointStudy(ctx: StudyContext, o: StudyRunOptions, io: CliIo): Promise<StudyRun> {
  const format = studyFormat(o.out, o.format);
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  if (shard && format !== 'json') throw new InputError('--shard writes a part for `ocsim merge`: give --out PART.json');
  if (shard && o.queue) throw new InputError('--shard and --queue do not go together: a queue shares the points among its workers');
  if (o.out !== undefined) checkOutPath(o.out);
  const { plan } = ctx;
  const scenarios = validatePoints(ctx);
  const mine = new Set(shardPoints(plan.points.length, shard));
  const key = createHash('sha256')
    .update(`${ctx.scenarioHash}\n${stableJson(ctx.spec)}\n${o.shard ?? ''}`)
    .digest('hex');
  const checkpoint = o.out !== undefined ? new Checkpoint(o.out, key) : null;
  const values = new Map<number, (number | null)[]>();
  let names: string[] | null = null;
  if (checkpoint && o.resume) {
    for (const [i, p] of checkpoint.load()) {
      if (!mine.has(i)) continue;
      values.set(i, p.values);
      names ??= p.names;
    }
  } else if (checkpoint && existsSync(checkpoint.path)) {
    io.err(`note: ${checkpoint.path} from an interrupted run is replaced (use --resume to continue it)`);
  }
  checkpoint?.start(Boolean(o.resume));
  const jobs: PointJob[] = plan.order
    .filter((i) => mine.has(i) && !values.has(i))
    .map((index) => ({ index, assignments: plan.points[index]!.assignments, scenario: scenarios[index]! }));
  const wallStart = performance.now();
  const progress = createPointsProgress(io.isTty && !o.quiet, mine.size, values.size, () => performance.now());
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const onRow = (index: number, v: (number | null)[], n: string[] | null) => {
    values.set(index, v);
    names ??= n;
    checkpoint?.add(index, v, n);
    progress.tick(values.size);
  };
  let workers = 0;
  try {
    if (o.queue) {
      const { evaluateOnQueue } = await import('./queue.ts');
      workers = await evaluateOnQueue(ctx, jobs, { url: o.queue, onRow, signal: abort.signal, log: io.err });
    } else {
      workers = await evaluateLocally(ctx.base, jobs, { ...(o.workers !== undefined ? { workers: o.workers } : {}), signal: abort.signal, onRow });
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    checkpoint?.flush();
    progress.stop();
  }
  const interrupted = abort.signal.aborted && values.size < mine.size;
  if (interrupted) {
    io.err(
      checkpoint
        ? `interrupted: ${values.size} of ${mine.size} points done, kept in ${checkpoint.path}; run the same command with --resume to finish`
        : `interrupted: ${values.size} of ${mine.size} points done; nothing kept (give --out F to keep finished points and resume)`,
    );
  }
  if (names === null) names = await metricNamesOf(ctx);
  const indices = [...mine].filter((i) => values.has(i)).sort((a, b) => a - b);
  const doc: StudyDocument = {
    manifest: {
      format: STUDY_FORMAT,
      formatVersion: STUDY_FORMAT_VERSION,
      kind: ctx.spec.kind,
      spec: ctx.spec,
      scenarioName: ctx.base.name,
      scenarioHash: ctx.scenarioHash,
      engineVersion: ENGINE_VERSION,
      seed: ctx.base.seed,
      points: plan.points.length,
      ...(shard ? { shard } : {}),
      timings: { wallS: Math.round((performance.now() - wallStart) / 10) / 100, workers, where: o.queue ? 'queue' : 'local' },
    },
    columns: [...plan.columns, ...names],
    pointIndices: indices,
    rows: indices.map((i) => [...plan.points[i]!.cells, ...values.get(i)!]),
  };
  if (!interrupted) checkpoint?.remove();
  return { doc, format, interrupted };
}

/** Every point's scenario must validate before any work (errors name the point and the field); returns them. */
function validatePoints(ctx: StudyContext): Scenario[] {
  return ctx.plan.points.map((p, i) => {
    try {
      return applyAssignments(ctx.base, p.assignments);
    } catch (err) {
      if (err instanceof StudyInputError) throw new InputError(`point ${i}: ${err.message}`);
      throw err;
    }
  });
}

async function metricNamesOf(ctx: StudyContext): Promise<string[]> {
  const { cliStudyEvaluator } = await import('./point-evaluator.ts');
  return (await cliStudyEvaluator(ctx.base)).metricNames();
}
