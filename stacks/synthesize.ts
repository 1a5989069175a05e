// Synthesis of a plan into an output directory: the Terraform of every stack (cdktf's layout:
// `stacks/<stack>/cdk.tf.json` and `manifest.json`) and the files Union needs under `union/`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TerraformResource } from 'cdktf';
import { renderUnionFiles } from '../src/outputs/files';
import type { RenderOptions } from '../src/outputs/header';
import type { Plan } from '../src/plan/types';
import { buildApp } from './app';
import { withSetAttributesOnly } from './set-attributes-only';
import { withoutCreationStacks } from './without-creation-stacks';

export const UNION_DIR = 'union';

export interface SynthSummary {
  /** Stack names, sorted. */
  readonly stacks: readonly string[];
  /** Terraform resources over all stacks (imports included, data sources not). */
  readonly resources: number;
  /** Files written under `<outdir>/union/`, relative to it, sorted. */
  readonly unionFiles: readonly string[];
}

/** Writes everything for `plan` into `outdir` (created if missing; its parent must exist). */
export function synthesizePlan(plan: Plan, outdir: string, options: RenderOptions = {}): SynthSummary {
  const resources = withoutCreationStacks(() =>
    withSetAttributesOnly(() => {
      const app = buildApp(plan, outdir);
      app.synth();
      let count = 0;
      for (const node of app.node.findAll()) if (TerraformResource.isTerraformResource(node)) count++;
      return count;
    }),
  );
  const unionFiles = writeUnionFiles(renderUnionFiles(plan, options), path.join(outdir, UNION_DIR));
  return { stacks: plan.stacks.map((s) => s.name).sort(), resources, unionFiles };
}

/** What `terraform init` leaves in a stack's directory: re-initializing after every synthesis would be slow and would drop the provider lock. */
const TERRAFORM_WORKING_FILES = ['.terraform', '.terraform.lock.hcl'];

/**
 * Synthesizes into a staging directory beside `outdir`, then swaps it in: a failed synthesis leaves
 * `outdir` as it was (never half-written output that looks complete), and nothing of an earlier
 * model lingers. Terraform's working files of the stacks that still exist are carried over.
 * The caller checks that `outdir` is ours to replace.
 */
export function synthesizeInto(plan: Plan, outdir: string, options: RenderOptions = {}): SynthSummary {
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(outdir), `.${path.basename(outdir)}.synth-`));
  try {
    const fresh = path.join(staging, 'out');
    fs.mkdirSync(fresh);
    const summary = synthesizePlan(plan, fresh, options);
    replaceDir(outdir, fresh, staging, summary.stacks);
    return summary;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function replaceDir(outdir: string, fresh: string, staging: string, stacks: readonly string[]): void {
  if (!fs.existsSync(outdir)) {
    fs.renameSync(fresh, outdir);
    return;
  }
  // Park the previous output in the staging directory, which goes away whatever happens next.
  const previous = path.join(staging, 'previous');
  fs.renameSync(outdir, previous);
  const carried = moveWorkingFiles(previous, fresh, stacks);
  try {
    fs.renameSync(fresh, outdir);
  } catch (err) {
    moveWorkingFiles(fresh, previous, carried);
    fs.renameSync(previous, outdir);
    throw err;
  }
}

/** Moves Terraform's working files of `stacks` from one output to the other; returns the stacks that had some. */
function moveWorkingFiles(from: string, to: string, stacks: readonly string[]): string[] {
  const moved: string[] = [];
  for (const stack of stacks) {
    for (const name of TERRAFORM_WORKING_FILES) {
      const source = path.join(from, 'stacks', stack, name);
      if (!fs.existsSync(source)) continue;
      fs.renameSync(source, path.join(to, 'stacks', stack, name));
      if (moved.at(-1) !== stack) moved.push(stack);
    }
  }
  return moved;
}

/**
 * Replaces `dir` with exactly `files` (relative path -> content), so no file of an earlier model
 * lingers: an old attribute file left behind could still be applied. Paths must stay inside `dir`.
 */
export function writeUnionFiles(files: ReadonlyMap<string, string>, dir: string): string[] {
  const written = [...files.keys()].sort();
  for (const rel of written) checkRelativePath(rel);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const rel of written) {
    const file = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, files.get(rel)!);
  }
  return written;
}

/** A renderer bug must not write outside the output directory. */
function checkRelativePath(rel: string): void {
  const segments = rel.split('/');
  const unsafe = rel.includes('\\') || rel.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..');
  if (unsafe) throw new Error(`refusing to write union file '${rel}': not a plain relative path`);
}
