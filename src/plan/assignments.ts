// Rules 5 and 6: which pool every project-domain pair (and workflow) runs on, and that isolation is
// kept. Explicit assignments first; then a pair whose account hosts exactly one pool gets it
// automatically; otherwise it falls back to `default`, which must run in the pair's account too.
import type { Finding, ModelPath } from '../model/findings';
import { messages } from '../model/messages';
import type { Model } from '../model/schema';
import { defaultUnitOf, domainNames, onDemandProjects, unitOfPair } from '../model/units';
import type { Assignment, PlanWarning, PoolPlan } from './types';

const DEFAULT_POOL = 'default';

export function attributeFileName(project: string, domain: string, workflow: string | null): string {
  return `${project}-${domain}${workflow ? `-${workflow}` : ''}.yaml`;
}

export function resolveAssignments(model: Model, pools: readonly PoolPlan[], findings: Finding[], warnings: PlanWarning[]): Assignment[] {
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
  model.poolAssignments.forEach((a, i) => {
    const pool = poolByName.get(a.clusterPoolName);
    if (!pool || !(a.domain in model.domains)) return; // reported by the reference rule
    const unit = unitOfPair(model, a.project, a.domain);
    const allowed = allowedUnits(a.project, a.domain);
    const away = outside(pool, allowed);
    const pair = `${a.project}/${a.domain}${a.workflow ? ` (workflow ${a.workflow})` : ''}`;
    if (away.length > 0 && !a.allowCrossIsolation)
      findings.push(messages.crossIsolation(['poolAssignments', i, 'clusterPoolName'], pair, a.clusterPoolName, away.join(', '), allowed));
    if (away.length > 0 && a.allowCrossIsolation)
      warnings.push({ path: `poolAssignments[${i}]`, message: `${pair} runs on pool ${a.clusterPoolName} outside its account (${away.join(', ')}): allowCrossIsolation` });
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
      if (mine.length > 1) {
        const note = defaultPool && away.length > 0 ? `; without one it falls back to \`default\`, whose clusters run in ${away.join(', ')}` : '';
        findings.push(messages.severalPools(path, pair, unit, mine, note));
      } else if (!defaultPool) findings.push(messages.noPoolForPair(path, pair, unit));
      else if (away.length > 0) findings.push(messages.fallbackBreaksIsolation(path, pair, away.join(', '), unit, mine));
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
