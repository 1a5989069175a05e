// Union's queue routing for the model's pools and assignments: each cluster registered in one pool
// (`flyte create cluster NAME --pool POOL`, which also creates a queue named after the cluster), one
// queue per pool named after it, and `run.default_queue` per project-domain pair. Union's current
// docs allow a cluster in one pool only: with `routing: queues` more is an error, else a warning.
import { formatPath, type Finding } from '../model/findings';
import { acknowledgeHint, messages } from '../model/messages';
import type { Model } from '../model/schema';
import { groupNameOf } from './storage-groups';
import { dockerPath } from './artifact-registry';
import type { Assignment, ClusterIdentity, ClusterPlan, PoolPlan, QueuePool, QueueRouting, StorageGroup, Unit } from './types';

/** The pool and queue every Union org is provisioned with. */
export const DEFAULT_POOL = 'default';

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

  const queues: { name: string; pool: string }[] = [];
  /** Pool -> the queue that routes to it, when there is one. */
  const ownQueue = new Map<string, string>([[DEFAULT_POOL, DEFAULT_POOL]]);
  for (const p of pools) {
    if (p.name === DEFAULT_POOL || !usedPools.has(p.name)) continue;
    const clusterPool = poolOfCluster.get(p.name);
    if (clusterPool === undefined) {
      queues.push({ name: p.name, pool: p.name });
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

  const settings: { project: string; domain: string; queue: string }[] = [];
  for (const a of assignments) {
    if (a.workflow !== null) {
      if (model.routing === 'queues') {
        const i = model.poolAssignments.findIndex((x) => x.project === a.project && x.domain === a.domain && x.workflow === a.workflow);
        findings.push(queueWarning(messages.workflowAssignmentWithQueues(['poolAssignments', Math.max(i, 0)], a.workflow)));
      }
      continue;
    }
    const queue = queueOf(a.pool);
    if (queue !== undefined) settings.push({ project: a.project, domain: a.domain, queue });
  }

  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const groupByName = new Map(groups.map((g) => [g.name, g]));
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
    const repos = new Set(
      (clustersOfPool.get(p.name) ?? []).map((cluster) => {
        const id = identityOf.get(cluster);
        const repo = id?.cloud === 'gcp' ? id.artifactRepository : null;
        return repo === null ? '' : dockerPath(repo);
      }),
    );
    const registry = repos.size === 1 ? [...repos][0]! : '';
    queuePools.push({
      name: p.name,
      storageGroup: group.name,
      cloud: group.cloud,
      objectStore: `${group.cloud === 'aws' ? 's3' : 'gs'}://${group.bucket}`,
      secretStore: group.cloud === 'aws' ? { type: 'AWS_SECRETS_MANAGER', locator: group.region } : { type: 'GCP_SECRET_MANAGER', locator: home.existingId ?? home.name },
      imageRegistry: registry === '' ? null : registry,
      exists: p.name === DEFAULT_POOL,
    });
  }
  return { pools: queuePools, clusters: registered, queues, settings };
}

/** A queue-routing warning under attribute routing, with its stable code and how to accept it. */
function queueWarning(f: Finding): Finding {
  const code = 'queue-routing';
  return { ...f, severity: 'warning', code, fix: `${f.fix} ${acknowledgeHint(code, formatPath(f.path))}` };
}
