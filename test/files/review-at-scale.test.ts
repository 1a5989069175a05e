// The review at the sizes users run (issue 27): generated models of 50, 1,000 and 3,000 projects
// (three domains each, a cluster and pool per pair). Rendered, never synthesized, to stay fast.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import { REVIEW_PAGE_LIMIT, renderReview, renderReviewPages } from '../../src/files/review-md';
import { slicePlan } from '../../src/files/review-slice';
import { renderTerminalReview } from '../../src/files/terminal-review';
import { renderUnionFiles } from '../../src/files/union-files';
import type { Plan } from '../../src/plan/types';
import { planOf } from '../helpers';
import { parseMermaid } from './mermaid-parser';

/** A pull-request comment's limit, which the first page must stay under. */
const COMMENT_LIMIT = 65_536;

const plans = new Map<number, Plan>();
function benchPlan(projects: number): Plan {
  let plan = plans.get(projects);
  if (plan === undefined) plans.set(projects, (plan = planOf({ yaml: generateModel(projects).yaml })));
  return plan;
}

function mermaidBlocks(text: string): string[] {
  return [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Rows of the `## Accounts and projects` tables: the unit key in the first cell. */
function accountRows(text: string): string[] {
  const start = text.indexOf('## Accounts and projects\n');
  if (start < 0) return [];
  const end = text.indexOf('\n## ', start + 1);
  return [...text.slice(start, end < 0 ? undefined : end).matchAll(/^\| `([^`]+)` \| `/gm)].map((m) => m[1]!);
}

