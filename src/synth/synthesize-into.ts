// Synthesis into an output directory replaced whole: a staging directory beside it is filled (the
// Union files rendered on this thread, the stacks by a StacksWriter, on a thread of its own or on
// this one: synthesize.ts chooses), then swapped in. No cdktf here: this thread loads it only when it
// builds the stacks itself.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderUnionFiles } from '../files/union-files';
import type { RenderOptions } from '../files/generated-header';
import type { Plan } from '../plan/types';
import { writeHere, type FileSink } from './file-sink';
import { STAGING_NEW, STAGING_OWNER, STAGING_PREVIOUS, stagingName, stagingPrefix } from './staging';
import { UNION_DIR, writeUnionFiles } from './write-union-files';

export interface SynthSummary {
  /** Stack names, sorted. */
  readonly stacks: readonly string[];
  /** Terraform resources over all stacks (imports included, data sources not). */
  readonly resources: number;
  /** Files written under `<outdir>/union/`, relative to it, sorted. */
  readonly unionFiles: readonly string[];
}

/**
 * Writes the stacks of `plan` (cdktf's layout: `stacks/<stack>/cdk.tf.json`, `manifest.json`) into an
 * existing directory; resolves to the number of resources. The stack directories are sent to `files`
 * once the writer has started, and may not exist yet when it asks for them. A writer on this thread
 * sends its files to `files` too.
 */
export type StacksWriter = (plan: Plan, outdir: string, files: FileSink) => Promise<number>;

/** What `terraform init` leaves in a stack's directory: re-initializing after every synthesis would be slow and would drop the provider lock. */
const TERRAFORM_WORKING_FILES = ['.terraform', '.terraform.lock.hcl'];

/**
 * Synthesizes into a staging directory beside `outdir`, then swaps it in: a failed synthesis leaves
 * `outdir` as it was (never half-written output that looks complete), and nothing of an earlier
 * model lingers. Terraform's working files of the stacks that still exist are carried over.
 * Staging directories that killed runs left beside `outdir` are removed first.
 * The caller checks that `outdir` is ours to replace (output-dir.ts). The directories and files go
 * to `files`.
 */
export async function synthesizeInto(
  plan: Plan,
  outdir: string,
  writeStacks: StacksWriter,
  options: RenderOptions = {},
  files: FileSink = writeHere,
): Promise<SynthSummary> {
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  removeStaleStaging(outdir);
  const staging = fs.mkdtempSync(path.join(path.dirname(outdir), stagingPrefix(outdir)));
  try {
    fs.writeFileSync(path.join(staging, STAGING_OWNER), `${os.hostname()} ${process.pid}\n`);
    const fresh = path.join(staging, STAGING_NEW);
    fs.mkdirSync(fresh);
    // The stacks' writer is started before anything else is done here: it is synthesis's longest
    // part, and on its own thread it waits for nothing but the plan.
    const stacksWritten = writeStacks(plan, fresh, files);
    let unionFiles: string[];
    try {
      // cdktf creates each stack's directory unless it exists. Made here while the stacks are being
      // built, they cost the stacks' writer nothing (and any it asks for meanwhile are made too).
      files.makeDirs(plan.stacks.map((stack) => path.join(fresh, 'stacks', stack.name)));
      unionFiles = writeUnionFiles(renderUnionFiles(plan, options), path.join(fresh, UNION_DIR), files);
    } catch (err) {
      await stacksWritten.catch(() => undefined); // done with the staging directory before it goes
      throw err;
    }
    const summary: SynthSummary = { stacks: plan.stacks.map((s) => s.name).sort(), resources: await stacksWritten, unionFiles };
    replaceDir(outdir, fresh, staging, summary.stacks);
    return summary;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A killed synth leaves its staging directory behind. Removes those beside `outdir`: directories
 * (never a symlink, never followed) named exactly like ours, whose owner is gone. One a running synth
 * owns may hold the previous output while it is swapped, so it is left alone.
 */
function removeStaleStaging(outdir: string): void {
  const parent = path.dirname(outdir);
  const name = stagingName(outdir);
  for (const entry of fs.readdirSync(parent, { withFileTypes: true })) {
    const staging = path.join(parent, entry.name);
    if (!name.test(entry.name) || !entry.isDirectory() || isOwnerRunning(staging)) continue;
    try {
      fs.rmSync(staging, { recursive: true, force: true });
    } catch {
      // Another user's, say: hidden and harmless, and no reason to fail this run.
    }
  }
}

/** Whether the synth that created `staging` may still be running: unknown owners on other hosts count as running. */
function isOwnerRunning(staging: string): boolean {
  let owner: string;
  try {
    owner = fs.readFileSync(path.join(staging, STAGING_OWNER), 'utf8');
  } catch {
    return false; // killed before it wrote its owner (nothing was parked in it yet)
  }
  const [host, pid] = owner.trim().split(' ');
  if (host !== os.hostname()) return true;
  const id = Number(pid);
  if (!Number.isSafeInteger(id) || id <= 0) return false;
  try {
    process.kill(id, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

function replaceDir(outdir: string, fresh: string, staging: string, stacks: readonly string[]): void {
  if (!fs.existsSync(outdir)) {
    fs.renameSync(fresh, outdir);
    return;
  }
  // Park the previous output in the staging directory, which goes away whatever happens next.
  const previous = path.join(staging, STAGING_PREVIOUS);
  fs.renameSync(outdir, previous);
  try {
    moveWorkingFiles(previous, fresh, stacks);
    fs.renameSync(fresh, outdir);
  } catch (err) {
    // Put the previous output back whole, with the working files that had already moved.
    moveWorkingFiles(fresh, previous, stacks);
    fs.renameSync(previous, outdir);
    throw err;
  }
}

/** Moves Terraform's working files of `stacks` from one output to the other. */
function moveWorkingFiles(from: string, to: string, stacks: readonly string[]): void {
  for (const stack of stacks) {
    for (const name of TERRAFORM_WORKING_FILES) {
      const source = path.join(from, 'stacks', stack, name);
      if (fs.existsSync(source)) fs.renameSync(source, path.join(to, 'stacks', stack, name));
    }
  }
}

