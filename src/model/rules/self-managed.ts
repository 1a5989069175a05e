// Formats of the self-managed keys (controlPlaneHost and the clusters' identity options), checked
// before they reach Helm values or an IAM trust policy, and each option on the cloud it means something on.
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { unitKeys } from '../unit-keys';

const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const OIDC_ISSUER = /^https:\/\/[a-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/;
export const ARTIFACT_REPOSITORY = /^projects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/([a-z0-9-]+)\/repositories\/([a-z]([a-z0-9-]{0,61}[a-z0-9])?)$/;

export function checkSelfManaged(model: Model): Finding[] {
  const out: Finding[] = [];
  // A placeholder would pass the chart's `required` check and fail only when the cluster connects.
  const clusterNames = Object.keys(model.clusters);
  if (model.controlPlaneHost === undefined && model.deployment === 'self-managed' && clusterNames.length > 0) out.push(messages.controlPlaneHostMissing(clusterNames));
  if (model.controlPlaneHost !== undefined && !HOST.test(model.controlPlaneHost))
    out.push(messages.invalidValue(['controlPlaneHost'], JSON.stringify(model.controlPlaneHost), 'a host name such as acme.unionai.cloud', 'Write the host only: no https://, no path, no port.'));
  const clouds = new Map(unitKeys(model).map((u) => [u.key, u.cloud]));
  for (const [name, c] of Object.entries(model.clusters)) {
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
  }
  return out;
}
