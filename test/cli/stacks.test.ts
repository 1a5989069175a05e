// union-isolation stacks and diff's stacks (issue 17), as CI runs them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanTemporaryDirs, fixtureText, runCli, temporaryDir } from '../helpers';

after(cleanTemporaryDirs);

describe('union-isolation stacks', () => {
  const dir = temporaryDir('ui-stacks-cli-');
  const base = path.join(dir, 'base.yaml');
  const next = path.join(dir, 'next.yaml');
  const yaml = fixtureText('synth-project-isolation.yaml');
  writeFileSync(base, yaml);
  writeFileSync(
    next,
    yaml
      .replace('projects: [flytesnacks, analytics]', 'projects: [flytesnacks, analytics, billing]')
      .replace('  shared: { account: default }', '  shared: { account: default }\n  dev-billing: { account: development/billing }\n  prod-billing: { account: production/billing }')
      .replace('  default: [shared]', '  default: [shared]\n  dev-billing-cp: [dev-billing]\n  prod-billing-cp: [prod-billing]'),
  );

  it('lists the touched stacks in apply order, split by whether they can be planned now', () => {
    const all = runCli(['stacks', '--changed', '--base', base, '-m', next]);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.stdout.trim().split('\n'), ['aws-accounts-production_billing', 'gcp-projects-development_billing', 'pool-dev-billing-cp', 'pool-prod-billing-cp']);
    // A GCP storage stack names its project by id: it can be planned before the project exists.
    assert.deepEqual(runCli(['stacks', '--changed', '--base', base, '-m', next, '--ready']).stdout.trim().split('\n'), ['aws-accounts-production_billing', 'gcp-projects-development_billing', 'pool-dev-billing-cp']);
    assert.deepEqual(runCli(['stacks', '--changed', '--base', base, '-m', next, '--waiting']).stdout.trim().split('\n'), ['pool-prod-billing-cp']);
  });

  it('says in one line on stderr that nothing changed, so a CI log shows it ran; quiet when something did', () => {
    const same = runCli(['stacks', '--changed', '--base', base, '-m', base]);
    assert.equal(same.code, 0, same.stderr);
    assert.equal(same.stdout, '');
    assert.match(same.stderr, /^union-isolation stacks: no stack changed against .*base\.yaml\.\n$/);
    assert.match(runCli(['stacks', '--changed', '--base', base, '-m', base, '--waiting']).stderr, /^union-isolation stacks: no stack waiting on an upstream apply against /);
    assert.equal(runCli(['stacks', '--changed', '--base', base, '-m', next]).stderr, '');
  });

  it('gives diff --json a stacks key', () => {
    const r = runCli(['diff', '--base', base, '-m', next, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout).stacks;
    assert.deepEqual(s.waitsOn, { 'pool-prod-billing-cp': ['aws-accounts-production_billing'] });
    assert.deepEqual(s.changed, []);
  });

  it('refuses options that do not go together, and a base plan that is not one', () => {
    assert.equal(runCli(['stacks', '--ready']).code, 2);
    assert.equal(runCli(['stacks', '--changed', '-m', next]).code, 2);
    const bad = path.join(dir, 'plan.json');
    writeFileSync(bad, '{"version": 2}');
    const r = runCli(['stacks', '--changed', '--base-plan', bad, '-m', next]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not a union-isolation plan.json of version 1/);
  });

  it('with HCP Terraform, lists hcp-bootstrap first when its workspaces change, and the new stacks wait on it', () => {
    const backend = '\nbackend: { type: cloud, organization: acme, workspacePrefix: ui-, executionMode: local }\n';
    const [hcpBase, hcpNext] = [path.join(dir, 'hcp-base.yaml'), path.join(dir, 'hcp-next.yaml')];
    writeFileSync(hcpBase, yaml + backend);
    writeFileSync(hcpNext, readFileSync(next, 'utf8') + backend);
    const ready = runCli(['stacks', '--changed', '--base', hcpBase, '-m', hcpNext, '--ready']);
    assert.equal(ready.code, 0, ready.stderr);
    // Without its workspace, a new stack's `terraform init` fails: only the bootstrap can be planned now.
    assert.deepEqual(ready.stdout.trim().split('\n'), ['hcp-bootstrap']);
    assert.deepEqual(runCli(['stacks', '--changed', '--base', hcpBase, '-m', hcpNext, '--waiting']).stdout.trim().split('\n'), ['aws-accounts-production_billing', 'gcp-projects-development_billing', 'pool-dev-billing-cp', 'pool-prod-billing-cp']);
    assert.equal(runCli(['stacks', '-m', hcpNext]).stdout.split('\n')[0], 'hcp-bootstrap');
    // A change the bootstrap does not see leaves it out.
    assert.equal(runCli(['stacks', '--changed', '--base', hcpBase, '-m', hcpBase]).stdout, '');
    // Keys only the bootstrap reads change it alone; a credential that local runs never use changes nothing.
    const only = (edit: string) => {
      writeFileSync(hcpNext, yaml + backend.replace('executionMode: local', edit));
      return runCli(['stacks', '--changed', '--base', hcpBase, '-m', hcpNext]).stdout;
    };
    assert.equal(only('executionMode: local, project: estate, terraformVersion: 1.11.5'), 'hcp-bootstrap\n');
    assert.equal(only('executionMode: local, awsRunRoleArn: "arn:aws:iam::123456789012:role/hcp"'), '');
  });
});
