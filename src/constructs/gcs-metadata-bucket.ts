// The GCS bucket that holds a storage group's Flyte metadata (or its fast-registration code). Secure
// by default: IAM only, never public, versioned, never force-destroyed or destroyed by accident.
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { StorageBucket, type StorageBucketLifecycleRule } from '@cdktf/provider-google/lib/storage-bucket';

export interface GcsMetadataBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Project id the bucket lives in. */
  readonly project: string;
  /** Region (`us-central1`) or multi-region; immutable once the bucket exists. */
  readonly location: string;
  /**
   * Days after which current objects are deleted (they become noncurrent) and noncurrent versions are purged.
   * @default - objects are kept
   */
  readonly retentionDays?: number;
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
    const days = props.retentionDays;
    if (days !== undefined && !(Number.isInteger(days) && days > 0)) {
      throw new Error(`${this.node.path}: retentionDays must be a positive whole number of days (found ${days})`);
    }
    this.bucketName = props.bucketName;
    this.bucketUrl = `gs://${props.bucketName}`;
    const lifecycleRule: StorageBucketLifecycleRule[] =
      days === undefined
        ? []
        : [
            { action: { type: 'Delete' }, condition: { age: days, withState: 'LIVE' } },
            { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: days, withState: 'ARCHIVED' } },
          ];
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
      ...(lifecycleRule.length > 0 ? { lifecycleRule } : {}),
      ...(Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
      ...(props.dependsOn !== undefined && props.dependsOn.length > 0 ? { dependsOn: [...props.dependsOn] } : {}),
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
  }
}
