// Parts of a plan for the review: the slice `plan --domain/--project/--pool` shows (everything a
// selected pair's work touches, so the slice never hides where it runs), and the partition of the
// detail into one file per domain when the review is too large for one page (each row in one file).
import type { Plan, PlanWarning, Unit } from '../plan/types';
import { compareStrings } from '../order';

export interface PlanFilter {
  readonly domains: readonly string[];
  readonly projects: readonly string[];
  readonly pools: readonly string[];
}

export const NO_FILTER: PlanFilter = { domains: [], projects: [], pools: [] };

export function isFiltered(filter: PlanFilter): boolean {
  return filter.domains.length + filter.projects.length + filter.pools.length > 0;
}

/** Names a filter gives that the plan does not have, with what it has: for the usage error. */
export function unknownFilterNames(plan: Plan, filter: PlanFilter): { readonly option: string; readonly name: string; readonly known: readonly string[] }[] {
  const known = {
    domain: plan.domains.map((d) => d.name),
    project: plan.projects.map((p) => p.name),
    pool: plan.pools.map((p) => p.name),
  };
  const given = { domain: filter.domains, project: filter.projects, pool: filter.pools };
  return (['domain', 'project', 'pool'] as const).flatMap((option) =>
    given[option].filter((name) => !known[option].includes(name)).map((name) => ({ option, name, known: known[option] })),
  );
}

/**
 * The plan restricted to the pairs a filter selects (by domain, project and pool, each list an
 * "any of", the lists combined with "and"), closed over what they touch: the pools they run on,
 * those pools' clusters and storage groups, and the accounts all of these live in. A domain or
 * project filter also keeps that domain's or project's own accounts and what they host.
 */
export function slicePlan(plan: Plan, filter: PlanFilter): Plan {
  const inList = (list: readonly string[], name: string | null) => list.length === 0 || (name !== null && list.includes(name));
  const assignments = plan.assignments.filter((a) => inList(filter.domains, a.domain) && inList(filter.projects, a.project) && inList(filter.pools, a.pool));
  const poolNames = new Set([...assignments.map((a) => a.pool), ...filter.pools]);
  const unitKeys = new Set(assignments.map((a) => a.unit));
  if (filter.pools.length === 0) {
    for (const u of plan.units) {
      const matches = (filter.domains.length > 0 || filter.projects.length > 0) && inList(filter.domains, u.domain) && (filter.projects.length === 0 || inList(filter.projects, u.project));
      if (matches) unitKeys.add(u.key);
    }
    for (const p of plan.pools) if (p.hostUnit !== null && unitKeys.has(p.hostUnit)) poolNames.add(p.name);
  }
  const pools = plan.pools.filter((p) => poolNames.has(p.name));
  const clusterNames = new Set(pools.flatMap((p) => p.clusters));
  if (filter.pools.length === 0) for (const c of plan.clusters) if (unitKeys.has(c.unit)) clusterNames.add(c.name);
  const clusters = plan.clusters.filter((c) => clusterNames.has(c.name));
  for (const c of clusters) unitKeys.add(c.unit);
  const groupNames = new Set([...pools.map((p) => p.storageGroup), ...clusters.map((c) => c.storageGroup)]);
  const storageGroups = plan.storageGroups.filter((g) => groupNames.has(g.name));
  for (const g of storageGroups) unitKeys.add(g.homeUnit);
  return restrict(plan, { unitKeys, clusterNames, poolNames: new Set(pools.map((p) => p.name)), groupNames, assignments });
}

interface Selection {
  readonly unitKeys: ReadonlySet<string>;
  readonly clusterNames: ReadonlySet<string>;
  readonly poolNames: ReadonlySet<string>;
  readonly groupNames: ReadonlySet<string>;
  readonly assignments: Plan['assignments'];
  /** `none`: the part leaves every warning out (a detail file: they are all on the first page). */
  readonly warnings?: 'concerning' | 'none';
}

