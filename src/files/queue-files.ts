// union/queues/: Union's current routing for the same pools and assignments, for the `flyte` CLI
// (flyteplugins-union). A pool file per pool, a settings file per project-domain pair, and
// apply-queues.sh, which runs every command once, in order, and stops at the first failure.
import type { Plan, QueuePool } from '../plan/types';
import { shellQuote } from './apply-attributes-script';
import { generatedNotice, hashHeader, type RenderOptions } from './generated-header';
import { yamlScalar } from './yaml-scalar';

export const QUEUES_DIR = 'queues';
export const QUEUES_SCRIPT_FILE = `${QUEUES_DIR}/apply-queues.sh`;

// Names in these paths are validated DNS labels (pools, projects, domains); checked again because
// they become paths and script arguments.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function safe(name: string, what: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe ${what} name '${name}' for a queues file`);
  return name;
}

export function poolFilePath(pool: string): string {
  return `${QUEUES_DIR}/cluster-pools/${safe(pool, 'pool')}.yaml`;
}

export function settingsFilePath(project: string, domain: string): string {
  return `${QUEUES_DIR}/settings/${safe(project, 'project')}.${safe(domain, 'domain')}.yaml`;
}

export const ORG_SETTINGS_FILE = `${QUEUES_DIR}/settings/org.yaml`;

export function renderPoolFile(pool: QueuePool, options: RenderOptions = {}): string {
  const lines = [hashHeader(options).trimEnd()];
  if (pool.exists) lines.push(`# Every Union org has the pool ${pool.name}: it is not created. Compare with \`flyte get cluster-pool ${pool.name}\`.`);
  lines.push(`# Storage group ${pool.storageGroup}: every cluster of the pool must report this object store, secret store and image registry, or it is marked unhealthy.`);
  if (pool.secretStore.type === 'KUBERNETES') lines.push("# secret_store: Kubernetes secrets, the chart's default, which the values files keep (the model's secretStore: kubernetes).");
  else lines.push(`# secret_store: the values files set the chart's secret manager to ${pool.cloud === 'aws' ? 'AWS' : 'GCP'} (the model's secretStore: cloud); the locator is the clusters' ${pool.cloud === 'aws' ? 'region' : 'project'}.`);
  lines.push(
    `name: ${yamlScalar(pool.name)}`,
    'config:',
    '  object_store_ref:',
    `    uri: ${yamlScalar(pool.objectStore)}`,
    '    endpoint: ""',
    '  secret_store:',
    `    type: ${pool.secretStore.type}`,
  );
  if (pool.secretStore.locator !== null) lines.push(`    locator: ${yamlScalar(pool.secretStore.locator)}`);
  if (pool.imageRegistry !== null) lines.push('  image_registry:', `    locator: ${yamlScalar(pool.imageRegistry)}`);
  else if (pool.imageRegistryAfterApply !== null) {
    const r = pool.imageRegistryAfterApply;
    lines.push(
      `# image_registry: ACCOUNT${r.suffix}, the storage group's ECR repository;`,
      `# its account id is known after apply (output ${r.output} of stack ${r.stack}).`,
      pool.exists
        ? '# Compare it with the registry the existing pool declares.'
        : `# apply-queues.sh adds it when it creates the pool, from that output or from $${accountIdVariable(pool.name)}.`,
    );
  } else if (pool.cloud === 'aws')
    lines.push("# image_registry: none: the pool's clusters push to different repositories (each values file names its own).");
  return lines.join('\n') + '\n';
}

/** A settings file: flat dot-notation keys, as `flyte edit settings --from-file` reads them. */
export function renderSettingsFile(settings: { readonly queue: string | null; readonly rawDataPath: string | null }, options: RenderOptions = {}): string {
  const lines = [hashHeader(options).trimEnd()];
  if (settings.queue !== null) lines.push(`run.default_queue: ${yamlScalar(settings.queue)}`);
  // Raw data in the storage group's raw-data bucket, which retentionDays expires; metadata stays put.
  if (settings.rawDataPath !== null) lines.push(`storage.raw_data_path: ${yamlScalar(settings.rawDataPath)}`);
  return lines.join('\n') + '\n';
}

/**
 * The environment variable that gives apply-queues.sh a pool's registry account id instead of the
 * stack's output: one per pool (pool names are DNS labels, so no two share one), prefixed so that no
 * variable of the user's shell (AWS_ACCOUNT_ID, say) is read by accident.
 */
