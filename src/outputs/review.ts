// The review of a plan (review.md, and `plan` on a terminal): where every unit's account is, which
// clusters form which pools and write to which bucket in which account, where each project-domain
// runs and why, which names were shortened, and a diagram. Reviewers read this in pull requests.
import { quotaNeeds } from '../plan/quotas';
import type { Plan, Unit, UnitParent } from '../plan/types';
import { describeOrigin, sortedAssignments } from './assignments';
import { code, cell, table } from './markdown';
import { renderMermaid } from './mermaid';

const CLOUD_NAMES = { aws: 'AWS', gcp: 'GCP' } as const;

/** `production/project-1` (`acme-production-project-1`), or `several accounts` for null. */
type AccountRef = (key: string | null) => string;

export function renderReview(plan: Plan): string {
  // Looked up once per row of every table: a map keeps the review linear in units at scale.
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const ref = (key: string | null) => accountRef(units, key);
  return [
    summary(plan),
    accountsSection(plan),
    poolsSection(plan, ref),
    clustersSection(plan, ref),
    storageSection(plan, ref),
    assignmentsSection(plan, ref),
    shortenedSection(plan),
    warningsSection(plan),
    quotasSection(plan),
    diagramSection(plan),
  ].join('\n');
}

function accountRef(units: ReadonlyMap<string, Unit>, key: string | null): string {
  if (key === null) return 'several accounts';
  const unit = units.get(key);
  return unit === undefined ? code(key) : `${code(key)} (${code(accountName(unit))})`;
}

function accountName(unit: Unit): string {
  return unit.existingId !== null && unit.existingId !== unit.name ? `${unit.name}, id ${unit.existingId}` : unit.name;
}

function summary(plan: Plan): string {
  const shape =
    plan.isolation === 'domain'
      ? 'domain isolation: one GCP project or AWS subaccount per domain'
      : 'project isolation: one GCP project or AWS subaccount per project-domain pair, plus the default for projects created after onboarding';
  const count = (origin: string) => plan.assignments.filter((a) => a.origin === origin).length;
  return [
    `# Union data-plane plan for ${code(plan.org)}`,
    '',
    `${cell(shape[0]!.toUpperCase() + shape.slice(1))}.`,
    '',
    `- ${plan.units.length} accounts/projects (${plan.units.filter((u) => u.existingId !== null).length} adopted), in ${plan.stacks.filter((s) => s.kind === 'accounts').length} accounts stacks`,
    `- ${plan.clusters.length} clusters in ${plan.pools.length} pools, ${plan.storageGroups.length} storage groups (one metadata bucket each)`,
    `- ${plan.assignments.length} assignments: ${count('explicit')} explicit, ${count('automatic')} automatic, ${count('fallback')} fallback to ${code('default')}`,
    `- ${plan.warnings.length} warnings, ${plan.shortenedNames.length} shortened names`,
    '',
  ].join('\n');
}

function describeParent(parent: UnitParent): string {
  switch (parent.kind) {
    case 'aws-parent':
      return `${code(parent.parentId)}`;
    case 'aws-ou':
      return `new OU ${code(parent.name)} under ${code(parent.parentId)}`;
    case 'gcp-folder':
      return `folder ${code(parent.folderId)}`;
    case 'gcp-org':
      return `organization ${code(parent.orgId)}`;
    case 'gcp-new-folder': {
      const under = 'folderId' in parent.parent ? `folder ${code(parent.parent.folderId)}` : `organization ${code(parent.parent.orgId)}`;
      return `new folder ${code(parent.displayName)} under ${under}`;
    }
  }
}

function accountsSection(plan: Plan): string {
  // The seed's own table first: the mapping a reader of Union's docs expects to see.
  const seedHeader = plan.isolation === 'domain' ? 'Domain' : 'Domain/Project';
  const seedTable = table(
    [seedHeader, 'GCP project or AWS subaccount'],
    plan.units.map((u) => [code(u.key), code(u.name)]),
  );
  const details = table(
    ['Unit', 'Cloud', 'Account', 'Email or display name', 'Parent', 'Stack', 'State'],
    plan.units.map((u) => [
      code(u.key),
      CLOUD_NAMES[u.cloud],
      code(u.name),
      code(u.cloud === 'aws' ? u.email : u.displayName),
      describeParent(u.parent),
      code(u.stack),
      u.existingId === null ? 'created' : `adopted (${code(u.existingId)})`,
    ]),
  );
  return ['## Accounts and projects', '', seedTable, details].join('\n');
}

