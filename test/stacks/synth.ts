// Helpers for stack tests: synthesize a plan's app in memory with cdktf's Testing (metadata
// stripped, keys sorted) and read what the tests assert on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import type { Plan } from '../../src/plan/types';
import { buildApp } from '../../stacks/app';
import { resourcesOf, type Block, type TfJson } from '../constructs/synth';

export { onlyResource, ref, resourcesOf, type Block, type TfJson } from '../constructs/synth';

export interface SynthesizedApp {
  /** Each stack's Terraform JSON, by stack name. */
  readonly stacks: ReadonlyMap<string, TfJson>;
  /** Each stack's declared dependencies (`addDependency`), by stack name. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
}

export function synthApp(plan: Plan): SynthesizedApp {
  // buildApp creates its outdir; nothing is written to it by Testing.synth.
  const dir = mkdtempSync(path.join(tmpdir(), 'ui-stacks-'));
  try {
    const app = buildApp(plan, path.join(dir, 'out'));
    const stacks = new Map<string, TfJson>();
    const dependencies = new Map<string, readonly string[]>();
    for (const child of app.node.children) {
      if (!TerraformStack.isStack(child)) continue;
      stacks.set(child.node.id, JSON.parse(Testing.synth(child)) as TfJson);
      dependencies.set(
        child.node.id,
        child.dependencies.map((d) => d.node.id),
      );
    }
    return { stacks, dependencies };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function stackOf(app: SynthesizedApp, name: string): TfJson {
  const tf = app.stacks.get(name);
  assert.ok(tf, `no stack '${name}'; stacks: ${[...app.stacks.keys()].join(', ')}`);
  return tf;
}

/** The resources of `type` over all stacks, as `stack -> [logical id, block]`. */
export function resourcesByStack(app: SynthesizedApp, type: string): Map<string, [string, Block][]> {
  const found = new Map<string, [string, Block][]>();
  for (const [name, tf] of app.stacks) {
    const entries = Object.entries(resourcesOf(tf, type));
    if (entries.length > 0) found.set(name, entries);
  }
  return found;
}

/** The remote-state data sources of a stack, by logical id. */
export function remoteStates(tf: TfJson): Record<string, Block> {
  return tf.data?.terraform_remote_state ?? {};
}

/** The expression a stack reads `output` of the remote state `id` with. */
export function remoteOutput(id: string, output: string): string {
  return `\${data.terraform_remote_state.${id}.outputs.${output}}`;
}

/** Every string anywhere in a JSON value, for checks over a whole stack. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
