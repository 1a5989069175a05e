// One identity per cluster of a self-managed data plane, in the cluster's own account or project,
// reaching exactly the buckets of its storage group: an IAM role on AWS, a service account on GCP.
// Created by the group's storage stack, the one place that knows the buckets.
import type { Model } from '../model/schema';
import { ARTIFACT_REPOSITORY, ECR_REPOSITORY } from '../model/rules/self-managed';
import { shorten } from './shorten';
import type { AwsClusterIdentity, ClusterIdentity, ClusterPlan, ShortenedName, StorageGroup, Unit } from './types';

export const LIMITS = { iamRole: 64, gcpServiceAccount: 30 } as const;

export interface ResolvedIdentities {
  readonly identities: ClusterIdentity[];
  readonly shortened: ShortenedName[];
}

export function resolveIdentities(model: Model, units: readonly Unit[], clusters: readonly ClusterPlan[], groups: readonly StorageGroup[]): ResolvedIdentities {
  if (model.deployment === 'byoc') return { identities: [], shortened: [] };
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const groupByName = new Map(groups.map((g) => [g.name, g]));
  const identities: ClusterIdentity[] = [];
  const shortened: ShortenedName[] = [];
  for (const c of clusters) {
    const unit = unitByKey.get(c.unit);
    const group = groupByName.get(c.storageGroup);
    if (unit === undefined || group === undefined) continue;
    const spec = model.clusters[c.name]!;
    const base = { cluster: c.name, unit: unit.key, storageGroup: group.name, stack: group.stack, output: `identity_${c.name}`, buckets: [...new Set([group.bucket, group.fastRegistrationBucket, ...(group.rawDataBucket !== null ? [group.rawDataBucket] : [])])].sort() };
    const original = `union-${c.name}`;
    if (unit.cloud === 'aws') {
      const roleName = shorten(original, LIMITS.iamRole);
      if (roleName !== original) shortened.push({ kind: 'iam-role', owner: c.name, original, final: roleName, limit: LIMITS.iamRole });
      identities.push({
        ...base,
        cloud: 'aws',
        roleName,
        trust: spec.oidcIssuer === undefined ? 'pod-identity' : 'irsa',
        oidcIssuer: spec.oidcIssuer === undefined ? null : spec.oidcIssuer.replace(/^https:\/\//, ''),
        kmsKeyId: group.kmsKeyId,
        ecr: ecrOf(spec.ecrRepository, group),
      });
    } else {
      const accountId = shorten(original, LIMITS.gcpServiceAccount);
      if (accountId !== original) shortened.push({ kind: 'gcp-service-account', owner: c.name, original, final: accountId, limit: LIMITS.gcpServiceAccount });
      // An adopted project keeps its own id.
      const project = unit.existingId ?? unit.name;
      const repo = spec.artifactRepository === undefined ? null : ARTIFACT_REPOSITORY.exec(spec.artifactRepository);
      identities.push({
        ...base,
        cloud: 'gcp',
        project,
        accountId,
        email: `${accountId}@${project}.iam.gserviceaccount.com`,
        workloadIdentity: spec.workloadIdentity,
        ...(repo === null
          ? { artifactRepository: { project: groupProject(group), location: group.region, repository: imageRepositoryName(group.name) }, artifactRepositoryCreated: true }
          : { artifactRepository: { project: repo[1]!, location: repo[2]!, repository: repo[3]! } }),
      });
    }
  }
  return { identities, shortened };

  function ecrOf(arn: string | undefined, group: StorageGroup): AwsClusterIdentity['ecr'] {
    const m = arn === undefined ? null : ECR_REPOSITORY.exec(arn);
    if (m === null) return { repository: imageRepositoryName(group.name), region: group.region, unit: group.homeUnit, existing: null };
    return { repository: m[3]!, region: m[1]!, unit: group.homeUnit, existing: { accountId: m[2]!, arn: arn! } };
  }

  function groupProject(group: StorageGroup): string {
    const home = unitByKey.get(group.homeUnit)!;
    return home.existingId ?? home.name;
  }
}

/** The image builder's repository of a storage group: an ECR repository name, an Artifact Registry id (at most 63). */
export function imageRepositoryName(group: string): string {
  return shorten(`union-dataplane-${group}`, 63);
}
