// The stacks' prepareStack override (no cross-stack-reference pass, stacks/union-stack.ts), with the
// speedups of synthesis on one side only, must not change a byte, and must stay valid: no stack may
// refer to an element of another stack, which is what cdktf's skipped pass would have wired up.
// (test/speedups/on-off.test.ts compares whole outputs, speedups on and off, in separate processes.)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TerraformStack } from 'cdktf';
import { buildApp } from '../../stacks/app';
import { synthesizePlan } from '../synth/synthesize-plan';
import { UnionStack } from '../../stacks/union-stack';
import type { Plan } from '../../src/plan/types';
import { planOf } from '../helpers';

const MODELS = ['../../stacks/isolation.yaml', 'synth-project-isolation.yaml', 'synth-domain-isolation.yaml', 'seed-cluster-pools.yaml'];

function stackFiles(outdir: string): Map<string, string> {
  const dir = path.join(outdir, 'stacks');
  return new Map(readdirSync(dir).map((s) => [s, readFileSync(path.join(dir, s, 'cdk.tf.json'), 'utf8')]));
}

/** cdktf as it is, with none of the shortcuts. */
function plainSynth(plan: Plan, outdir: string): void {
  const fast = Object.getOwnPropertyDescriptor(UnionStack.prototype, 'prepareStack')!;
  Object.defineProperty(UnionStack.prototype, 'prepareStack', { ...fast, value: TerraformStack.prototype.prepareStack });
  try {
    buildApp(plan, outdir).synth();
  } finally {
    Object.defineProperty(UnionStack.prototype, 'prepareStack', fast);
  }
}

describe('lean synthesis', () => {
  for (const model of MODELS) {
    it(`writes the same bytes as plain cdktf for ${path.basename(model)}`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ui-lean-'));
      try {
        const plan = planOf({ fixture: model });
        synthesizePlan(plan, path.join(dir, 'lean'));
        plainSynth(plan, path.join(dir, 'plain'));
        const lean = stackFiles(path.join(dir, 'lean'));
        const plain = stackFiles(path.join(dir, 'plain'));
        assert.deepEqual([...lean.keys()].sort(), [...plain.keys()].sort());
        for (const [stack, json] of plain) assert.equal(lean.get(stack), json, `${stack} differs`);

        // Every reference in a stack names an element of that same stack.
        for (const [stack, json] of lean) {
          const tf = JSON.parse(json) as Record<string, Record<string, Record<string, unknown>>>;
          const own = new Set<string>();
          for (const [type, blocks] of Object.entries(tf.resource ?? {})) for (const id of Object.keys(blocks)) own.add(`${type}.${id}`);
          for (const [type, blocks] of Object.entries(tf.data ?? {})) for (const id of Object.keys(blocks)) own.add(`data.${type}.${id}`);
          for (const m of json.matchAll(/\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)/g)) assert.ok(own.has(m[1]!), `${stack} refers to ${m[1]} outside itself`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
