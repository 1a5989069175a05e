// union-isolation synth: the Terraform JSON of every stack in DIR/stacks/ (cdktf's layout, so
// `cdktf deploy` and `terraform` run in it) and the files Union needs in DIR/union/, swapped in
// whole at the end (stacks/synthesize-into.ts). This module checks DIR and reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT, MODEL_OPTION, parseOptions, UsageError, type Command } from '../context';
import { startStacksThread, type StacksThread } from '../../../stacks/stacks-thread';
import type { StacksWriter } from '../../../stacks/synthesize-into';

export const DEFAULT_OUTDIR = 'cdktf.out';

const OUTPUT_OPTION = { output: { type: 'string', short: 'o' } } as const;

export const command: Command = {
  summary: 'write the Terraform of every stack and the files Union needs',
  usage: '[-m MODEL] [-o DIR]',
  options: [
    '-m, --model MODEL  the isolation model (default stacks/isolation.yaml)',
    `-o, --output DIR   output directory (default ${DEFAULT_OUTDIR}): DIR/stacks/<stack>/cdk.tf.json, DIR/union/`,
  ],
  async run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...OUTPUT_OPTION });
    const shown = values.output ?? DEFAULT_OUTDIR;
    const outdir = path.resolve(ctx.cwd, shown);
    checkOutputDir(outdir, shown, ctx.cwd);
    // Started before anything else, the compiler's modules included, so that loading cdktf and the
    // providers on that thread overlaps compiling the model here (stacks/stacks-thread.ts).
    const stacksThread = startStacksThread();
    let result;
    try {
      const { compileAndReport } = await import('../report');
      const compiled = compileAndReport(ctx, values.model);
      if (!compiled.plan) return EXIT.modelErrors;
      const { outputPathOf, synthesizeInto } = await import('../../../stacks/synthesize-into');
      const large = compiled.plan.stacks.length > STACKS_THREAD_LIMIT;
      const writeStacks = large ? await stacksHere(stacksThread) : stacksThread.write;
      const files = large ? (await import('../../../stacks/file-writer')).startFileWriter() : undefined;
      try {
        // The generated notices name the model by its base name, so any directory gives the same bytes.
        result = await synthesizeInto(compiled.plan, outdir, writeStacks, { model: compiled.file }, files);
      } catch (err) {
        // The check above cannot foresee everything (a full disk, a stack directory we may not write).
        const problem = writeProblem(err, outdir);
        if (problem === null) throw err;
        throw cannotWrite(shown, problem.reason, shownPath(outputPathOf(problem.path, outdir), shown, ctx.cwd));
      }
    } finally {
      await stacksThread.stop();
    }
    const { UNION_DIR } = await import('../../../stacks/union-files');
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    ctx.stdout(
      `Synthesized ${plural(result.stacks.length, 'stack')} (${plural(result.resources, 'resource')}) into ${path.join(shown, 'stacks')}` +
        ` and ${plural(result.unionFiles.length, 'file')} into ${path.join(shown, UNION_DIR)}.\n`,
    );
    return EXIT.ok;
  },
};

/**
 * The stacks thread saves time where loading and compiling weigh most. Its second heap holds a second
 * copy of the plan while this thread's heap keeps the garbage of compiling and rendering: at 3,000
 * units that is about 150 MiB more at the peak, for a few percent of the time. Above this many stacks,
 * they are built on this thread, and a file writer thread creates the files (bench/README.md).
 */
const STACKS_THREAD_LIMIT = 500;

/** Builds the stacks on this thread, once the stacks thread (which may be loading cdktf) is stopped. */
async function stacksHere(thread: StacksThread): Promise<StacksWriter> {
  await thread.stop();
  const { writeStacks } = await import('../../../stacks/write-stacks');
  return async (plan, outdir, files) => writeStacks(plan, outdir, files);
}

/**
 * DIR is replaced wholesale, so it must be ours to replace: missing, empty, or an earlier output
 * (it has cdktf's manifest.json). Never a file, a symlink (writing through it would land elsewhere),
 * or a directory holding the working directory. And it must be writable, checked here so that the
 * user hears which directory and why before the model is compiled.
 */
function checkOutputDir(outdir: string, shown: string, cwd: string): void {
  if (isWithin(path.resolve(cwd), outdir)) {
    throw new UsageError(`output directory '${shown}' contains the working directory; choose a directory of its own`);
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.lstatSync(outdir);
  } catch (err) {
    // Missing is fine; a path through a file or a directory we may not enter is named below.
    if (writeProblem(err, outdir) === null && errorCode(err) !== 'ENOENT') throw err;
  }
  if (stat !== null) {
    if (stat.isSymbolicLink()) throw new UsageError(`output directory '${shown}' is a symbolic link; give the real directory`);
    if (!stat.isDirectory()) throw new UsageError(`output directory '${shown}' is a file; remove it or choose another directory`);
    const entries = fs.readdirSync(outdir);
    if (entries.length > 0 && !entries.includes('manifest.json')) {
      throw new UsageError(`output directory '${shown}' is not empty and holds no earlier synth output (no manifest.json); choose another directory`);
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

function cannotWrite(shown: string, reason: string, where: string): UsageError {
  return new UsageError(`cannot write output directory '${shown}': ${reason} ('${where}'); choose another directory`);
}
