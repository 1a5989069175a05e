// The S3 bucket that holds a storage group's Flyte metadata (or its fast-registration code, or raw
// data). Secure by default: private, owner-enforced, encrypted, versioned, TLS only, never destroyed
// by accident; stale uploads aborted and old versions purged.
import { Construct } from 'constructs';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketCorsConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-cors-configuration';
import { S3BucketLifecycleConfiguration, type S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
// The provider suffixes these classes with `A` because S3Bucket's deprecated inline blocks took the plain names.
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { DEFAULT_NONCURRENT_VERSION_DAYS } from '../model/schema';

export { DEFAULT_NONCURRENT_VERSION_DAYS };

/** Union's console reads execution data straight from the bucket in the browser. */
export const UNION_CONSOLE_ORIGINS: readonly string[] = ['https://*.unionai.cloud'];

/** Incomplete multipart uploads are aborted after this many days (their parts are billed until then). */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

/** Union's documented CORS rule: the console fetches objects and reads their ETag. */
export const CORS_MAX_AGE_SECONDS = 3600;
export const CORS_EXPOSE_HEADERS: readonly string[] = ['ETag'];

/** Expiry of current objects: under raw-data prefixes, or the whole bucket when it holds raw data only. */
export interface BucketRetention {
  readonly days: number;
  readonly prefixes: readonly string[] | 'whole-bucket';
}

/** What the data plane does with objects (Union's self-managed guide), granted to the storage group's other accounts. */
export const DATA_PLANE_OBJECT_ACTIONS: readonly string[] = ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*'];

export interface S3MetadataBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /**
   * KMS key (ARN, id or alias) for SSE-KMS.
   * @default - SSE-S3 (AES256)
   */
  readonly kmsKeyId?: string;
  /**
   * Expiry of current objects: after `days`, either under the listed raw-data prefixes only or, for
   * a bucket that holds nothing but raw data, everywhere. Expired objects become noncurrent and are
   * deleted a day later. Never bucket-wide on a metadata bucket: the execution files (`inputs.pb`,
   * `outputs.pb`, Decks) must outlive their executions.
   * @default - current objects are kept
   */
  readonly retention?: BucketRetention;
  /**
   * Days a noncurrent version (an overwritten or deleted object) is kept before it is deleted.
   * @default DEFAULT_NONCURRENT_VERSION_DAYS
   */
  readonly noncurrentVersionDays?: number;
  /**
   * Ids of the other accounts whose clusters use the bucket (tokens allowed); their principals get
   * the data plane's object actions and `s3:ListBucket`.
   * @default - only the bucket's own account
   */
  readonly accessAccountIds?: readonly string[];
  /**
   * Browser origins allowed to GET and HEAD objects.
   * @default UNION_CONSOLE_ORIGINS
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Refuse any plan that destroys or replaces the bucket.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

export class S3MetadataBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly bucketName: string;
  /** Known at synthesis: the name is fixed, so the ARN is too. */
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: S3MetadataBucketProps) {
    super(scope, id);
    checkDays(this.node.path, 'retention days', props.retention?.days);
    checkDays(this.node.path, 'noncurrentVersionDays', props.noncurrentVersionDays);
    if (props.retention !== undefined && props.retention.prefixes !== 'whole-bucket') checkPrefixes(this.node.path, props.retention.prefixes);
    this.bucketName = props.bucketName;
    this.bucketArn = `arn:aws:s3:::${props.bucketName}`;
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    // Sub-resources take the bucket's id token (not the name) so Terraform orders them after it.
    const bucket = this.bucket.id;

    new S3BucketOwnershipControls(this, 'ownership', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'public-access', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const versioning = new S3BucketVersioning(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfiguration(this, 'encryption', {
      bucket,
      rule: [
        props.kmsKeyId === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : {
              applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyId },
              // An S3 Bucket Key cuts KMS requests (and their cost) by orders of magnitude.
              bucketKeyEnabled: true,
            },
      ],
    });
    new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: JSON.stringify(this.policyDocument(props.accessAccountIds ?? [])),
      // Putting a policy while the public access block is being written fails with a conflict.
      dependsOn: [publicAccess],
    });
    new S3BucketCorsConfiguration(this, 'cors', {
      bucket,
      corsRule: [
        {
          allowedMethods: ['GET', 'HEAD'],
          allowedOrigins: [...(props.corsOrigins ?? UNION_CONSOLE_ORIGINS)],
          allowedHeaders: ['*'],
          exposeHeaders: [...CORS_EXPOSE_HEADERS],
          maxAgeSeconds: CORS_MAX_AGE_SECONDS,
        },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: lifecycleRules(props.retention, props.noncurrentVersionDays ?? DEFAULT_NONCURRENT_VERSION_DAYS),
      // Expiry in a versioned bucket only creates noncurrent versions once versioning is on.
      dependsOn: [versioning],
    });
  }

  private policyDocument(accessAccountIds: readonly string[]): object {
    const objects = `${this.bucketArn}/*`;
    const statements: object[] = [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [this.bucketArn, objects],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ];
    if (accessAccountIds.length > 0) {
      const principals = { AWS: accessAccountIds.map((id) => `arn:aws:iam::${id}:root`) };
      statements.push(
        { Sid: 'StorageGroupObjects', Effect: 'Allow', Principal: principals, Action: [...DATA_PLANE_OBJECT_ACTIONS], Resource: objects },
        { Sid: 'StorageGroupList', Effect: 'Allow', Principal: principals, Action: 's3:ListBucket', Resource: this.bucketArn },
      );
    }
    return { Version: '2012-10-17', Statement: statements };
  }
}

