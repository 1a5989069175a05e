// helm/<cluster>.values.yaml: the data-plane chart's `global` keys and storage settings for each
// cluster. Values the plan cannot know (the id of an AWS account not created yet) are named as the
// Terraform output that will hold them, with the command that prints it, so nothing is guessed.
import type { ClusterPlan, Plan, Unit } from '../plan/types';
import { hashHeader, type RenderOptions } from './header';
import { yamlScalar } from './yaml-scalar';

export const HELM_DIR = 'helm';

// Cluster names are validated DNS labels; checked again because they become file names.
const SAFE_CLUSTER = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export function helmValuesPath(cluster: string): string {
  if (!SAFE_CLUSTER.test(cluster)) throw new Error(`unsafe cluster name '${cluster}' for a values file`);
  return `${HELM_DIR}/${cluster}.values.yaml`;
}

/** The placeholder for an account id known only after the accounts stack is applied. */
export function terraformOutputPlaceholder(stack: string, output: string): string {
  return `<terraform output ${stack} ${output}>`;
}

export function renderHelmValues(plan: Plan, cluster: ClusterPlan, options: RenderOptions = {}, units = unitIndex(plan)): string {
  const unit = units.get(cluster.unit);
  if (unit === undefined) throw new Error(`cluster '${cluster.name}' runs in unknown unit '${cluster.unit}'`);
  const lines = [
    hashHeader(options).trimEnd(),
    `# Cluster ${cluster.name} in ${unit.key} (${unit.name}); pools: ${cluster.pools.join(', ') || '(none)'}.`,
    'global:',
    `  CLUSTER_NAME: ${yamlScalar(cluster.name)}`,
    `  ORG_NAME: ${yamlScalar(plan.org)}`,
    `  METADATA_BUCKET: ${yamlScalar(cluster.metadataBucket)}`,
    `  FAST_REGISTRATION_BUCKET: ${yamlScalar(cluster.fastRegistrationBucket)}`,
    ...cloudKeys(unit, cluster),
    'storage:',
    `  provider: ${cluster.cloud === 'aws' ? 'aws' : 'gcs'}`,
    `  bucketName: ${yamlScalar(cluster.metadataBucket)}`,
  ];
  return lines.join('\n') + '\n';
}

function unitIndex(plan: Plan): ReadonlyMap<string, Unit> {
  return new Map(plan.units.map((u) => [u.key, u]));
}

function cloudKeys(unit: Unit, cluster: ClusterPlan): string[] {
  if (unit.cloud === 'gcp') {
    // An adopted project keeps its own id; a new one gets the planned id, known before apply.
    return [`  GOOGLE_PROJECT_ID: ${yamlScalar(unit.existingId ?? unit.name)}`, `  GCP_REGION: ${yamlScalar(cluster.region)}`];
  }
  const lines = [`  AWS_REGION: ${yamlScalar(cluster.region)}`];
  if (unit.existingId !== null) {
    // Always a string: a 12-digit id read as a number loses its leading zeros.
    lines.push(`  AWS_ACCOUNT_ID: ${JSON.stringify(unit.existingId)}`);
  } else {
    lines.push(
      `  # Known after apply: replace with the output of \`npx cdktf output ${unit.stack}\` (${unit.accountIdOutput}),`,
      `  # or \`terraform output -raw ${unit.accountIdOutput}\` in cdktf.out/stacks/${unit.stack}.`,
      `  AWS_ACCOUNT_ID: ${JSON.stringify(terraformOutputPlaceholder(unit.stack, unit.accountIdOutput))}`,
    );
  }
  return lines;
}

/** Relative path under `<out>/union/` -> content, one per cluster. */
export function renderAllHelmValues(plan: Plan, options: RenderOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const units = unitIndex(plan);
  for (const cluster of [...plan.clusters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    files.set(helmValuesPath(cluster.name), renderHelmValues(plan, cluster, options, units));
  }
  return files;
}
