// The review of a plan (review.md, `plan --format md`), read top-down at any size: what needs
// attention (warnings, quotas, surprising placements), a roll-up per domain and cloud, a diagram at
// the level that fits, then the tables: where every unit's account is, which clusters form which
// pools and write to which bucket, where each project-domain runs and why, which names were
// shortened. When the tables would not fit one page (a pull-request comment) they go in one file
// per domain under review/, each row in one file. Reviewers read this in pull requests.
import { domainWideSentence } from './domain-wide-lines';
import { quotaNeeds } from '../plan/quotas';
import type { Assignment, Plan, Unit, UnitParent } from '../plan/types';
import { assignmentKey, describeOrigin, sortedAssignments } from '../plan/assignment-order';
import { code, cell, table } from '../markdown';
import { renderMermaid, renderRollupMermaid } from './mermaid-diagram';
import { attention, rollup, type RollupRow, type RunsIn } from './review-rollup';
import { NO_FILTER, isFiltered, partitionPlan, slicePlan, type PlanFilter } from './review-slice';
import { renderByocReview } from './review-byoc';
import { selfManagedSections } from './review-self-managed';

const CLOUD_NAMES = { aws: 'AWS', gcp: 'GCP' } as const;

/** `production/project-1` (`acme-production-project-1`), or `several accounts` for null. */
type AccountRef = (key: string | null) => string;

/** A pull-request comment holds 65,536 characters; the first page stays under it with room to spare. */
export const REVIEW_PAGE_LIMIT = 60_000;
/** Rows of detail above which the review does not even try one page (rendering them costs time). */
const INLINE_ROWS_LIMIT = 1_000;
/** Items of each kind listed under "Needs attention" before the rest are counted. */
const ATTENTION_ITEMS = 10;
/** Warnings shown open; the rest are in a collapsed list right under them. */
const OPEN_WARNINGS = 15;

export const REVIEW_DIR = 'review';
export const IDENTITIES_FILE = 'identities-and-routing.md';
export const BYOC_FILE = 'byoc.md';

export interface ReviewOptions {
  /** Only these domains, projects, pools (plan --domain, --project, --pool). Default: everything. */
  readonly filter?: PlanFilter;
  /** `inline`: every table on the one page, whatever its size (a filtered review). Default `auto`: inline while the page stays under REVIEW_PAGE_LIMIT, else per-domain files. */
  readonly detail?: 'auto' | 'inline';
}

export interface ReviewPages {
  /** review.md. */
  readonly page: string;
  /** Files under review/, by name (`production.md`); empty when the detail is on the page. */
  readonly detail: ReadonlyMap<string, string>;
}

/** The review's first page: what needs attention, the roll-up, the diagram, then the detail or links to it. */
export function renderReview(plan: Plan, options: ReviewOptions = {}): string {
  return review(plan, options, false).page;
}

/** review.md and, when the detail does not fit it, the files under review/. */
export function renderReviewPages(plan: Plan, options: ReviewOptions = {}): ReviewPages {
  return review(plan, options, true);
}

function review(full: Plan, options: ReviewOptions, withFiles: boolean): ReviewPages {
  const filter = options.filter ?? NO_FILTER;
  const plan = isFiltered(filter) ? slicePlan(full, filter) : full;
  // Looked up once per row of every table: a map keeps the review linear in units at scale.
  const units = new Map(full.units.map((u) => [u.key, u]));
  const ref = (key: string | null) => accountRef(units, key);
  const head = (contents: string) => [summary(plan), ...filterNote(full, plan, filter), contents, attentionSection(full, plan), rollupSection(plan), diagramSection(plan)];
  const inline = () => detailSections(full, plan, ref, true);
  if (options.detail === 'inline' || detailRows(plan) <= INLINE_ROWS_LIMIT) {
    const sections = inline();
    const page = [...head(contents(sections.map((s) => s.title))), ...sections.map((s) => s.text)].join('\n');
    if (options.detail === 'inline' || page.length <= REVIEW_PAGE_LIMIT) return { page, detail: new Map() };
  }
  const parts = partitionPlan(plan);
  const detail = withFiles ? detailFiles(full, plan, parts, ref) : new Map<string, string>();
  return { page: [...head(contents(['Detail'])), detailLinks(plan, parts)].join('\n'), detail };
}

function detailRows(plan: Plan): number {
  return plan.units.length + plan.clusters.length + plan.pools.length + plan.storageGroups.length + plan.assignments.length + plan.identities.length;
}

