// The model's `retired` record: which stacks it keeps (forgetting their resources), which it lets go
// (destroy: true), and a located finding for each way it can be wrong.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, findingLines, planOf } from '../helpers';

const BASE = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { production: aws }
projects: [flytesnacks]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
clusters:
  prod-flytesnacks: { account: production/flytesnacks }
clusterPools:
  prod-flytesnacks-cp: [prod-flytesnacks]
`;
const ACCOUNT = 'aws_organizations_account.units_production_analytics_account_94CF70BD';
const BUCKET = 'aws_s3_bucket.metadata-bucket_51297F83';

describe('retired stacks', () => {
  it('keeps a forgotten stack in the plan, kind retired, its addresses sorted, on the cloud they name', () => {
    const plan = planOf({ yaml: `${BASE}retired:\n  pool-prod-analytics-cp: { forget: [${BUCKET}, aws_iam_role.identities_prod-analytics_role_92301B09] }\n` });
    const kept = plan.stacks.find((s) => s.name === 'pool-prod-analytics-cp');
    assert.deepEqual(kept, {
      name: 'pool-prod-analytics-cp',
      kind: 'retired',
      cloud: 'aws',
      units: [],
      storageGroup: null,
      dependsOn: [],
      forget: ['aws_iam_role.identities_prod-analytics_role_92301B09', BUCKET],
    });
    assert.equal(plan.destroyedStacks, undefined);
    // Sorted among the others by name.
    assert.deepEqual(plan.stacks.map((s) => s.name), ['aws-accounts-production_flytesnacks', 'pool-prod-analytics-cp', 'pool-prod-flytesnacks-cp']);
  });

  it('a google_ address makes a GCP stack', () => {
    const plan = planOf({ yaml: `${BASE}retired:\n  gcp-projects-development_a: { forget: [google_project.units_development_a_project_0A1B2C3D] }\n` });
    assert.equal(plan.stacks.find((s) => s.name === 'gcp-projects-development_a')!.cloud, 'gcp');
  });

  it('lists the destroy opt-ins, sorted, and keeps them out of the stacks', () => {
    const plan = planOf({ yaml: `${BASE}retired:\n  pool-b: { destroy: true }\n  aws-accounts-production_analytics: { destroy: true }\n` });
    assert.deepEqual(plan.destroyedStacks, ['aws-accounts-production_analytics', 'pool-b']);
    assert.equal(plan.stacks.some((s) => s.kind === 'retired'), false);
  });

  it('a model without retired has the plan it had (no new keys in plan.json)', () => {
    const plan = planOf({ yaml: BASE });
    assert.equal('destroyedStacks' in plan, false);
  });

  it('fails when a retired stack is still synthesized', () => {
    const f = expectFindings(compileYaml(`${BASE}retired:\n  pool-prod-flytesnacks-cp: { forget: [${BUCKET}] }\n`), /^model\.yaml:12:3 retired\.pool-prod-flytesnacks-cp: this stack is retired but the model still synthesizes it/);
    assert.equal(f.length, 1);
  });

  it('fails when the key is not a stack name', () => {
    for (const bad of ['analytics', 'pool-', 'hcp-bootstrap', 'aws-accounts-Production', 'pool-../x', 'pool-a/b', 'pool-a.b', 'pool-a b', 'xpool-a']) {
      const lines = findingLines(compileYaml(`${BASE}retired:\n  ${JSON.stringify(bad)}: { destroy: true }\n`));
      assert.ok(lines.some((l) => l.includes('this is not the name of a stack the tool writes')), `${bad}: ${lines.join('\n')}`);
    }
    // The shortest and a long stack name pass.
    planOf({ yaml: `${BASE}retired:\n  pool-a: { destroy: true }\n  aws-union-access-production_${'a'.repeat(63)}: { destroy: true }\n` });
  });

  it('fails when neither forget nor destroy: true is given, or both', () => {
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: {}\n`), /^model\.yaml:12:11 retired\.pool-a: a retired stack needs what its state keeps/);
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: { destroy: false }\n`), /retired\.pool-a: a retired stack needs/);
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: { forget: [] }\n`), /^model\.yaml:12:\d+ retired\.pool-a\.forget: a retired stack needs/);
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: { forget: [${BUCKET}], destroy: true }\n`), /retired\.pool-a: a retired stack either forgets its resources or destroys them, not both/);
    // destroy: false beside a forget list is the default said out loud.
    planOf({ yaml: `${BASE}retired:\n  pool-a: { forget: [${BUCKET}], destroy: false }\n` });
  });

  it('fails on an address that is not TYPE.NAME of an AWS or Google resource, and on one listed twice', () => {
    for (const bad of ['aws_s3_bucket', 'module.x.aws_s3_bucket.y', 'data.aws_caller_identity.me', 'aws_s3_bucket.x[0]', 'tfe_workspace.w', 'random_id.x', 'Aws_s3_bucket.x', 'aws_s3_bucket.1x']) {
      const lines = findingLines(compileYaml(`${BASE}retired:\n  pool-a: { forget: [${JSON.stringify(bad)}] }\n`));
      assert.ok(lines.some((l) => /retired\.pool-a\.forget\[0\]: this is not the address of a resource/.test(l)), `${bad}: ${lines.join('\n')}`);
    }
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: { forget: [${BUCKET}, ${BUCKET}] }\n`), /retired\.pool-a\.forget\[1\]: this address is listed twice/);
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: { forget: [${BUCKET}, google_storage_bucket.metadata-bucket_0A1B2C3D] }\n`), /retired\.pool-a\.forget: a stack holds resources of one cloud/);
  });

  it('reports every wrong record at once', () => {
    const f = expectFindings(compileYaml(`${BASE}retired:\n  pool-a: {}\n  nope: { destroy: true }\n  pool-b: { forget: [x] }\n`));
    assert.equal(f.length, 3);
  });

  it('fails on an unknown key in a record', () => {
    expectFindings(compileYaml(`${BASE}retired:\n  pool-a: { forgte: [${ACCOUNT}] }\n`), /retired\.pool-a/);
  });
});
