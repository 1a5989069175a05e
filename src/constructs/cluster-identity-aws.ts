// The IAM role a self-managed data-plane cluster's pods run as: S3 on exactly its storage group's
// buckets (and the bucket key, when one is set), push and pull on the group's image repository, trusted by EKS Pod Identity, or by IRSA when the
// cluster's OIDC issuer is known. One role per cluster, in the cluster's own account.
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { DATA_PLANE_OBJECT_ACTIONS } from './s3-metadata-bucket';
import { ECR_PUSH_PULL_ACTIONS } from './ecr-repository';

/** EKS Pod Identity's service principal: trusting it needs no cluster to exist yet. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';

export type ClusterRoleTrust =
  | { readonly kind: 'pod-identity' }
  | {
      readonly kind: 'irsa';
      /** The account the cluster (and its IAM OIDC provider) is in; tokens allowed. */
      readonly accountId: string;
      /** The issuer without `https://`. */
      readonly issuer: string;
      /** `namespace/name` of each Kubernetes service account that may assume the role. */
      readonly serviceAccounts: readonly string[];
    };

export interface ClusterIdentityAwsProps {
  readonly roleName: string;
  readonly trust: ClusterRoleTrust;
  /** The storage group's bucket names: the only buckets the role reaches. */
  readonly buckets: readonly string[];
  /** The buckets' region, for the KMS condition. */
  readonly region: string;
  /**
   * The buckets' KMS key (ARN, id or alias): the role may use it through S3 only.
   * @default - SSE-S3, no KMS permissions
   */
  readonly kmsKeyId?: string;
  /**
   * Manage the data plane's secrets in AWS Secrets Manager, in this account and region (the model's `secretStore: cloud`).
   * @default - none: Kubernetes secrets, the chart's default
   */
  readonly secretsManager?: { readonly accountId: string; readonly region: string };
  /**
   * The image builder's ECR repository: push and pull there, and sign in to ECR.
   * @default - no ECR rights
   */
  readonly imageRepositoryArn?: string;
  /**
   * The provider of the cluster's account.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

export class ClusterIdentityAws extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ClusterIdentityAwsProps) {
    super(scope, id);
    if (props.buckets.length === 0) throw new Error(`${this.node.path}: a cluster identity needs its storage group's buckets`);
    const provider = props.provider === undefined ? {} : { provider: props.provider };
    this.role = new IamRole(this, 'role', {
      ...provider,
      name: props.roleName,
      description: 'Union data plane: its storage group\'s buckets only (union-isolation)',
      assumeRolePolicy: JSON.stringify(trustPolicy(props.trust)),
    });
    new IamRolePolicy(this, 'buckets', {
      ...provider,
      name: 'union-storage-group-buckets',
      role: this.role.id,
      policy: JSON.stringify(bucketPolicy(props)),
    });
  }
}

export function trustPolicy(trust: ClusterRoleTrust): object {
  if (trust.kind === 'pod-identity') {
    return {
      Version: '2012-10-17',
      Statement: [{ Sid: 'EksPodIdentity', Effect: 'Allow', Principal: { Service: POD_IDENTITY_PRINCIPAL }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    };
  }
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Irsa',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${trust.accountId}:oidc-provider/${trust.issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${trust.issuer}:aud`]: 'sts.amazonaws.com',
            [`${trust.issuer}:sub`]: trust.serviceAccounts.map((sa) => `system:serviceaccount:${sa.replace('/', ':')}`),
          },
        },
      },
    ],
  };
}

export function bucketPolicy(props: Pick<ClusterIdentityAwsProps, 'buckets' | 'region' | 'kmsKeyId' | 'secretsManager' | 'imageRepositoryArn'>): object {
  const arns = props.buckets.map((b) => `arn:aws:s3:::${b}`);
  const statements: object[] = [
    { Sid: 'StorageGroupObjects', Effect: 'Allow', Action: [...DATA_PLANE_OBJECT_ACTIONS], Resource: arns.map((a) => `${a}/*`) },
    { Sid: 'StorageGroupBuckets', Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: arns },
  ];
  if (props.kmsKeyId !== undefined) {
    // A key ARN names the key; an id or alias cannot be an IAM resource, so any key, but only through S3 here.
    const keyArn = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\//.test(props.kmsKeyId) ? props.kmsKeyId : '*';
    statements.push({
      Sid: 'BucketKey',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: keyArn,
      Condition: { StringEquals: { 'kms:ViaService': `s3.${props.region}.amazonaws.com` } },
    });
  }
  if (props.imageRepositoryArn !== undefined) {
    statements.push({ Sid: 'ImageRepository', Effect: 'Allow', Action: [...ECR_PUSH_PULL_ACTIONS], Resource: props.imageRepositoryArn });
    // The registry's sign-in names no repository.
    statements.push({ Sid: 'EcrSignIn', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' });
  }
  if (props.secretsManager !== undefined) {
    const { accountId, region } = props.secretsManager;
    statements.push({
      Sid: 'SecretsManager',
      Effect: 'Allow',
      Action: ['secretsmanager:CreateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:TagResource', 'secretsmanager:UpdateSecret'],
      Resource: `arn:aws:secretsmanager:${region}:${accountId}:secret:*`,
    });
    statements.push({ Sid: 'SecretsManagerList', Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' });
  }
  return { Version: '2012-10-17', Statement: statements };
}
