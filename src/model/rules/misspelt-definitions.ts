// A typo in a definition (`domains: { developmnet: gcp }`) makes every correct reference to it
// unknown: a dozen findings whose fixes suggest copying the typo. When at least two references agree on
// a name the model does not define and a defined name close to it is referenced less, the definition is the
// typo: it is reported once, there, and the references to the intended name are not reported.
import type { Finding, ModelPath } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { nearest } from '../suggest';
import { onDemandProjects } from '../unit-keys';
import { compareEntries } from '../../order';

export interface Misspelt {
  readonly findings: readonly Finding[];
  /** Referenced domain and project names whose definitions are misspelt: references to them are not reported again. */
  readonly domains: ReadonlySet<string>;
  readonly projects: ReadonlySet<string>;
}

/** The domain and project a unit key names: `d`, `d/p`, `default/d`. */
function partsOf(key: string, isolation: Model['isolation']): { domain?: string; project?: string } {
  const [a, b] = key.split('/');
  if (a === 'default') return { domain: b };
  return isolation === 'domain' ? { domain: a } : { domain: a, project: b };
}

export function findMisspeltDefinitions(model: Model): Misspelt {
  const domainRefs = new Map<string, number>();
  const projectRefs = new Map<string, number>();
  const count = (m: Map<string, number>, name: string | undefined) => {
    if (name) m.set(name, (m.get(name) ?? 0) + 1);
  };
  const unit = (key: string) => {
    const { domain, project } = partsOf(key, model.isolation);
    count(domainRefs, domain);
    count(projectRefs, project);
  };
  for (const c of Object.values(model.clusters)) unit(c.account);
  for (const key of Object.keys(model.accounts)) unit(key);
  for (const spec of Object.values(model.clusterPools)) if (!Array.isArray(spec) && spec.bucketAccount) unit(spec.bucketAccount);
  for (const a of model.poolAssignments) {
    count(domainRefs, a.domain);
    if (a.project !== undefined) count(projectRefs, a.project);
  }
  for (const p of Object.keys(model.shortNames)) count(projectRefs, p);

  const findings: Finding[] = [];
  const misspelt = (what: 'domain' | 'project', defined: readonly string[], refs: Map<string, number>, pathOf: (name: string) => ModelPath, at?: 'key') => {
    const out = new Set<string>();
    const definedSet = new Set(defined);
    const claimed = new Set<string>();
    for (const [name, n] of [...refs].sort(compareEntries)) {
      if (definedSet.has(name) || name === 'default') continue;
      const near = nearest(name, defined);
      // One reference is as likely the typo as the definition: it keeps its own finding.
      if (near === undefined || claimed.has(near) || n < 2 || (refs.get(near) ?? 0) >= n) continue;
      claimed.add(near);
      out.add(name);
      findings.push({ ...messages.misspeltDefinition(pathOf(near), what, near, name, n, refs.get(near) ?? 0), ...(at ? { at } : {}) });
    }
    return out;
  };
  const domains = misspelt('domain', Object.keys(model.domains), domainRefs, (d) => ['domains', d], 'key');
  const known = [...model.projects, ...onDemandProjects(model)];
  const projects = misspelt('project', known, projectRefs, (p) => (model.projects.includes(p) ? ['projects', model.projects.indexOf(p)] : ['onDemand', 'projects', known.indexOf(p) - model.projects.length]));
  return { findings, domains, projects };
}

/** Whether a unit key names a misspelt domain or project (its reference is covered by the definition's finding). */
export function namesMisspelt(key: string, isolation: Model['isolation'], m: Misspelt): boolean {
  const { domain, project } = partsOf(key, isolation);
  return (domain !== undefined && m.domains.has(domain)) || (project !== undefined && m.projects.has(project));
}
