// Where work really runs, checked once every pair has its pool: pools nobody runs on, accounts the
// model creates with no cluster in them, and GCP buckets shared across projects (this tool grants
// cross-account bucket access on AWS only). A model can pass every other rule and still place work
// where nobody meant it to; these warnings say so in the review and on the terminal.
import type { Finding, ModelPath } from '../model/findings';
import { placementMessages, projectSubject } from '../model/messages';
import type { Model } from '../model/schema';
import type { Assignment, PoolPlan, StorageGroup, Unit } from './types';

const DEFAULT_POOL = 'default';

export function checkPlacement(
  model: Model,
  units: readonly Unit[],
  pools: readonly PoolPlan[],
  groups: readonly StorageGroup[],
  assignments: readonly Assignment[],
  accountedFor: ReadonlySet<string> = new Set(),
): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map(units.map((u) => [u.key, u]));
  // Pairs without a pool already have an error (no pool, a fallback that breaks isolation): their units are not repeated here.
  const covered = new Set(assignments.filter((a) => a.workflow === null).map((a) => `${a.project}/${a.domain}`));
  const reported = new Set<string>();
  for (const p of model.projects) for (const d of Object.keys(model.domains)) if (!covered.has(`${p}/${d}`)) reported.add(model.isolation === 'domain' ? d : `${d}/${p}`);
  const used = new Set(assignments.map((a) => a.pool));
  const clustersIn = new Map<string, number>();
  for (const c of Object.values(model.clusters)) clustersIn.set(c.account, (clustersIn.get(c.account) ?? 0) + 1);

  // A pool no pair runs on: typically one pool for several accounts' clusters (to share a bucket),
  // which no account hosts alone, so no pair gets it automatically.
  const unitsOfPool = (p: PoolPlan) => new Set(p.clusters.map((c) => model.clusters[c]!.account));
  for (const p of pools) {
    if (p.name === DEFAULT_POOL || used.has(p.name) || p.clusters.length === 0) continue;
    const hosts = unitsOfPool(p);
    const candidates = [...hosts].map((k) => byKey.get(k)).filter((u): u is Unit => u !== undefined && u.project !== null && u.domain !== null).map((u) => `${u.project}/${u.domain}`);
    out.push(placementMessages.poolUnused(['clusterPools', p.name], p.name, candidates));
  }

  // Accounts created for work that runs elsewhere: one warning per project (or domain), at its definition.
  // Those a domain-wide line accounts for are not: the line names where their work runs, and the review says so once.
  const empty = (u: Unit) => u.kind !== 'default' && !clustersIn.has(u.key) && !reported.has(u.key) && !accountedFor.has(u.key);
  if (model.isolation === 'project') {
    // Indexed once: a filter per project would be quadratic in a model of thousands of units.
    const unitsOfProject = new Map<string, Unit[]>();
    for (const u of units) if (u.project !== null) unitsOfProject.set(u.project, [...(unitsOfProject.get(u.project) ?? []), u]);
    model.projects.forEach((project, i) => {
      const keys = (unitsOfProject.get(project) ?? []).filter(empty).map((u) => u.key);
      if (keys.length > 0) out.push(placementMessages.unitWithoutCluster(['projects', i], `project ${project}`, keys, projectSubject(project)));
    });
  } else {
    for (const u of units) if (empty(u)) out.push(placementMessages.unitWithoutCluster(['domains', u.key], `domain ${u.key}`, [u.key]));
  }

  // Self-managed clusters get their own identities on the group's buckets (plan/identities.ts); in
  // BYOC with buckets this tool creates, nobody grants the other projects anything.
  const grantsNothing = model.deployment === 'byoc' && model.byoc?.buckets === 'create';
  for (const g of groups) {
    if (!grantsNothing || g.cloud !== 'gcp' || g.accessUnits.length === 0) continue;
    const path: ModelPath = ['clusterPools', g.pools.find((p) => p !== DEFAULT_POOL) ?? g.pools[0]!];
    const name = (k: string) => byKey.get(k)?.name ?? k;
    out.push(placementMessages.bucketUnreachable(path, g.name, g.bucket, name(g.homeUnit), g.accessUnits.map(name)));
  }
  return out;
}
