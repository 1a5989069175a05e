// Formats of the self-managed keys (controlPlaneHost and the clusters' identity options), checked
// before they reach Helm values or an IAM trust policy, and each option on the cloud it means something on.
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { unitKeys } from '../unit-keys';

const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const OIDC_ISSUER = /^https:\/\/[a-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/;
/** An ECR repository ARN: region, account id, repository name (2-256 of a-z, 0-9, `._-` and `/` between parts). */
export const ECR_REPOSITORY = /^arn:aws:ecr:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):repository\/((?=[a-z0-9._/-]{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)$/;
export const ARTIFACT_REPOSITORY = /^projects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/([a-z0-9-]+)\/repositories\/([a-z]([a-z0-9-]{0,61}[a-z0-9])?)$/;

/** The cluster keys that shape a self-managed cluster's identity (BYOC clusters have Union's). */
const SELF_MANAGED_CLUSTER_KEYS = ['oidcIssuer', 'workloadIdentity', 'ecrRepository', 'artifactRepository'] as const;

export function checkSelfManaged(model: Model): Finding[] {
  const out: Finding[] = [];
  // A placeholder would pass the chart's `required` check and fail only when the cluster connects.
  const clusterNames = Object.keys(model.clusters);
  if (model.controlPlaneHost === undefined && model.deployment === 'self-managed' && clusterNames.length > 0) out.push(messages.controlPlaneHostMissing(clusterNames));
  if (model.controlPlaneHost !== undefined && !HOST.test(model.controlPlaneHost))
    out.push(messages.invalidValue(['controlPlaneHost'], JSON.stringify(model.controlPlaneHost), 'a host name such as acme.unionai.cloud', 'Write the host only: no https://, no path, no port.'));
  const clouds = new Map(unitKeys(model).map((u) => [u.key, u.cloud]));
  for (const [name, c] of Object.entries(model.clusters)) {
    if (model.deployment === 'byoc') {
      // Written for a data plane that would never read it: said once per key, at the key.
      for (const key of SELF_MANAGED_CLUSTER_KEYS) if (c[key] !== undefined && c[key] !== false) out.push(messages.clusterKeySelfManagedOnly(['clusters', name, key], key, name));
      continue;
    }
    const cloud = clouds.get(c.account);
    if (cloud === undefined) continue;
    if (c.oidcIssuer !== undefined) {
      if (cloud !== 'aws') out.push(messages.clusterKeyWrongCloud(['clusters', name, 'oidcIssuer'], 'oidcIssuer', name, cloud, 'aws'));
      else if (!OIDC_ISSUER.test(c.oidcIssuer))
        out.push(messages.invalidValue(['clusters', name, 'oidcIssuer'], JSON.stringify(c.oidcIssuer), 'an https URL such as https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B7', 'Copy the cluster\'s OpenID Connect issuer URL (aws eks describe-cluster --query cluster.identity.oidc.issuer).'));
    }
    if (c.workloadIdentity && cloud !== 'gcp') out.push(messages.clusterKeyWrongCloud(['clusters', name, 'workloadIdentity'], 'workloadIdentity', name, cloud, 'gcp'));
    if (c.artifactRepository !== undefined) {
      if (cloud !== 'gcp') out.push(messages.clusterKeyWrongCloud(['clusters', name, 'artifactRepository'], 'artifactRepository', name, cloud, 'gcp'));
      else if (!ARTIFACT_REPOSITORY.test(c.artifactRepository))
        out.push(messages.invalidValue(['clusters', name, 'artifactRepository'], JSON.stringify(c.artifactRepository), 'projects/PROJECT/locations/LOCATION/repositories/REPOSITORY', 'Write the repository\'s full resource name.'));
    }
    if (c.ecrRepository !== undefined) {
      if (cloud !== 'aws') out.push(messages.clusterKeyWrongCloud(['clusters', name, 'ecrRepository'], 'ecrRepository', name, cloud, 'aws'));
      else if (!ECR_REPOSITORY.test(c.ecrRepository))
        out.push(
          messages.invalidValue(
            ['clusters', name, 'ecrRepository'],
            JSON.stringify(c.ecrRepository),
            'an ECR repository ARN: arn:aws:ecr:REGION:ACCOUNT_ID:repository/NAME (NAME 2-256 of a-z, 0-9, . _ - and / between parts)',
            'Copy the repositoryArn from aws ecr describe-repositories --repository-names NAME.',
          ),
        );
    }
  }
  return out;
}
