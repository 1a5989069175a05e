// The S3 bucket that holds a storage group's Flyte metadata (or its fast-registration code). Secure
// by default: private, owner-enforced, encrypted, versioned, TLS only, never destroyed by accident.
import { Construct } from 'constructs';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketCorsConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-cors-configuration';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
// The provider suffixes these classes with `A` because S3Bucket's deprecated inline blocks took the plain names.
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';

/** Union's console reads execution data straight from the bucket in the browser. */
export const UNION_CONSOLE_ORIGINS: readonly string[] = ['https://*.unionai.cloud'];

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
   * Days after which current objects expire and noncurrent versions are deleted.
   * @default - objects are kept
   */
  readonly retentionDays?: number;
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
    if (props.retentionDays !== undefined && !(Number.isInteger(props.retentionDays) && props.retentionDays > 0)) {
      throw new Error(`${this.node.path}: retentionDays must be a positive whole number of days (found ${props.retentionDays})`);
    }
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
          maxAgeSeconds: 3000,
        },
      ],
    });
    if (props.retentionDays !== undefined) {
      new S3BucketLifecycleConfiguration(this, 'lifecycle', {
        bucket,
        rule: [
          {
            id: 'retention',
            status: 'Enabled',
            // The provider requires a filter; an empty one applies the rule to every object.
            filter: [{}],
            expiration: [{ days: props.retentionDays }],
            noncurrentVersionExpiration: [{ noncurrentDays: props.retentionDays }],
          },
        ],
        // Expiry in a versioned bucket only creates noncurrent versions once versioning is on.
        dependsOn: [versioning],
      });
    }
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
