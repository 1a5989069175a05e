// States sized to the change (issue 17): in project isolation each pair has an accounts stack of its
// own, the domain's stack keeps the OU / folder the pairs share, and account creations never overlap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureText, planOf } from '../helpers';
import { remoteOutput, remoteStates, resourcesOf, stackOf, synthApp } from './synth';

const BASE = fixtureText('synth-project-isolation.yaml');
const PER_DOMAIN = BASE.replace('parentId: r-ab12,', 'parentId: r-ab12, organizationalUnits: perDomain,').replace('folderId: "1234567890",', 'folderId: "1234567890", folders: perDomain,');

describe('accounts stacks in project isolation', () => {
  const app = synthApp(planOf({ yaml: PER_DOMAIN }));

  it('creates each OU and folder once, in the domain stack, and outputs its id', () => {
    const aws = stackOf(app, 'aws-accounts-production');
    assert.deepEqual(Object.keys(resourcesOf(aws, 'aws_organizations_account')), []);
    const [ouId, ou] = Object.entries(resourcesOf(aws, 'aws_organizations_organizational_unit'))[0]!;
    assert.equal(ou.name, 'production');
    assert.equal(aws.output?.ou_production?.value, `\${aws_organizations_organizational_unit.${ouId}.id}`);
    const gcp = stackOf(app, 'gcp-projects-development');
    const [folderId] = Object.keys(resourcesOf(gcp, 'google_folder'));
    assert.equal(gcp.output?.folder_development?.value, `\${google_folder.${folderId}.folder_id}`);
    let ous = 0;
    for (const [, tf] of app.stacks) ous += Object.keys(resourcesOf(tf, 'aws_organizations_organizational_unit')).length;
    assert.equal(ous, 2, 'production and default, once each');
  });

  it('places each pair in the OU / folder of its domain, read from the domain stack', () => {
    for (const [stack, upstream, type, attribute, output] of [
      ['aws-accounts-production_analytics', 'aws-accounts-production', 'aws_organizations_account', 'parent_id', 'ou_production'],
      ['gcp-projects-development_flytesnacks', 'gcp-projects-development', 'google_project', 'folder_id', 'folder_development'],
    ] as const) {
      const tf = stackOf(app, stack);
      const states = Object.entries(remoteStates(tf));
      assert.equal(states.length, 1, stack);
      const [id, state] = states[0]!;
      assert.match(JSON.stringify(state.config), new RegExp(`terraform\\.${upstream}\\.tfstate`));
      const [, resource] = Object.entries(resourcesOf(tf, type))[0]!;
      assert.equal(resource[attribute], remoteOutput(id, output));
      assert.ok(app.dependencies.get(stack)!.includes(upstream), `${stack} is applied after ${upstream}`);
    }
  });

  it('keeps the default OU in the default stack, with its units, and no output nobody reads', () => {
    const tf = stackOf(app, 'aws-accounts-default');
    const [ouId] = Object.keys(resourcesOf(tf, 'aws_organizations_organizational_unit'));
    const [, account] = Object.entries(resourcesOf(tf, 'aws_organizations_account'))[0]!;
    assert.equal(account.parent_id, `\${aws_organizations_organizational_unit.${ouId}.id}`);
    assert.equal(tf.output?.ou_default, undefined);
    assert.deepEqual(remoteStates(tf), {});
  });
});

describe('account creations', () => {
  it('are chained across the AWS accounts stacks that create accounts: one stack at a time', () => {
    // The new project's pairs are sent to the default pool explicitly (else they would be an error).
    const plan = planOf({
      yaml:
        BASE.replace('projects: [flytesnacks, analytics]', 'projects: [flytesnacks, analytics, billing]') +
        'poolAssignments:\n  - { project: billing, domain: development, clusterPoolName: default, allowCrossIsolation: true }\n  - { project: billing, domain: production, clusterPoolName: default, allowCrossIsolation: true }\n',
    });
    const creators = plan.stacks.filter((s) => s.kind === 'accounts' && s.cloud === 'aws' && s.units.length > 0).map((s) => s.name);
    assert.deepEqual(creators, ['aws-accounts-default', 'aws-accounts-production_analytics', 'aws-accounts-production_billing', 'aws-accounts-production_flytesnacks']);
    const after = new Map(plan.stacks.map((s) => [s.name, s.after ?? []]));
    creators.forEach((name, i) => assert.deepEqual(after.get(name), i === 0 ? [] : [creators[i - 1]], name));
    const app = synthApp(plan);
    for (const [i, name] of creators.entries()) if (i > 0) assert.ok(app.dependencies.get(name)!.includes(creators[i - 1]!), name);
    // Order only: no stack reads the outputs of the one before it.
    assert.deepEqual(remoteStates(stackOf(app, 'aws-accounts-production_billing')), {});
  });

  it('are chained within a stack that creates several accounts, skipping adopted ones', () => {
    // Per-domain default accounts of two AWS domains share the default stack.
    const yaml = BASE.replace('domains: { development: gcp, production: aws }', 'domains: { development: aws, production: aws }')
      .replace('onDemand: { cloud: aws, projects: [ml-experiments] }', 'onDemand: { perDomain: true, projects: [ml-experiments] }')
      .replace('shared: { account: default }', 'shared: { account: default/production }\n  shared-dev: { account: default/development }')
      .replace('  on-demand-cp: [shared]', '  on-demand-cp: [shared]\n  on-demand-dev-cp: [shared-dev]');
    const plan = planOf({ yaml });
    assert.deepEqual(plan.stacks.find((s) => s.name === 'aws-accounts-default')!.units, ['default/development', 'default/production']);
    const tf = stackOf(synthApp(plan), 'aws-accounts-default');
    const accounts = Object.entries(resourcesOf(tf, 'aws_organizations_account'));
    assert.equal(accounts.length, 2);
    const [firstId, first] = accounts.find(([, a]) => a.name === 'acme-default-development')!;
    const [, second] = accounts.find(([, a]) => a.name === 'acme-default-production')!;
    assert.equal(first.depends_on, undefined);
    assert.deepEqual(second.depends_on, [`aws_organizations_account.${firstId}`]);

    const adopted = planOf({ yaml: `${yaml}accounts:\n  default/development: { existingId: "123456789012" }\n` });
    const adoptedTf = stackOf(synthApp(adopted), 'aws-accounts-default');
    for (const [, a] of Object.entries(resourcesOf(adoptedTf, 'aws_organizations_account'))) assert.equal(a.depends_on, undefined, String(a.name));
  });
});
