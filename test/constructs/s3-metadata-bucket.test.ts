import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3MetadataBucket, type S3MetadataBucketProps } from '../../src/constructs/s3-metadata-bucket';
import { onlyResource, ref, synth, testStack, type Block } from './synth';

const NAME = 'acme-production-cp-metadata';
const ARN = `arn:aws:s3:::${NAME}`;

function bucket(props: Partial<S3MetadataBucketProps> = {}) {
  const stack = testStack();
  new S3MetadataBucket(stack, 'metadata-bucket', { bucketName: NAME, ...props });
  const tf = synth(stack);
  const { id } = onlyResource(tf, 'aws_s3_bucket');
  const one = (type: string): Block => {
    const { block } = onlyResource(tf, type);
    // Every part names the bucket through its id, so Terraform creates the bucket first.
    assert.equal(block.bucket, ref('aws_s3_bucket', id, 'id'), `${type} must reference the bucket`);
    return block;
  };
  return { tf, id, one };
}

const ABORT_RULE = { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: [{ prefix: '' }], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] };
const noncurrentRule = (days: number) => ({
  id: 'noncurrent-versions',
  status: 'Enabled',
  filter: [{ prefix: '' }],
  noncurrent_version_expiration: [{ noncurrent_days: days }],
  expiration: [{ expired_object_delete_marker: true }],
});

