// The image builder's registry for a storage group on AWS: one ECR repository in the group's home
// account, scanned on push, never force-deleted, that expires only untagged images (layers a build
// left behind; a tagged image may still be what a task runs), and readable and writable by the
// group's other accounts, whose cluster roles get the matching rights.
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { EcrRepositoryPolicy } from '@cdktf/provider-aws/lib/ecr-repository-policy';

/** Days an untagged image is kept. */
export const UNTAGGED_IMAGE_DAYS = 14;

/** What a cluster role needs to push and pull the image builder's images. */
export const ECR_PUSH_PULL_ACTIONS: readonly string[] = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:DescribeImages',
  'ecr:DescribeRepositories',
  'ecr:GetDownloadUrlForLayer',
  'ecr:InitiateLayerUpload',
  'ecr:ListImages',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
];

export interface EcrImageRepositoryProps {
  readonly name: string;
  /** Other accounts of the storage group whose cluster roles push and pull here. */
  readonly accessAccountIds?: readonly string[];
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export class EcrImageRepository extends Construct {
  readonly repository: EcrRepository;

  constructor(scope: Construct, id: string, props: EcrImageRepositoryProps) {
    super(scope, id);
    const provider = props.provider === undefined ? {} : { provider: props.provider };
    this.repository = new EcrRepository(this, 'repository', {
      ...provider,
      name: props.name,
      imageScanningConfiguration: { scanOnPush: true },
      forceDelete: false,
      lifecycle: { preventDestroy: true },
    });
    new EcrLifecyclePolicy(this, 'lifecycle', {
      ...provider,
      repository: this.repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: 'Expire untagged images (union-isolation)',
            selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: UNTAGGED_IMAGE_DAYS },
            action: { type: 'expire' },
          },
        ],
      }),
    });
    const accounts = [...new Set(props.accessAccountIds ?? [])];
    if (accounts.length > 0)
      new EcrRepositoryPolicy(this, 'access', {
        ...provider,
        repository: this.repository.name,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'StorageGroupAccounts', Effect: 'Allow', Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) }, Action: [...ECR_PUSH_PULL_ACTIONS] }],
        }),
      });
  }
}