function poolsSection(plan: Plan, ref: AccountRef): string {
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  const rows = plan.pools.map((p) => {
    const group = groups.get(p.storageGroup);
    return [
      code(p.name),
      p.clusters.map(code).join(', '),
      code(p.storageGroup),
      group ? code(group.bucket) : '',
      group ? ref(group.homeUnit) : '',
      ref(p.hostUnit),
    ];
  });
  return ['## Cluster pools', '', table(['Pool', 'Clusters', 'Storage group', 'Metadata bucket', 'Bucket account', 'Clusters run in'], rows)].join(
    '\n',
  );
}

function clustersSection(plan: Plan, ref: AccountRef): string {
  const rows = plan.clusters.map((c) => [
    code(c.name),
    ref(c.unit),
    CLOUD_NAMES[c.cloud],
    code(c.region),
    c.pools.map(code).join(', ') || '(none)',
    code(c.metadataBucket),
    c.fastRegistrationBucket === c.metadataBucket ? 'same' : code(c.fastRegistrationBucket),
  ]);
  return [
    '## Clusters',
    '',
    table(['Cluster', 'Account', 'Cloud', 'Region', 'Pools', 'Metadata bucket', 'Fast-registration bucket'], rows),
  ].join('\n');
}

function storageSection(plan: Plan, ref: AccountRef): string {
  const rows = plan.storageGroups.map((g) => [
    code(g.name),
    g.pools.map(code).join(', '),
    g.clusters.map(code).join(', '),
    code(g.bucket) + (g.fastRegistrationBucket === g.bucket ? '' : ` + ${code(g.fastRegistrationBucket)}`),
    ref(g.homeUnit),
    g.accessUnits.length === 0 ? '' : g.accessUnits.map((u) => ref(u)).join(', '),
    `${CLOUD_NAMES[g.cloud]} ${code(g.region)}`,
    g.retentionDays === null ? 'none' : `${g.retentionDays} days`,
    code(g.stack),
  ]);
  return [
    '## Storage groups and buckets',
    '',
    'Pools that share a cluster share one metadata bucket; pools that share none never do.',
    '',
    table(['Storage group', 'Pools', 'Clusters', 'Bucket', 'Home account', 'Also used from', 'Location', 'Retention', 'Stack'], rows),
  ].join('\n');
}

function assignmentsSection(plan: Plan, ref: AccountRef): string {
  const rows = sortedAssignments(plan.assignments).map((a) => [
    code(a.project),
    code(a.domain),
    a.workflow === null ? '' : code(a.workflow),
    code(a.pool),
    cell(describeOrigin(a)),
    ref(a.unit),
    a.file === null ? '(none: Union uses `default`)' : code(`cluster-pool-attributes/${a.file}`),
  ]);
  return [
    '## Assignments',
    '',
    'Explicit: `poolAssignments`. Automatic: the pair’s account hosts exactly one pool besides `default`. Fallback: no attribute file, Union runs the work on `default`.',
    '',
    table(['Project', 'Domain', 'Workflow', 'Pool', 'Origin', 'Account', 'Attribute file'], rows),
  ].join('\n');
}

function shortenedSection(plan: Plan): string {
  if (plan.shortenedNames.length === 0) return '## Shortened names\n\nNone: every derived name fits its cloud’s limits.\n';
  const rows = plan.shortenedNames.map((s) => [cell(s.kind), code(s.owner), code(s.original), code(s.final), String(s.limit)]);
  return [
    '## Shortened names',
    '',
    'Derived names over a cloud’s limit, shortened deterministically (readable head + hash of the full name).',
    '',
    table(['Kind', 'Owner', 'Original', 'Shortened', 'Limit'], rows),
  ].join('\n');
}

function warningsSection(plan: Plan): string {
  if (plan.warnings.length === 0) return '## Warnings\n\nNone.\n';
  return ['## Warnings', '', ...plan.warnings.map((w) => `- ${code(w.path)}: ${cell(w.message)}`), ''].join('\n');
}

function diagramSection(plan: Plan): string {
  const diagram = renderMermaid(plan);
  if ('omitted' in diagram) return `## Diagram\n\nOmitted: ${diagram.omitted}. The tables above are complete.\n`;
  return ['## Diagram', '', '```mermaid', diagram.mermaid.trimEnd(), '```', ''].join('\n');
}

function quotasSection(plan: Plan): string {
  const needs = quotaNeeds(plan);
  if (needs.length === 0) return '';
  const rows = needs.map((q) => [cell(q.quota), String(q.needed), String(q.limit), q.action === null ? 'within the default' : q.needed > q.limit ? `**needs a raise**: ${cell(q.action)}` : cell(q.action)]);
  return ['## Quotas before apply', '', 'What this model needs against each default quota (yours may be raised already).', '', table(['Quota', 'Needed', 'Default', ''], rows), ''].join('\n');
}
