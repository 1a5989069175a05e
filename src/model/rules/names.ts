// The `names` rule: Domains, projects, clusters and pools become Kubernetes namespaces, file names,
// script arguments and cloud names, so they are DNS labels; workflows are never paths.
import { formatPath, type Finding, type ModelPath } from '../findings';
import { DNS_LABEL_RULE, WORKFLOW_END_RULE, WORKFLOW_RULE, messages } from '../messages';
import type { Model } from '../schema';

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const WORKFLOW = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

export function isDnsLabel(s: string): boolean {
  return DNS_LABEL.test(s);
}

export function isWorkflowName(s: string): boolean {
  return WORKFLOW.test(s) && !s.includes('..');
}

/** What the name rule reads: a subset of the model, so it can also run on a model that failed its shape check. */
export type Names = Pick<Model, 'domains' | 'isolation' | 'projects' | 'clusters' | 'clusterPools'> & {
  readonly org: string | undefined;
  readonly onDemand?: { readonly projects: readonly string[] };
  readonly poolAssignments: readonly { readonly workflow?: string }[];
};

export function checkNames(model: Names): Finding[] {
  const out: Finding[] = [];
  const label = (path: ModelPath, what: string, name: string) => {
    if (!isDnsLabel(name)) out.push(messages.badName(path, what, name, DNS_LABEL_RULE));
  };
  if (model.org !== undefined) label(['org'], 'the org', model.org);
  for (const d of Object.keys(model.domains)) {
    if (!isDnsLabel(d)) out.push({ ...messages.badName(['domains', d], 'domain', d, DNS_LABEL_RULE), at: 'key' });
    else if (d === 'default' && model.isolation === 'project') out.push(messages.reservedDomain(['domains', d], d));
  }
  model.projects.forEach((p, i) => label(['projects', i], 'project', p));
  model.onDemand?.projects.forEach((p, i) => label(['onDemand', 'projects', i], 'project', p));
  for (const c of Object.keys(model.clusters)) if (!isDnsLabel(c)) out.push({ ...messages.badName(['clusters', c], 'cluster', c, DNS_LABEL_RULE), at: 'key' });
  for (const p of Object.keys(model.clusterPools)) if (!isDnsLabel(p)) out.push({ ...messages.badName(['clusterPools', p], 'cluster pool', p, DNS_LABEL_RULE), at: 'key' });
  model.poolAssignments.forEach((a, i) => {
    if (a.workflow === undefined) return;
    if (!isWorkflowName(a.workflow)) out.push(messages.badWorkflow(['poolAssignments', i, 'workflow'], a.workflow, WORKFLOW_RULE));
    // `{project}-{domain}-{workflow}.yaml` would hold "..", which no file name of the output may.
    else if (a.workflow.endsWith('.')) out.push(messages.badWorkflow(['poolAssignments', i, 'workflow'], a.workflow, WORKFLOW_END_RULE));
  });

  // Every project-domain pair is a Kubernetes namespace `{project}-{domain}`.
  const projects: [string, ModelPath][] = [
    ...model.projects.map((p, i): [string, ModelPath] => [p, ['projects', i]]),
    ...(model.onDemand?.projects ?? []).map((p, i): [string, ModelPath] => [p, ['onDemand', 'projects', i]]),
  ];
  const longestDomain = Object.keys(model.domains).reduce((a, b) => (b.length > a.length ? b : a), '');
  for (const [p, path] of projects) if (p.length + longestDomain.length + 1 > 63 && isDnsLabel(p)) out.push(messages.namespaceTooLong(path, p, longestDomain));

  return out.concat(duplicates(projects, 'project'));
}

function duplicates(entries: readonly [string, ModelPath][], what: string): Finding[] {
  const first = new Map<string, ModelPath>();
  const out: Finding[] = [];
  for (const [name, path] of entries) {
    const seen = first.get(name);
    if (!seen) first.set(name, path);
    else if (seen[0] !== path[0] || path.length !== seen.length) out.push(messages.projectBothKnownAndOnDemand(path, name));
    else out.push(messages.duplicateEntry(path, what, name, formatPath(seen)));
  }
  return out;
}

/**
 * The well-typed names of a model that failed its shape check, so that one run reports bad names
 * together with shape errors. Anything of the wrong type is left out: the shape finding covers it.
 */
export function namesOf(raw: Record<string, unknown>): Names {
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const record = (v: unknown): Record<string, never> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, undefined as never])) : {};
  const onDemand = raw.onDemand as { projects?: unknown } | undefined;
  return {
    org: typeof raw.org === 'string' ? raw.org : undefined,
    isolation: raw.isolation === 'project' ? 'project' : 'domain',
    domains: record(raw.domains),
    projects: strings(raw.projects),
    onDemand: onDemand && typeof onDemand === 'object' ? { projects: strings(onDemand.projects) } : undefined,
    clusters: record(raw.clusters),
    clusterPools: record(raw.clusterPools),
    poolAssignments: Array.isArray(raw.poolAssignments)
      ? raw.poolAssignments.map((a: unknown) => ({ workflow: typeof (a as { workflow?: unknown })?.workflow === 'string' ? (a as { workflow: string }).workflow : undefined }))
      : [],
  };
}
