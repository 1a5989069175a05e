// Whether an output directory is ours to replace, and how to say why not: the check synthesis runs
// before it writes (synthesize.ts; the synth command also runs it before compiling the model, so
// that the user hears at once), and the wording of a write that fails anyway.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { outputPathOf } from './staging';

/** An output directory that cannot be used, worded for the user: the CLI reports it as bad usage. */
export class OutputDirError extends Error {}

/**
 * DIR is replaced wholesale, so it must be ours to replace: missing, empty, or an earlier output
 * (it has cdktf's manifest.json). Never a file, a symlink (writing through it would land elsewhere),
 * or a directory holding the working directory. And it must be writable, checked here so that the
 * user hears which directory and why before the model is compiled.
 */
export function checkOutputDir(outdir: string, shown: string, cwd: string): void {
  if (isWithin(path.resolve(cwd), outdir)) {
    throw new OutputDirError(`output directory '${shown}' contains the working directory; choose a directory of its own`);
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.lstatSync(outdir);
  } catch (err) {
    // Missing is fine; a path through a file or a directory we may not enter is named below.
    if (writeProblem(err, outdir) === null && errorCode(err) !== 'ENOENT') throw err;
  }
  if (stat !== null) {
    if (stat.isSymbolicLink()) throw new OutputDirError(`output directory '${shown}' is a symbolic link; give the real directory`);
    if (!stat.isDirectory()) throw new OutputDirError(`output directory '${shown}' is a file; remove it or choose another directory`);
    const entries = fs.readdirSync(outdir);
    if (entries.length > 0 && !entries.includes('manifest.json')) {
      throw new OutputDirError(`output directory '${shown}' is not empty and holds no earlier synth output (no manifest.json); choose another directory`);
    }
  }
  checkWritable(outdir, stat !== null, shown, cwd);
}

/**
 * The staging directory goes beside DIR and DIR is renamed, so the directory holding DIR (or, while
 * it is missing, the nearest one that exists) must be a directory we may write, and so must DIR.
 */
function checkWritable(outdir: string, exists: boolean, shown: string, cwd: string): void {
  let dir = path.dirname(outdir);
  for (;;) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch (err) {
      const code = errorCode(err);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
        continue;
      }
      const problem = writeProblem(err, outdir);
      if (problem === null) throw err;
      throw cannotWrite(shown, problem.reason, shownPath(dir, shown, cwd));
    }
    if (!stat.isDirectory()) throw cannotWrite(shown, WRITE_PROBLEMS.ENOTDIR, shownPath(dir, shown, cwd));
    break;
  }
  for (const target of exists ? [dir, outdir] : [dir]) {
    try {
      fs.accessSync(target, fs.constants.W_OK | fs.constants.X_OK);
    } catch (err) {
      const problem = writeProblem(err, outdir);
      if (problem === null) throw err;
      throw cannotWrite(shown, problem.reason, shownPath(target, shown, cwd));
    }
  }
  // Permission bits are not the whole answer: root passes accessSync on /proc and sysfs, where
  // nothing can be created. Create (and remove) a directory where the staging directory will go.
  try {
    fs.rmdirSync(fs.mkdtempSync(path.join(dir, '.union-isolation-probe-')));
  } catch (err) {
    const code = errorCode(err);
    throw cannotWrite(shown, (code !== undefined && WRITE_PROBLEMS[code]) || `cannot create a directory there (${code ?? (err as Error).message})`, shownPath(dir, shown, cwd));
  }
}

/** File system errors that mean DIR cannot be written there, and how to say so. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
};

const errorCode = (err: unknown): string | undefined => ((err ?? {}) as NodeJS.ErrnoException).code;

/**
 * The reason and path when `err` is one of WRITE_PROBLEMS on a path in or above the directory that
 * holds DIR (DIR itself for a write to an open file, which names none); null for anything else,
 * which is a bug and stays an internal error.
 */
function writeProblem(err: unknown, outdir: string): { reason: string; path: string } | null {
  const { code, path: file, syscall } = (err ?? {}) as NodeJS.ErrnoException;
  if (code === undefined || syscall === undefined || !Object.hasOwn(WRITE_PROBLEMS, code)) return null;
  const reason = WRITE_PROBLEMS[code]!;
  if (file === undefined) return { reason, path: outdir };
  const parent = path.dirname(outdir);
  const absolute = path.resolve(file);
  return isWithin(absolute, parent) || isWithin(parent, absolute) ? { reason, path: absolute } : null;
}

/** Whether `inner` is `outer` or lies under it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** A path in a message: relative to the working directory when DIR was given relative, so it reads like what was typed. */
function shownPath(file: string, shown: string, cwd: string): string {
  return path.isAbsolute(shown) ? file : path.relative(cwd, file) || '.';
}

function cannotWrite(shown: string, reason: string, where: string): OutputDirError {
  return new OutputDirError(`cannot write output directory '${shown}': ${reason} ('${where}'); choose another directory`);
}

/**
 * `err` as the OutputDirError to report when it is a write problem on the way to or inside DIR
 * (its staging directory named as DIR); null for anything else, which is a bug.
 */
export function asOutputDirError(err: unknown, outdir: string, shown: string, cwd: string): OutputDirError | null {
  const problem = writeProblem(err, outdir);
  if (problem === null) return null;
  return cannotWrite(shown, problem.reason, shownPath(outputPathOf(problem.path, outdir), shown, cwd));
}
