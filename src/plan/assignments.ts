// The `assignments` rule: which pool every project-domain pair (and workflow) runs on, and that isolation is
// kept. Explicit assignments first; then a pair whose account hosts exactly one pool gets it
// automatically; otherwise it falls back to `default`, which must run in the pair's account too.
import type { Finding, ModelPath } from '../model/findings';
import { messages, placementMessages } from '../model/messages';
import type { Cloud, Model } from '../model/schema';
import { defaultUnitOf, domainNames, knownProjects, onDemandProjects, unitKeys, unitOfPair } from '../model/unit-keys';
import type { Assignment, PoolPlan } from './types';
import { compareStrings } from '../order';

const DEFAULT_POOL = 'default';
/** Projects a domain-wide line's finding names before counting the rest: one line at any size. */
const NAMED_PROJECTS = 5;

export function attributeFileName(project: string, domain: string, workflow: string | null): string {
  return `${project}-${domain}${workflow ? `-${workflow}` : ''}.yaml`;
}

export function resolveAssignments(model: Model, pools: readonly PoolPlan[], findings: Finding[]): Assignment[] {
  const poolByName = new Map(pools.map((p) => [p.name, p]));
  const hosted = new Map<string, string[]>();
  for (const p of pools) if (p.hostUnit !== null && p.name !== DEFAULT_POOL) hosted.set(p.hostUnit, [...(hosted.get(p.hostUnit) ?? []), p.name]);

  const allowedUnits = (project: string, domain: string): string[] => {
    const own = unitOfPair(model, project, domain);
    const fallback = defaultUnitOf(model, domain);
    return fallback && fallback !== own ? [own, fallback] : [own];
  };
  /** Clusters of the pool that run outside the pair's units, as "cluster (unit)". */
  const outside = (pool: PoolPlan, allowed: readonly string[]): string[] =>
    pool.clusters.filter((c) => !allowed.includes(model.clusters[c]!.account)).map((c) => `${c} (${model.clusters[c]!.account})`);

  const out: Assignment[] = [];
  const covered = new Set<string>();
  const domainWide: [number, NonNullable<Model['poolAssignments'][number]>][] = [];
  model.poolAssignments.forEach((a, i) => {
    const pool = poolByName.get(a.clusterPoolName);
    if (!pool || !(a.domain in model.domains)) return; // reported by the reference rule
    if (a.project === undefined) {
      // Resolved after the per-pair entries, which win for their pair; a workflow without project is a reference finding.
      if (a.workflow === undefined && !domainWide.some(([, d]) => d.domain === a.domain)) domainWide.push([i, a]);
      return;
    }
    const unit = unitOfPair(model, a.project, a.domain);
    const allowed = allowedUnits(a.project, a.domain);
    const away = outside(pool, allowed);
    const pair = `${a.project}/${a.domain}${a.workflow ? ` (workflow ${a.workflow})` : ''}`;
    if (away.length > 0 && !a.allowCrossIsolation)
      findings.push(messages.crossIsolation(['poolAssignments', i, 'clusterPoolName'], pair, a.clusterPoolName, away.join(', '), allowed));
    if (away.length > 0 && a.allowCrossIsolation)
      // Named by its pair, not its position: reordering poolAssignments changes neither the plan nor an acknowledgement.
      findings.push(placementMessages.crossIsolationAllowed(['poolAssignments', i], pair, a.clusterPoolName, away.join(', '), `poolAssignments.${a.project}/${a.domain}${a.workflow ? `/${a.workflow}` : ''}`));
    if (!a.workflow) covered.add(`${a.project}/${a.domain}`);
    out.push({
      project: a.project,
      domain: a.domain,
      workflow: a.workflow ?? null,
      pool: a.clusterPoolName,
      origin: 'explicit',
      unit,
      crossIsolation: away.length > 0,
      file: attributeFileName(a.project, a.domain, a.workflow ?? null),
    });
  });

  const projects: [string, ModelPath][] = [
    ...model.projects.map((p, i): [string, ModelPath] => [p, ['projects', i]]),
    ...onDemandProjects(model).map((p, i): [string, ModelPath] => [p, ['onDemand', 'projects', i]]),
  ];
  for (const [i, a] of domainWide) {
    const pool = poolByName.get(a.clusterPoolName)!;
    const crossed: string[] = [];
    const where = new Set<string>();
    for (const [project] of projects) {
      if (covered.has(`${project}/${a.domain}`)) continue; // a per-pair assignment wins over the domain-wide one
      covered.add(`${project}/${a.domain}`);
      const unit = unitOfPair(model, project, a.domain);
      const away = outside(pool, allowedUnits(project, a.domain));
      if (away.length > 0) { crossed.push(project); for (const w of away) where.add(w); }
      out.push({ project, domain: a.domain, workflow: null, pool: a.clusterPoolName, origin: 'domain', unit, crossIsolation: away.length > 0, file: attributeFileName(project, a.domain, null) });
    }
    // One line, one decision: with the flag, the line is the reviewed statement for every pair it covers, and the
    // review states it once (domain-wide.ts); without it, one error for the line, however many pairs it crosses.
    if (crossed.length === 0 || a.allowCrossIsolation) continue;
    const named = crossed.length > NAMED_PROJECTS ? `${crossed.slice(0, NAMED_PROJECTS).join(', ')}, and ${crossed.length - NAMED_PROJECTS} more` : crossed.join(', ');
    const pairs = `every project of ${a.domain} (${crossed.length}: ${named})`;
    findings.push(messages.crossIsolation(['poolAssignments', i, 'clusterPoolName'], pairs, a.clusterPoolName, [...where].sort().join(', '), [unitOfPair(model, crossed[0]!, a.domain)]));
  }
  const defaultPool = poolByName.get(DEFAULT_POOL);
  for (const [project, path] of projects) {
    for (const domain of domainNames(model)) {
      if (covered.has(`${project}/${domain}`)) continue;
      const unit = unitOfPair(model, project, domain);
      const pair = `${project}/${domain}`;
      const mine = hosted.get(unit) ?? [];
      if (mine.length === 1) {
        out.push({ project, domain, workflow: null, pool: mine[0]!, origin: 'automatic', unit, crossIsolation: false, file: attributeFileName(project, domain, null) });
        continue;
      }
      const away = defaultPool ? outside(defaultPool, allowedUnits(project, domain)) : [];
      // A known project has its own account: the default account is for on-demand projects, so a
      // silent fallback there runs its work where the reviewer would never look (placement.ts).
      const known = model.isolation === 'project' && knownProjects(model).has(project);
      const awayFromOwn = known && defaultPool && mine.length === 0 ? outside(defaultPool, [unit]) : [];
      if (mine.length > 1) {
        const note = defaultPool && away.length > 0 ? `; without one it falls back to \`default\`, whose clusters run in ${away.join(', ')}` : '';
        findings.push(messages.severalPools(path, pair, unit, mine, note));
      } else if (!defaultPool) findings.push(messages.noPoolForPair(path, pair, unit));
      else if (away.length > 0) findings.push(messages.fallbackBreaksIsolation(path, pair, away.join(', '), unit, mine));
      else if (awayFromOwn.length > 0) findings.push(knownProjectOnDefault(model, pools, path, project, domain, unit, awayFromOwn));
      else out.push({ project, domain, workflow: null, pool: DEFAULT_POOL, origin: 'fallback', unit, crossIsolation: false, file: null });
    }
  }

  // Attribute files are named project-domain[-workflow]; hyphens in names could make two collide, and
  // so could workflows that differ only in case, on the file systems of macOS and Windows.
  const files = new Map<string, string>();
  for (const a of out) {
    if (!a.file) continue;
    const other = files.get(a.file.toLowerCase());
    const who = `${a.project}/${a.domain}${a.workflow ? `/${a.workflow}` : ''}`;
    if (other !== undefined && other !== who) findings.push(messages.nameTaken(['poolAssignments'], 'attribute file name', a.file, other));
    else files.set(a.file.toLowerCase(), who);
  }
  return out.sort(
    (a, b) => cmp(a.project, b.project) || cmp(a.domain, b.domain) || cmp(a.workflow ?? '', b.workflow ?? ''),
  );
}

