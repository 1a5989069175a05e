// The review's self-managed sections: each cluster's identity and exactly what it reaches, the
// install order, and which routing each file under union/ is for.
import type { ClusterIdentity, Plan } from '../plan/types';
import { dockerPath } from '../plan/artifact-registry';
import { CHART_SERVICE_ACCOUNTS } from '../plan/types';
import { cell, code, table } from '../markdown';

type AccountRef = (key: string | null) => string;

function describeIdentity(i: ClusterIdentity): [string, string] {
  if (i.cloud === 'aws')
    return [
      `IAM role ${code(i.roleName)}`,
      i.trust === 'pod-identity' ? 'EKS Pod Identity (`pods.eks.amazonaws.com`; the cluster needs the `eks-pod-identity-agent` add-on)' : `IRSA: ${code(i.oidcIssuer ?? '')} for ${CHART_SERVICE_ACCOUNTS.map(code).join(', ')}`,
    ];
  return [
    `service account ${code(i.email)}`,
    i.workloadIdentity ? `workload identity for ${CHART_SERVICE_ACCOUNTS.map(code).join(', ')}` : `not bound yet: set ${code(`clusters.${i.cluster}.workloadIdentity: true`)} once GKE runs with ${code(`${i.project}.svc.id.goog`)}`,
  ];
}

function reach(i: ClusterIdentity): string {
  const buckets = i.buckets.map(code).join(', ');
  if (i.cloud === 'aws') {
    const repository = i.ecr.existing === null ? `the group's ECR repository ${code(i.ecr.repository)}` : `the existing ECR repository ${code(i.ecr.existing.arn)} (its policy must allow the role when it is in another account)`;
    return `${buckets}: objects get/put/delete, list${i.kmsKeyId === null ? '' : `; KMS ${code(i.kmsKeyId)} through S3`}; push/pull on ${repository}`;
  }
  const registry = i.artifactRepository === null ? '' : `; Artifact Registry writer on ${code(dockerPath(i.artifactRepository))}`;
  return `${buckets}: objectAdmin, legacyBucketReader; token creator on itself${registry}`;
}

export function selfManagedSections(plan: Plan, ref: AccountRef): string {
  return [identitiesSection(plan, ref), installSection(plan), routingSection(plan)].join('\n');
}

function identitiesSection(plan: Plan, ref: AccountRef): string {
  if (plan.deployment === 'byoc') return '## Cluster identities\n\nNone: on a BYOC deployment Union creates the clusters and their identities.\n';
  const rows = plan.identities.map((i) => {
    const [identity, trust] = describeIdentity(i);
    return [code(i.cluster), ref(i.unit), identity, trust, reach(i), code(i.stack)];
  });
  return [
    '## Cluster identities',
    '',
    'One identity per cluster, in its own account or project, reaching exactly its storage group’s buckets and no other. The Helm values give it to the chart as `BACKEND_IAM_ROLE_ARN` and `WORKER_IAM_ROLE_ARN`.',
    '',
    table(['Cluster', 'Account', 'Identity', 'Trusted by', 'Reaches', 'Stack'], rows),
  ].join('\n');
}

function installSection(plan: Plan): string {
  if (plan.deployment === 'byoc') return '';
  return [
    '## Install order',
    '',
    '1. Apply the accounts stacks, then the storage stacks: buckets and cluster identities.',
    '2. Create the clusters (EKS, GKE); on AWS install the `eks-pod-identity-agent` add-on and associate each role with the chart’s service accounts (EKS Pod Identity; Union’s cluster guide installs neither), or create the IAM OIDC provider (IRSA, with `oidcIssuer`); on GCP set `workloadIdentity: true` once the cluster runs and apply again.',
    '3. Register each cluster in its pool before the chart starts, with either routing: `flyte create cluster NAME --pool POOL` (each values file’s header has the line; `queues/apply-queues.sh` registers them all and skips those that exist).',
    '4. Per cluster, `uctl selfserve provision-dataplane-resources --clusterName NAME --provider aws|gcp`: its client id and secret go on the install line only.',
    '5. `helm upgrade --install` with the chart’s cloud overlay first (`-f values.aws.yaml` or `-f values.gcp.yaml`), then `helm/NAME.values.yaml`, and the values known only then on the line: each values file’s header has it.',
    `   Secrets: ${plan.secretStore === 'cloud' ? 'the cloud’s secret manager (`secretStore: cloud`), as every pool manifest declares' : 'Kubernetes secrets, the chart’s default, as every pool manifest declares (`secretStore: kubernetes`)'}.`,
    `6. Route work: ${plan.routing === 'queues' ? '`queues/apply-queues.sh` (this model’s routing)' : '`apply-cluster-pool-attributes.sh` (this model’s routing), or `queues/apply-queues.sh` for Union’s newer queues'}.`,
    '',
  ].join('\n');
}

function routingSection(plan: Plan): string {
  const chosen = (r: Plan['routing']) => (plan.routing === r ? ' **This model’s routing** (`routing: ' + r + '`).' : '');
  const rows = plan.queues.clusters.map((c) => [code(c.cluster), code(c.pool)]);
  return [
    '## Routing',
    '',
    `- Cluster-pool attributes (Union v1, the seeds’ flow): \`cluster-pools.yaml\` for the Union team, \`cluster-pool-attributes/\` and \`apply-cluster-pool-attributes.sh\` (uctl).${chosen('attributes')}`,
    `- Queues (Union’s current docs): \`queues/cluster-pools/\`, \`queues/settings/\` and \`queues/apply-queues.sh\` (flyte): ${plan.queues.pools.filter((p) => !p.exists).length} pools, ${plan.queues.clusters.length} clusters, ${plan.queues.queues.length} queues, ${plan.queues.settings.length} project-domain settings. Each cluster is in one pool; workflow assignments have no queue form.${chosen('queues')}`,
    '',
    cell('Queue registration (each cluster brings a queue of its own name):'),
    '',
    table(['Cluster', 'Pool'], rows),
  ].join('\n');
}
