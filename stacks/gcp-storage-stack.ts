// One storage group on GCP: its metadata bucket (and fast-registration bucket, when separate) in the
// home project, whose id is known from the plan. The stack is ordered after the projects stack
// that enables the storage API there.
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Construct } from 'constructs';
import { ArtifactRegistryRepository } from '@cdktf/provider-google/lib/artifact-registry-repository';
import { ClusterIdentityGcp } from '../src/constructs/cluster-identity-gcp';
import { imageRepositoryName } from '../src/plan/identities';
import { CHART_SERVICE_ACCOUNTS } from '../src/plan/types';
import { GcsMetadataBucket, type GcsMetadataBucketProps } from '../src/constructs/gcs-metadata-bucket';
import type { StackPlan, StorageGroup } from '../src/plan/types';
import { helmValues } from '../src/files/helm-values';
import { helmValuesOutput, poolOutput } from './output-names';
import { namedOutput } from './named-output';
import { inconsistent, type PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';
import { metadataRetention, rawDataRetention } from '../src/plan/bucket-retention';

/** The API a bucket needs; the projects stack must enable it in the bucket's project. */
export const STORAGE_API = 'storage.googleapis.com';

export class GcpStorageStack extends UnionStack {
  readonly group: StorageGroup;

  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const plan = index.plan;
    const group = (this.group = index.storageGroupOfStack(stackPlan));
    const home = index.gcpUnit(group.homeUnit);
    // The bucket cannot depend on the API across stacks; the stack order only helps if the API is there.
    if (!home.services.includes(STORAGE_API)) throw inconsistent(`project of unit '${home.key}' does not enable ${STORAGE_API}`);
    if (!stackPlan.dependsOn.includes(home.stack)) {
      throw inconsistent(`stack '${stackPlan.name}' does not depend on '${home.stack}', which creates its project`);
    }
    new GoogleProvider(this, 'google', { project: home.name, region: group.region });

    const bucketProps: Omit<GcsMetadataBucketProps, 'bucketName'> = {
      project: home.name,
      location: group.region,
      noncurrentVersionDays: group.noncurrentVersionDays,
    };
    const metadata = new GcsMetadataBucket(this, 'metadata-bucket', { ...bucketProps, ...metadataRetention(group), bucketName: group.bucket });
    // Registered code never expires: live workflows still run it.
    const fastRegistration =
      group.fastRegistrationBucket === group.bucket
        ? metadata
        : new GcsMetadataBucket(this, 'fast-registration-bucket', { ...bucketProps, bucketName: group.fastRegistrationBucket });
    const rawData =
      group.rawDataBucket === null
        ? null
        : new GcsMetadataBucket(this, 'raw-data-bucket', { ...bucketProps, ...rawDataRetention(group), bucketName: group.rawDataBucket });

    // Each cluster's service account, bound to exactly this group's buckets (from whichever project it runs in).
    // Every grant names its bucket by reference, so on a first apply it waits for the bucket.
    const bucketRefs = new Map([metadata, fastRegistration, ...(rawData === null ? [] : [rawData])].map((b) => [b.bucketName, b.bucket.name]));
    // The image builder's repository, beside the buckets, unless every cluster names one of its own.
    const images = group.clusters.some((c) => { const i = index.identity(c); return i?.cloud === 'gcp' && i.artifactRepositoryCreated === true; })
      ? new ArtifactRegistryRepository(this, 'image-repository', {
          project: home.name,
          location: group.region,
          repositoryId: imageRepositoryName(group.name),
          format: 'DOCKER',
          description: "Union data plane image builder (union-isolation)",
          lifecycle: { preventDestroy: true },
        })
      : null;
    const identities = new Construct(this, 'identities');
    const emails = new Map<string, string>();
    for (const name of group.clusters) {
      const identity = index.identity(name);
      if (identity === undefined) continue;
      if (identity.cloud !== 'gcp' || identity.storageGroup !== group.name) throw inconsistent(`identity of cluster '${name}' is not a GCP identity of storage group '${group.name}'`);
      const sa = new ClusterIdentityGcp(identities, name, {
        project: identity.project,
        accountId: identity.accountId,
        displayName: `Union data plane ${name}`.slice(0, 100),
        buckets: new Map(
          identity.buckets.map((b) => {
            const ref = bucketRefs.get(b);
            if (ref === undefined) throw inconsistent(`identity of cluster '${name}' names bucket '${b}', which storage group '${group.name}' does not create`);
            return [b, ref];
          }),
        ),
        ...(identity.workloadIdentity ? { workloadIdentityServiceAccounts: CHART_SERVICE_ACCOUNTS } : {}),
        ...(identity.artifactRepository !== null
          ? { artifactRepository: identity.artifactRepositoryCreated === true && images !== null ? { ...identity.artifactRepository, repository: images.repositoryId } : identity.artifactRepository }
          : {}),
        ...(plan.secretStore === 'cloud' ? { secretManager: true } : {}),
      });
      emails.set(name, sa.email);
    }

    const outputs = new Construct(this, 'outputs');
    for (const [cluster, email] of emails) namedOutput(outputs, index.identity(cluster)!.output, email);
    for (const pool of group.pools) {
      namedOutput(outputs, poolOutput(pool), {
        metadata_bucket: metadata.bucketName,
        metadata_bucket_url: metadata.bucketUrl,
        fast_registration_bucket: fastRegistration.bucketName,
        fast_registration_bucket_url: fastRegistration.bucketUrl,
        ...(rawData !== null ? { raw_data_bucket: rawData.bucketName, raw_data_bucket_url: rawData.bucketUrl } : {}),
      });
    }
    for (const name of group.clusters) {
      const cluster = index.cluster(name);
      namedOutput(outputs, helmValuesOutput(name), helmValues(plan, cluster, index.unit(cluster.unit), ''));
    }
  }
}
