// Options few models use, each in a test where it changes the output: adopted accounts in the
// account-creation chain, attribute files differing only in case, a custom BYOC role name, an
// adopted GCP project with an explicit name, node group names at their limit, separate
// fast-registration buckets on GCP, and YAML 1.1 words in any case.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { yamlScalar } from '../../src/files/yaml-scalar';
import { compileYaml, expectFindings, findingLines, planOf, ROOT } from '../helpers';
import { resourcesOf, synthApp } from '../stacks/synth';

const AWS_PAIRS = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { production: aws }
projects: [alpha, beta, gamma]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
clusters:
  a: { account: production/alpha }
  b: { account: production/beta }
  c: { account: production/gamma }
clusterPools:
  a-cp: [a]
  b-cp: [b]
  c-cp: [c]
`;

describe('rare options change the output', () => {
  it('an adopted account is not in the account-creation chain; the creators after it chain past it', () => {
    const plain = planOf({ yaml: AWS_PAIRS });
    const after = (plan: typeof plain, s: string) => plan.stacks.find((x) => x.name === s)!.after;
    assert.deepEqual(after(plain, 'aws-accounts-production_beta'), ['aws-accounts-production_alpha']);
    const adopted = planOf({ yaml: AWS_PAIRS.replace('clusters:', 'accounts:\n  production/beta: { existingId: "123456789012" }\nclusters:') });
    assert.equal(after(adopted, 'aws-accounts-production_alpha'), undefined);
    assert.equal(after(adopted, 'aws-accounts-production_beta'), undefined, 'adopting creates nothing: no wait');
    assert.deepEqual(after(adopted, 'aws-accounts-production_gamma'), ['aws-accounts-production_alpha']);
    // Storage stacks create no account either.
    assert.equal(after(adopted, 'pool-a-cp'), undefined);
  });

  it('fails when two attribute files differ only in case (they collide on macOS and Windows)', () => {
    const yaml = `${AWS_PAIRS}poolAssignments:\n  - { project: alpha, domain: production, workflow: Train, clusterPoolName: a-cp }\n  - { project: alpha, domain: production, workflow: train, clusterPoolName: a-cp }\n`;
    expectFindings(compileYaml(yaml), /attribute file name/);
    // Neither name in lower case: the collision is found whichever comes first.
    expectFindings(compileYaml(yaml.replace('workflow: Train', 'workflow: wf_Ab').replace('workflow: train', 'workflow: wf_aB')), /attribute file name is not unique \(found "alpha-production-wf_/);
    // Different names that are not the same in any case are fine.
    planOf({ yaml: yaml.replace('workflow: train', 'workflow: trainer') });
  });

  it('a custom BYOC role name reaches the plan and every CloudFormation stack', () => {
    const byoc = readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8');
    const custom = byoc.replace(/roleName: union-ai-admin/, 'roleName: acme-union-admin');
    assert.notEqual(custom, byoc);
    const plan = planOf({ yaml: custom });
    assert.equal(plan.byoc!.aws!.roleName, 'acme-union-admin');
    const app = synthApp(plan);
    const access = [...app.stacks].filter(([n]) => n.startsWith('aws-union-access-'));
    assert.ok(access.length > 0);
    for (const [, tf] of access)
      for (const cfn of Object.values(resourcesOf(tf, 'aws_cloudformation_stack'))) assert.equal((cfn.parameters as Record<string, string>).CrossAccountRoleName, 'acme-union-admin');
  });

  it('an adopted GCP project keeps its id: an explicit name equal to it is accepted, another one is a finding', () => {
    const gcp = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { development: gcp }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
accounts:
  development: { existingId: legacy-dev-1234, name: NAME }
clusters:
  dev: { account: development }
clusterPools:
  dev-cp: [dev]
`;
    const plan = planOf({ yaml: gcp.replace('NAME', 'legacy-dev-1234') });
    assert.equal(plan.units[0]!.name, 'legacy-dev-1234');
    expectFindings(compileYaml(gcp.replace('NAME', 'acme-development')), /accounts\.development\.name: .*acme-development/);
  });

  it('BYOC needs byoc.externalId with one AWS unit as much as with several, and not with none', () => {
    const byoc = readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8').replace(/^ {2}externalId: .*\n/m, '');
    // The bundled BYOC model has one AWS unit (production).
    expectFindings(compileYaml(byoc), /byoc: .*externalId|byoc\.externalId/);
    const noAws = compileYaml(byoc.replace('production: aws', 'production: gcp'));
    assert.ok(!findingLines(noAws).some((l) => /externalId/.test(l)), findingLines(noAws).join('\n'));
  });

  it('a node group name of 63 characters; 64 refused', () => {
    const byoc = readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8');
    const named = (n: string) => byoc.replace('      cpu: { instanceType: m5.2xlarge', `      ${n}: { instanceType: m5.2xlarge`);
    assert.deepEqual(findingLines(compileYaml(named('a'.repeat(63)))).filter((l) => !/warning/.test(l)), []);
    expectFindings(compileYaml(named('a'.repeat(64))), /nodeGroups\.a{64}/);
  });

  it('a separate fast-registration bucket on GCP is a bucket of its own, in the outputs and Helm values', () => {
    const gcp = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { development: gcp }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev: { account: development }
clusterPools:
  dev-cp: { clusters: [dev], fastRegistration: separate }
`;
    const plan = planOf({ yaml: gcp });
    const group = plan.storageGroups[0]!;
    assert.notEqual(group.fastRegistrationBucket, group.bucket);
    const tf = synthApp(plan).stacks.get(group.stack)!;
    const names = Object.values(resourcesOf(tf, 'google_storage_bucket')).map((b) => String(b.name)).sort();
    assert.deepEqual(names, [group.bucket, group.fastRegistrationBucket].sort());
    const pool = (tf.output as Record<string, { value: Record<string, string> }>)['pool_dev-cp']!.value;
    assert.equal(pool.fast_registration_bucket, group.fastRegistrationBucket);
  });

  it('YAML 1.1 words are quoted in any case', () => {
    for (const w of ['yes', 'Yes', 'YES', 'On', 'TRUE', 'Null', 'N', 'off']) assert.equal(yamlScalar(w), JSON.stringify(w), w);
    assert.equal(yamlScalar('Yesterday'), 'Yesterday');
  });
});
