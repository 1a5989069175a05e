// The Terraform of every stack of a plan, built on the calling thread in cdktf's layout
// (`stacks/<stack>/cdk.tf.json` and `manifest.json`), its directories and files created here or sent
// to another thread (file-sink.ts). Loading this module loads cdktf and the providers: a thread
// installs the loading speedups first (src/speedups/index.ts, stacks-worker.ts).
// The stacks thread loads only this, not the Union files' renderers.
import { TerraformResource } from 'cdktf';
import type { Plan } from '../plan/types';
import { buildApp } from '../../stacks/app';
import { withSynthesisSpeedups } from '../speedups';
import { writeHere, type FileSink } from './file-sink';

/**
 * Writes the stacks of `plan` into `outdir` (created if missing; its parent must exist) through
 * `files`; returns the number of resources.
 */
export function writeStacks(plan: Plan, outdir: string, files: FileSink = writeHere): number {
  return withSynthesisSpeedups(files, outdir, () => {
    const app = buildApp(plan, outdir);
    app.synth();
    let count = 0;
    for (const node of app.node.findAll()) if (TerraformResource.isTerraformResource(node)) count++;
    return count;
  });
}
