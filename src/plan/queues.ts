// Union's queue routing for the model's pools and assignments: each cluster registered in one pool
// (`flyte create cluster NAME --pool POOL`, which also creates a queue named after the cluster), one
// queue per pool named after it, and `run.default_queue` per project-domain pair. Union's current
// docs allow a cluster in one pool only: with `routing: queues` more is an error, else a warning.
import { formatPath, type Finding } from '../model/findings';
import { acknowledgeHint, messages } from '../model/messages';
import type { Model } from '../model/schema';
import { groupNameOf } from './storage-groups';
import { dockerPath, ecrPathAfterAccount } from './artifact-registry';
import { compareStrings } from '../order';
import type { Assignment, ClusterIdentity, ClusterPlan, PoolPlan, QueuePlan, QueuePool, QueueRouting, QueueSettings, StorageGroup, Unit } from './types';

/** The pool and queue every Union org is provisioned with. */
export const DEFAULT_POOL = 'default';

/** A queue's limits when its pool sets none: the first example of Union's queue page. */
export const DEFAULT_CONCURRENCY = { run: 100, action: 1000 } as const;

/** `s3://bucket/` or `gs://bucket/`: where a storage group's raw data goes. */
export function bucketUri(cloud: 'aws' | 'gcp', bucket: string): string {
  return `${cloud === 'aws' ? 's3' : 'gs'}://${bucket}`;
}

export function resolveQueues(
  model: Model,
  units: readonly Unit[],
  clusters: readonly ClusterPlan[],
  pools: readonly PoolPlan[],
  groups: readonly StorageGroup[],
  assignments: readonly Assignment[],
  identities: readonly ClusterIdentity[],
  findings: Finding[],
): QueueRouting {
  const severity = model.routing === 'queues' ? 'error' : 'warning';
  // With attribute routing these only matter for a later move to queues: warnings the model can acknowledge.
  const report = (f: Finding) => findings.push(severity === 'error' ? f : queueWarning(f));
  const registered = clusters
    .filter((c) => c.pools.length > 0)
    .map((c) => {
      // The same choice as a storage group's name: the first pool by name, `default` only when alone.
      const pool = groupNameOf(c.pools);
      if (c.pools.length > 1) report(messages.clusterInSeveralPoolsForQueues(['clusters', c.name], c.name, c.pools, pool, severity));
      return { cluster: c.name, pool };
    });
  const poolOfCluster = new Map(registered.map((r) => [r.cluster, r.pool]));
  const members = new Map(pools.map((p) => [p.name, p.clusters]));
  const usedPools = new Set(registered.map((r) => r.pool));

  const queues: QueuePlan[] = [];
  const concurrency = (pool: string) => {
    const spec = model.clusterPools[pool];
    const long: { runConcurrency?: number; actionConcurrency?: number } = spec === undefined || Array.isArray(spec) ? {} : spec;
    return { runConcurrency: long.runConcurrency ?? DEFAULT_CONCURRENCY.run, actionConcurrency: long.actionConcurrency ?? DEFAULT_CONCURRENCY.action };
  };
  /** Pool -> the queue that routes to it, when there is one. */
  const ownQueue = new Map<string, string>([[DEFAULT_POOL, DEFAULT_POOL]]);
  for (const p of pools) {
    if (p.name === DEFAULT_POOL || !usedPools.has(p.name)) continue;
    const clusterPool = poolOfCluster.get(p.name);
    if (clusterPool === undefined) {
      queues.push({ name: p.name, pool: p.name, ...concurrency(p.name) });
      ownQueue.set(p.name, p.name);
    } else if (clusterPool === p.name) {
      // The cluster of the same name brings this queue with it.
      ownQueue.set(p.name, p.name);
    } else report(messages.queueNameTaken(['clusterPools', p.name], p.name, p.name, clusterPool, severity));
  }
  // Work for a pool whose clusters all went to one other pool goes to that pool's queue: the same
  // clusters, and the same bucket, since pools that share a cluster share a storage group.
  const queueOf = (pool: string): string | undefined => {
    if (usedPools.has(pool) || (pool === DEFAULT_POOL && (members.get(pool)?.length ?? 0) === 0)) return ownQueue.get(pool);
    const targets = new Set((members.get(pool) ?? []).map((c) => poolOfCluster.get(c)));
    const target = targets.size === 1 ? [...targets][0] : undefined;
    return target === undefined ? undefined : ownQueue.get(target);
  };

  const groupByName = new Map(groups.map((g) => [g.name, g]));
  const poolByName = new Map(pools.map((p) => [p.name, p]));
  // Raw data goes where retention expects it: the raw-data bucket of the pool's storage group.
  const rawDataPathOf = (pool: string): string | null => {
    const group = groupByName.get(poolByName.get(pool)?.storageGroup ?? '');
    return group?.rawDataBucket == null ? null : `${bucketUri(group.cloud, group.rawDataBucket)}/`;
  };
  const settings: QueueSettings[] = [];
  for (const a of assignments) {
    if (a.workflow !== null) {
      if (model.routing === 'queues') {
        const i = model.poolAssignments.findIndex((x) => x.project === a.project && x.domain === a.domain && x.workflow === a.workflow);
        findings.push(queueWarning(messages.workflowAssignmentWithQueues(['poolAssignments', Math.max(i, 0)], a.workflow)));
      }
      continue;
    }
    const queue = queueOf(a.pool) ?? null;
    const rawDataPath = rawDataPathOf(a.pool);
    if (queue !== null || rawDataPath !== null) settings.push({ project: a.project, domain: a.domain, queue, rawDataPath });
  }
  // Work the model does not name (projects created in Union later) goes to the org's queue `default`
  // in pool `default`; when that pool has no cluster of its own here, the org-level setting sends it
  // where the model's `default` pool runs.
  let org: QueueRouting['org'] = null;
  if (!usedPools.has(DEFAULT_POOL)) {
    const queue = (members.get(DEFAULT_POOL)?.length ?? 0) > 0 ? (queueOf(DEFAULT_POOL) ?? null) : null;
    // A warning: the model's own pairs still run. Only with queue routing, the one this gap breaks.
    if (queue === null && model.routing === 'queues') findings.push(queueWarning(messages.noOrgDefaultQueue(model.clusterPools[DEFAULT_POOL] === undefined ? ['clusterPools'] : ['clusterPools', DEFAULT_POOL])));
    const rawDataPath = rawDataPathOf(DEFAULT_POOL);
    if (queue !== null || rawDataPath !== null) org = { queue, rawDataPath };
  } else if (rawDataPathOf(DEFAULT_POOL) !== null) org = { queue: null, rawDataPath: rawDataPathOf(DEFAULT_POOL) };

  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const clusterByName = new Map(clusters.map((c) => [c.name, c]));
  const identityOf = new Map(identities.map((i) => [i.cluster, i]));
  // Indexed once: a filter of every cluster per pool is quadratic in a model of thousands of pools.
  const clustersOfPool = new Map<string, string[]>();
  for (const r of registered) {
    const list = clustersOfPool.get(r.pool);
    if (list) list.push(r.cluster);
    else clustersOfPool.set(r.pool, [r.cluster]);
  }
  const queuePools: QueuePool[] = [];
  for (const p of pools) {
    if (!usedPools.has(p.name)) continue;
    const group = groupByName.get(p.storageGroup);
    const home = group && unitByKey.get(group.homeUnit);
    if (!group || !home) continue;
    // A registry is part of the pool's contract only when every cluster of the pool writes the same one.
    // An ECR repository's account id is known before apply only when that account is adopted; else
    // apply-queues.sh reads it from the accounts stack's output when it creates the pool.
    const repos = new Map<string, Pick<QueuePool, 'imageRegistry' | 'imageRegistryAfterApply'>>();
    for (const cluster of clustersOfPool.get(p.name) ?? []) {
      const id = identityOf.get(cluster);
      if (id?.cloud === 'aws') {
        const registryHome = unitByKey.get(id.ecr.unit);
        const account = id.ecr.existing?.accountId ?? registryHome?.existingId ?? null;
        const path = ecrPathAfterAccount(id.ecr);
        if (account !== null) repos.set(`${account}${path}`, { imageRegistry: `${account}${path}`, imageRegistryAfterApply: null });
        else if (registryHome?.cloud === 'aws')
          repos.set(`(the account of ${registryHome.key})${path}`, { imageRegistry: null, imageRegistryAfterApply: { stack: registryHome.stack, output: registryHome.accountIdOutput, suffix: path } });
      } else {
        const repo = id?.cloud === 'gcp' ? id.artifactRepository : null;
        if (repo !== null) repos.set(dockerPath(repo), { imageRegistry: dockerPath(repo), imageRegistryAfterApply: null });
      }
    }
    // Each cluster reports its own: a pool can declare only one, and Union marks the others unhealthy.
    if (repos.size > 1) report(messages.poolRegistriesDiffer(['clusterPools', p.name], p.name, [...repos.keys()].sort(compareStrings), severity));
    const registry = repos.size === 1 ? [...repos.values()][0]! : { imageRegistry: null, imageRegistryAfterApply: null };
    queuePools.push({
      name: p.name,
      storageGroup: group.name,
      cloud: group.cloud,
      objectStore: bucketUri(group.cloud, group.bucket),
      secretStore: secretStoreOf(model, p.name, group, (clustersOfPool.get(p.name) ?? []).map((c) => clusterByName.get(c)!).filter(Boolean), unitByKey, report),
      ...registry,
      exists: p.name === DEFAULT_POOL,
    });
  }
  return { pools: queuePools, clusters: registered, queues, settings, org };
}