const EVERY_OBJECT = [{ prefix: '' }];

/** Every bucket: abort stale uploads and purge old versions; current objects expire only where retention says. */
function lifecycleRules(retention: BucketRetention | undefined, noncurrentDays: number): S3BucketLifecycleConfigurationRule[] {
  const rules: S3BucketLifecycleConfigurationRule[] = [
    {
      id: 'abort-incomplete-multipart-uploads',
      status: 'Enabled',
      // The provider requires a filter; the empty prefix applies the rule to every object (written as
      // a prefix rather than `filter {}`, which stays plain JSON data for the stand-in's fast path).
      filter: EVERY_OBJECT,
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS }],
    },
    {
      id: 'noncurrent-versions',
      status: 'Enabled',
      filter: EVERY_OBJECT,
      noncurrentVersionExpiration: [{ noncurrentDays }],
      // A delete marker whose versions are all gone only slows listing down.
      expiration: [{ expiredObjectDeleteMarker: true }],
    },
  ];
  if (retention === undefined) return rules;
  // A day as noncurrent, so that `days` means about `days` and not twice as long.
  const expire = (id: string, filter: S3BucketLifecycleConfigurationRule['filter']): S3BucketLifecycleConfigurationRule => ({
    id,
    status: 'Enabled',
    filter,
    expiration: [{ days: retention.days }],
    noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
  });
  if (retention.prefixes === 'whole-bucket') rules.push(expire('raw-data-retention', EVERY_OBJECT));
  else for (const prefix of retention.prefixes) rules.push(expire(`raw-data-retention ${prefix}`, [{ prefix }]));
  return rules;
}

function checkDays(path: string, what: string, days: number | undefined): void {
  if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new Error(`${path}: ${what} must be a positive whole number of days (found ${days})`);
}

/** A prefix that is empty or `/` would be the whole bucket, metadata included. */
function checkPrefixes(path: string, prefixes: readonly string[]): void {
  if (prefixes.length === 0) throw new Error(`${path}: retention needs at least one raw-data prefix`);
  for (const p of prefixes) if (p.replace(/\/+/g, '') === '') throw new Error(`${path}: retention prefix ${JSON.stringify(p)} would cover the whole bucket`);
}
