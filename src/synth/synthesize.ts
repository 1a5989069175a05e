// The one way a plan is synthesized into an output directory, for `union-isolation synth` and the
// cdktf app (stacks/main.ts) alike: the directory checked (output-dir.ts), a staging directory
// filled and swapped in (synthesize-into.ts), the stacks built and their files created on two
// threads. Which thread does what is decided here and nowhere else:
// - up to STACKS_THREAD_LIMIT stacks, a stacks thread, started by `prepareSynthesis` so that loading
//   cdktf there overlaps whatever the caller does meanwhile (compiling the model), builds the stacks
//   and sends their files to the calling thread, which renders and writes the Union files;
// - above it, the calling thread builds the stacks and a file writer thread creates every file.
// With the speedups off (src/speedups/index.ts), cdktf writes its own files on the thread that builds
// them, so no file writer thread is started.
import type { RenderOptions } from '../outputs/header';
import type { Plan } from '../plan/types';
import { installLoadingSpeedups, speedupsEnabled } from '../speedups';
import { startFileWriter, writeHere, type FileWriter } from './file-writer';
import { asOutputDirError, checkOutputDir } from './output-dir';
import { startStacksThread } from './stacks-thread';
import type { StacksWriter, SynthSummary } from './synthesize-into';

export type { SynthSummary } from './synthesize-into';

export interface SynthOptions extends RenderOptions {
  /** The output directory as the user gave it, for messages (default: the path given to `synthesize`). */
  readonly shownAs?: string;
  /** What a relative output directory is relative to (default: the process's working directory). */
  readonly cwd?: string;
}

/**
 * The stacks thread saves time where loading and compiling weigh most. Its second heap holds a second
 * copy of the plan while the calling thread's heap keeps the garbage of compiling and rendering, which
 * tells at the peak of a large synth. Above this many stacks, they are built on the calling thread,
 * and a file writer thread creates the files (docs/PERFORMANCE.md has both measured at every size).
 */
export const STACKS_THREAD_LIMIT = 500;

/** A synthesis made ready before its plan is known; `close` whatever happens. */
export interface Synthesis {
  /** Writes everything for `plan` into `outdir`, replacing it whole; once. Rejects with an OutputDirError when `outdir` cannot be used. */
  synthesize(plan: Plan, outdir: string, options?: SynthOptions): Promise<SynthSummary>;
  /** Releases what `prepareSynthesis` started (a synthesis never run, for a model with errors, included). */
  close(): Promise<void>;
}

/** Starts loading what synthesis needs, at once, beside the calling thread. */
export function prepareSynthesis(): Synthesis {
  const stacksThread = startStacksThread();
  let used = false;
  return {
    async synthesize(plan, outdir, options = {}) {
      if (used) throw new Error('a prepared synthesis runs once');
      used = true;
      const shown = options.shownAs ?? outdir;
      const cwd = options.cwd ?? process.cwd();
      checkOutputDir(outdir, shown, cwd);
      const large = plan.stacks.length > STACKS_THREAD_LIMIT;
      const writeStacks = large ? await stacksHere(stacksThread.stop) : stacksThread.write;
      const files: FileWriter = large && speedupsEnabled() ? startFileWriter() : writeHere;
      // Loaded once the model is compiled: the Union files' renderers are no part of checking it.
      const { synthesizeInto } = await import('./synthesize-into');
      try {
        // The generated notices name the model by its base name, so any directory gives the same bytes.
        return await synthesizeInto(plan, outdir, writeStacks, { model: options.model }, files);
      } catch (err) {
        // The check above cannot foresee everything (a full disk, a stack directory we may not write).
        throw asOutputDirError(err, outdir, shown, cwd) ?? err;
      }
    },
    close: () => stacksThread.stop(),
  };
}

/** `prepareSynthesis` and its `synthesize`, for a caller with nothing to do meanwhile. */
export async function synthesize(plan: Plan, outdir: string, options: SynthOptions = {}): Promise<SynthSummary> {
  const synthesis = prepareSynthesis();
  try {
    return await synthesis.synthesize(plan, outdir, options);
  } finally {
    await synthesis.close();
  }
}

/** Builds the stacks on this thread, once the stacks thread (which may be loading cdktf) is stopped. */
async function stacksHere(stopStacksThread: () => Promise<void>): Promise<StacksWriter> {
  await stopStacksThread();
  installLoadingSpeedups();
  const { writeStacks } = await import('./write-stacks');
  return async (plan, outdir, files) => writeStacks(plan, outdir, files);
}
