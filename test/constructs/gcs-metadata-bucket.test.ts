import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { GcsMetadataBucket, type GcsMetadataBucketProps } from '../../src/constructs/gcs-metadata-bucket';
import { onlyResource, synth, testStack } from './synth';

const PROPS: GcsMetadataBucketProps = { bucketName: 'acme-development-cp-metadata', project: 'acme-development', location: 'us-central1' };

const ABORT = { action: { type: 'AbortIncompleteMultipartUpload' }, condition: { age: 7 } };
const noncurrent = (days: number) => ({ action: { type: 'Delete' }, condition: { days_since_noncurrent_time: days, with_state: 'ARCHIVED' } });

function bucket(props: Partial<GcsMetadataBucketProps> = {}) {
  const stack = testStack();
  new GcsMetadataBucket(stack, 'metadata-bucket', { ...PROPS, ...props });
  return onlyResource(synth(stack), 'google_storage_bucket').block;
}

describe('GcsMetadataBucket', () => {
  it('uses IAM only, is never public, versioned, not force-destroyed and kept on destroy', () => {
    assert.deepEqual(bucket(), {
      name: 'acme-development-cp-metadata',
      project: 'acme-development',
      location: 'US-CENTRAL1',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      versioning: { enabled: true },
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
      lifecycle_rule: [ABORT, noncurrent(30)],
      cors: [{ origin: ['https://*.unionai.cloud'], method: ['GET', 'HEAD'], response_header: ['ETag'], max_age_seconds: 3600 }],
    });
  });

  it('deletes live objects only under the raw-data prefixes, purged a day after they become noncurrent', () => {
    assert.deepEqual(bucket({ retention: { days: 30, prefixes: ['raw/'] }, noncurrentVersionDays: 10 }).lifecycle_rule, [
      ABORT,
      noncurrent(10),
      { action: { type: 'Delete' }, condition: { age: 30, with_state: 'LIVE', matches_prefix: ['raw/'] } },
      { action: { type: 'Delete' }, condition: { days_since_noncurrent_time: 1, with_state: 'ARCHIVED', matches_prefix: ['raw/'] } },
    ]);
  });

  it('deletes every live object only in a raw-data-only bucket', () => {
    assert.deepEqual(bucket({ retention: { days: 30, prefixes: 'whole-bucket' } }).lifecycle_rule, [
      ABORT,
      noncurrent(30),
      { action: { type: 'Delete' }, condition: { age: 30, with_state: 'LIVE' } },
      { action: { type: 'Delete' }, condition: { days_since_noncurrent_time: 1, with_state: 'ARCHIVED' } },
    ]);
  });

  it('depends on the storage API when it is enabled in the same stack', () => {
    const stack = testStack();
    const api = new ProjectService(stack, 'storage-api', { project: 'acme-development', service: 'storage.googleapis.com', disableOnDestroy: false });
    new GcsMetadataBucket(stack, 'metadata-bucket', { ...PROPS, dependsOn: [api] });
    const tf = synth(stack);
    const { id } = onlyResource(tf, 'google_project_service');
    assert.deepEqual(onlyResource(tf, 'google_storage_bucket').block.depends_on, [`google_project_service.${id}`]);
  });

  it('fails when retentionDays is not a positive whole number', () => {
    assert.throws(() => bucket({ retention: { days: -1, prefixes: ['raw/'] } }), /retention days must be a positive whole number of days \(found -1\)/);
    assert.throws(() => bucket({ retention: { days: 3, prefixes: ['/'] } }), /would cover the whole bucket/);
  });
});
