// What a self-managed cluster needs from its values file to start: the identity the chart's service
// accounts run as, the control plane host, and, in the file's header, the install steps in order:
// the cluster's registration before the chart, then the chart with its cloud overlay first. The
// client id and secret from `uctl selfserve`, and an AWS account id known only after apply, go on
// the install line, never into the file as text that stands in for them.
import type { ClusterIdentity, ClusterPlan, Plan, Unit } from '../plan/types';
import { CHART_SERVICE_ACCOUNTS } from '../plan/types';
import { DEFAULT_POOL } from '../plan/queues';
import { dockerPath, ecrPathAfterAccount } from '../plan/artifact-registry';

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

/** The role ARN (AWS, with whatever stands for the account id) or service-account email (GCP). */
export function identityRef(identity: ClusterIdentity, awsAccountId: string): string {
  return identity.cloud === 'aws' ? `arn:aws:iam::${awsAccountId}:role/${identity.roleName}` : identity.email;
}

/** The pool a cluster is registered in with `flyte create cluster` (both routings need the record). */
export function registrationPool(plan: Plan, cluster: string): string {
  // Indexed once per plan: values are rendered for every cluster.
  let index = registrationIndex.get(plan);
  if (index === undefined) {
    index = new Map(plan.queues.clusters.map((c) => [c.cluster, c.pool]));
    registrationIndex.set(plan, index);
  }
  return index.get(cluster) ?? DEFAULT_POOL;
}

const registrationIndex = new WeakMap<Plan, ReadonlyMap<string, string>>();

export function registerCommand(plan: Plan, cluster: ClusterPlan): string {
  return `flyte create cluster ${cluster.name} --pool ${registrationPool(plan, cluster.name)}`;
}

/**
 * The chart keys a self-managed cluster needs to start, after the storage keys. `awsAccountId` null:
 * the account id is known only after apply, so it and the role ARNs go on the install line instead.
 * No key is ever filled with placeholder text: a placeholder passes the chart's `required` check.
 */
export function chartKeys(plan: Plan, cluster: ClusterPlan, _unit: Unit, awsAccountId: string | null): Record<string, string> {
  const identity = identityOf(plan, cluster.name);
  const keys: Record<string, string> = {};
  // One identity per cluster: the chart's backend and its workers run as the same one.
  if (identity !== undefined && (identity.cloud === 'gcp' || awsAccountId !== null))
    keys.BACKEND_IAM_ROLE_ARN = keys.WORKER_IAM_ROLE_ARN = identityRef(identity, awsAccountId ?? '');
  // Without it the chart refuses to install, which is where the error belongs (the model's rule reports it first).
  if (plan.controlPlaneHost !== null) keys.CONTROLPLANE_HOST = plan.controlPlaneHost;
  return keys;
}

/** Comment lines above a key, saying where its value comes from; null when it needs none. */
export function keyNote(plan: Plan, cluster: ClusterPlan, _unit: Unit, key: string): string[] | null {
  if (key === 'CONTROLPLANE_HOST') return ['From the model\'s controlPlaneHost.'];
  if (key === 'BACKEND_IAM_ROLE_ARN' && identityOf(plan, cluster.name)?.cloud === 'gcp') return ['The cluster\'s service account, created by its storage stack.'];
  return null;
}

/**
 * The image builder's repository as the chart takes it, with `accountId` standing for the account of
 * an AWS repository; null when the cluster has no identity (byoc) or that account is unknown.
 */
export function imageRepositoryOf(plan: Plan, cluster: string, accountId: string | null): string | null {
  const identity = identityOf(plan, cluster);
  if (identity === undefined) return null;
  if (identity.cloud === 'gcp') return identity.artifactRepository === null ? null : dockerPath(identity.artifactRepository);
  // An existing repository's account is in its ARN, whatever account the caller has at hand.
  const account = identity.ecr.existing?.accountId ?? accountId;
  return account === null ? null : `${account}${ecrPathAfterAccount(identity.ecr)}`;
}

/** The account id of an AWS cluster's repository when known before apply (adopted home account), else null. */
export function registryAccountOf(plan: Plan, cluster: string, units: ReadonlyMap<string, Unit>): string | null {
  const identity = identityOf(plan, cluster);
  if (identity?.cloud !== 'aws') return null;
  return identity.ecr.existing?.accountId ?? units.get(identity.ecr.unit)?.existingId ?? null;
}

