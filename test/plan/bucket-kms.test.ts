import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN, planOf } from '../helpers';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_WEST = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ALIAS_ARN = 'arn:aws:kms:us-east-1:111122223333:alias/union';

/** Two AWS domains; `shared` runs in both, with its bucket in production. */
function model(opts: { globalKey?: string; poolKey?: string; shared?: boolean; adopted?: string; bucketRegion?: string } = {}): string {
  let yaml = MINIMAL_DOMAIN.replace('domains: { development: gcp, production: aws }', 'domains: { development: gcp, production: aws, staging: aws }')
    .replace('  prod: { account: production }\n', '  prod: { account: production }\n  stage: { account: staging }\n')
    .replace('  production-cp: [prod]\n', '  production-cp: [prod]\n  staging-cp: [stage]\n');
  if (opts.globalKey) yaml = yaml.replace('emailTemplate: "aws+{name}@acme.example" }', `emailTemplate: "aws+{name}@acme.example", kmsKeyId: "${opts.globalKey}" }`);
  const extra = [opts.poolKey ? `kmsKeyId: "${opts.poolKey}"` : '', opts.bucketRegion ? `bucketRegion: ${opts.bucketRegion}` : ''].filter((x) => x).join(', ');
  const pool = opts.shared ? `{ clusters: [prod, stage], bucketAccount: production${extra ? `, ${extra}` : ''} }` : extra ? `{ clusters: [prod], ${extra} }` : '[prod]';
  yaml = yaml.replace('  production-cp: [prod]\n', `  production-cp: ${pool}\n`);
  if (opts.shared)
    yaml =
      yaml.replace('  staging-cp: [stage]\n', '') +
      'poolAssignments:\n' +
      ['production', 'staging'].map((d) => `  - { project: flytesnacks, domain: ${d}, clusterPoolName: production-cp, allowCrossIsolation: true }\n`).join('');
  if (opts.adopted) yaml += `accounts:\n  production: { existingId: "${opts.adopted}" }\n`;
  return yaml;
}

const group = (yaml: string, name: string) => planOf({ yaml }).storageGroups.find((g) => g.name === name)!;

describe('bucket KMS keys', () => {
  it('uses SSE-S3 without a key, the global key, or the pool key over the global one', () => {
    assert.equal(group(model(), 'production-cp').kmsKeyId, null);
    assert.equal(group(model({ globalKey: KEY }), 'staging-cp').kmsKeyId, KEY);
    const both = planOf({ yaml: model({ globalKey: KEY, poolKey: KEY.replace('1234abcd', 'ffffabcd') }) });
    assert.equal(both.storageGroups.find((g) => g.name === 'production-cp')!.kmsKeyId, KEY.replace('1234abcd', 'ffffabcd'));
    assert.equal(both.storageGroups.find((g) => g.name === 'staging-cp')!.kmsKeyId, KEY);
  });

  it('accepts a key ARN in the bucket region for a group spanning accounts (the key policy is the user\'s part)', () => {
    assert.equal(group(model({ poolKey: KEY, shared: true }), 'production-cp').kmsKeyId, KEY);
  });

  it('fails when the key is in another region than the bucket', () => {
    expectFindings(
      compileYaml(model({ poolKey: KEY_WEST })),
      'clusterPools.production-cp.kmsKeyId: the KMS key cannot encrypt the buckets of storage group "production-cp": the key is in us-west-2, the buckets in us-east-1',
    );
    // The global key is checked against every group's region.
    expectFindings(compileYaml(model({ globalKey: KEY, bucketRegion: 'eu-west-1' })), /aws\.kmsKeyId: .*storage group "production-cp": the key is in us-east-1, the buckets in eu-west-1.*Fix: Use a key in eu-west-1 \(a multi-Region replica works\) \(or set kmsKeyId on a pool/);
  });

  it('fails when an alias or key id would be resolved in each writing account', () => {
    expectFindings(compileYaml(model({ poolKey: ALIAS_ARN, shared: true })), /production-cp": the group's other accounts \(staging\) would resolve the alias in their own account/);
    expectFindings(compileYaml(model({ poolKey: 'alias/union', shared: true })), /a key id or alias resolves in the account of whoever writes/);
  });

  it('fails when a key id or alias names a key in an account the tool has yet to create', () => {
    expectFindings(compileYaml(model({ globalKey: 'alias/union' })), /aws\.kmsKeyId: the KMS key cannot encrypt .*no key can exist there yet/);
    expectFindings(compileYaml(model({ poolKey: ALIAS_ARN })), /an alias can only be used in its own account \(111122223333\)/);
  });

  it('accepts an alias in an adopted account that writes alone', () => {
    assert.equal(group(model({ poolKey: 'alias/union', adopted: '111122223333' }), 'production-cp').kmsKeyId, 'alias/union');
    assert.equal(group(model({ poolKey: ALIAS_ARN, adopted: '111122223333' }), 'production-cp').kmsKeyId, ALIAS_ARN);
  });

  it('fails when a pool key is not a KMS key, or is set on GCP', () => {
    expectFindings(compileYaml(model({ poolKey: 'my-key' })), 'clusterPools.production-cp.kmsKeyId: invalid value (found "my-key"; allowed a KMS key ARN)');
    const gcp = MINIMAL_DOMAIN.replace('development-cp: [dev]', `development-cp: { clusters: [dev], kmsKeyId: "${KEY}" }`);
    expectFindings(compileYaml(gcp), 'clusterPools.development-cp.kmsKeyId: kmsKeyId is an AWS setting, but this storage group is on GCP');
  });

  it('fails when the pools of one group disagree on the key', () => {
    const yaml = model({ poolKey: KEY }).replace('  staging-cp: [stage]\n', `  staging-cp: [stage]\n  extra-cp: { clusters: [prod], kmsKeyId: "${KEY.replace('1234abcd', 'ffffabcd')}" }\n`);
    expectFindings(compileYaml(yaml), /pools that share a metadata bucket disagree on kmsKeyId/);
  });
});
