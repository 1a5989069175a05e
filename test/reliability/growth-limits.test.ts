// Additions and storage groups (docs/GUARANTEES.md). A bucket's region defaults to the cloud's, so a
// cluster that joins a pool never moves it. A group's default name is its first pool's, and no
// order-free rule can keep that name for every pool that may join later (with {a} then +b and {b}
// then +a, one of the two renames); so a pool that joins and sorts first renames the group unless
// the group pins its name with `storageGroup`, and `diff` refuses the unpinned rename.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { diffPlans } from '../../src/diff/compare-plans';
import { planOf, runCli } from '../helpers';

const BASE = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { development: gcp, production: aws }
projects: [flytesnacks]
onDemand: { cloud: aws, projects: [later] }
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev: { account: development/flytesnacks }
  prod: { account: production/flytesnacks, region: us-west-2 }
  shared: { account: default }
clusterPools:
  default: [shared]
  dev-cp: [dev]
  prod-cp: [prod]
`;

/** The seed's own sequence: \`default: [shared]\` first, \`on-demand-cp: [shared]\` later. */
const WITH_ON_DEMAND_POOL = BASE.replace('  default: [shared]\n', '  default: [shared]\n  on-demand-cp: [shared]\n');
/** A cluster in another region joins prod-cp, and sorts before its first cluster. */
const WITH_EARLIER_CLUSTER = BASE.replace('  shared: { account: default }\n', '  shared: { account: default }\n  a-prod: { account: production/flytesnacks, region: eu-west-1 }\n').replace(
  'prod-cp: [prod]',
  'prod-cp: [prod, a-prod]',
);

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function diffCli(base: string, next: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ui-limits-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'base.yaml'), base);
  writeFileSync(path.join(dir, 'next.yaml'), next);
  return runCli(['diff', '--base', 'base.yaml', '-m', 'next.yaml'], { cwd: dir });
}

/** The same addition, with the joining pool keeping the group's name. */
const WITH_PINNED_POOL = BASE.replace('  default: [shared]\n', '  default: [shared]\n  on-demand-cp: { clusters: [shared], storageGroup: default }\n');

describe('additions and storage groups', () => {
  it("fails diff with exit 3 when a pool joins `default`'s storage group unpinned and renames its bucket", () => {
    const r = diffCli(BASE, WITH_ON_DEMAND_POOL);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /destroyed bucket acme-default-metadata \(storage group default\)/);
  });

  it('keeps the bucket when the joining pool pins the storage group name', () => {
    const r = diffCli(BASE, WITH_PINNED_POOL);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(diffPlans(planOf({ yaml: BASE }), planOf({ yaml: WITH_PINNED_POOL })).destructive, false);
    assert.deepEqual(planOf({ yaml: WITH_PINNED_POOL }).storageGroups.find((g) => g.pools.includes('on-demand-cp'))?.bucket, 'acme-default-metadata');
  });

  it('keeps the bucket and its region when a cluster in another region joins a pool, and warns', () => {
    const r = diffCli(BASE, WITH_EARLIER_CLUSTER);
    assert.equal(r.code, 0, r.stderr);
    const plan = planOf({ yaml: WITH_EARLIER_CLUSTER });
    assert.equal(plan.storageGroups.find((g) => g.name === 'prod-cp')?.region, 'us-east-1');
    assert.ok(plan.warnings.some((w) => /bucket of storage group prod-cp is in us-east-1 but a-prod runs in eu-west-1, prod runs in us-west-2 .*Fix: Set bucketRegion/.test(w.message)), JSON.stringify(plan.warnings));
  });
});
