// Adding to a model never changes what exists: every resource, output, provider and backend of the
// smaller model's synthesis is byte-for-byte the same JSON in the larger one's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureText, planOf } from '../helpers';
import { synthApp, type SynthesizedApp } from './synth';

function synthOf(yaml: string): SynthesizedApp {
  return synthApp(planOf({ yaml }));
}

/** Every addressable part of every stack: `stack resource.type.id` (and data, output, provider, backend) -> its JSON. */
function parts(app: SynthesizedApp): Map<string, string> {
  const out = new Map<string, string>();
  for (const [stack, tf] of app.stacks) {
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, blocks] of Object.entries(tf[kind] ?? {})) {
        for (const [id, block] of Object.entries(blocks)) out.set(`${stack} ${kind}.${type}.${id}`, JSON.stringify(block));
      }
    }
    for (const [name, output] of Object.entries(tf.output ?? {})) out.set(`${stack} output.${name}`, JSON.stringify(output));
    for (const [name, provider] of Object.entries(tf.provider ?? {})) out.set(`${stack} provider.${name}`, JSON.stringify(provider));
    out.set(`${stack} terraform`, JSON.stringify(tf.terraform));
    out.set(`${stack} import`, JSON.stringify(tf.import ?? []));
  }
  return out;
}

function assertUnchanged(before: SynthesizedApp, after: SynthesizedApp): void {
  const a = parts(after);
  let compared = 0;
  for (const [key, json] of parts(before)) {
    assert.ok(a.has(key), `${key} disappeared`);
    assert.equal(a.get(key), json, `${key} changed`);
    compared++;
  }
  assert.ok(compared > 50, 'the comparison must cover the whole model');
}

const BASE = fixtureText('synth-project-isolation.yaml');

describe('adding to the model', () => {
  const before = synthOf(BASE);

  it('leaves every existing resource unchanged when a project is added at onboarding', () => {
    // A known project without clusters yet says where its work runs until it has some (issue 16).
    const after = synthOf(
      BASE.replace('projects: [flytesnacks, analytics]', 'projects: [flytesnacks, analytics, billing]') +
        'poolAssignments:\n  - { project: billing, domain: development, clusterPoolName: default }\n  - { project: billing, domain: production, clusterPoolName: default }\n',
    );
    assertUnchanged(before, after);
    const names = Object.values(after.stacks.get('aws-accounts-production_billing')!.resource!.aws_organizations_account!).map((a) => a.name);
    assert.deepEqual(names, ['acme-production-billing']);
    // Only new states: every stack of the smaller model has the same JSON.
    for (const [name, tf] of before.stacks) assert.equal(JSON.stringify(after.stacks.get(name)), JSON.stringify(tf), name);
  });

  it('leaves every existing resource unchanged when an on-demand project is added', () => {
    const after = synthOf(BASE.replace('projects: [ml-experiments]', 'projects: [ml-experiments, forecasting]'));
    assertUnchanged(before, after);
    // An on-demand project lands in the default account: no new account, bucket or stack.
    assert.deepEqual([...after.stacks.keys()], [...before.stacks.keys()]);
    assert.deepEqual(parts(after), parts(before));
  });

  it('leaves every existing resource unchanged when pools and clusters are added', () => {
    const grown = BASE.replace(
      'clusterPools:\n',
      '  prod-flytesnacks-2: { account: production/flytesnacks, region: eu-west-1 }\n  dev-gpu: { account: development/analytics }\nclusterPools:\n',
    ).replace('  prod-analytics-cp: [prod-analytics]\n', '  prod-analytics-cp: [prod-analytics]\n  prod-eu-cp: [prod-flytesnacks-2]\n  dev-gpu-cp: [dev-gpu]\n');
    const grownAssigned = `${grown}poolAssignments:\n  - { project: flytesnacks, domain: production, clusterPoolName: prod-flytesnacks-cp }\n  - { project: analytics, domain: development, clusterPoolName: dev-analytics-cp }\n`;
    const after = synthOf(grownAssigned);
    assertUnchanged(before, after);
    assert.ok(after.stacks.has('pool-prod-eu-cp') && after.stacks.has('pool-dev-gpu-cp'));
  });

  it('leaves every existing resource unchanged when a domain is added', () => {
    const after = synthOf(
      BASE.replace('domains: { development: gcp, production: aws }', 'domains: { development: gcp, staging: gcp, production: aws }') +
        'poolAssignments:\n  - { project: flytesnacks, domain: staging, clusterPoolName: default }\n  - { project: analytics, domain: staging, clusterPoolName: default }\n',
    );
    assertUnchanged(before, after);
    assert.ok(after.stacks.has('gcp-projects-staging_analytics'));
    for (const [name, tf] of before.stacks) assert.equal(JSON.stringify(after.stacks.get(name)), JSON.stringify(tf), name);
  });

  it('fails when an existing resource changes (the comparison is not vacuous)', () => {
    const after = synthOf(BASE.replace('region: us-east-1, parentId: r-ab12', 'region: us-east-1, parentId: r-cd34'));
    assert.throws(() => assertUnchanged(before, after), /aws_organizations_account\..* changed/);
  });
});
