// Regressions for what the property and hostile-input suites found in the model and the resolver,
// each pinned by an example: the finding's wording and place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN, planOf } from '../helpers';

const withAws = (settings: string) => MINIMAL_DOMAIN.replace('emailTemplate: "aws+{name}@acme.example" }', `emailTemplate: "aws+{name}@acme.example", ${settings} }`);

describe('strings that reach Terraform', () => {
  it('fails when an explicit AWS account name holds ${ or %{, which Terraform would evaluate', () => {
    const yaml = MINIMAL_DOMAIN.replace('aws:', 'accounts:\n  production: { name: "acme ${path.cwd}", email: "prod@acme.example" }\naws:');
    const [f] = expectFindings(compileYaml(yaml), 'accounts.production.name: AWS account name is not valid (found "acme ${path.cwd}"; allowed 1-50 printable characters, without "${" or "%{"');
    assert.equal(f!.line, 6);
  });

  it('fails when the role name, KMS key, labels or backend settings are not what their cloud accepts', () => {
    const yaml = withAws('roleName: "x/../${y}", kmsKeyId: "${path.module}"')
      .replace('region: us-central1 }', 'region: us-central1, labels: { "Bad Key": "%{ if true }" } }')
      .concat('backend: { type: s3, bucket: "${b}", region: "US East", keyPrefix: "a\\nb" }\n');
    expectFindings(
      compileYaml(yaml),
      'aws.roleName: invalid value (found "x/../${y}"; allowed an IAM role name',
      'aws.kmsKeyId: invalid value (found "${path.module}"; allowed a KMS key ARN, key id, alias ARN or alias/NAME)',
      'gcp.labels["Bad Key"]: invalid value (found "Bad Key"; allowed a label key',
      'gcp.labels["Bad Key"]: invalid value (found "%{ if true }"; allowed a label value',
      'backend.bucket: invalid value (found "${b}"; allowed text without control characters, "${" or "%{")',
      'backend.keyPrefix: invalid value (found "a\\nb"',
      'backend.region: invalid value (found "US East"; allowed an AWS region',
    );
  });

  it('accepts what the clouds document: role names, key ARNs and aliases, international labels', () => {
    for (const settings of ['roleName: "Union+Admin@x.y_z-1"', 'kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"'])
      planOf({ yaml: withAws(settings) });
    // An alias or key id names a key of the bucket's own account: one that exists, so an adopted one.
    for (const settings of ['kmsKeyId: alias/union', 'kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab"'])
      planOf({ yaml: `${withAws(settings)}accounts:\n  production: { existingId: "123456789012" }\n` });
    planOf({ yaml: MINIMAL_DOMAIN.replace('region: us-central1 }', 'region: us-central1, labels: { équipe: données, env: "" } }') });
  });
});

describe('names that must stay unique', () => {
  it('fails when two units adopt the same existing AWS account', () => {
    const yaml = MINIMAL_DOMAIN.replace('domains: { development: gcp, production: aws }', 'domains: { development: aws, production: aws }').replace(
      'aws:',
      'accounts:\n  development: { existingId: "123456789012" }\n  production: { existingId: "123456789012" }\naws:',
    );
    expectFindings(compileYaml(yaml), 'accounts.production.existingId: the same existing account is adopted by two units (found "123456789012";');
  });

  it('fails when two workflows differ only in case: their attribute files would be one file on macOS and Windows', () => {
    const yaml = `${MINIMAL_DOMAIN}poolAssignments:\n  - { project: flytesnacks, domain: production, workflow: Train, clusterPoolName: production-cp }\n  - { project: flytesnacks, domain: production, workflow: train, clusterPoolName: production-cp }\n`;
    expectFindings(compileYaml(yaml), 'poolAssignments: attribute file name is not unique (found "flytesnacks-production-train.yaml";', 'It is also the attribute file name of flytesnacks/production/Train');
  });
});

describe('keys', () => {
  it("fails when the backend's type is misspelt, naming the misspelt key and the one meant", () => {
    expectFindings(
      compileYaml(`${MINIMAL_DOMAIN}backend: { tpye: s3, bucket: b, region: us-east-1 }\n`),
      'backend.type: a required key is missing (found nothing; allowed local | s3 | gcs | cloud). Fix: Add "type".',
      'backend.tpye: unknown key (found "tpye"; allowed type, bucket, region, keyPrefix, dynamodbTable, prefix, organization, workspacePrefix, hostname, project, terraformVersion, executionMode, agentPoolId, awsRunRoleArn, gcpWorkloadProviderName, gcpServiceAccountEmail). Fix: Rename it: did you mean "type"?',
    );
  });

  it('fails on a duplicate key naming the key, not the parser', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('clusters:\n', 'clusters:\n  dev: { account: production }\n')), 'a key is written twice in the same mapping (found "dev"; allowed each key once)');
  });
});

describe('the plan does not keep the order of unordered settings', () => {
  it('sorts GCP services and labels, so plan.json does not depend on how they were written', () => {
    const a = planOf({ yaml: MINIMAL_DOMAIN.replace('region: us-central1 }', 'region: us-central1, services: [monitoring.googleapis.com, logging.googleapis.com], labels: { b: "1", a: "2" } }') });
    const b = planOf({ yaml: MINIMAL_DOMAIN.replace('region: us-central1 }', 'region: us-central1, labels: { a: "2", b: "1" }, services: [logging.googleapis.com, monitoring.googleapis.com] }') });
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.deepEqual(a.gcp?.services, ['logging.googleapis.com', 'monitoring.googleapis.com']);
  });
});
