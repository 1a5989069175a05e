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

export function renderPoolFile(pool: QueuePool, options: RenderOptions = {}): string {
  const lines = [hashHeader(options).trimEnd()];
  if (pool.exists) lines.push(`# Every Union org has the pool ${pool.name}: it is not created. Compare with \`flyte get cluster-pool ${pool.name}\`.`);
  lines.push(`# Storage group ${pool.storageGroup}: every cluster of the pool must report this object store, or it is marked unhealthy.`);
  if (pool.cloud === 'gcp') lines.push('# secret_store.locator is the project of the storage group\'s bucket.');
  lines.push(
    `name: ${yamlScalar(pool.name)}`,
    'config:',
    '  object_store_ref:',
    `    uri: ${yamlScalar(pool.objectStore)}`,
    '    endpoint: ""',
    '  secret_store:',
    `    type: ${pool.secretStore.type}`,
    `    locator: ${yamlScalar(pool.secretStore.locator)}`,
  );
  if (pool.imageRegistry !== null) lines.push('  image_registry:', `    locator: ${yamlScalar(pool.imageRegistry)}`);
  return lines.join('\n') + '\n';
}

export function renderSettingsFile(queue: string, options: RenderOptions = {}): string {
  return `${hashHeader(options)}run.default_queue: ${yamlScalar(queue)}\n`;
}

/** The flyte commands, in order, as argument lists (paths relative to union/queues/, marked with a leading `@`). */
export function queueCommands(plan: Plan): string[][] {
  const rel = (path: string) => `@${path.slice(QUEUES_DIR.length + 1)}`;
  return [
    ...plan.queues.pools.filter((p) => !p.exists).map((p) => ['create', 'cluster-pool', p.name, '--file', rel(poolFilePath(p.name))]),
    ...plan.queues.clusters.map((c) => ['create', 'cluster', c.cluster, '--pool', c.pool]),
    ...plan.queues.queues.map((q) => ['create', 'queue', q.name, '--cluster-pool', q.pool]),
    ...plan.queues.settings.map((s) => ['edit', 'settings', '--project', s.project, '--domain', s.domain, '--from-file', rel(settingsFilePath(s.project, s.domain))]),
  ];
}

export function renderQueuesScript(plan: Plan, options: RenderOptions = {}): string {
  const commands = queueCommands(plan);
  const word = (arg: string) => (arg.startsWith('@') ? `"$here"/${shellQuote(arg.slice(1))}` : shellQuote(arg));
  const lines = [
    '#!/usr/bin/env bash',
    `# ${generatedNotice(options)}`,
    '#',
    "# Registers Union's queue routing with the flyte CLI (pip install flyte flyteplugins-union), in order:",
    '# cluster pools, clusters (each registered in one pool; it brings a queue named after it), the pools\'',
    "# queues, and each project-domain's run.default_queue. Stops at the first failure.",
    '# Register the clusters before installing the chart on them; the projects must exist before their settings.',
    "# Union's routing is create-only: a cluster's or queue's pool cannot be changed later.",
    '# Arguments are flyte options, passed before each command, e.g. `--config ~/.flyte/config.yaml`.',
    'set -euo pipefail',
    '',
    'here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"',
    'options=("$@")',
    `total=${commands.length}`,
    'done_count=0',
    '',
    'run() {',
    '  done_count=$((done_count + 1))',
    '  echo "[${done_count}/${total}] flyte $*" >&2',
    '  local status=0',
    '  flyte ${options[@]+"${options[@]}"} "$@" || status=$?',
    '  if [ "$status" -ne 0 ]; then',
    '    echo "apply-queues: flyte failed (exit $status) on: flyte $*; the commands after it were not run" >&2',
    '    exit "$status"',
    '  fi',
    '}',
    '',
    ...commands.map((c) => `run ${c.map(word).join(' ')}`),
    ...(commands.length === 0 ? ['echo "No queue routing to register." >&2'] : []),
  ];
  return lines.join('\n') + '\n';
}

/** Relative path under `<out>/union/` -> content. */
export function renderQueueFiles(plan: Plan, options: RenderOptions = {}): Map<string, string> {
  const files = new Map<string, string>([[QUEUES_SCRIPT_FILE, renderQueuesScript(plan, options)]]);
  for (const pool of plan.queues.pools) files.set(poolFilePath(pool.name), renderPoolFile(pool, options));
  for (const s of plan.queues.settings) files.set(settingsFilePath(s.project, s.domain), renderSettingsFile(s.queue, options));
  return files;
}
