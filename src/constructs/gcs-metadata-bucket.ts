// The GCS bucket that holds a storage group's Flyte metadata (or its fast-registration code, or raw
// data). Secure by default: IAM only, never public, versioned, never force-destroyed or destroyed by
// accident; stale uploads aborted and old versions purged.
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { StorageBucket, type StorageBucketLifecycleRule } from '@cdktf/provider-google/lib/storage-bucket';
import {
  ABORT_INCOMPLETE_UPLOAD_DAYS,
  CORS_EXPOSE_HEADERS,
  CORS_MAX_AGE_SECONDS,
  DEFAULT_NONCURRENT_VERSION_DAYS,
  UNION_CONSOLE_ORIGINS,
  type BucketRetention,
} from './s3-metadata-bucket';

export interface GcsMetadataBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Project id the bucket lives in. */
  readonly project: string;
  /** Region (`us-central1`) or multi-region; immutable once the bucket exists. */
  readonly location: string;
  /**
   * Expiry of live objects: after `days`, under the listed raw-data prefixes only or, for a bucket
   * that holds nothing but raw data, everywhere; they are purged a day after they become noncurrent.
   * @default - live objects are kept
   */
  readonly retention?: BucketRetention;
  /**
   * Days a noncurrent version is kept before it is deleted.
   * @default DEFAULT_NONCURRENT_VERSION_DAYS
   */
  readonly noncurrentVersionDays?: number;
  /**
   * Browser origins allowed to GET and HEAD objects.
   * @default UNION_CONSOLE_ORIGINS
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Labels on the bucket.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * What must exist first, such as the project's `storage.googleapis.com` enablement when it is in
   * the same stack (creating a bucket before the API is on fails with SERVICE_DISABLED).
   * @default - nothing in this stack: the caller orders the stack after the one that enables the API
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * Refuse any plan that destroys or replaces the bucket.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

export class GcsMetadataBucket extends Construct {
  readonly bucket: StorageBucket;
  readonly bucketName: string;
  /** Known at synthesis: the name is fixed, so the URL is too. */
  readonly bucketUrl: string;

  constructor(scope: Construct, id: string, props: GcsMetadataBucketProps) {
    super(scope, id);
    const retention = props.retention;
    const noncurrentDays = props.noncurrentVersionDays ?? DEFAULT_NONCURRENT_VERSION_DAYS;
    for (const [what, days] of [['retention days', retention?.days], ['noncurrentVersionDays', noncurrentDays]] as const) {
      if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new Error(`${this.node.path}: ${what} must be a positive whole number of days (found ${days})`);
    }
    if (retention !== undefined && retention.prefixes !== 'whole-bucket') {
      if (retention.prefixes.length === 0) throw new Error(`${this.node.path}: retention needs at least one raw-data prefix`);
      for (const p of retention.prefixes) if (p.replace(/\/+/g, '') === '') throw new Error(`${this.node.path}: retention prefix ${JSON.stringify(p)} would cover the whole bucket`);
    }
    this.bucketName = props.bucketName;
    this.bucketUrl = `gs://${props.bucketName}`;
    const lifecycleRule: StorageBucketLifecycleRule[] = [
      { action: { type: 'AbortIncompleteMultipartUpload' }, condition: { age: ABORT_INCOMPLETE_UPLOAD_DAYS } },
      { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: noncurrentDays, withState: 'ARCHIVED' } },
    ];
    if (retention !== undefined) {
      const prefixes = retention.prefixes === 'whole-bucket' ? {} : { matchesPrefix: [...retention.prefixes] };
      lifecycleRule.push(
        { action: { type: 'Delete' }, condition: { age: retention.days, withState: 'LIVE', ...prefixes } },
        // A day as noncurrent, so that `days` means about `days` and not twice as long.
        { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: 1, withState: 'ARCHIVED', ...prefixes } },
      );
    }
    const labels = props.labels ?? {};
    this.bucket = new StorageBucket(this, 'bucket', {
      name: props.bucketName,
      project: props.project,
      // The API reports locations in upper case; writing them so avoids a perpetual diff.
      location: props.location.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      forceDestroy: false,
      lifecycleRule,
      cors: [
        {
          origin: [...(props.corsOrigins ?? UNION_CONSOLE_ORIGINS)],
          method: ['GET', 'HEAD'],
          responseHeader: [...CORS_EXPOSE_HEADERS],
          maxAgeSeconds: CORS_MAX_AGE_SECONDS,
        },
      ],
      ...(Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
      ...(props.dependsOn !== undefined && props.dependsOn.length > 0 ? { dependsOn: [...props.dependsOn] } : {}),
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
  }
}
