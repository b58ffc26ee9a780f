// Node I/O for the CLI: reading scenario-relative files, the project root, the land mask.
import { readFileSync, statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SOURCE_BYTES } from '../sim/catalog/load.ts';
import { buildLandMask, loadDefaultLandTopology, type LandMask } from '../sim/workload/land-mask.ts';

/** The checkout's root (where package.json, tle/ and public/ live). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Folders of the project's own data a scenario may name from anywhere: the shipped element sets and ground data. */
export const PROJECT_DATA_DIRS = ['tle', 'public/data'].map((d) => resolve(PROJECT_ROOT, d));

/**
 * A reader of the files a scenario names, confined (docs/reliability.md): a path is resolved against `baseDir`
 * (the scenario's folder), then against the project root, and accepted only when the real file (symbolic links
 * followed) lies inside `baseDir` or one of PROJECT_DATA_DIRS, is a regular file (a FIFO or device would block or
 * stream forever) and is at most MAX_SOURCE_BYTES. A missing file names every path tried; the first existing one is
 * accepted or refused (its reason). The caller quarantines that source. No byte of a refused file is read.
 */
export function fileReader(baseDir: string): (path: string) => Promise<string> {
  const roots = [resolve(baseDir), ...PROJECT_DATA_DIRS];
  return async (path: string) => {
    const tried = isAbsolute(path) ? [resolve(path)] : [...new Set([resolve(baseDir, path), resolve(PROJECT_ROOT, path)])];
    const why: string[] = [];
    for (const candidate of tried) {
      let real: string;
      try {
        real = await realpath(candidate);
      } catch {
        why.push(`${candidate}: no such file`);
        continue;
      }
      const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
      // A file that exists but is refused is the answer: no other file of the same name is tried.
      if (!realRoots.some((r) => real === r || real.startsWith(r + sep))) {
        throw new Error(`${candidate}: outside the scenario's folder (${baseDir}) and the project's data (tle/, public/data/)`);
      }
      return readRegularFile(real, candidate);
    }
    throw new Error(why.join('; '));
  };
}

/**
 * A file's text, if it is a regular file (a FIFO or a device would block or never end) of at most `maxBytes`;
 * otherwise an Error naming `shown` (the path as the user gave it) and the reason. Nothing is read before the checks.
 */
export async function readRegularFile(path: string, shown = path, maxBytes = MAX_SOURCE_BYTES): Promise<string> {
  const st = await stat(path);
  if (!st.isFile()) throw new RangeError(`${shown}: not a regular file`);
  if (st.size > maxBytes) throw new RangeError(`${shown}: ${(st.size / 2 ** 20).toFixed(0)} MiB, more than the ${maxBytes / 2 ** 20} MiB a source may have`);
  return readFile(path, 'utf8');
}

/** readRegularFile, synchronously (the contacts command's reader). */
export function readRegularFileSync(path: string, maxBytes = MAX_SOURCE_BYTES): string {
  const st = statSync(path);
  if (!st.isFile()) throw new RangeError(`${path}: not a regular file`);
  if (st.size > maxBytes) throw new RangeError(`${path}: ${(st.size / 2 ** 20).toFixed(0)} MiB, more than the ${maxBytes / 2 ** 20} MiB a source may have`);
  return readFileSync(path, 'utf8');
}

let landMask: LandMask | undefined;

/** Natural Earth 1:50m land raster at 0.1° (built once per process, ≈ 80 ms). */
export async function defaultLandMask(): Promise<LandMask> {
  landMask ??= buildLandMask(await loadDefaultLandTopology(), 0.1);
  return landMask;
}
