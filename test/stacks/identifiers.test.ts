// Fix 1 of issue 18: every Terraform identifier built from model names (outputs, resource and data
// source names, and the references that read them) is valid for every name the model accepts,
// including DNS labels that start with a digit; names that were valid keep their identifiers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terraformName } from '../../src/plan/terraform-name';
import { planOf } from '../helpers';
import { allStrings, synthApp, type TfJson } from './synth';

/** Terraform's identifier syntax: a letter or `_`, then letters, digits, `_` and `-`. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Every identifier a stack declares or references, with where it was found. */
function identifiersOf(tf: TfJson): [string, string][] {
  const out: [string, string][] = [];
  for (const name of Object.keys(tf.output ?? {})) out.push([name, 'output']);
  for (const [kind, blocks] of [['resource', tf.resource], ['data', tf.data]] as const)
    for (const [type, byName] of Object.entries(blocks ?? {})) for (const name of Object.keys(byName)) out.push([name, `${kind} ${type}`]);
  // `${a.b.c}` references: each traversal step is an identifier (no index or function calls are synthesized).
  for (const s of allStrings(tf)) for (const m of s.matchAll(/\$\{([^}]*)\}/g)) for (const step of m[1]!.split('.')) out.push([step, `reference ${m[0]}`]);
  return out;
}

const DIGIT_NAMES = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { 1dev: aws, 2prod: gcp }
projects: [3d-project]
onDemand: { perDomain: true, projects: [4later] }
aws: { region: us-east-1, parentId: r-ab12, organizationalUnits: perDomain, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", folders: perDomain, region: us-central1 }
naming: { gcp: "acme-union" }
clusters:
  5c: { account: 1dev/3d-project }
  6c: { account: 2prod/3d-project }
  7c: { account: default/1dev }
  10c: { account: default/2prod }
clusterPools:
  default: [7c]
  8pool: [5c]
  9pool: [6c]
  10pool: [10c]
`;

describe('Terraform identifiers from model names', () => {
  it('are valid in every stack when domain, project, cluster and pool names start with a digit', () => {
    const app = synthApp(planOf({ yaml: DIGIT_NAMES }));
    assert.ok(app.stacks.size >= 5);
    for (const [stack, tf] of app.stacks)
      for (const [id, where] of identifiersOf(tf)) assert.match(id, IDENTIFIER, `${stack}: ${where}`);
  });

  it('connect: the storage stack reads the accounts stack output under the name that stack writes', () => {
    const plan = planOf({ yaml: DIGIT_NAMES });
    const unit = plan.units.find((u) => u.key === '1dev/3d-project')!;
    assert.equal(unit.cloud === 'aws' && unit.accountIdOutput, '_1dev_3d-project_account_id');
    const app = synthApp(plan);
    assert.ok(app.stacks.get(unit.stack)!.output?.['_1dev_3d-project_account_id']);
    const storage = allStrings(app.stacks.get('pool-8pool')!).filter((s) => s.includes('.outputs.'));
    assert.ok(storage.length > 0 && storage.every((s) => s.includes('.outputs._1dev_3d-project_account_id}')), storage.join('\n'));
  });

  it('stay exactly as they were for names that are already valid (no rename of an existing estate)', () => {
    for (const name of ['development', 'default_development', 'production_project-1', '_x', 'a-1']) assert.equal(terraformName(name), name);
    assert.equal(terraformName('1dev'), '_1dev');
    assert.equal(terraformName('1dev_3d-project'), '_1dev_3d-project');
  });
});
