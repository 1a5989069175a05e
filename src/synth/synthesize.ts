// The one way a plan is synthesized into an output directory, for `union-isolation synth` and the
// cdktf app (stacks/cdktf-app.ts) alike: the directory checked (output-dir.ts), a staging directory
// filled and swapped in (synthesize-into.ts), and the work shared by two threads. A stacks thread,
// started by `prepareSynthesis` so that loading cdktf there overlaps whatever the caller does
// meanwhile (compiling the model), builds the stacks and sends their files to the calling thread,
// which renders and writes the Union files and creates the stacks' files. At every size this
// measured faster than building on the calling thread with a file writer thread creating the files
// (docs/PERFORMANCE.md), so that second path was removed.
import type { RenderOptions } from '../files/generated-header';
import type { Plan } from '../plan/types';
import { asOutputDirError, checkOutputDir } from './output-dir';
import { stacksLeaving, StacksLeftError, type LeftStack } from './stacks-left';
import { startStacksThread } from './stacks-thread';
import type { SynthSummary as WrittenSummary } from './synthesize-into';

export interface SynthSummary extends WrittenSummary {
  /** The previous output's stacks that left it (none refused: synthesis throws StacksLeftError for those). */
  readonly left: readonly LeftStack[];
}

export interface SynthOptions extends RenderOptions {
  /** The output directory as the user gave it, for messages (default: the path given to `synthesize`). */
  readonly shownAs?: string;
  /** What a relative output directory is relative to (default: the process's working directory). */
  readonly cwd?: string;
}

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
      const left = stacksLeaving(plan, outdir);
      if (left.some((s) => s.fate === 'unrecorded')) throw new StacksLeftError(left);
      // Loaded once the model is compiled: the Union files' renderers are no part of checking it.
      const { synthesizeInto } = await import('./synthesize-into');
      try {
        // The generated notices name the model by its base name, so any directory gives the same bytes.
        return { ...(await synthesizeInto(plan, outdir, stacksThread.write, { model: options.model })), left };
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
