// One storage group on AWS: its metadata bucket (and fast-registration bucket, when separate) in the
// home account, reached by assuming the organization role there. The account id comes from the
// accounts stack's output, read through remote state, so it is known when this stack is planned.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { clusterIdentitiesAws } from './cluster-identities-aws';
import { EcrImageRepository } from '../src/constructs/ecr-repository';
import { imageRepositoryName } from '../src/plan/identities';
import { S3MetadataBucket, type S3MetadataBucketProps } from '../src/constructs/s3-metadata-bucket';
import type { StackPlan, StorageGroup } from '../src/plan/types';
import { AccountsOutputs } from './accounts-outputs';
import { helmValues } from '../src/files/helm-values';
import { helmValuesOutput, poolOutput } from './output-names';
import { namedOutput } from './named-output';
import type { PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';
import { metadataRetention, rawDataRetention } from '../src/plan/bucket-retention';

export class AwsStorageStack extends UnionStack {
  readonly group: StorageGroup;

  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const plan = index.plan;
    const group = (this.group = index.storageGroupOfStack(stackPlan));
    const accounts = new AccountsOutputs(this, 'remote-state');
    const accountId = (unitKey: string): string => {
      const unit = index.awsUnit(unitKey);
      return accounts.get(unit.stack, unit.accountIdOutput);
    };

    const homeAccountId = accountId(group.homeUnit);
    // An adopted account may have another role than the one Organizations creates (accounts.<unit>.roleName).
    const roleName = index.awsUnit(group.homeUnit).roleName;
    const homeProvider = new AwsProvider(this, 'aws', {
      region: group.region,
      assumeRole: [{ roleArn: `arn:aws:iam::${homeAccountId}:role/${roleName}`, sessionName: 'union-isolation' }],
      // If the role were ever not assumed, credentials of the management account must not create the bucket there.
      allowedAccountIds: [homeAccountId],
    });

    const bucketProps: Omit<S3MetadataBucketProps, 'bucketName'> = {
      accessAccountIds: group.accessUnits.map(accountId),
      ...(group.kmsKeyId !== null ? { kmsKeyId: group.kmsKeyId } : {}),
      noncurrentVersionDays: group.noncurrentVersionDays,
    };
    const metadata = new S3MetadataBucket(this, 'metadata-bucket', { ...bucketProps, ...metadataRetention(group), bucketName: group.bucket });
    // Registered code never expires: live workflows still run it.
    const fastRegistration =
      group.fastRegistrationBucket === group.bucket
        ? metadata
        : new S3MetadataBucket(this, 'fast-registration-bucket', { ...bucketProps, bucketName: group.fastRegistrationBucket });
    const rawData =
      group.rawDataBucket === null
        ? null
        : new S3MetadataBucket(this, 'raw-data-bucket', { ...bucketProps, ...rawDataRetention(group), bucketName: group.rawDataBucket });

    // The image builder's repository, in the home account beside the buckets: one per storage group,
    // so every cluster of a pool reports the registry its pool manifest declares; none when every
    // cluster names an existing one (`ecrRepository`).
    const identities = group.clusters.map((c) => index.identity(c)).filter((i) => i?.cloud === 'aws');
    const images =
      identities.every((i) => i.ecr.existing !== null)
        ? null
        : new EcrImageRepository(this, 'image-repository', { name: imageRepositoryName(group.name), accessAccountIds: group.accessUnits.map(accountId) });

    const roleArns = clusterIdentitiesAws(this, index, group, homeProvider, accountId, images?.repository.arn ?? null);

    const outputs = new Construct(this, 'outputs');
    for (const [cluster, arn] of roleArns) namedOutput(outputs, index.identity(cluster)!.output, arn);
    for (const pool of group.pools) {
      namedOutput(outputs, poolOutput(pool), {
        metadata_bucket: metadata.bucketName,
        metadata_bucket_arn: metadata.bucketArn,
        fast_registration_bucket: fastRegistration.bucketName,
        fast_registration_bucket_arn: fastRegistration.bucketArn,
        ...(rawData !== null ? { raw_data_bucket: rawData.bucketName, raw_data_bucket_arn: rawData.bucketArn } : {}),
      });
    }
    for (const name of group.clusters) {
      const cluster = index.cluster(name);
      namedOutput(outputs, helmValuesOutput(name), helmValues(plan, cluster, index.unit(cluster.unit), accountId(cluster.unit), homeAccountId));
    }
  }
}
