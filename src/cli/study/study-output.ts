// Writing a study's output atomically (a temporary file renamed into place, so an interrupted or failed write
// never leaves a half file) in CSV, JSON or Parquet, and the checkpoint of finished points that lets an
// interrupted study resume. Node I/O.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { stableJson } from '../../sim/export/index.ts';
import { parquetColumns, studyToJson, tableToCsv, type StudyDocument } from '../../sim/study/table.ts';
import { InputError } from '../scenario-loader.ts';
import { outputFormat } from '../output.ts';

export { writeAtomically } from '../output.ts';

export type StudyFormat = 'csv' | 'json' | 'parquet';

/** The format of `--out` from `--format` or its extension (default CSV); a clash is an InputError. */
export function studyFormat(out: string | undefined, format: string | undefined): StudyFormat {
  return outputFormat(out, format, ['csv', 'json', 'parquet'] as const, 'csv');
}

/** The bytes of a study document in `format`. */
export function studyBytes(doc: StudyDocument, format: StudyFormat): Uint8Array {
  if (format === 'csv') return Buffer.from(tableToCsv(doc));
  if (format === 'json') return Buffer.from(studyToJson(doc));
  const { rows, columns, ...rest } = doc;
  const buf = parquetWriteBuffer({
    columnData: parquetColumns({ columns, rows }),
    kvMetadata: [{ key: 'ocsim.study', value: stableJson(rest) }],
    createdBy: `ocsim ${doc.manifest.engineVersion}`,
  });
  return new Uint8Array(buf);
}

/** Longest time a finished point waits before it is written to the checkpoint, ms. */
export const CHECKPOINT_FLUSH_MS = 200;

/**
 * The points finished so far, one JSON line each after a header naming the study, appended as they finish:
 * `<out>.partial.jsonl`. Removed once the output is written.
 */
export class Checkpoint {
  readonly path: string;
  constructor(
    out: string,
    private readonly key: string,
  ) {
    this.path = `${out}.partial.jsonl`;
  }

  /** Points of an earlier interrupted run of the same study (empty if none); an InputError if it is another study's. */
  load(): Map<number, { values: (number | null)[]; names: string[] | null }> {
    const done = new Map<number, { values: (number | null)[]; names: string[] | null }>();
    if (!existsSync(this.path)) return done;
    const lines = readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const head = JSON.parse(lines[0] ?? '{}') as { study?: string };
    if (head.study !== this.key)
      throw new InputError(`--resume: ${this.path} belongs to another study (scenario or parameters changed); remove it to start afresh`);
    for (const line of lines.slice(1)) {
      try {
        const p = JSON.parse(line) as { i: number; v: (number | null)[]; n?: string[] };
        done.set(p.i, { values: p.v, names: p.n ?? null });
      } catch {
        break; // a line cut short by the interruption: the points after it are recomputed
      }
    }
    return done;
  }

  start(resumed: boolean): void {
    if (!resumed || !existsSync(this.path)) writeFileSync(this.path, JSON.stringify({ study: this.key }) + '\n');
  }

  private pending: string[] = [];
  private lastFlushMs = 0;

  /** Records a finished point; written at most every CHECKPOINT_FLUSH_MS (a hard kill loses no more than that). */
  add(index: number, values: (number | null)[], names: string[] | null): void {
    this.pending.push(JSON.stringify(names ? { i: index, v: values, n: names } : { i: index, v: values }) + '\n');
    const now = performance.now();
    if (now - this.lastFlushMs >= CHECKPOINT_FLUSH_MS) this.flush(now);
  }

  flush(now = performance.now()): void {
    if (this.pending.length > 0) appendFileSync(this.path, this.pending.join(''));
    this.pending = [];
    this.lastFlushMs = now;
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}