const CLOUDS_OF = new WeakMap<Model, ReadonlyMap<string, Cloud>>();
/** Unit clouds by key, once per model: a model with thousands of such pairs must stay linear. */
function cloudsOf(model: Model): ReadonlyMap<string, Cloud> {
  let m = CLOUDS_OF.get(model);
  if (!m) CLOUDS_OF.set(model, (m = new Map(unitKeys(model).map((u) => [u.key, u.cloud]))));
  return m;
}

/** A known project's pair that would land on the default account: the fix names the pool it probably meant. */
function knownProjectOnDefault(model: Model, pools: readonly PoolPlan[], path: ModelPath, project: string, domain: string, unit: string, away: readonly string[]): Finding {
  const clouds = cloudsOf(model);
  // Pools with a cluster in the pair's own account, the ones sharing it with other accounts included.
  const meant = pools
    .filter((p) => p.name !== DEFAULT_POOL && p.clusters.some((c) => model.clusters[c]?.account === unit))
    .map((p) => ({ name: p.name, shared: p.clusters.some((c) => model.clusters[c]?.account !== unit) }));
  const where = [...new Set(pools.find((p) => p.name === DEFAULT_POOL)!.clusters.map((c) => model.clusters[c]!.account))].filter((u) => u !== unit);
  return placementMessages.knownProjectOnDefault(path, {
    pair: `${project}/${domain}`,
    project,
    domain,
    unit,
    unitCloud: clouds.get(unit) ?? model.domains[domain]!,
    away,
    defaultClouds: [...new Set(where.map((u) => clouds.get(u) ?? 'aws'))],
    meant,
  });
}

function cmp(a: string, b: string): number {
  return compareStrings(a, b);
}
