// What the first screen of a review holds, as values both renderers (review.md, the terminal) draw:
// the roll-up per domain and cloud, and the placements a reviewer should look at before any table.
import { quotaNeeds, type QuotaNeed } from '../plan/quotas';
import type { Assignment, Cloud, Plan, PoolPlan, Unit } from '../plan/types';
import { compareStrings } from '../order';

/** Where a pair's work runs, against its isolation. */
export type RunsIn = 'own account' | 'default account' | 'other accounts';

export interface RollupRow {
  /** The domain, or null for the shared default account. */
  readonly domain: string | null;
  readonly cloud: Cloud;
  readonly units: number;
  readonly adopted: number;
  readonly clusters: number;
  readonly pools: number;
  /** Storage groups whose bucket lives in these accounts. */
  readonly buckets: number;
  /** Project-domain assignments (one per pair). */
  readonly pairs: number;
  readonly workflows: number;
  readonly runsIn: Readonly<Record<RunsIn, number>>;
  readonly origins: Readonly<Record<Assignment['origin'], number>>;
}

export interface Placement {
  readonly assignment: Assignment;
  readonly runsIn: RunsIn;
  /** The accounts the pool's clusters run in. */
  readonly where: readonly string[];
}

export interface Attention {
  /** Assignments whose work runs outside the pair's own account and outside the default account. */
  readonly outside: readonly Placement[];
  readonly fallbacks: readonly Assignment[];
  readonly adopted: readonly Unit[];
  /** Units on another cloud than their domain's. */
  readonly otherCloud: readonly Unit[];
  /** Pools whose clusters run in several accounts: the bucket is reached across accounts. */
  readonly spanning: readonly PoolPlan[];
  readonly quotas: readonly QuotaNeed[];
  readonly quotasOver: readonly QuotaNeed[];
}

/** Where each pool's clusters run, by unit key: one pass over the clusters. */
function poolAccounts(plan: Plan): Map<string, string[]> {
  const clusters = new Map(plan.clusters.map((c) => [c.name, c.unit]));
  return new Map(plan.pools.map((p) => [p.name, [...new Set(p.clusters.map((c) => clusters.get(c) ?? '?'))].sort(compareStrings)]));
}

export function placements(plan: Plan): Placement[] {
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const where = poolAccounts(plan);
  return plan.assignments.map((a) => {
    const accounts = where.get(a.pool) ?? [];
    const runsIn: RunsIn =
      accounts.length === 1 && accounts[0] === a.unit && units.get(a.unit)?.kind !== 'default'
        ? 'own account'
        : accounts.length > 0 && accounts.every((k) => units.get(k)?.kind === 'default')
          ? 'default account'
          : 'other accounts';
    return { assignment: a, runsIn, where: accounts };
  });
}

export function rollup(plan: Plan): RollupRow[] {
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  type Mutable = { -readonly [K in Exclude<keyof RollupRow, 'runsIn' | 'origins'>]: RollupRow[K] } & { runsIn: Record<RunsIn, number>; origins: Record<Assignment['origin'], number> };
  const rows = new Map<string, Mutable>();
  const row = (domain: string | null, cloud: Cloud): Mutable => {
    const key = `${domain ?? ''}\u0000${cloud}`;
    let r = rows.get(key);
    if (r === undefined) {
      r = { domain, cloud, units: 0, adopted: 0, clusters: 0, pools: 0, buckets: 0, pairs: 0, workflows: 0, runsIn: { 'own account': 0, 'default account': 0, 'other accounts': 0 }, origins: { explicit: 0, domain: 0, automatic: 0, fallback: 0 } };
      rows.set(key, r);
    }
    return r;
  };
  // Each unit's row found once: every cluster, pool, bucket and assignment looks its unit's up.
  const rowByUnit = new Map(plan.units.map((u) => [u.key, row(u.domain, u.cloud)]));
  const rowOfUnit = (key: string | null | undefined) => (key == null ? undefined : rowByUnit.get(key));
  for (const u of plan.units) {
    const r = rowByUnit.get(u.key)!;
    r.units++;
    if (u.existingId !== null) r.adopted++;
  }
  for (const c of plan.clusters) {
    const r = rowOfUnit(c.unit);
    if (r) r.clusters++;
  }
  for (const g of plan.storageGroups) {
    const r = rowOfUnit(g.homeUnit);
    if (r) r.buckets++;
  }
  for (const p of plan.pools) {
    const r = rowOfUnit(p.hostUnit ?? groups.get(p.storageGroup)?.homeUnit);
    if (r) r.pools++;
  }
  for (const { assignment: a, runsIn } of placements(plan)) {
    // The pair's own account's row: on-demand pairs count under the default account they live in.
    const r = rowOfUnit(a.unit) ?? row(a.domain, 'aws');
    if (a.workflow === null) r.pairs++;
    else r.workflows++;
    r.runsIn[runsIn]++;
    r.origins[a.origin]++;
  }
  // The model's domain order, the shared default account last.
  const order = new Map(plan.domains.map((d, i) => [d.name, i]));
  const rank = (r: Mutable) => (r.domain === null ? plan.domains.length : (order.get(r.domain) ?? plan.domains.length));
  return [...rows.values()].sort((a, b) => rank(a) - rank(b) || compareStrings(a.domain ?? '', b.domain ?? '') || compareStrings(a.cloud, b.cloud));
}

export function attention(plan: Plan): Attention {
  const domainCloud = new Map(plan.domains.map((d) => [d.name, d.cloud]));
  const quotas = quotaNeeds(plan);
  return {
    outside: placements(plan).filter((p) => p.runsIn === 'other accounts'),
    fallbacks: plan.assignments.filter((a) => a.origin === 'fallback'),
    adopted: plan.units.filter((u) => u.existingId !== null),
    otherCloud: plan.units.filter((u) => u.domain !== null && domainCloud.has(u.domain) && domainCloud.get(u.domain) !== u.cloud),
    spanning: plan.pools.filter((p) => p.hostUnit === null),
    quotas,
    quotasOver: quotas.filter((q) => q.action !== null && q.needed > q.limit),
  };
}
