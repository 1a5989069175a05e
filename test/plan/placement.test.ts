// Placement the review can be trusted on: models that pass every other rule but put work where
// nobody meant it to. The first model is the one the README led a new user to write.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isError } from '../../src/model/findings';
import { renderReview } from '../../src/files/review-md';
import { compileYaml, expectFindings, findingLines, planOf } from '../helpers';

/** dev and staging on GCP, production on AWS; all dev clusters in one pool so they share a bucket. */
const NATURAL = `org: northwind
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { development: gcp, staging: gcp, production: aws }
projects: [demand, pricing]
onDemand: { cloud: aws }
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@northwind.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev-demand: { account: development/demand }
  dev-pricing: { account: development/pricing }
  stg-demand: { account: staging/demand }
  stg-pricing: { account: staging/pricing }
  prod-demand: { account: production/demand }
  prod-pricing: { account: production/pricing }
  shared: { account: default }
clusterPools:
  default: [shared]
  dev-cp:
    clusters: [dev-demand, dev-pricing]
    bucketAccount: development/demand
  stg-demand-cp: [stg-demand]
  stg-pricing-cp: [stg-pricing]
  prod-demand-cp: [prod-demand]
  prod-pricing-cp: [prod-pricing]
`;

const warnings = (yaml: string) => compileYaml(yaml).findings.filter((f) => !isError(f));

