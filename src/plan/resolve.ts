// resolve(model) -> plan: pure, no cdktf, no I/O. The rules `cloud-names`, `storage-groups` and `assignments` are found here because they need the
// resolved names, storage groups and assignments; the plan is returned only when nothing is wrong.
import { isError, type Finding } from '../model/findings';
import { applyAcknowledgements, planWarning } from './acknowledge';
import { checkPlacement } from './placement';
import { shortenedWarnings } from './shortened-warnings';
import type { GcpSettings, Model } from '../model/schema';
import type { GcpRole } from '../model/union-gcp-role';
import { resolveByoc, withUnionServices } from './byoc';
import { planByocStacks } from './byoc-stacks';
import { resolveAssignments } from './assignments';
import { describeDomainWide } from './domain-wide';
import { resolveIdentities } from './identities';
import { resolveQueues } from './queues';
import { resolveRetired } from './retired';
import { planStacks } from './stack-layout';
import { resolveStorage } from './storage-groups';
import { checkContainerNames } from './container-names';
import type { Plan, PlanWarning, ShortenedName } from './types';
import { resolveUnits } from './units';
import { compareEntries, compareStrings } from '../order';

export interface Resolution {
  readonly plan: Plan;
  /** Findings of cloud-names, storage-groups and assignments; when any is an error the plan must not be synthesized. */
  readonly findings: readonly Finding[];
}

export interface ResolveInputs {
  /** Union's GCP role, read at load time: needed by BYOC models with GCP units. */
  readonly gcpRole?: GcpRole | null;
  /** Warnings the model's checks found before resolution: acknowledged and listed with resolve's own. */
  readonly checked?: readonly Finding[];
}

export function resolve(model: Model, inputs: ResolveInputs = {}): Resolution {
  const findings: Finding[] = [...(inputs.checked ?? [])];
  const { units: ownUnits, shortened: shortNames } = resolveUnits(model, findings);
  checkContainerNames(ownUnits, findings);
  const byocModel = model.deployment === 'byoc';
  const units = byocModel ? withUnionServices(ownUnits) : ownUnits;
  const storage = resolveStorage(model, units, findings);
  const assignments = resolveAssignments(model, storage.pools, findings);
  const domainWide = describeDomainWide(model, units, storage.pools, assignments);
  const identities = resolveIdentities(model, units, storage.clusters, storage.groups);
  const queues = resolveQueues(model, units, storage.clusters, storage.pools, storage.groups, assignments, identities.identities, findings);
  const shortenedNames: ShortenedName[] = [...shortNames, ...storage.shortened, ...identities.shortened].sort(
    (a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.original, b.original),
  );
  const byoc = byocModel ? resolveByoc(model, { units, clusters: storage.clusters, groups: storage.groups, gcpRole: inputs.gcpRole ?? null }, findings) : null;
  const stacks = byoc ? planByocStacks(units, storage.groups, byoc) : planStacks(units, storage.groups);
  const retired = resolveRetired(model, stacks, findings);
  if (!findings.some(isError)) {
    for (const f of checkPlacement(model, units, storage.pools, storage.groups, assignments, domainWide.accountedFor)) findings.push(f);
    for (const f of shortenedWarnings(model, shortenedNames)) findings.push(f);
  }
  const { kept, acknowledged } = applyAcknowledgements(model, findings);
  findings.length = 0;
  for (const f of kept) findings.push(f);
  const byPath = (a: PlanWarning, b: PlanWarning) => compareStrings(a.path, b.path) || compareStrings(a.message, b.message);
  const warnings: PlanWarning[] = findings.filter((f) => !isError(f)).map(planWarning).sort(byPath);
  const plan: Plan = {
    version: 1,
    org: model.org,
    isolation: model.isolation,
    domains: Object.keys(model.domains)
      .sort()
      .map((name) => ({ name, cloud: model.domains[name]! })),
    projects: [
      ...model.projects.map((name) => ({ name, origin: 'onboarding' as const })),
      ...(model.isolation === 'project' ? (model.onDemand?.projects ?? []) : []).map((name) => ({ name, origin: 'onDemand' as const })),
    ].sort((a, b) => compareStrings(a.name, b.name)),
    units,
    clusters: storage.clusters,
    pools: storage.pools,
    storageGroups: storage.groups,
    assignments,
    shortenedNames,
    stacks: retired.kept.length > 0 ? [...stacks, ...retired.kept].sort((a, b) => compareStrings(a.name, b.name)) : stacks,
    ...(retired.destroyed.length > 0 ? { destroyedStacks: retired.destroyed } : {}),
    warnings,
    ...(acknowledged.length > 0 ? { acknowledgedWarnings: acknowledged.map(planWarning).sort(byPath) } : {}),
    ...(domainWide.lines.length > 0 ? { domainWideAssignments: domainWide.lines } : {}),
    aws: units.some((u) => u.cloud === 'aws') ? (model.aws ?? null) : null,
    gcp: units.some((u) => u.cloud === 'gcp') && model.gcp ? orderedGcp(model.gcp) : null,
    backend: model.backend,
    ...(byoc ? { byoc } : {}),
    deployment: model.deployment,
    controlPlaneHost: model.controlPlaneHost ?? null,
    routing: model.routing,
    identities: identities.identities,
    queues,
    secretStore: model.secretStore,
  };
  return { plan, findings };
}

/** The order of services and labels in the model means nothing, so the plan (and plan.json) must not keep it. */
function orderedGcp(gcp: GcpSettings): GcpSettings {
  const labels = Object.fromEntries(Object.entries(gcp.labels).sort(compareEntries));
  return { ...gcp, services: [...new Set(gcp.services)].sort(), labels };
}
