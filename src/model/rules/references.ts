// The `references` rule: references resolve. Clusters name units, pools name clusters, assignments name projects,
// domains and pools; an unknown name gets the nearest known one as its fix.
import { formatPath, type Finding, type ModelPath } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { suggester } from '../suggest';
import { onDemandProjects, unitKeys } from '../unit-keys';
import { findMisspeltDefinitions, namesMisspelt } from './misspelt-definitions';

/** A pool's clusters and where they are written, for either pool form. */
export function poolClusters(model: Model, pool: string): { names: readonly string[]; path: (i: number) => ModelPath } {
  const spec = model.clusterPools[pool]!;
  return Array.isArray(spec)
    ? { names: spec, path: (i) => ['clusterPools', pool, i] }
    : { names: spec.clusters, path: (i) => ['clusterPools', pool, 'clusters', i] };
}

export function checkReferences(model: Model): Finding[] {
  const misspelt = findMisspeltDefinitions(model);
  const out: Finding[] = [...misspelt.findings];
  const nearest = suggester();
  const units = unitKeys(model).map((u) => u.key);
  const unitSet = new Set(units);
  const unit = (path: ModelPath, key: string) => {
    if (!unitSet.has(key) && !namesMisspelt(key, model.isolation, misspelt)) out.push(messages.unknownUnit(path, key, model.isolation, nearest(key, units)));
  };
  const ref = (path: ModelPath, what: string, name: string, known: readonly string[], set: ReadonlySet<string>) => {
    const covered = (what === 'domain' && misspelt.domains.has(name)) || (what === 'project' && misspelt.projects.has(name));
    if (!set.has(name) && !covered) out.push(messages.unknownReference(path, what, name, known, nearest(name, known)));
  };

  for (const [name, c] of Object.entries(model.clusters)) unit(['clusters', name, 'account'], c.account);

  const clusters = Object.keys(model.clusters).sort();
  const clusterSet = new Set(clusters);
  for (const [pool, spec] of Object.entries(model.clusterPools)) {
    const { names, path } = poolClusters(model, pool);
    const seen = new Map<string, number>();
    names.forEach((c, i) => {
      ref(path(i), 'cluster', c, clusters, clusterSet);
      const first = seen.get(c);
      if (first !== undefined) out.push(messages.duplicateEntry(path(i), 'cluster', c, formatPath(path(first))));
      else seen.set(c, i);
    });
    if (!Array.isArray(spec) && spec.bucketAccount !== undefined) unit(['clusterPools', pool, 'bucketAccount'], spec.bucketAccount);
  }

  const projects = [...model.projects, ...onDemandProjects(model)].sort();
  const projectSet = new Set(projects);
  const domains = Object.keys(model.domains).sort();
  const domainSet = new Set(domains);
  const pools = Object.keys(model.clusterPools).sort();
  const poolSet = new Set(pools);
  const firstOf = new Map<string, number>();
  model.poolAssignments.forEach((a, i) => {
    if (a.project !== undefined) ref(['poolAssignments', i, 'project'], 'project', a.project, projects, projectSet);
    // A workflow belongs to one project's pipelines; without a project it would name a workflow in every one.
    else if (a.workflow !== undefined) out.push(messages.workflowWithoutProject(['poolAssignments', i, 'workflow'], a.workflow));
    ref(['poolAssignments', i, 'domain'], 'domain', a.domain, domains, domainSet);
    ref(['poolAssignments', i, 'clusterPoolName'], 'cluster pool', a.clusterPoolName, pools, poolSet);
    // A domain-wide entry keys as `*/domain`: two for one domain are a duplicate, and no project is named `*`.
    const key = `${a.project ?? '*'}/${a.domain}/${a.workflow ?? ''}`;
    const first = firstOf.get(key);
    if (first !== undefined)
      out.push(messages.duplicateAssignment(['poolAssignments', i], a.project === undefined ? `every project of ${a.domain}` : `${a.project}/${a.domain}${a.workflow ? ` workflow ${a.workflow}` : ''}`, `poolAssignments[${first}]`));
    else firstOf.set(key, i);
  });
  return out;
}
