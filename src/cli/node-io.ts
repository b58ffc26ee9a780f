// Node I/O for the CLI: reading scenario-relative files, the project root, the land mask.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLandMask, loadDefaultLandTopology, type LandMask } from '../sim/workload/land-mask.ts';

/** The checkout's root (where package.json, tle/ and public/ live). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A reader resolving relative paths against `baseDir`, then against the project root. */
export function fileReader(baseDir: string): (path: string) => Promise<string> {
  return async (path: string) => {
    if (isAbsolute(path)) return readFile(path, 'utf8');
    try {
      return await readFile(resolve(baseDir, path), 'utf8');
    } catch (err) {
      if (baseDir === PROJECT_ROOT) throw err;
      return readFile(resolve(PROJECT_ROOT, path), 'utf8');
    }
  };
}

let landMask: LandMask | undefined;

/** Natural Earth 1:50m land raster at 0.1° (built once per process, ≈ 80 ms). */
export async function defaultLandMask(): Promise<LandMask> {
  landMask ??= buildLandMask(await loadDefaultLandTopology(), 0.1);
  return landMask;
}