/** The shell variable that holds the repository's account id on the install line: the cluster's own, or the group's home account's. */
function registryAccountVariable(identity: ClusterIdentity, unit: Unit): string {
  return identity.cloud === 'aws' && identity.ecr.unit !== unit.key ? '$REGISTRY_ACCOUNT_ID' : '$AWS_ACCOUNT_ID';
}

/** The `--set-string` assignments of values known only at install time, as shell words. */
export function installTimeValues(plan: Plan, cluster: ClusterPlan, unit: Unit, units?: ReadonlyMap<string, Unit>): string[] {
  const values = ['global.AUTH_CLIENT_ID="$UNION_CLIENT_ID"', 'secrets.admin.clientSecret="$UNION_CLIENT_SECRET"'];
  const identity = identityOf(plan, cluster.name);
  if (unit.cloud === 'aws' && unit.existingId === null) {
    values.push('global.AWS_ACCOUNT_ID="$AWS_ACCOUNT_ID"');
    if (identity?.cloud === 'aws') values.push(...['BACKEND', 'WORKER'].map((k) => `global.${k}_IAM_ROLE_ARN="${identityRef(identity, '$AWS_ACCOUNT_ID')}"`));
  }
  if (identity?.cloud === 'aws' && units !== undefined && registryAccountOf(plan, cluster.name, units) === null)
    values.push(`imageBuilder.defaultRepository="${imageRepositoryOf(plan, cluster.name, registryAccountVariable(identity, unit))}"`);
  return values;
}

/** The header's install steps, in order; none on a byoc deployment (Union installs those clusters). */
export function installLines(plan: Plan, cluster: ClusterPlan, unit: Unit, units: ReadonlyMap<string, Unit> = new Map(plan.units.map((u) => [u.key, u]))): string[] {
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
      `#   2. once the EKS cluster runs, install the EKS Pod Identity agent (not needed on EKS Auto Mode; Union's cluster guide does not install it)`,
      `#      and associate the role with the chart's service accounts:`,
      `#        aws eks create-addon --cluster-name ${cluster.name} --addon-name eks-pod-identity-agent`,
      ...CHART_SERVICE_ACCOUNTS.map((sa) => {
        const [ns, name] = sa.split('/');
        return `#        aws eks create-pod-identity-association --cluster-name ${cluster.name} --namespace ${ns} --service-account ${name} --role-arn ${identityRef(identity, unit.existingId ?? '$AWS_ACCOUNT_ID')}`;
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
    `#   3. register the cluster before the chart starts (the data plane binds to this record), with either routing:`,
    `#        ${registerCommand(plan, cluster)}`,
    '#      (queues/apply-queues.sh registers every cluster, and skips those already registered)',
    `#   4. ${selfServeCommand(cluster)}`,
    '#      (prints the client id and the client secret: both go on the install line, never in a file)',
    '#   5. helm repo add unionai https://unionai.github.io/helm-charts && helm pull unionai/dataplane --untar',
    '#      read -r UNION_CLIENT_ID; read -rs UNION_CLIENT_SECRET',
  );
  if (unit.cloud === 'aws' && unit.existingId === null)
    lines.push(`#      AWS_ACCOUNT_ID=...   # known after apply: output ${unit.accountIdOutput} of stack ${unit.stack} (npx cdktf output ${unit.stack})`);
  const home = identity?.cloud === 'aws' && identity.ecr.existing === null ? units.get(identity.ecr.unit) : undefined;
  if (identity?.cloud === 'aws' && home?.cloud === 'aws' && home.key !== unit.key && home.existingId === null)
    lines.push(`#      REGISTRY_ACCOUNT_ID=...   # the image repository's account, known after apply: output ${home.accountIdOutput} of stack ${home.stack}`);
  lines.push(
    `#      helm upgrade --install union-dataplane ./dataplane --namespace union --create-namespace \\`,
    `#        -f ./dataplane/${overlay} -f helm/${cluster.name}.values.yaml \\`,
    `#        --set-string ${installTimeValues(plan, cluster, unit, units).join(',')}`,
    `#      The chart's ${overlay} comes first: it is the only reader of ${cluster.cloud === 'aws' ? 'AWS_REGION' : 'GOOGLE_PROJECT_ID and GCP_REGION'}.`,
  );
  if (plan.controlPlaneHost === null) lines.push('#      CONTROLPLANE_HOST is not set: the chart refuses to install until controlPlaneHost is in the model.');
  lines.push('#   6. route work: apply-cluster-pool-attributes.sh, or queues/apply-queues.sh (see review.md)');
  return lines;
}