/** GitHub's heading anchors: lower case, spaces to `-`, punctuation dropped. */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function contents(detailTitles: readonly string[]): string {
  const titles = ['Needs attention', ROLLUP_TITLE, 'Diagram', ...detailTitles];
  return `Contents: ${titles.map((t) => `[${t}](#${anchor(t)})`).join(' · ')}\n`;
}

function filterNote(full: Plan, plan: Plan, filter: PlanFilter): string[] {
  if (!isFiltered(filter)) return [];
  const parts = [
    ...filter.domains.map((d) => `domain ${code(d)}`),
    ...filter.projects.map((p) => `project ${code(p)}`),
    ...filter.pools.map((p) => `pool ${code(p)}`),
  ];
  const dropped = full.warnings.length - plan.warnings.length;
  return [
    [
      `**Filtered** to ${parts.join(', ')}: the pairs selected and everything their work touches (pools, clusters, buckets, accounts). Left out: ${full.units.length - plan.units.length} of ${full.units.length} accounts/projects, ${full.clusters.length - plan.clusters.length} of ${full.clusters.length} clusters, ${full.pools.length - plan.pools.length} of ${full.pools.length} pools, ${full.assignments.length - plan.assignments.length} of ${full.assignments.length} assignments, and ${plural(dropped, 'warning')} that name only things outside the filter. The quotas are the whole model's.`,
      '',
    ].join('\n'),
  ];
}

function attentionSection(full: Plan, plan: Plan): string {
  const a = attention(plan);
  // Quotas concern the whole organization and billing account, whatever the filter.
  const quotas = quotasSection(full);
  const listed = <T>(items: readonly T[], show: (item: T) => string, where: string): string => {
    const shown = items.slice(0, ATTENTION_ITEMS).map(show).join(', ');
    return items.length > ATTENTION_ITEMS ? `${shown}, and ${items.length - ATTENTION_ITEMS} more (${where})` : shown;
  };
  const pair = (x: Assignment) => code(assignmentKey(x));
  const placements = [
    (plan.domainWideAssignments ?? []).map((d) => `- **Domain-wide** (${code(`poolAssignments[${d.index}]`)}, no project): ${domainWideSentence(d, code)}`),
    a.outside.length === 0 ? [] : [`- **Runs outside its own account** (${a.outside.length}): ${listed(a.outside, (p) => `${pair(p.assignment)} on ${code(p.assignment.pool)} in ${p.where.map(code).join(', ')}`, 'Assignments, column Runs in')}`],
    a.fallbacks.length === 0 ? [] : [`- **Falls back to ${code('default')}** (${a.fallbacks.length}): no attribute file, Union runs the work on the \`default\` pool: ${listed(a.fallbacks, pair, 'Assignments, origin fallback')}`],
    a.spanning.length === 0 ? [] : [`- **Pools spanning accounts** (${a.spanning.length}): their bucket is reached from other accounts: ${listed(a.spanning, (p) => code(p.name), 'Cluster pools')}`],
    a.otherCloud.length === 0 ? [] : [`- **On another cloud than their domain** (${a.otherCloud.length}): ${listed(a.otherCloud, (u) => `${code(u.key)} (${CLOUD_NAMES[u.cloud]})`, 'Accounts and projects')}`],
    a.adopted.length === 0 ? [] : [`- **Adopted, not created** (${a.adopted.length}): imported as they exist: ${listed(a.adopted, (u) => code(u.key), 'Adopted accounts and projects')}`],
    plan.shortenedNames.length === 0 ? [] : [`- **Shortened names** (${plan.shortenedNames.length}): derived names over a cloud's limit, with their originals under Shortened names`],
    ...(plan.byoc !== undefined && plan.byoc.warnings.length > 0 ? [[`- **BYOC** (${plan.byoc.warnings.length}):`, ...plan.byoc.warnings.map((w) => `  - ${cell(w)}`)]] : []),
  ].flat();
  return [
    '## Needs attention',
    '',
    'Errors: none (a model with errors gets no review; `union-isolation validate` lists them). What a change destroys or replaces is for `union-isolation diff --base OLD`, which refuses it (exit 3) unless allowed.',
    '',
    warningsSection(plan),
    quotas,
    '### Placements to check',
    '',
    ...(placements.length === 0 ? ['None: every pair runs in its own account or on its default account’s pool, nothing is adopted, shortened, or on another cloud than its domain.'] : placements),
    '',
  ].join('\n');
}

const ROLLUP_TITLE = 'Roll-up by domain and cloud';

function rollupSection(plan: Plan): string {
  const rows = rollup(plan).map((r) => [
    r.domain === null ? '(default account)' : code(r.domain),
    CLOUD_NAMES[r.cloud],
    r.adopted === 0 ? String(r.units) : `${r.units} (${r.adopted} adopted)`,
    String(r.clusters),
    String(r.pools),
    String(r.buckets),
    r.workflows === 0 ? String(r.pairs) : `${r.pairs} + ${r.workflows} workflow`,
    runsInCell(r.runsIn),
    `${r.origins.explicit + r.origins.domain} / ${r.origins.automatic} / ${r.origins.fallback}`,
  ]);
  return [
    `## ${ROLLUP_TITLE}`,
    '',
    'Per domain and the cloud its accounts are on: the accounts/projects, and the clusters, pools and buckets in them; the project-domain pairs whose own accounts these are (and their workflow assignments), where their work runs, and how they were assigned. On-demand projects live in the default account, and count there.',
    '',
    table(['Domain', 'Cloud', 'Accounts', 'Clusters', 'Pools', 'Buckets', 'Pairs', 'Runs in', 'Explicit / automatic / fallback'], rows),
  ].join('\n');
}

function runsInCell(runsIn: RollupRow['runsIn']): string {
  const parts = (Object.entries(runsIn) as [RunsIn, number][]).filter(([, n]) => n > 0).map(([where, n]) => `${n} ${where}`);
  return parts.join(', ') || '-';
}

interface Section {
  readonly title: string;
  readonly text: string;
}

/** The tables, for the page (`withShared`: also the sections about the whole model) or one detail file. */
function detailSections(full: Plan, part: Plan, ref: AccountRef, withShared: boolean): Section[] {
  const sections: Section[] = [
    { title: 'Accounts and projects', text: accountsSection(part) },
    ...adoptedSection(part).map((text) => ({ title: 'Adopted accounts and projects', text })),
    { title: 'Cluster pools', text: poolsSection(full, part, ref) },
    { title: 'Clusters', text: clustersSection(part, ref) },
    { title: 'Storage groups and buckets', text: storageSection(full, part, ref) },
    ...(withShared ? [{ title: 'Cluster identities', text: selfManagedSections(part, ref) }] : []),
    { title: 'Assignments', text: assignmentsSection(full, part, ref) },
    { title: 'Shortened names', text: shortenedSection(part) },
    ...(withShared ? byocSections(part).map((text) => ({ title: 'BYOC: Union’s access and the request', text })) : []),
  ];
  return sections;
}

/** The BYOC section without its warnings: those are under Needs attention. */
function byocSections(plan: Plan): string[] {
  return renderByocReview(plan.byoc === undefined ? plan : { ...plan, byoc: { ...plan.byoc, warnings: [] } });
}

function detailFiles(full: Plan, plan: Plan, parts: ReadonlyMap<string, Plan>, ref: AccountRef): Map<string, string> {
  const files = new Map<string, string>();
  const back = `[Back to the review](../review.md): what needs attention, the quotas, the roll-up and the diagram are there.\n`;
  for (const [key, part] of parts) {
    const title = key === 'default' && part.units.every((u) => u.domain === null) ? 'the default account' : `domain ${code(key)}`;
    const sections = detailSections(full, part, ref, false);
    files.set(`${key}.md`, [`# ${cell(plan.org)}: detail for ${title}`, '', back, partDiagram(part, key), ...sections.map((s) => s.text)].join('\n'));
  }
  files.set(IDENTITIES_FILE, [`# ${cell(plan.org)}: cluster identities, install order and routing`, '', back, selfManagedSections(plan, ref)].join('\n'));
  const byoc = byocSections(plan);
  if (byoc.length > 0) files.set(BYOC_FILE, [`# ${cell(plan.org)}: BYOC access and the request`, '', back, ...byoc].join('\n'));
  return files;
}

function detailLinks(plan: Plan, parts: ReadonlyMap<string, Plan>): string {
  const rows = [...parts].map(([key, part]) => [
    `[${key === 'default' && part.units.every((u) => u.domain === null) ? '(default account)' : cell(key)}](${REVIEW_DIR}/${key}.md)`,
    String(part.units.length),
    String(part.clusters.length),
    String(part.pools.length),
    String(part.assignments.length),
  ]);
  return [
    '## Detail',
    '',
    `Too large for one page: the tables are in one file per domain under \`${REVIEW_DIR}/\` next to this one (\`union-isolation synth\` writes them; \`union-isolation plan --format md --domain NAME\` prints one domain whole, \`--project\` and \`--pool\` narrow it further). Each row is in one file only: accounts, clusters and identities by their account's domain, pools and buckets by their bucket's account, assignments by their domain.`,
    '',
    table(['File', 'Accounts', 'Clusters', 'Pools', 'Assignments'], rows),
    `Also: [cluster identities, install order and routing](${REVIEW_DIR}/${IDENTITIES_FILE})${plan.byoc !== undefined ? `, [BYOC access and the request](${REVIEW_DIR}/${BYOC_FILE})` : ''}.`,
    '',
  ].join('\n');
}

/** A domain's own full graph when Mermaid draws it; else why not, and how to draw a smaller one. */
function partDiagram(part: Plan, key: string): string {
  const diagram = renderMermaid(part);
  if ('omitted' in diagram) return `## Diagram\n\nThe full graph of ${code(key)} is not drawn: ${diagram.omitted}. The first page has the roll-up diagram; \`union-isolation plan --format md --project NAME\` draws one project's graph.\n`;
  return ['## Diagram', '', '```mermaid', diagram.mermaid.trimEnd(), '```', ''].join('\n');
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
    `- ${plan.assignments.length} assignments: ${count('explicit')} explicit, ${count('domain')} domain-wide, ${count('automatic')} automatic, ${count('fallback')} fallback to ${code('default')}`,
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
  // Its two columns lead the one table, so each account is listed once.
  const seedHeader = plan.isolation === 'domain' ? 'Domain' : 'Domain/Project';
  const details = table(
    [seedHeader, 'GCP project or AWS subaccount', 'Cloud', 'Email or display name', 'Parent', 'Stack', 'State'],
    plan.units.map((u) => [
      code(u.key),
      code(u.name),
      CLOUD_NAMES[u.cloud],
      code(u.cloud === 'aws' ? u.email : u.displayName),
      describeParent(u.parent),
      code(u.stack),
      u.existingId === null ? 'created' : `adopted (${code(u.existingId)})`,
    ]),
  );
  return ['## Accounts and projects', '', details].join('\n');
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

function poolsSection(full: Plan, plan: Plan, ref: AccountRef): string {
  const groups = new Map(full.storageGroups.map((g) => [g.name, g]));
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

function storageSection(full: Plan, plan: Plan, ref: AccountRef): string {
  // In BYOC, unless the model creates the buckets, Union provisions them: no storage stack exists.
  const synthesized = new Set(full.stacks.map((s) => s.name));
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

function assignmentsSection(full: Plan, plan: Plan, ref: AccountRef): string {
  const where = runsIn(full);
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
  if (plan.warnings.length === 0) return ['### Warnings', '', 'None.', ...accepted, ''].join('\n');
  const item = (w: Plan['warnings'][number]) => `- ${code(w.path)}: ${cell(w.message)}`;
  const rest = plan.warnings.slice(OPEN_WARNINGS);
  const collapsed = rest.length === 0 ? [] : ['', `<details><summary>${plural(rest.length, 'more warning')}</summary>`, '', ...rest.map(item), '', '</details>'];
  return ['### Warnings', '', ...plan.warnings.slice(0, OPEN_WARNINGS).map(item), ...collapsed, ...accepted, ''].join('\n');
}

function diagramSection(plan: Plan): string {
  const diagram = renderMermaid(plan);
  if ('mermaid' in diagram) return ['## Diagram', '', '```mermaid', diagram.mermaid.trimEnd(), '```', ''].join('\n');
  // Too large to draw whole: the roll-up's level, with each domain's own graph in its detail file.
  return [
    '## Diagram',
    '',
    `The roll-up: each domain's accounts per cloud, and how many pairs run on the pools of which accounts (the full graph has ${diagram.omitted}; each domain's detail draws its own when Mermaid can, and \`plan --format md --project NAME\` draws one project's).`,
    '',
    '```mermaid',
    renderRollupMermaid(plan).trimEnd(),
    '```',
    '',
  ].join('\n');
}

function quotasSection(plan: Plan): string {
  const needs = quotaNeeds(plan);
  if (needs.length === 0) return '';
  const rows = needs.map((q) => [cell(q.quota), String(q.needed), String(q.limit), q.action === null ? 'within the default' : q.needed > q.limit ? `**needs a raise**: ${cell(q.action)}` : cell(q.action)]);
  return ['### Quotas before apply', '', 'What this model needs against each default quota (yours may be raised already).', '', table(['Quota', 'Needed', 'Default', ''], rows), ''].join('\n');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