export function accountIdVariable(pool: string): string {
  return `UNION_POOL_${pool.toUpperCase().replace(/-/g, '_')}_ACCOUNT_ID`;
}

/** The flyte commands, in order, as argument lists (paths relative to union/queues/, marked with a leading `@`). */
export function queueCommands(plan: Plan): string[][] {
  const rel = (path: string) => `@${path.slice(QUEUES_DIR.length + 1)}`;
  return [
    ...plan.queues.pools.filter((p) => !p.exists).map((p) => ['create', 'cluster-pool', p.name, '--file', rel(poolFilePath(p.name))]),
    ...plan.queues.clusters.map((c) => ['create', 'cluster', c.cluster, '--pool', c.pool]),
    ...plan.queues.queues.map((q) => ['create', 'queue', q.name, '--cluster-pool', q.pool, '--run-concurrency', String(q.runConcurrency), '--action-concurrency', String(q.actionConcurrency)]),
    ...(plan.queues.org === null ? [] : [['edit', 'settings', '--from-file', rel(ORG_SETTINGS_FILE)]]),
    ...plan.queues.settings.map((s) => ['edit', 'settings', '--project', s.project, '--domain', s.domain, '--from-file', rel(settingsFilePath(s.project, s.domain))]),
  ];
}

export function renderQueuesScript(plan: Plan, options: RenderOptions = {}): string {
  const commands = queueCommands(plan);
  const word = (arg: string) => (arg.startsWith('@') ? `"$here"/${shellQuote(arg.slice(1))}` : shellQuote(arg));
  // `create KIND NAME ...` becomes `ensure KIND NAME ...`: created only when `flyte get` does not find it.
  // A pool whose ECR registry sits in an account created by its stack gets the registry added then.
  const afterApply = new Map(plan.queues.pools.filter((p) => !p.exists && p.imageRegistryAfterApply !== null).map((p) => [p.name, p.imageRegistryAfterApply!]));
  const line = (c: readonly string[]) => {
    const r = c[1] === 'cluster-pool' ? afterApply.get(c[2]!) : undefined;
    if (r !== undefined) return `ensure_pool_with_registry ${[c[2]!, c[4]!, accountIdVariable(c[2]!), r.stack, r.output, r.suffix].map(word).join(' ')}`;
    return c[0] === 'create' ? `ensure ${c.slice(1).map(word).join(' ')}` : `run ${c.map(word).join(' ')}`;
  };
  const lines = [
    '#!/usr/bin/env bash',
    `# ${generatedNotice(options)}`,
    '#',
    "# Registers Union's queue routing with the flyte CLI (pip install flyte flyteplugins-union), in order:",
    '# cluster pools, clusters (each registered in one pool; it brings a queue named after it), the pools\'',
    "# queues, the org-level default when the model's pool `default` runs elsewhere, and each",
    "# project-domain's settings (run.default_queue, storage.raw_data_path). Stops at the first failure.",
    '# Safe to run again after a failure: a pool, cluster or queue that `flyte get` finds is left as it',
    '# is and named; only what is missing is created. Settings are applied every time (the same values).',
    '# Register the clusters before installing the chart on them; the projects must exist before their settings.',
    "# Union's routing is create-only: a cluster's or queue's pool cannot be changed later.",
    '# Arguments are flyte options, passed before each command, e.g. `--config ~/.flyte/config.yaml`.',
    ...(afterApply.size > 0
      ? [
          "# A pool whose ECR repository is in an account the stacks create declares it with that account's id:",
          '# read from the accounts stack (`terraform output`, in the synth output\'s stacks/ after `terraform init`),',
          '# or from the variable the pool file names. The script stops before creating it when the id is unknown.',
        ]
      : []),
    'set -euo pipefail',
    '',
    'here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"',
    'options=("$@")',
    `total=${commands.length}`,
    'step=0',
    'created=0',
    'existing=0',
    'applied=0',
    '',
    'flyte_() {',
    '  local status=0',
    '  flyte ${options[@]+"${options[@]}"} "$@" || status=$?',
    '  if [ "$status" -ne 0 ]; then',
    '    echo "apply-queues: flyte failed (exit $status) on: flyte $*; the commands after it were not run (run the script again once fixed)" >&2',
    '    exit "$status"',
    '  fi',
    '}',
    '',
    'run() {',
    '  step=$((step + 1))',
    '  echo "[${step}/${total}] flyte $*" >&2',
    '  flyte_ "$@"',
    '  applied=$((applied + 1))',
    '}',
    '',
    'ensure() {',
    '  local kind="$1" name="$2"',
    '  step=$((step + 1))',
    '  if flyte ${options[@]+"${options[@]}"} get "$kind" "$name" >/dev/null 2>&1; then',
    '    echo "[${step}/${total}] $kind $name exists: left as it is" >&2',
    '    existing=$((existing + 1))',
    '  else',
    '    echo "[${step}/${total}] flyte create $*" >&2',
    '    flyte_ create "$@"',
    '    created=$((created + 1))',
    '  fi',
    '}',
    '',
    ...(afterApply.size > 0 ? REGISTRY_FUNCTIONS : []),
    ...commands.map(line),
    ...(commands.length === 0 ? ['echo "No queue routing to register." >&2'] : []),
    'echo "apply-queues: created ${created}, left ${existing} that existed, applied ${applied} settings" >&2',
  ];
  return lines.join('\n') + '\n';
}

