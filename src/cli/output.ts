// Where the CLI writes files: the output path checked before any work (its folder exists, it is not a folder or a
// device), the format agreed between --format and the file's extension, and every file written through a
// temporary file renamed into place, so a full disk or an interruption never leaves half a file. Node I/O.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { InputError } from './scenario-loader.ts';

/** The output folder must exist and the file, if present, be a regular file: checked before hours of work. */
export function checkOutPath(out: string, flag = '--out'): void {
  const dir = dirname(resolve(out));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${flag}: folder "${dirname(out)}" does not exist`);
  if (existsSync(out) && !statSync(out).isFile()) throw new InputError(`${flag}: "${out}" exists and is not a regular file`);
}

/**
 * The format of an output: `--format` if given, else the extension of `out`, else `fallback`. A `--format` that
 * contradicts a known extension (czml into x.csv) is an InputError.
 */
export function outputFormat<F extends string>(out: string | undefined, format: string | undefined, formats: readonly F[], fallback: F): F {
  const ext = out ? extname(out).toLowerCase().slice(1) : '';
  const known = formats as readonly string[];
  const fromExt = known.includes(ext) ? (ext as F) : undefined;
  if (format !== undefined && !known.includes(format)) throw new InputError(`--format: "${format}" is not one of ${formats.join(', ')}`);
  if (format !== undefined && fromExt !== undefined && format !== fromExt) throw new InputError(`--format ${format} does not match --out ${out} (.${fromExt})`);
  return (format as F | undefined) ?? fromExt ?? fallback;
}

/** Writes `bytes` to `path` through a temporary file in the same folder, renamed into place. */
export function writeAtomically(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError(`--out: cannot write "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
