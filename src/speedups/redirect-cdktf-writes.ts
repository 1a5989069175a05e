// cdktf creates each stack's directory and writes its cdk.tf.json and the manifest itself, through
// the `fs` module's mkdirSync and writeFileSync. While `fn` runs, those calls for paths inside
// `outdir` go to `sink` instead, in the order cdktf makes them: to the thread that is not building
// the stacks (src/synth/file-sink.ts says why). A directory is made with its parents, and one that exists is
// fine (cdktf checks with existsSync first, which may not see one still on its way). Any other call
// goes to `fs` as before. Without this patch cdktf creates them itself on the thread that builds.
/* eslint-disable @typescript-eslint/no-require-imports -- the module object itself is what is patched */
import type { MakeDirectoryOptions, Mode, PathLike, PathOrFileDescriptor, WriteFileOptions } from 'node:fs';
import * as path from 'node:path';

const fs: typeof import('node:fs') = require('node:fs');

/** Where directories and files go (src/synth/file-sink.ts has the two kinds synthesis uses). */
export interface FileSink {
  /** Creates `dirs` and any missing parents; a directory that exists is fine. */
  makeDirs(dirs: readonly string[]): void;
  /** Writes `data` to `file` (its directory made by an earlier `makeDirs`), with `mode` if it is new. */
  write(file: string, data: string, mode?: number): void;
}

export function withCdktfWritesTo<T>(sink: FileSink, outdir: string, fn: () => T): T {
  const { mkdirSync, writeFileSync } = fs;
  const root = path.resolve(outdir);
  const inside = (p: unknown): p is string => typeof p === 'string' && isWithin(path.resolve(p), root);
  fs.mkdirSync = ((dir: PathLike, options?: MakeDirectoryOptions | Mode | null) => {
    if (!inside(dir)) return mkdirSync(dir, options);
    sink.makeDirs([dir]);
    return undefined;
  }) as typeof fs.mkdirSync;
  fs.writeFileSync = ((file: PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: WriteFileOptions) => {
    if (!inside(file) || typeof data !== 'string' || options !== undefined) return writeFileSync(file, data, options);
    sink.write(file, data);
  }) as typeof fs.writeFileSync;
  try {
    return fn();
  } finally {
    fs.mkdirSync = mkdirSync;
    fs.writeFileSync = writeFileSync;
  }
}

function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