function restrict(plan: Plan, s: Selection): Plan {
  const units = plan.units.filter((u) => s.unitKeys.has(u.key));
  const pairs = new Set(s.assignments.map((a) => `${a.project}/${a.domain}`));
  const projects = new Set(s.assignments.map((a) => a.project));
  const domains = new Set([...s.assignments.map((a) => a.domain), ...units.flatMap((u) => (u.domain === null ? [] : [u.domain]))]);
  const stacks = new Set([...units.map((u) => u.stack), ...plan.storageGroups.filter((g) => s.groupNames.has(g.name)).map((g) => g.stack)]);
  const concerns = s.warnings === 'none' ? () => false : concernsSlice(plan, new Set([...s.unitKeys, ...s.clusterNames, ...s.poolNames, ...s.groupNames, ...projects]));
  return {
    ...plan,
    domains: plan.domains.filter((d) => domains.has(d.name)),
    projects: plan.projects.filter((p) => projects.has(p.name)),
    units,
    clusters: plan.clusters.filter((c) => s.clusterNames.has(c.name)),
    pools: plan.pools.filter((p) => s.poolNames.has(p.name)),
    storageGroups: plan.storageGroups.filter((g) => s.groupNames.has(g.name)),
    assignments: s.assignments,
    shortenedNames: plan.shortenedNames.filter((n) => s.unitKeys.has(n.owner) || s.groupNames.has(n.owner) || s.clusterNames.has(n.owner)),
    stacks: plan.stacks.filter((st) => stacks.has(st.name)),
    warnings: plan.warnings.filter(concerns),
    ...(plan.acknowledgedWarnings === undefined ? {} : { acknowledgedWarnings: plan.acknowledgedWarnings.filter(concerns) }),
    ...(plan.byoc === undefined ? {} : { byoc: { ...plan.byoc, access: plan.byoc.access.filter((a) => s.unitKeys.has(a.unit)) } }),
    identities: plan.identities.filter((i) => s.clusterNames.has(i.cluster)),
    queues: {
      pools: plan.queues.pools.filter((p) => s.poolNames.has(p.name)),
      clusters: plan.queues.clusters.filter((c) => s.clusterNames.has(c.cluster)),
      queues: plan.queues.queues.filter((q) => s.poolNames.has(q.pool)),
      settings: plan.queues.settings.filter((x) => pairs.has(`${x.project}/${x.domain}`)),
      org: plan.queues.org,
    },
  };
}

const NAME = /[A-Za-z0-9][A-Za-z0-9_./-]*[A-Za-z0-9]|[A-Za-z0-9]/g;

/**
 * Whether a warning concerns the slice. A warning is left out only when every name it gives belongs
 * to something outside the slice; one that names nothing the plan knows (about the whole model) stays.
 */
function concernsSlice(plan: Plan, selected: ReadonlySet<string>): (w: PlanWarning) => boolean {
  const known = new Set<string>([
    ...plan.units.map((u) => u.key),
    ...plan.clusters.map((c) => c.name),
    ...plan.pools.map((p) => p.name),
    ...plan.storageGroups.map((g) => g.name),
    ...plan.projects.map((p) => p.name),
  ]);
  return (w) => {
    const names = `${w.path} ${w.message}`.match(NAME) ?? [];
    // Model paths join keys with dots (`clusterPools.dev-cp`): each key counts on its own too.
    const words = names.flatMap((n) => [n, ...n.split('.')]);
    const knownWords = words.filter((n) => known.has(n));
    return knownWords.length === 0 || knownWords.some((n) => selected.has(n));
  };
}

/** The detail file a unit's rows go in: its domain's, or `default` for the shared default account. */
export function detailKey(unit: Unit | undefined): string {
  return unit?.domain ?? 'default';
}

/**
 * The plan split into one part per detail file, each row in exactly one: accounts, clusters and
 * identities by their account's domain, pools and storage groups by the account of their bucket,
 * assignments by their domain. Parts keep the whole plan's warnings out (they are on the first page).
 */
export function partitionPlan(plan: Plan): Map<string, Plan> {
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  const keyOfUnit = (key: string) => detailKey(units.get(key));
  const keys = new Set<string>([...plan.units.map((u) => detailKey(u)), ...plan.assignments.map((a) => a.domain)]);
  const parts = new Map<string, Plan>();
  for (const key of [...keys].sort(compareStrings)) {
    const unitKeys = new Set(plan.units.filter((u) => detailKey(u) === key).map((u) => u.key));
    const clusterNames = new Set(plan.clusters.filter((c) => unitKeys.has(c.unit)).map((c) => c.name));
    const groupNames = new Set(plan.storageGroups.filter((g) => unitKeys.has(g.homeUnit)).map((g) => g.name));
    const poolNames = new Set(plan.pools.filter((p) => keyOfUnit(groups.get(p.storageGroup)?.homeUnit ?? p.hostUnit ?? '') === key).map((p) => p.name));
    const assignments = plan.assignments.filter((a) => a.domain === key);
    parts.set(key, restrict(plan, { unitKeys, clusterNames, poolNames, groupNames, assignments, warnings: 'none' }));
  }
  return parts;
}
