// The Terraform of every stack of a plan, built on the calling thread in cdktf's layout
// (`stacks/<stack>/cdk.tf.json` and `manifest.json`), its directories and files created here or sent
// to another thread (file-writer.ts). The synth command's stacks thread (stacks-worker.ts) loads
// only this, not the Union files' renderers (synthesize.ts has both).
// First: they must run before anything loads cdktf.
import './skip-inline-source-maps';
import './defer-unused-packages';
import './defer-stable-stringify';
import { TerraformResource } from 'cdktf';
import type { Plan } from '../src/plan/types';
import { buildApp } from './app';
import { withPlainValuesCopied } from './copy-plain-values';
import { writeHere, type FileSink } from './file-writer';
import { withCdktfWritesTo } from './redirect-cdktf-writes';
import { withSetAttributesOnly } from './set-attributes-only';
import { withoutCreationStacks } from './without-creation-stacks';

/**
 * Writes the stacks of `plan` into `outdir` (created if missing; its parent must exist) through
 * `files`; returns the number of resources.
 */
export function writeStacks(plan: Plan, outdir: string, files: FileSink = writeHere): number {
  return withCdktfWritesTo(files, outdir, () =>
    withoutCreationStacks(() =>
      withSetAttributesOnly(() =>
        withPlainValuesCopied(() => {
          const app = buildApp(plan, outdir);
          app.synth();
          let count = 0;
          for (const node of app.node.findAll()) if (TerraformResource.isTerraformResource(node)) count++;
          return count;
        }),
      ),
    ),
  );
}
