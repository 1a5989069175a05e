// Synthesis of a plan on the calling thread: the Terraform of every stack (cdktf's layout:
// `stacks/<stack>/cdk.tf.json` and `manifest.json`) and the files Union needs under `union/`.
// The cdktf app (main.ts) and the synth command's stacks thread (stacks-worker.ts) run it.
// First: they must run before anything loads cdktf.
import './skip-inline-source-maps';
import './defer-unused-packages';
import './defer-stable-stringify';
import * as path from 'node:path';
import { TerraformResource } from 'cdktf';
import { renderUnionFiles } from '../src/outputs/files';
import type { RenderOptions } from '../src/outputs/header';
import type { Plan } from '../src/plan/types';
import { buildApp } from './app';
import { withPlainValuesCopied } from './copy-plain-values';
import { withSetAttributesOnly } from './set-attributes-only';
import type { SynthSummary } from './synthesize-into';
import { UNION_DIR, writeUnionFiles } from './union-files';
import { withoutCreationStacks } from './without-creation-stacks';

/** Writes everything for `plan` into `outdir` (created if missing; its parent must exist). */
export function synthesizePlan(plan: Plan, outdir: string, options: RenderOptions = {}): SynthSummary {
  const resources = writeStacks(plan, outdir);
  const unionFiles = writeUnionFiles(renderUnionFiles(plan, options), path.join(outdir, UNION_DIR));
  return { stacks: plan.stacks.map((s) => s.name).sort(), resources, unionFiles };
}

/** Writes the stacks of `plan` into `outdir` (created if missing; its parent must exist); returns the number of resources. */
export function writeStacks(plan: Plan, outdir: string): number {
  return withoutCreationStacks(() =>
    withSetAttributesOnly(() =>
      withPlainValuesCopied(() => {
        const app = buildApp(plan, outdir);
        app.synth();
        let count = 0;
        for (const node of app.node.findAll()) if (TerraformResource.isTerraformResource(node)) count++;
        return count;
      }),
    ),
  );
}

