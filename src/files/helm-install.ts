// What a self-managed cluster needs from its values file to start: the identity the chart's service
// accounts run as, the control plane host, the client id from `uctl selfserve`, and, in the file's
// header, the install steps in order with the chart's cloud overlay first. The client secret is
// passed at install time, never written to a file.
import type { ClusterIdentity, ClusterPlan, Plan, Unit } from '../plan/types';
import { CHART_SERVICE_ACCOUNTS } from '../plan/types';

const identityIndex = new WeakMap<Plan, ReadonlyMap<string, ClusterIdentity>>();

/** The cluster's identity, looked up through a per-plan index: values are rendered for every cluster. */
export function identityOf(plan: Plan, cluster: string): ClusterIdentity | undefined {
  let index = identityIndex.get(plan);
  if (index === undefined) {
    index = new Map((plan.identities ?? []).map((i) => [i.cluster, i]));
    identityIndex.set(plan, index);
  }
  return index.get(cluster);
}

const PROVIDER = { aws: 'aws', gcp: 'gcp' } as const;
const OVERLAY = { aws: 'values.aws.yaml', gcp: 'values.gcp.yaml' } as const;

export function selfServeCommand(cluster: ClusterPlan): string {
  return `uctl selfserve provision-dataplane-resources --clusterName ${cluster.name} --provider ${PROVIDER[cluster.cloud]}`;
}

export const CONTROL_PLANE_PLACEHOLDER = '<set controlPlaneHost in the model, such as acme.unionai.cloud>';

/** The role ARN (AWS, with whatever stands for the account id) or service-account email (GCP). */
export function identityRef(identity: ClusterIdentity, awsAccountId: string): string {
  return identity.cloud === 'aws' ? `arn:aws:iam::${awsAccountId}:role/${identity.roleName}` : identity.email;
}

/** The chart keys a self-managed cluster needs to start, after the storage keys. */
export function chartKeys(plan: Plan, cluster: ClusterPlan, _unit: Unit, awsAccountId: string): Record<string, string> {
  const identity = identityOf(plan, cluster.name);
  const keys: Record<string, string> = {};
  // One identity per cluster: the chart's backend and its workers run as the same one.
  if (identity !== undefined) keys.BACKEND_IAM_ROLE_ARN = keys.WORKER_IAM_ROLE_ARN = identityRef(identity, awsAccountId);
  return {
    ...keys,
    CONTROLPLANE_HOST: plan.controlPlaneHost ?? CONTROL_PLANE_PLACEHOLDER,
    AUTH_CLIENT_ID: `<client id printed by: ${selfServeCommand(cluster)}>`,
  };
}

/** Comment lines above a key whose value is a placeholder, saying how to fill it; null for a filled key. */
export function keyNote(plan: Plan, cluster: ClusterPlan, unit: Unit, key: string): string[] | null {
  const identity = identityOf(plan, cluster.name);
  if ((key === 'BACKEND_IAM_ROLE_ARN' || key === 'WORKER_IAM_ROLE_ARN') && identity?.cloud === 'aws' && unit.existingId === null)
    return [`Known after apply: the output ${identity.output} of stack ${identity.stack} (the account id is that of AWS_ACCOUNT_ID).`];
  if (key === 'CONTROLPLANE_HOST' && plan.controlPlaneHost === null) return ['Required by the chart: set controlPlaneHost in the model and synth again.'];
  if (key === 'AUTH_CLIENT_ID') return [`Run \`${selfServeCommand(cluster)}\` once: put its client id here; its client secret goes on the install line, never in a file.`];
  return null;
}

/** The header's install steps, in order; none on a byoc deployment (Union installs those clusters). */
export function installLines(plan: Plan, cluster: ClusterPlan, _unit: Unit): string[] {
  if (plan.deployment === 'byoc') return [];
  const identity = identityOf(plan, cluster.name);
  const overlay = OVERLAY[cluster.cloud];
  const lines = [
    '#',
    `# Install, in order (from the union/ directory of the synth output):`,
    `#   1. apply the storage stack ${identity?.stack ?? `of storage group ${cluster.storageGroup}`} (the buckets and this cluster's identity)`,
  ];
  if (identity?.cloud === 'aws' && identity.trust === 'pod-identity')
    lines.push(
      `#   2. once the EKS cluster runs, associate the role with the chart's service accounts (EKS Pod Identity):`,
      ...CHART_SERVICE_ACCOUNTS.map((sa) => {
        const [ns, name] = sa.split('/');
        return `#        aws eks create-pod-identity-association --cluster-name ${cluster.name} --namespace ${ns} --service-account ${name} --role-arn <BACKEND_IAM_ROLE_ARN>`;
      }),
    );
  else if (identity?.cloud === 'aws')
    lines.push(`#   2. IRSA: the cluster's IAM OIDC provider (${identity.oidcIssuer}) must exist in the account; the role trusts it`);
  else if (identity?.cloud === 'gcp' && !identity.workloadIdentity)
    lines.push(
      `#   2. once the GKE cluster runs with --workload-pool=${identity.project}.svc.id.goog, set clusters.${cluster.name}.workloadIdentity: true,`,
      `#      synth and apply again: that binds ${CHART_SERVICE_ACCOUNTS.join(' and ')} to ${identity.email}`,
    );
  else if (identity?.cloud === 'gcp') lines.push(`#   2. workload identity: ${CHART_SERVICE_ACCOUNTS.join(' and ')} are bound to ${identity.email}`);
  lines.push(
    `#   3. ${selfServeCommand(cluster)}`,
    '#      (prints the client id for AUTH_CLIENT_ID below and the client secret)',
    '#   4. helm repo add unionai https://unionai.github.io/helm-charts && helm pull unionai/dataplane --untar',
    '#      read -rs UNION_CLIENT_SECRET   # paste the client secret: it is never written to a file',
    `#      helm upgrade --install union-dataplane ./dataplane --namespace union --create-namespace \\`,
    `#        -f ./dataplane/${overlay} -f helm/${cluster.name}.values.yaml --set-string secrets.admin.clientSecret="$UNION_CLIENT_SECRET"`,
    `#      The chart's ${overlay} comes first: it is the only reader of ${cluster.cloud === 'aws' ? 'AWS_REGION' : 'GOOGLE_PROJECT_ID and GCP_REGION'}.`,
    '#   5. route work: apply-cluster-pool-attributes.sh, or queues/apply-queues.sh (see review.md)',
  );
  return lines;
}
