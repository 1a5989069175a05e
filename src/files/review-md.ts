// The review of a plan (review.md, and `plan` on a terminal): where every unit's account is, which
// clusters form which pools and write to which bucket in which account, where each project-domain
// runs and why, which names were shortened, and a diagram. Reviewers read this in pull requests.
import { quotaNeeds } from '../plan/quotas';
import type { Plan, Unit, UnitParent } from '../plan/types';
import { describeOrigin, sortedAssignments } from '../plan/assignment-order';
import { code, cell, table } from '../markdown';
import { renderMermaid } from './mermaid-diagram';
import { renderByocReview } from './review-byoc';
import { selfManagedSections } from './review-self-managed';

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
    ...adoptedSection(plan),
    poolsSection(plan, ref),
    clustersSection(plan, ref),
    storageSection(plan, ref),
    selfManagedSections(plan, ref),
    assignmentsSection(plan, ref),
    shortenedSection(plan),
    warningsSection(plan),
    ...renderByocReview(plan),
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
    `- ${plural(plan.warnings.length, 'warning')}, ${plural(plan.shortenedNames.length, 'shortened name')}`,
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

/**
 * Adopted accounts and projects: what Terraform leaves as it exists (issue 18) and, on AWS, the role
 * the storage stacks assume there. Only when something is adopted, so other reviews are unchanged.
 */
function adoptedSection(plan: Plan): string[] {
  const adopted = plan.units.filter((u) => u.existingId !== null);
  if (adopted.length === 0) return [];
  const kept = { name: 'name', email: 'email', parent: 'parent (OU or folder)', billing: 'billing account' } as const;
  const rows = adopted.map((u) => [
    code(u.key),
    code(u.existingId!),
    u.keepExisting.length === 0 ? 'nothing: the model manages every attribute' : u.keepExisting.map((a) => kept[a]).join(', '),
    u.cloud === 'aws' ? code(u.roleName) : '',
  ]);
  return [
    [
      '## Adopted accounts and projects',
      '',
      'Imported, never created or replaced. Terraform leaves the attributes under “Kept as it exists” as they are (`lifecycle.ignore_changes`); take one over with `accounts.<unit>.manage` (or an explicit `name`/`email`). Accounts invited into the organization usually lack `OrganizationAccountAccessRole`: the storage stacks assume the role shown, set with `accounts.<unit>.roleName`.',
      '',
      table(['Unit', 'Existing id', 'Kept as it exists', 'Role assumed'], rows),
    ].join('\n'),
  ];
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
  // In BYOC, unless the model creates the buckets, Union provisions them: no storage stack exists.
  const synthesized = new Set(plan.stacks.map((s) => s.name));
  const rows = plan.storageGroups.map((g) => [
    code(g.name),
    g.pools.map(code).join(', '),
    g.clusters.map(code).join(', '),
    code(g.bucket) + (g.fastRegistrationBucket === g.bucket ? '' : ` + ${code(g.fastRegistrationBucket)}`) + (g.rawDataBucket == null ? '' : ` + raw data ${code(g.rawDataBucket)}`),
    ref(g.homeUnit),
    g.accessUnits.length === 0 ? '' : g.accessUnits.map((u) => ref(u)).join(', '),
    `${CLOUD_NAMES[g.cloud]} ${code(g.region)}`,
    g.retentionDays === null ? 'none' : `${g.retentionDays} days${retentionScope(g)}`,
    synthesized.has(g.stack) ? code(g.stack) : 'none: Union provisions it',
  ]);
  const keys = plan.storageGroups.filter((g) => g.kmsKeyId != null).map((g) => `${code(g.name)}: ${code(g.kmsKeyId!)}`);
  return [
    '## Storage groups and buckets',
    '',
    'Pools that share a cluster share one metadata bucket; pools that share none never do.',
    '',
    table(['Storage group', 'Pools', 'Clusters', 'Bucket', 'Home account', 'Also used from', 'Location', 'Retention', 'Stack'], rows),
    '',
    'Every bucket aborts incomplete multipart uploads after 7 days and deletes noncurrent versions after the group\'s `noncurrentVersionDays` (default 30). Retention expires raw data only (a raw-data bucket, or the listed prefixes); execution metadata (`inputs.pb`, `outputs.pb`, Decks) and fast-registration code never expire.',
    ...(keys.length === 0
      ? []
      : ['', `SSE-KMS keys: ${keys.join('; ')}. Each key's policy must let the bucket's account and the group's other accounts use it (the tool cannot check it).`]),
  ].join('\n');
}

/** Where a pool's work runs: each account its clusters are in, with its cloud (`default` (AWS)). */
function runsIn(plan: Plan): (pool: string) => string {
  const clusters = new Map(plan.clusters.map((c) => [c.name, c]));
  const memo = new Map<string, string>();
  for (const p of plan.pools) {
    const where = new Map<string, string>();
    for (const name of p.clusters) {
      const c = clusters.get(name);
      if (c) where.set(c.unit, CLOUD_NAMES[c.cloud]);
    }
    memo.set(p.name, [...where].map(([unit, cloud]) => `${code(unit)} (${cloud})`).join(', ') || '(no cluster)');
  }
  return (pool) => memo.get(pool) ?? '(unknown pool)';
}

/** What retentionDays expires in a group. */
function retentionScope(g: Plan['storageGroups'][number]): string {
  if (g.rawDataBucket != null) return ' (raw-data bucket)';
  if (g.retentionPrefixes != null && g.retentionPrefixes.length > 0) return ` (under ${g.retentionPrefixes.map(code).join(', ')})`;
  return '';
}

function assignmentsSection(plan: Plan, ref: AccountRef): string {
  const where = runsIn(plan);
  const rows = sortedAssignments(plan.assignments).map((a) => [
    code(a.project),
    code(a.domain),
    a.workflow === null ? '' : code(a.workflow),
    code(a.pool),
    cell(describeOrigin(a)),
    ref(a.unit),
    where(a.pool),
    a.file === null ? '(none: Union uses `default`)' : code(`cluster-pool-attributes/${a.file}`),
  ]);
  return [
    '## Assignments',
    '',
    'Explicit: `poolAssignments`. Automatic: the pair’s account hosts exactly one pool besides `default`. Fallback: no attribute file, Union runs the work on `default`. Own account: the pair’s isolation unit; Runs in: the accounts (and clouds) of its pool’s clusters, where its work actually runs.',
    '',
    table(['Project', 'Domain', 'Workflow', 'Pool', 'Origin', 'Own account', 'Runs in', 'Attribute file'], rows),
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
  const acknowledged = plan.acknowledgedWarnings ?? [];
  const accepted = acknowledged.length === 0 ? [] : ['', 'Acknowledged in the model (`acknowledge`):', '', ...acknowledged.map((w) => `- ${code(w.path)}: ${cell(w.message)}`), ''];
  if (plan.warnings.length === 0) return ['## Warnings', '', 'None.', ...accepted, ''].join('\n');
  return ['## Warnings', '', ...plan.warnings.map((w) => `- ${code(w.path)}: ${cell(w.message)}`), ...accepted, ''].join('\n');
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

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
