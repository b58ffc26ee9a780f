// `ocsim reproduce` / `npm run reproduce`: runs every reproduction check (src/sim/validation) with each source's
// own parameters and prints one tab-separated line per published figure; exit code 1 on any FAIL.
import { defaultLandMask, fileReader, PROJECT_ROOT } from './node-io.ts';
import { formatResultLine, resultSelected, runValidations, selectGroups, type ValidationDeps, type ValidationResult } from '../sim/validation/index.ts';

export interface ReproduceIo {
  out(s: string): void;
  err(s: string): void;
}

export interface ReproduceOptions {
  /** Group ids or id prefixes to run (e.g. `cote`, `dove.pass`); all when empty. */
  only?: string[];
  /** File access and land mask; default: the checkout's files and the Natural Earth 1:50m mask. */
  deps?: ValidationDeps;
}

/** Returns 0 when every check passes, 1 when one fails, 2 when `only` selects nothing. */
export async function runReproduceCommand(io: ReproduceIo, opts: ReproduceOptions = {}): Promise<number> {
  const groups = selectGroups(opts.only ?? []);
  if (groups.length === 0) {
    io.err(`ocsim reproduce: no check group matches ${JSON.stringify(opts.only)}\n`);
    return 2;
  }
  const deps = opts.deps ?? { readText: fileReader(PROJECT_ROOT), landMask: await defaultLandMask() };
  const wallStart = performance.now();
  let groupStart = wallStart;
  const timings: string[] = [];
  const results: ValidationResult[] = [];
  await runValidations(deps, groups, (g, rs) => {
    const kept = rs.filter((r) => resultSelected(r.id, opts.only));
    for (const r of kept) io.out(`${formatResultLine(r)}\n`);
    results.push(...kept);
    const now = performance.now();
    timings.push(`${g.id} ${((now - groupStart) / 1000).toFixed(2)} s`);
    groupStart = now;
  });
  const failed = results.filter((r) => !r.pass);
  const wallS = (performance.now() - wallStart) / 1000;
  io.err(`${results.length} checks: ${results.length - failed.length} PASS, ${failed.length} FAIL (${wallS.toFixed(1)} s wall: ${timings.join(', ')})\n`);
  for (const r of failed) io.err(`FAIL ${r.id}: simulated ${r.simulated} ${r.unit}, published ${r.published}, rule ${r.rule}\n`);
  return failed.length === 0 ? 0 : 1;
}
