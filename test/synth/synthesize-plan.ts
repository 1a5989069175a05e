// Synthesis of a plan straight into a directory, on the calling thread: the Terraform of every stack
// (write-stacks.ts) and the files Union needs under `union/`, with no output-directory check and no
// staging. Tests build on it; the synth command and the cdktf app synthesize with synthesize.ts.
import * as path from 'node:path';
import { renderUnionFiles } from '../../src/files/union-files';
import type { RenderOptions } from '../../src/files/generated-header';
import type { Plan } from '../../src/plan/types';
import type { SynthSummary } from '../../src/synth/synthesize-into';
import { UNION_DIR, writeUnionFiles } from '../../src/synth/write-union-files';
import { writeStacks } from '../../src/synth/write-stacks';

/** Writes everything for `plan` into `outdir` (created if missing; its parent must exist). */
export function synthesizePlan(plan: Plan, outdir: string, options: RenderOptions = {}): SynthSummary {
  const resources = writeStacks(plan, outdir);
  const unionFiles = writeUnionFiles(renderUnionFiles(plan, options), path.join(outdir, UNION_DIR));
  return { stacks: plan.stacks.map((s) => s.name).sort(), resources, unionFiles };
}