interface Statement {
  readonly Sid: string;
  readonly Effect: string;
  readonly Principal: unknown;
  readonly Action: unknown;
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

function statements(policy: Block): Statement[] {
  return (JSON.parse(policy.policy as string) as { Statement: Statement[] }).Statement;
}

describe('S3MetadataBucket', () => {
  it('is private, owner-enforced, versioned, encrypted and kept on destroy by default', () => {
    const { tf, one } = bucket();
    assert.deepEqual(onlyResource(tf, 'aws_s3_bucket').block, { bucket: NAME, force_destroy: false, lifecycle: { prevent_destroy: true } });
    const pab = one('aws_s3_bucket_public_access_block');
    for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) assert.equal(pab[k], true, k);
    assert.deepEqual(one('aws_s3_bucket_ownership_controls').rule, { object_ownership: 'BucketOwnerEnforced' });
    assert.deepEqual(one('aws_s3_bucket_versioning').versioning_configuration, { status: 'Enabled' });
    assert.deepEqual(one('aws_s3_bucket_server_side_encryption_configuration').rule, [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    // Without retention no current object expires.
    for (const r of onlyResource(tf, 'aws_s3_bucket_lifecycle_configuration').block.rule as Block[])
      assert.deepEqual(r.expiration ?? [{ expired_object_delete_marker: true }], [{ expired_object_delete_marker: true }]);
  });

  it('denies every request without TLS, and grants no other account by default', () => {
    const { tf, one } = bucket();
    const policy = one('aws_s3_bucket_policy');
    assert.deepEqual(statements(policy), [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [ARN, `${ARN}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
    const { id: pabId } = onlyResource(tf, 'aws_s3_bucket_public_access_block');
    assert.deepEqual(policy.depends_on, [`aws_s3_bucket_public_access_block.${pabId}`]);
  });

  it("grants the storage group's other accounts the data plane's object actions and listing", () => {
    const { one } = bucket({ accessAccountIds: ['111111111111', '222222222222'] });
    const [, objects, list] = statements(one('aws_s3_bucket_policy'));
    const principals = { AWS: ['arn:aws:iam::111111111111:root', 'arn:aws:iam::222222222222:root'] };
    assert.deepEqual(objects, {
      Sid: 'StorageGroupObjects',
      Effect: 'Allow',
      Principal: principals,
      Action: ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*'],
      Resource: `${ARN}/*`,
    });
    assert.deepEqual(list, { Sid: 'StorageGroupList', Effect: 'Allow', Principal: principals, Action: 's3:ListBucket', Resource: ARN });
  });

  it("lets Union's console read objects from the browser as Union documents it (GET/HEAD, ETag exposed, max age 3600)", () => {
    const { one } = bucket();
    assert.deepEqual(one('aws_s3_bucket_cors_configuration').cors_rule, [
      { allowed_methods: ['GET', 'HEAD'], allowed_origins: ['https://*.unionai.cloud'], allowed_headers: ['*'], expose_headers: ['ETag'], max_age_seconds: 3600 },
    ]);
  });

  it('encrypts with the KMS key when one is given', () => {
    const { one } = bucket({ kmsKeyId: 'alias/union' });
    assert.deepEqual(one('aws_s3_bucket_server_side_encryption_configuration').rule, [
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/union' }, bucket_key_enabled: true },
    ]);
  });

  it('always aborts incomplete multipart uploads after 7 days and purges noncurrent versions, once versioning is on', () => {
    const { tf, one } = bucket();
    const lifecycle = one('aws_s3_bucket_lifecycle_configuration');
    assert.deepEqual(lifecycle.rule, [ABORT_RULE, noncurrentRule(30)]);
    assert.deepEqual(lifecycle.depends_on, [`aws_s3_bucket_versioning.${onlyResource(tf, 'aws_s3_bucket_versioning').id}`]);
    assert.deepEqual(bucket({ noncurrentVersionDays: 5 }).one('aws_s3_bucket_lifecycle_configuration').rule, [ABORT_RULE, noncurrentRule(5)]);
  });

  it('expires current objects only under the raw-data prefixes, a day as noncurrent after (not twice the days)', () => {
    const { one } = bucket({ retention: { days: 90, prefixes: ['raw/', 'data/'] } });
    const rules = one('aws_s3_bucket_lifecycle_configuration').rule as Block[];
    assert.deepEqual(rules.slice(2), [
      { id: 'raw-data-retention raw/', status: 'Enabled', filter: [{ prefix: 'raw/' }], expiration: [{ days: 90 }], noncurrent_version_expiration: [{ noncurrent_days: 1 }] },
      { id: 'raw-data-retention data/', status: 'Enabled', filter: [{ prefix: 'data/' }], expiration: [{ days: 90 }], noncurrent_version_expiration: [{ noncurrent_days: 1 }] },
    ]);
    // No rule expires current objects outside those prefixes.
    for (const r of rules) if (JSON.stringify(r.expiration ?? []).includes('"days"')) assert.notDeepEqual(r.filter, [{ prefix: '' }], `${String(r.id)} expires the whole bucket`);
  });

  it('expires the whole bucket only when it holds raw data only', () => {
    const rules = bucket({ retention: { days: 7, prefixes: 'whole-bucket' } }).one('aws_s3_bucket_lifecycle_configuration').rule as Block[];
    assert.deepEqual(rules[2], { id: 'raw-data-retention', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 7 }], noncurrent_version_expiration: [{ noncurrent_days: 1 }] });
  });

  it('can be left unprotected only explicitly', () => {
    const { tf } = bucket({ preventDestroy: false });
    assert.deepEqual(onlyResource(tf, 'aws_s3_bucket').block.lifecycle, { prevent_destroy: false });
  });

  it('fails when retention days are not a positive whole number', () => {
    assert.throws(() => bucket({ retention: { days: 0, prefixes: ['raw/'] } }), /retention days must be a positive whole number of days \(found 0\)/);
    assert.throws(() => bucket({ retention: { days: 1.5, prefixes: ['raw/'] } }), /found 1\.5/);
    assert.throws(() => bucket({ noncurrentVersionDays: 0 }), /noncurrentVersionDays must be a positive whole number/);
  });

  it('fails when a retention prefix would cover the whole bucket', () => {
    assert.throws(() => bucket({ retention: { days: 9, prefixes: [] } }), /at least one raw-data prefix/);
    assert.throws(() => bucket({ retention: { days: 9, prefixes: ['//'] } }), /retention prefix "\/\/" would cover the whole bucket/);
  });
});
