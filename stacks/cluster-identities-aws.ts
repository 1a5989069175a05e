// The IAM roles of an AWS storage group's clusters, each in its cluster's account: the home account
// through the stack's provider, every other account of the group through a provider of its own that
// assumes the organization role there and may act in that account only.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { ClusterIdentityAws } from '../src/constructs/cluster-identity-aws';
import { CHART_SERVICE_ACCOUNTS, type StorageGroup } from '../src/plan/types';
import { inconsistent, type PlanIndex } from './plan-index';

/** Cluster -> its role's ARN (a Terraform reference). */
export function clusterIdentitiesAws(
  scope: Construct,
  index: PlanIndex,
  group: StorageGroup,
  homeProvider: AwsProvider,
  accountId: (unitKey: string) => string,
  imageRepositoryArn: string | null,
): Map<string, string> {
  const providers = new Map<string, AwsProvider>([[group.homeUnit, homeProvider]]);
  const providerOf = (unitKey: string): AwsProvider => {
    let provider = providers.get(unitKey);
    if (provider === undefined) {
      const unit = index.awsUnit(unitKey);
      const id = accountId(unitKey);
      provider = new AwsProvider(scope, `aws-${unit.id}`, {
        alias: unit.id,
        region: group.region,
        assumeRole: [{ roleArn: `arn:aws:iam::${id}:role/${unit.roleName}`, sessionName: 'union-isolation' }],
        allowedAccountIds: [id],
      });
      providers.set(unitKey, provider);
    }
    return provider;
  };
  const identities = new Construct(scope, 'identities');
  const arns = new Map<string, string>();
  for (const name of group.clusters) {
    const identity = index.identity(name);
    if (identity === undefined) continue;
    if (identity.cloud !== 'aws' || identity.storageGroup !== group.name) throw inconsistent(`identity of cluster '${name}' is not an AWS identity of storage group '${group.name}'`);
    const role = new ClusterIdentityAws(identities, name, {
      roleName: identity.roleName,
      trust:
        identity.oidcIssuer === null
          ? { kind: 'pod-identity' }
          : { kind: 'irsa', accountId: accountId(identity.unit), issuer: identity.oidcIssuer, serviceAccounts: CHART_SERVICE_ACCOUNTS },
      buckets: identity.buckets,
      region: group.region,
      ...(identity.kmsKeyId !== null ? { kmsKeyId: identity.kmsKeyId } : {}),
      ...(index.plan.secretStore === 'cloud' ? { secretsManager: { accountId: accountId(identity.unit), region: index.cluster(name).region } } : {}),
      ...(identity.ecr.existing !== null ? { imageRepositoryArn: identity.ecr.existing.arn } : imageRepositoryArn !== null ? { imageRepositoryArn } : {}),
      provider: providerOf(identity.unit),
    });
    arns.set(name, role.role.arn);
  }
  return arns;
}
