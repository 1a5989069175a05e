// Domain-wide assignments (a `poolAssignments` entry without project) as the review states them: once
// per line, however many projects it covers. Such a line names where its pairs' work runs, so the
// accounts it leaves without a cluster are accounted for by it: placement.ts warns only of the others.
import type { Model } from '../model/schema';
import { knownProjects } from '../model/unit-keys';
import { compareAssignments } from './assignment-order';
import type { Assignment, DomainWideAssignment, PoolPlan, Unit } from './types';
import { compareStrings } from '../order';

export interface DomainWide {
  /** One per domain-wide line, sorted by domain. */
  readonly lines: readonly DomainWideAssignment[];
  /** Units whose every pair is assigned by a domain-wide line: the line says where their work runs. */
  readonly accountedFor: ReadonlySet<string>;
}

export function describeDomainWide(model: Model, units: readonly Unit[], pools: readonly PoolPlan[], assignments: readonly Assignment[]): DomainWide {
  const byDomain = new Map<string, { index: number; pool: string; allowCrossIsolation: boolean }>();
  // The first entry of a domain is the one resolved; a second is a duplicate finding (references).
  model.poolAssignments.forEach((a, index) => {
    if (a.project === undefined && a.workflow === undefined && !byDomain.has(a.domain)) byDomain.set(a.domain, { index, pool: a.clusterPoolName, allowCrossIsolation: a.allowCrossIsolation === true });
  });
  if (byDomain.size === 0) return { lines: [], accountedFor: new Set() };

  const onlyByLine = new Map<string, boolean>();
  for (const a of assignments) if (a.workflow === null) onlyByLine.set(a.unit, (onlyByLine.get(a.unit) ?? true) && a.origin === 'domain');
  const accountedFor = new Set([...onlyByLine].filter(([, byLine]) => byLine).map(([unit]) => unit));
  const withCluster = new Set(Object.values(model.clusters).map((c) => c.account));
  const kind = new Map(units.map((u) => [u.key, u.kind]));
  const poolByName = new Map(pools.map((p) => [p.name, p]));
  const known = knownProjects(model);

  const ofDomain = new Map<string, Assignment[]>();
  for (const a of assignments) {
    if (!byDomain.has(a.domain)) continue;
    const list = ofDomain.get(a.domain);
    if (list) list.push(a);
    else ofDomain.set(a.domain, [a]);
  }
  const lines: DomainWideAssignment[] = [];
  for (const [domain, { index, pool, allowCrossIsolation }] of [...byDomain].sort(([a], [b]) => compareStrings(a, b))) {
    const mine = ofDomain.get(domain) ?? [];
    const covered = mine.filter((a) => a.origin === 'domain');
    const runsIn = [...new Set((poolByName.get(pool)?.clusters ?? []).map((c) => model.clusters[c]?.account ?? c))].sort(compareStrings);
    const empty = new Set(covered.map((a) => a.unit).filter((u) => accountedFor.has(u) && !withCluster.has(u) && kind.get(u) !== 'default'));
    lines.push({
      index,
      domain,
      pool,
      allowCrossIsolation,
      knownProjects: covered.filter((a) => known.has(a.project)).length,
      onDemandProjects: covered.filter((a) => !known.has(a.project)).length,
      runsIn,
      crossIsolation: covered.filter((a) => a.crossIsolation).length,
      accountsWithoutCluster: empty.size,
      overriddenBy: mine
        .filter((a) => a.origin === 'explicit')
        .sort(compareAssignments)
        .map((a) => ({ project: a.project, workflow: a.workflow, pool: a.pool })),
    });
  }
  return { lines, accountedFor };
}