for (const projects of [50, 1000, 3000]) {
  describe(`the review of ${projects} projects`, () => {
    const plan = benchPlan(projects);
    const { page, detail } = renderReviewPages(plan);

    it(`fits a pull-request comment (under ${COMMENT_LIMIT} characters), whatever the size`, () => {
      assert.ok(page.length < REVIEW_PAGE_LIMIT && REVIEW_PAGE_LIMIT < COMMENT_LIMIT, `${page.length} characters`);
      assert.equal(renderReview(plan), page);
    });

    it('holds the summary, the warnings, the quotas and the whole roll-up in its first 60 lines', () => {
      const first = page.split('\n').slice(0, 60).join('\n');
      assert.match(first, /^# Union data-plane plan for `bench`/);
      assert.match(first, new RegExp(`^- ${plan.units.length} accounts/projects \\(1 adopted\\)`, 'm'));
      assert.match(first, /^### Warnings\n\n- `clusters\.shared`: with queue routing/m);
      assert.match(first, /^### Quotas before apply\n[\s\S]*\| AWS accounts per organization \(incl\. the management account\) \| \d+ \| 10 \| \*\*needs a raise\*\*/m);
      assert.match(first, /^- \*\*Adopted, not created\*\* \(1\): imported as they exist: `production\/p0001`$/m);
      assert.match(first, /^## Roll-up by domain and cloud$/m);
      const n = String(projects);
      assert.match(first, new RegExp(`^\\| \`development\` \\| GCP \\| ${n} \\| ${n} \\| ${n} \\| ${n} \\| ${n} \\| ${n} own account \\| 0 / ${n} / 0 \\|$`, 'm'));
      assert.match(first, new RegExp(`^\\| \`production\` \\| AWS \\| ${n} \\(1 adopted\\) \\| ${n} \\| ${n} \\| ${n} \\| ${n} \\+ 1 workflow \\| ${projects + 1} own account \\| 1 / ${n} / 0 \\|$`, 'm'));
      assert.match(first, /^\| \(default account\) \| AWS \| 1 \| 1 \| 2 \| 1 \| 6 \| 6 default account \| 0 \/ 6 \/ 0 \|$/m);
    });

    it("draws the roll-up diagram, which Mermaid's parser accepts", async () => {
      const [diagram, ...more] = mermaidBlocks(page);
      assert.ok(diagram !== undefined && more.length === 0);
      assert.match(diagram, /accounts_production__aws\["production: \d+ accounts, \d+ clusters, \d+ buckets"\]/);
      assert.match(diagram, new RegExp(`accounts_production__aws -->\\|"${projects + 1} assignments"\\| pools_production__aws`));
      assert.equal(await parseMermaid(diagram), 'flowchart-v2');
    });

    it('links its detail, one file per domain, each account and assignment in exactly one of them', () => {
      const links = [...page.matchAll(/\]\(review\/([a-z0-9-]+\.md)\)/g)].map((m) => m[1]!);
      assert.deepEqual(links.sort(), [...detail.keys()].sort());
      assert.deepEqual([...detail.keys()].sort(), ['default.md', 'development.md', 'identities-and-routing.md', 'production.md', 'staging.md']);
      const rows = [...detail.values()].flatMap(accountRows);
      assert.deepEqual(rows.sort(), plan.units.map((u) => u.key).sort());
      assert.deepEqual(accountRows(page), [], 'no account table on the first page');
      const attributeFiles = [...detail.values()].flatMap((t) => [...t.matchAll(/`cluster-pool-attributes\/([^`]+)`/g)].map((m) => m[1]!));
      assert.deepEqual(attributeFiles.sort(), plan.assignments.map((a) => a.file!).sort());
      assert.match(detail.get('production.md')!, /^# bench: detail for domain `production`\n\n\[Back to the review\]\(\.\.\/review\.md\)/);
    });
  });
}

describe('the review of 50 projects, as synth writes it', () => {
  it("writes review.md and review/*.md with the generated header, each domain's own diagram accepted by Mermaid", async () => {
    const files = renderUnionFiles(benchPlan(50), { model: 'bench.yaml' });
    const review = [...files.keys()].filter((f) => f === 'review.md' || f.startsWith('review/'));
    assert.deepEqual(review, ['review.md', 'review/default.md', 'review/development.md', 'review/identities-and-routing.md', 'review/production.md', 'review/staging.md']);
    for (const f of review) assert.match(files.get(f)!, /^<!-- Generated by union-isolation from bench\.yaml; /, f);
    const production = mermaidBlocks(files.get('review/production.md')!);
    assert.equal(production.length, 1);
    assert.equal(await parseMermaid(production[0]!), 'flowchart-v2');
  });

  it('keeps a small model on one page, with its full graph', async () => {
    const { page, detail } = renderReviewPages(benchPlan(5));
    assert.equal(detail.size, 0);
    assert.match(page, /^## Assignments$/m);
    assert.match(page, /^ {6}cluster_prod_p0001\["cluster prod-p0001"\]$/m);
    assert.equal(await parseMermaid(mermaidBlocks(page)[0]!), 'flowchart-v2');
  });
});

describe('a filtered review', () => {
  const plan = benchPlan(50);

  it('says what it leaves out, and keeps the pairs, pools, clusters and accounts their work touches', () => {
    const review = renderReview(plan, { filter: { domains: [], projects: ['later-1'], pools: [] }, detail: 'inline' });
    assert.match(review, /^\*\*Filtered\*\* to project `later-1`: .* Left out: 150 of 151 accounts\/projects, 150 of 151 clusters, 150 of 152 pools, 154 of 157 assignments, and 0 warnings that name only things outside the filter\. The quotas are the whole model's\.$/m);
    // The on-demand project runs on the default account's pool: that account and its cluster are shown.
    assert.match(review, /^\| `later-1` \| `development` \| {2}\| `on-demand-cp` \| automatic \| `default` /m);
    assert.deepEqual(accountRows(review), ['default']);
    // The shared cluster's warning concerns it, and the quotas are the whole model's.
    assert.match(review, /^- `clusters\.shared`: with queue routing/m);
    assert.match(review, /\| AWS accounts per organization \(incl\. the management account\) \| 52 \| 10 \|/);
  });

  it('leaves out a warning that names only things outside it, and says so', () => {
    const review = renderReview(plan, { filter: { domains: [], projects: ['p0002'], pools: [] }, detail: 'inline' });
    assert.match(review, /and 1 warning that name only things outside the filter/);
    assert.doesNotMatch(review, /`clusters\.shared`/);
    assert.deepEqual(accountRows(review), ['development/p0002', 'production/p0002', 'staging/p0002']);
  });

  it('by domain keeps that domain whole, and by pool the pairs on it', () => {
    const production = slicePlan(plan, { domains: ['production'], projects: [], pools: [] });
    assert.ok(production.assignments.length === 53 && production.assignments.every((a) => a.domain === 'production'));
    assert.deepEqual(new Set(production.units.map((u) => u.domain)), new Set(['production', null]));
    const pool = slicePlan(plan, { domains: [], projects: [], pools: ['on-demand-cp'] });
    assert.deepEqual(pool.assignments.map((a) => `${a.project}/${a.domain}`), ['later-1/development', 'later-1/production', 'later-1/staging', 'later-2/development', 'later-2/production', 'later-2/staging']);
    assert.deepEqual(pool.units.map((u) => u.key), ['default']);
  });
});

describe('plan on a terminal', () => {
  it('fits a screen at 3,000 projects: the summary, what needs attention and the roll-up, no row per pair', () => {
    const text = renderTerminalReview(benchPlan(3000), 100);
    const lines = text.trimEnd().split('\n');
    assert.ok(lines.length <= 30, `${lines.length} lines`);
    assert.ok(lines.every((l) => l.length <= 100));
    assert.match(text, /^ {2}9001 accounts\/projects \(1 adopted\)/m);
    assert.match(text, /^ {2}warning clusters\.shared: with queue routing/m);
    assert.match(text, /^ {2}raise quota: AWS accounts per organization \(incl\. the management account\): needs 3002, default 10$/m);
    assert.match(text, /^ {2}production +AWS +3000 +3000 +3000 +3000 +3001 +1\/3000\/0 +3001 own$/m);
    assert.match(text, /^9007 assignments: --domain, --project or --pool \(names, comma-separated\) lists them\.$/m);
  });

  it('lists the pairs a filter selects', () => {
    const text = renderTerminalReview(benchPlan(50), 100, { domains: [], projects: ['p0001'], pools: [] });
    assert.match(text, /^ {2}Filtered to project p0001, with what their work runs on; the quotas are the whole model's\.\n {2}Left out: 148 accounts, 153 assignments, 1 warning\.$/m);
    assert.match(text, /^p0001\/production nightly_report +prod-p0001-cp +explicit +production\/p0001 \(AWS\)$/m);
  });
});