/**
 * The secret store a pool declares, which must be what its clusters report: Kubernetes secrets, the
 * chart's default, unless the model sets `secretStore: cloud` (the values files then configure the
 * cloud's secret manager, and the pool's clusters all run in the group's home account or project).
 */
function secretStoreOf(
  model: Model,
  pool: string,
  group: StorageGroup,
  members: readonly ClusterPlan[],
  unitByKey: ReadonlyMap<string, Unit>,
  report: (f: Finding) => void,
): QueuePool['secretStore'] {
  if (model.secretStore === 'kubernetes') return { type: 'KUBERNETES', locator: null };
  // Each cluster reports its own region (AWS) or project (GCP) from its values: the pool can declare one.
  const locators = [...new Set(members.map((c) => (c.cloud === 'aws' ? c.region : (unitByKey.get(c.unit)?.existingId ?? unitByKey.get(c.unit)?.name ?? ''))))].sort();
  if (locators.length > 1) report(messages.secretStoreSpans(['clusterPools', pool], pool, locators, group.cloud));
  const locator = locators[0] ?? '';
  return group.cloud === 'aws' ? { type: 'AWS_SECRETS_MANAGER', locator } : { type: 'GCP_SECRET_MANAGER', locator };
}

/** A queue-routing warning under attribute routing, with its stable code and how to accept it. */
function queueWarning(f: Finding): Finding {
  const code = 'queue-routing';
  return { ...f, severity: 'warning', code, fix: `${f.fix} ${acknowledgeHint(code, formatPath(f.path))}` };
}
