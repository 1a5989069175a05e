// Reading what synthesis wrote, for the property suites: the files of an output directory and the
// addressable parts of every stack's Terraform JSON.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '../../src/plan/types';
import { synthesizePlan } from '../synth/synthesize-plan';
import { temporaryDir } from '../helpers';

export { cleanTemporaryDirs, temporaryDir, treeOf } from '../helpers';

/** Synthesizes `plan` into a fresh directory and returns it. */
export function synthesizeFresh(plan: Plan): string {
  const out = path.join(temporaryDir(), 'out');
  synthesizePlan(plan, out);
  return out;
}

type Blocks = Record<string, Record<string, unknown>>;
interface StackJson {
  resource?: Record<string, Blocks>;
  data?: Record<string, Blocks>;
  output?: Blocks;
  provider?: Record<string, unknown>;
  terraform?: unknown;
  import?: unknown[];
}

export interface TerraformParts {
  /** `stack kind.type.id` -> JSON, for resources, data sources, outputs, providers, backend and imports. */
  readonly parts: ReadonlyMap<string, string>;
  /** Resources with `lifecycle.prevent_destroy`: accounts, projects, buckets (`stack type.id` -> JSON). */
  readonly protectedResources: ReadonlyMap<string, string>;
  /** Every resource and output name, for the identifier check. */
  readonly identifiers: readonly string[];
}

/** The addressable parts of every stack under `out/stacks/`. */
export function terraformParts(out: string): TerraformParts {
  const parts = new Map<string, string>();
  const protectedResources = new Map<string, string>();
  const identifiers: string[] = [];
  for (const stack of readdirSync(path.join(out, 'stacks')).sort()) {
    const tf = JSON.parse(readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, blocks] of Object.entries(tf[kind] ?? {})) {
        for (const [id, block] of Object.entries(blocks)) {
          const json = JSON.stringify(withoutMetadata(block));
          parts.set(`${stack} ${kind}.${type}.${id}`, json);
          if (kind === 'resource') identifiers.push(id);
          const lifecycle = (block as { lifecycle?: { prevent_destroy?: boolean } }).lifecycle;
          if (kind === 'resource' && lifecycle?.prevent_destroy === true) protectedResources.set(`${stack} ${type}.${id}`, json);
        }
      }
    }
    for (const [name, output] of Object.entries(tf.output ?? {})) {
      parts.set(`${stack} output.${name}`, JSON.stringify(output));
      identifiers.push(name);
    }
    for (const [name, provider] of Object.entries(tf.provider ?? {})) parts.set(`${stack} provider.${name}`, JSON.stringify(provider));
    parts.set(`${stack} terraform`, JSON.stringify(tf.terraform));
    // Imports one by one: adopting a new account adds an import block, and changes none of the others.
    for (const block of tf.import ?? []) parts.set(`${stack} import ${String((block as { to?: unknown }).to)}`, JSON.stringify(block));
  }
  return { parts, protectedResources, identifiers };
}

/** cdktf's `//` metadata holds construct paths, which are not part of the resource. */
function withoutMetadata(block: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(block).filter(([key]) => key !== '//'));
}