describe('placement', () => {
  it('the natural model: a known pair falling back to the default account on another cloud is an error naming the pool it meant', () => {
    const findings = expectFindings(
      compileYaml(NATURAL),
      /projects\[0\]: demand\/development has no pool of its own and silently falls back to `default`, which runs in the default account on AWS, not on GCP in its own account/,
      /Fix: Add to poolAssignments: \{ project: demand, domain: development, clusterPoolName: dev-cp, allowCrossIsolation: true \}/,
      /projects\[1\]: pricing\/development has no pool of its own/,
    );
    // Only the two development pairs: staging and production have pools of their own.
    assert.equal(findings.filter(isError).length, 2, findingLines(compileYaml(NATURAL)).join('\n'));
  });

  it('an explicit assignment to default says so: no error', () => {
    const yaml = NATURAL + 'poolAssignments:\n  - { project: demand, domain: development, clusterPoolName: default }\n  - { project: pricing, domain: development, clusterPoolName: default }\n';
    const ws = warnings(yaml);
    assert.ok(compileYaml(yaml).plan);
    // ... but the pool meant for them now runs nothing, and their accounts stay empty? No: they have clusters.
    assert.ok(ws.some((w) => w.code === 'pool-unused' && /clusterPools\.dev-cp/.test(JSON.stringify(w.path.join('.')))), JSON.stringify(ws));
  });

  it('a pool no pair is assigned to is a warning at the pool, with the pairs it could serve', () => {
    const yaml = NATURAL + 'poolAssignments:\n  - { project: demand, domain: development, clusterPoolName: default }\n  - { project: pricing, domain: development, clusterPoolName: default }\n';
    const lines = findingLines(compileYaml(yaml));
    assert.ok(lines.some((l) => /^model\.yaml:\d+:3 clusterPools\.dev-cp: warning: no project-domain pair runs on pool "dev-cp".*demand\/development, pricing\/development/.test(l)), lines.join('\n'));
  });

  it('a GCP storage group shared by several projects: reached through the clusters\' identities when self-managed, by nobody in BYOC with created buckets', () => {
    const assignments =
      'poolAssignments:\n  - { project: demand, domain: development, clusterPoolName: dev-cp, allowCrossIsolation: true }\n  - { project: pricing, domain: development, clusterPoolName: dev-cp, allowCrossIsolation: true }\n';
    // Self-managed: each cluster's service account gets the bucket roles (plan/identities.ts).
    const selfManaged = NATURAL + assignments;
    assert.deepEqual(warnings(selfManaged).map((w) => w.code).sort(), ['cross-isolation', 'cross-isolation'], findingLines(compileYaml(selfManaged)).join('\n'));
    const yaml =
      NATURAL.replace('isolation: project\n', 'isolation: project\ndeployment: byoc\nbyoc: { externalId: union-ext-1234, buckets: create }\nnaming: { bucket: "union-{org}-{pool}-metadata" }\n') + assignments;
    const ws = warnings(yaml);
    const codes = ws.map((w) => w.code).filter((c) => c !== undefined && !c.startsWith('byoc-')).sort(); // BYOC's own warnings aside
    assert.deepEqual(codes, ['bucket-unreachable', 'cross-isolation', 'cross-isolation'], findingLines(compileYaml(yaml)).join('\n'));
    const unreachable = ws.find((w) => w.code === 'bucket-unreachable')!;
    assert.match(unreachable.problem, /lives in "northwind-development-demand"; the clusters of "northwind-development-pricing" get no access/);
  });

  it('a known project with no cluster in its unit is a warning at the project', () => {
    const yaml = NATURAL.replace('  dev-pricing: { account: development/pricing }\n', '').replace('[dev-demand, dev-pricing]', '[dev-demand]').replace('    bucketAccount: development/demand\n', '') +
      'poolAssignments:\n  - { project: pricing, domain: development, clusterPoolName: dev-cp, allowCrossIsolation: true }\n';
    const ws = warnings(yaml);
    const empty = ws.filter((w) => w.code === 'unit-without-cluster');
    assert.equal(empty.length, 1, findingLines(compileYaml(yaml)).join('\n'));
    assert.deepEqual(empty[0]!.path, ['projects', 1]);
    assert.match(empty[0]!.found!, /"development\/pricing"/);
  });

  it('the review shows, per pair, the account and cloud where its work runs', () => {
    const yaml =
      NATURAL +
      'poolAssignments:\n  - { project: demand, domain: development, clusterPoolName: default }\n  - { project: pricing, domain: development, clusterPoolName: dev-cp, allowCrossIsolation: true }\n';
    const review = renderReview(planOf({ yaml }));
    assert.match(review, /^\| `demand` \| `development` \| {2}\| `default` \| explicit \| `development\/demand` \([^)]*\) \| `default` \(AWS\) \|/m);
    assert.match(review, /^\| `pricing` \| `development` \| {2}\| `dev-cp` \| explicit \(cross-isolation allowed\) \| `development\/pricing` \([^)]*\) \| `development\/demand` \(GCP\), `development\/pricing` \(GCP\) \|/m);
  });

  it('acknowledge accepts a warning by code and path; the review still lists it; a stale one is a warning', () => {
    const base =
      NATURAL +
      'poolAssignments:\n  - { project: demand, domain: development, clusterPoolName: default }\n  - { project: pricing, domain: development, clusterPoolName: default }\n';
    const acked = compileYaml(base + 'acknowledge:\n  - { warning: pool-unused, at: clusterPools.dev-cp, because: "kept for later" }\n');
    assert.deepEqual(acked.findings.map((f) => f.code), []);
    assert.match(renderReview(acked.plan!), /Acknowledged in the model[\s\S]*`clusterPools.dev-cp`: no project-domain pair runs on pool/);
    const stale = compileYaml(base + 'acknowledge:\n  - { warning: pool-unused, at: clusterPools.dev-cp }\n  - { warning: bucket-region }\n');
    assert.deepEqual(findingLines(stale).map((l) => l.replace(/ \(found.*/, '')), ['model.yaml:31:5 acknowledge[1]: warning: this acknowledgement matches no warning']);
  });

  it('every warning says how to acknowledge it', () => {
    const yaml = NATURAL + 'poolAssignments:\n  - { project: demand, domain: development, clusterPoolName: default }\n  - { project: pricing, domain: development, clusterPoolName: default }\n';
    for (const w of warnings(yaml)) assert.match(w.fix, new RegExp(`acknowledge: \\[\\{ warning: ${w.code}, at: "`));
  });
});
