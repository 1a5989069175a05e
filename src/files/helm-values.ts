// helm/<cluster>.values.yaml: the data-plane chart's `global` keys and storage settings for each
// cluster. Values the plan cannot know (the id of an AWS account not created yet) are named as the
// Terraform output that will hold them, with the command that prints it, so nothing is guessed.
import type { ClusterPlan, Plan, Unit } from '../plan/types';
import { hashHeader, type RenderOptions } from './generated-header';
import { chartKeys, imageRepositoryOf, installLines, keyNote, registryAccountOf } from './helm-install';
import { yamlScalar } from './yaml-scalar';
import { compareStrings } from '../order';

export const HELM_DIR = 'helm';

// Cluster names are validated DNS labels; checked again because they become file names.
const SAFE_CLUSTER = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export function helmValuesPath(cluster: string): string {
  if (!SAFE_CLUSTER.test(cluster)) throw new Error(`unsafe cluster name '${cluster}' for a values file`);
  return `${HELM_DIR}/${cluster}.values.yaml`;
}

export interface HelmValues {
  readonly global: Readonly<Record<string, string>>;
  readonly storage: { readonly provider: 'aws' | 'gcs'; readonly bucketName: string };
  /** Only with the model's `secretStore: cloud`: the chart's default is Kubernetes secrets, which the pool manifests then declare. */
  readonly proxy?: { readonly secretManager: { readonly type: 'AWS' | 'GCP' } };
  /** The image builder's repository (the storage group's, or the model's) and how it signs in; absent when unknown before install. */
  readonly imageBuilder?: { readonly defaultRepository: string; readonly authenticationType: 'aws' | 'google' };
}

/**
 * The chart's values for one cluster: the one definition of its keys, written to
 * helm/<cluster>.values.yaml here and to the storage stacks' `helm_values_<cluster>` outputs.
 * `awsAccountId` is the account id where the values go (ignored on GCP); null when it is known only
 * after apply: it and the role ARNs are then left to the install line.
 */
export function helmValues(plan: Plan, cluster: ClusterPlan, unit: Unit, awsAccountId: string | null, registryAccountId: string | null = awsAccountId): HelmValues {
  const common = {
    CLUSTER_NAME: cluster.name,
    ORG_NAME: plan.org,
    METADATA_BUCKET: cluster.metadataBucket,
    FAST_REGISTRATION_BUCKET: cluster.fastRegistrationBucket,
  };
  const storage = { provider: unit.cloud === 'aws' ? ('aws' as const) : ('gcs' as const), bucketName: cluster.metadataBucket };
  const startKeys = chartKeys(plan, cluster, unit, awsAccountId);
  // The secret store the cluster reports is the one its pool manifest declares (queues.ts).
  const proxy = plan.secretStore === 'cloud' ? { proxy: { secretManager: { type: unit.cloud === 'aws' ? ('AWS' as const) : ('GCP' as const) } } } : {};
  const repository = imageRepositoryOf(plan, cluster.name, registryAccountId);
  const imageBuilder = repository === null ? {} : { imageBuilder: { defaultRepository: repository, authenticationType: unit.cloud === 'aws' ? ('aws' as const) : ('google' as const) } };
  // An adopted project keeps its own id; a new one gets the planned id, known before apply.
  if (unit.cloud === 'gcp') return { global: { ...common, GOOGLE_PROJECT_ID: unit.existingId ?? unit.name, GCP_REGION: cluster.region, ...startKeys }, storage, ...proxy, ...imageBuilder };
  return { global: { ...common, AWS_REGION: cluster.region, ...(awsAccountId === null ? {} : { AWS_ACCOUNT_ID: awsAccountId }), ...startKeys }, storage, ...proxy, ...imageBuilder };
}

export function renderHelmValues(plan: Plan, cluster: ClusterPlan, options: RenderOptions = {}, units = unitIndex(plan)): string {
  const unit = units.get(cluster.unit);
  if (unit === undefined) throw new Error(`cluster '${cluster.name}' runs in unknown unit '${cluster.unit}'`);
  const values = helmValues(plan, cluster, unit, unit.cloud === 'aws' ? unit.existingId : null, registryAccountOf(plan, cluster.name, units));
  const lines = [
    hashHeader(options).trimEnd(),
    `# Cluster ${cluster.name} in ${unit.key} (${unit.name}); pools: ${cluster.pools.join(', ') || '(none)'}.`,
    ...installLines(plan, cluster, unit, units),
    'global:',
  ];
  for (const [key, value] of Object.entries(values.global)) {
    const note = keyNote(plan, cluster, unit, key);
    if (note !== null) lines.push(...note.map((l) => `  # ${l}`));
    // Account ids are always strings: a 12-digit id read as a number loses its leading zeros.
    lines.push(`  ${key}: ${key === 'AWS_ACCOUNT_ID' ? JSON.stringify(value) : yamlScalar(value)}`);
  }
  lines.push('storage:', `  provider: ${values.storage.provider}`, `  bucketName: ${yamlScalar(values.storage.bucketName)}`);
  if (values.proxy !== undefined)
    lines.push(
      `# secretStore: cloud: the cloud's secret manager (the chart's overlay reads its ${unit.cloud === 'aws' ? 'account and region' : 'project'}), as the pool manifest declares.`,
      'proxy:',
      '  secretManager:',
      `    type: ${values.proxy.secretManager.type}`,
    );
  else if (plan.deployment !== 'byoc') lines.push("# Secrets: Kubernetes secrets, the chart's default, as the pool manifest declares (the model's secretStore).");
  if (values.imageBuilder !== undefined)
    lines.push(
      "# The image builder's registry: the storage group's repository (created by its storage stack), or the model's.",
      'imageBuilder:',
      `  defaultRepository: ${yamlScalar(values.imageBuilder.defaultRepository)}`,
      `  authenticationType: ${values.imageBuilder.authenticationType}`,
    );
  else if (plan.deployment !== 'byoc') lines.push("# imageBuilder.defaultRepository: known after apply, on the install line above.");
  return lines.join('\n') + '\n';
}

function unitIndex(plan: Plan): ReadonlyMap<string, Unit> {
  return new Map(plan.units.map((u) => [u.key, u]));
}

/** Relative path under `<out>/union/` -> content, one per cluster. */
export function renderAllHelmValues(plan: Plan, options: RenderOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const units = unitIndex(plan);
  for (const cluster of [...plan.clusters].sort((a, b) => compareStrings(a.name, b.name))) {
    files.set(helmValuesPath(cluster.name), renderHelmValues(plan, cluster, options, units));
  }
  return files;
}