/**
 * For pools whose ECR repository is in an account the accounts stacks create: the account id comes
 * from that stack's state (`terraform output`, from the synth output's stacks/ directory, after
 * `terraform init` there), or from the variable the pool file names; the pool is created from a copy
 * of its file with the registry added, so the file on disk stays as synthesized.
 */
const REGISTRY_FUNCTIONS: readonly string[] = [
  'work="$(mktemp -d)"',
  'trap \'rm -rf "$work"\' EXIT',
  '',
  'account_id() {',
  '  local variable="$1" stack="$2" output="$3" id',
  '  id="${!variable:-}"',
  '  if [ -n "$id" ] && ! [[ "$id" =~ ^[0-9]{12}$ ]]; then',
  '    echo "apply-queues: $variable is not a 12-digit AWS account id (found \\"$id\\"); the commands after this were not run" >&2',
  '    exit 3',
  '  fi',
  '  if [ -z "$id" ]; then',
  '    id="$(terraform -chdir="$here/../../stacks/$stack" output -raw "$output" 2>/dev/null)" || id=""',
  '  fi',
  '  if ! [[ "$id" =~ ^[0-9]{12}$ ]]; then',
  '    echo "apply-queues: the account id in output $output of stack $stack is not known${id:+ (found \\"$id\\")}: apply that stack and run terraform init in stacks/$stack of the synth output, or set $variable; the commands after this were not run (run the script again once fixed)" >&2',
  '    exit 3',
  '  fi',
  '  printf \'%s\' "$id"',
  '}',
  '',
  'ensure_pool_with_registry() {',
  '  local name="$1" file="$2" id',
  '  step=$((step + 1))',
  '  if flyte ${options[@]+"${options[@]}"} get cluster-pool "$name" >/dev/null 2>&1; then',
  '    echo "[${step}/${total}] cluster-pool $name exists: left as it is" >&2',
  '    existing=$((existing + 1))',
  '    return',
  '  fi',
  '  id="$(account_id "$3" "$4" "$5")"',
  '  { cat "$file"; printf \'  image_registry:\\n    locator: "%s%s"\\n\' "$id" "$6"; } > "$work/$name.yaml"',
  '  echo "[${step}/${total}] flyte create cluster-pool $name --file $file (image_registry $id$6)" >&2',
  '  flyte_ create cluster-pool "$name" --file "$work/$name.yaml"',
  '  created=$((created + 1))',
  '}',
  '',
];

/** Relative path under `<out>/union/` -> content. */
export function renderQueueFiles(plan: Plan, options: RenderOptions = {}): Map<string, string> {
  const files = new Map<string, string>([[QUEUES_SCRIPT_FILE, renderQueuesScript(plan, options)]]);
  for (const pool of plan.queues.pools) files.set(poolFilePath(pool.name), renderPoolFile(pool, options));
  if (plan.queues.org !== null) files.set(ORG_SETTINGS_FILE, renderSettingsFile(plan.queues.org, options));
  for (const s of plan.queues.settings) files.set(settingsFilePath(s.project, s.domain), renderSettingsFile(s, options));
  return files;
}
