// Helpers for construct tests: a stack with both providers, synthesized to parsed JSON with cdktf's
// Testing (metadata stripped, keys sorted), and typed access to what the tests read.
import assert from 'node:assert/strict';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';

export type Block = Record<string, unknown>;

export interface TfJson {
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
  readonly output?: Record<string, { readonly value: unknown }>;
  readonly provider?: Record<string, Block[]>;
  readonly terraform?: {
    readonly backend?: Record<string, Block>;
    readonly cloud?: Block;
    readonly required_providers?: Record<string, Block>;
  };
  readonly import?: readonly { readonly id: string; readonly to: string }[];
}

/** A fresh stack in a testing app, with both providers so any construct can be placed in it. */
export function testStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  new GoogleProvider(stack, 'google', { region: 'us-central1' });
  return stack;
}

export function synth(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack)) as TfJson;
}

/** Every resource of `type`, by logical id. */
export function resourcesOf(tf: TfJson, type: string): Record<string, Block> {
  return tf.resource?.[type] ?? {};
}

/** The single resource of `type`, with its logical id; fails the test when there are none or several. */
export function onlyResource(tf: TfJson, type: string): { readonly id: string; readonly block: Block } {
  const entries = Object.entries(resourcesOf(tf, type));
  assert.equal(entries.length, 1, `expected exactly one ${type}, found ${entries.length}`);
  const [id, block] = entries[0]!;
  return { id, block };
}

/** The `${type.id.attr}` expression Terraform reads another resource's attribute with. */
export function ref(type: string, id: string, attribute: string): string {
  return `\${${type}.${id}.${attribute}}`;
}
