// The values a cluster needs for Union's data-plane Helm chart, as a Terraform output: the same keys
// as union/helm/<cluster>.values.yaml, with the AWS account id that exists only after apply.
import type { ClusterPlan, Plan, Unit } from '../src/plan/types';

export interface HelmValues {
  readonly global: Readonly<Record<string, string>>;
  readonly storage: { readonly provider: 'aws' | 'gcs'; readonly bucketName: string };
}

/** `accountId` is the AWS account id (a Terraform expression); ignored on GCP, where the project id is known. */
export function helmValues(plan: Plan, cluster: ClusterPlan, unit: Unit, accountId: string | null): HelmValues {
  const common = {
    CLUSTER_NAME: cluster.name,
    ORG_NAME: plan.org,
    METADATA_BUCKET: cluster.metadataBucket,
    FAST_REGISTRATION_BUCKET: cluster.fastRegistrationBucket,
  };
  if (unit.cloud === 'aws') {
    if (accountId === null) throw new Error(`helm values of AWS cluster '${cluster.name}' need its account id`);
    return { global: { ...common, AWS_ACCOUNT_ID: accountId, AWS_REGION: cluster.region }, storage: { provider: 'aws', bucketName: cluster.metadataBucket } };
  }
  return { global: { ...common, GOOGLE_PROJECT_ID: unit.name, GCP_REGION: cluster.region }, storage: { provider: 'gcs', bucketName: cluster.metadataBucket } };
}
