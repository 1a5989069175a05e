import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReview } from '../../src/files/review-md';
import { planOf } from '../helpers';
import { parseMermaid } from './mermaid-parser';
import { assignment, seedClusterPoolPlan } from '../plans';

function section(review: string, title: string): string {
  const start = review.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `no section ${title}`);
  const end = review.indexOf('\n## ', start + 1);
  return review.slice(start, end < 0 ? undefined : end);
}

describe('the review', () => {
  it("has the seed's domain table for domain isolation", () => {
    const review = renderReview(planOf({ fixture: 'seed-cluster-pools.yaml' }));
    assert.ok(
      section(review, 'Accounts and projects').includes(
        [
          '| Domain | GCP project or AWS subaccount | Cloud | Email or display name | Parent | Stack | State |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          '| `development` | `acme-development` | GCP |',
        ].join('\n'),
      ),
    );
  });

  it("has the seed's Domain/Project table for project isolation, with the default account", () => {
    const plan = planOf({ fixture: 'seed-project-isolation.yaml' });
    const accounts = section(renderReview(plan), 'Accounts and projects');
    assert.match(accounts, /^\| Domain\/Project \| GCP project or AWS subaccount \| Cloud \|/m);
    assert.match(accounts, /^\| `production\/project-1` \| `aws-subaccount-union-production-project-1` \| AWS \|/m);
    assert.match(accounts, /^\| `default` \| `aws-subaccount-union-default` \| AWS \|/m);
    // One table: every account once.
    assert.equal(accounts.split('\n').filter((l) => l.startsWith('| `production/project-1` |')).length, 1);
  });

  it('shows pools with their clusters, bucket and bucket account', () => {
    const pools = section(renderReview(planOf({ fixture: 'seed-cluster-pools.yaml' })), 'Cluster pools');
    assert.match(
      pools,
      /^\| `production-cp` \| `production-cluster-1`, `production-cluster-2` \| `production-cp` \| `acme-production-cp-metadata` \| `production` \(`acme-production`\) \|/m,
    );
    // default and development-cp share my-dev-cluster, so they share one bucket.
    assert.match(pools, /^\| `default` \| `my-dev-cluster` \| `development-cp` \| `acme-development-cp-metadata` \|/m);
  });

  it('gives every assignment its origin: explicit, automatic, fallback to default', () => {
    const plan = seedClusterPoolPlan();
    const withFallback = { ...plan, assignments: [...plan.assignments, assignment('other', 'development', 'default', 'fallback', 'development')] };
    const rows = section(renderReview(withFallback), 'Assignments');
    assert.match(rows, /^\| `flytesnacks` \| `production` \| `my_critical_wf` \| `production-cp` \| explicit \|/m);
    assert.match(rows, /^\| `flytesnacks` \| `staging` \| {2}\| `staging-cp` \| automatic \|/m);
    assert.match(rows, /^\| `other` \| `development` \| {2}\| `default` \| fallback to default \| .* \| \(none: Union uses `default`\) \|$/m);
  });

  it('lists shortened names with their originals', () => {
    const plan = planOf({ fixture: 'seed-project-isolation.yaml' });
    assert.ok(plan.shortenedNames.length > 0, 'the seed project-isolation names are too long for GCP');
    const shortened = section(renderReview(plan), 'Shortened names');
    for (const s of plan.shortenedNames) assert.ok(shortened.includes(`| \`${s.original}\` | \`${s.final}\` | ${s.limit} |`), s.original);
  });

  it("lists the plan's warnings", () => {
    const plan = { ...seedClusterPoolPlan(), warnings: [{ path: 'poolAssignments[2]', message: 'runs production work outside its account' }] };
    assert.match(section(renderReview(plan), 'Warnings'), /^- `poolAssignments\[2\]`: runs production work outside its account$/m);
  });

  it('ends with a Mermaid diagram that Mermaid parses', async () => {
    const review = renderReview(planOf({ fixture: 'seed-project-isolation.yaml' }));
    const match = /```mermaid\n([\s\S]*?)```/.exec(review);
    assert.ok(match, 'no mermaid block');
    assert.equal(await parseMermaid(match[1]!), 'flowchart-v2');
  });
});

describe('the review of bucket lifecycle and keys', () => {
  it('says what retention expires, that metadata and registered code never expire, and which KMS keys need a key policy', () => {
    const plan = planOf({ fixture: 'synth-domain-isolation.yaml' });
    const key = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const withKey = { ...plan, storageGroups: plan.storageGroups.map((g) => (g.name === 'production-cp' ? { ...g, kmsKeyId: key } : g)) };
    const storage = section(renderReview(withKey), 'Storage groups and buckets');
    assert.match(storage, /\| `production-cp` \|.*\| 30 days \(under `raw\/`\) \|/);
    assert.match(storage, /aborts incomplete multipart uploads after 7 days/);
    assert.match(storage, /execution metadata \(`inputs\.pb`, `outputs\.pb`, Decks\) and fast-registration code never expire/);
    assert.match(storage, new RegExp(`SSE-KMS keys: \`production-cp\`: \`${key.replace(/[/.]/g, '\\$&')}\`\\. Each key's policy must let`));
  });
});
