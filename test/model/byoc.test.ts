// BYOC rules (src/model/rules/byoc.ts) and the GCP role file (src/model/union-gcp-role.ts), through
// the compiler as a user meets them: FILE:LINE:COL, model path, found, allowed, Fix.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, findingLines, fixtureText, planOf, ROOT } from '../helpers';
import { BUNDLED_GCP_ROLE_FILE } from '../../src/model/union-gcp-role';
import { readFileSync } from 'node:fs';

const BYOC = fixtureText('byoc-project-isolation.yaml');
const EXAMPLE = readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8');

function warnings(yaml: string, file = 'model.yaml'): string[] {
  const compiled = compileYaml(yaml, file);
  assert.ok(compiled.plan, findingLines(compiled).join('\n'));
  return findingLines(compiled).filter((l) => l.includes(': warning: '));
}

describe('BYOC rules', () => {
  it('accepts the bundled BYOC example and the project-isolation fixture', () => {
    planOf({ yaml: EXAMPLE });
    planOf({ yaml: BYOC });
  });

  it('fails when the external id is missing and the model has AWS accounts', () => {
    expectFindings(compileYaml(BYOC.replace('externalId: "ext-0123456789", ', '')), /^model\.yaml:5:13 deployment: a BYOC model with AWS accounts needs the external id .*Fix: Ask Union's team/);
  });

  it('fails when the external id is too short, too long or has other characters', () => {
    for (const bad of ['short', 'x'.repeat(25), 'has space 123']) {
      expectFindings(compileYaml(BYOC.replace('ext-0123456789', bad)), new RegExp(`^model\\.yaml:6:\\d+ byoc\\.externalId: the external id is not one Union's template accepts \\(found "${bad}"`));
    }
  });

  it('fails when two clusters share an account', () => {
    expectFindings(compileYaml(BYOC.replace('dev-2: { account: development/project-2 }', 'dev-2: { account: development/project-1 }')), /clusters\.dev-2\.account: cluster "dev-2" runs in the same account as "dev-1"; in BYOC each cluster must be in its own account .*found both in "development\/project-1"/);
  });

  it('warns about a region outside those Union lists, at the cluster or the cloud default', () => {
    assert.ok(warnings(BYOC.replace('region: us-west-2 }', 'region: ap-south-1 }')).some((l) => /:22:\d+ clusters\.prod-2\.region: warning: cluster "prod-2" is in a region outside/.test(l)));
    assert.ok(warnings(BYOC.replace('region: us-east1 }', 'region: asia-east1 }')).some((l) => /gcp\.region: warning: clusters "dev-1", "dev-2" are in a region outside/.test(l)));
  });

  it('warns about mixed clouds, naming both of Union\'s pages and the clusters on each', () => {
    const w = warnings(BYOC).filter((l) => l.includes('both AWS and GCP'));
    assert.equal(w.length, 1);
    assert.match(w[0]!, /"Configuring your data plane" says .* same provider, while its "Multi-cluster and multi-cloud" page allows mixing \(found AWS prod-1, prod-2, shared; GCP dev-1, dev-2/);
    const oneCloud = BYOC.replace('development: gcp', 'development: aws');
    assert.deepEqual(warnings(oneCloud), []);
  });

  it('fails when byoc settings come without deployment: byoc, and self-managed models are not checked', () => {
    expectFindings(compileYaml(BYOC.replace('deployment: byoc\n', '')), /^model\.yaml:5:7 byoc: byoc settings are given but the deployment is self-managed/);
    const selfManaged = BYOC.replace('deployment: byoc\n', 'controlPlaneHost: acme.unionai.cloud\n').replace(/^byoc: .*\n/m, '').replace('region: us-west-2 }', 'region: ap-south-1 }');
    // No external id, a region Union does not list, clouds mixed: none of it matters when self-managed.
    const compiled = compileYaml(selfManaged);
    assert.ok(compiled.plan, findingLines(compiled).join('\n'));
    assert.deepEqual(findingLines(compiled).filter((l) => /external id|Union's (BYOC|"Configuring)|both AWS and GCP/.test(l)), []);
  });

  it('fails on a bad VPC id, taint, node group size and template version', () => {
    const bad = BYOC.replace('cpu: { instanceType: m5.xlarge, max: 5 }', 'cpu: { instanceType: m5.xlarge, min: 6, max: 5, taints: ["gpu"] }')
      .replace('prod-2: { account: production/project-2, region: us-west-2 }', 'prod-2: { account: production/project-2, region: us-west-2, vpc: "my-vpc" }')
      .replace('buckets: create }', 'buckets: create, templateVersion: "0.15" }');
    expectFindings(
      compileYaml(bad),
      /clusters\.prod-1\.nodeGroups\.cpu\.min: the node group's minimum is above its maximum \(found min 6, max 5/,
      /clusters\.prod-1\.nodeGroups\.cpu\.taints\[0\]: .*found "gpu"/,
      /clusters\.prod-2\.vpc: .*found "my-vpc"; allowed an AWS VPC id/,
      /byoc\.templateVersion: the template version is not a version .*found "0\.15"/,
    );
  });

  it('fails in buckets: create when a bucket name is out of reach of Union\'s role', () => {
    expectFindings(compileYaml(BYOC.replace('bucket: "union-{org}-{pool}-metadata"', 'bucket: "{org}-{pool}-metadata"')), /naming\.bucket: bucket "acme-prod-1-cp-metadata" \(storage group "prod-1-cp"\) is outside what Union's admin role reaches.*Fix: Set naming\.bucket to "union-\{org\}-\{pool\}-metadata"/);
    // Union creates the buckets: any name is only a suggestion.
    planOf({ yaml: BYOC.replace('bucket: "union-{org}-{pool}-metadata"', 'bucket: "{org}-{pool}-metadata"').replace('buckets: create', 'buckets: union-provisions') });
  });
});

describe('Union\'s GCP role file', () => {
  it('uses the bundled copy, pinned to commit 32d5f5c of Union\'s repository, with duplicates removed', () => {
    const text = readFileSync(BUNDLED_GCP_ROLE_FILE, 'utf8');
    assert.match(text.split('\n')[0]!, /unionai\/union-cloud-infrastructure at commit 32d5f5c/);
    const listed = text.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    const plan = planOf({ yaml: BYOC });
    assert.deepEqual(plan.byoc?.gcp?.permissions, [...new Set(listed)].sort());
    assert.equal(plan.byoc?.gcp?.permissions.length, 603);
    assert.match(plan.byoc!.gcp!.roleSource, /union-ai-admin\/gcp\/union-ai-admin-role\.yaml at commit 32d5f5c/);
  });

  it('reads a newer file relative to the model file, and names it as the model does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ui-role-'));
    try {
      writeFileSync(path.join(dir, 'role.yaml'), 'title: Unionai Administrator\nstage: GA\nincludedPermissions:\n- storage.buckets.get\n- compute.disks.create\n');
      const compiled = compileYaml(BYOC.replace('buckets: create }', 'buckets: create, gcpRoleFile: role.yaml }'), path.join(dir, 'model.yaml'));
      assert.ok(compiled.plan, findingLines(compiled).join('\n'));
      assert.deepEqual(compiled.plan.byoc?.gcp?.permissions, ['compute.disks.create', 'storage.buckets.get']);
      assert.equal(compiled.plan.byoc?.gcp?.roleSource, 'role.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with a located finding when the file is missing or not a role', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ui-role-'));
    try {
      const model = path.join(dir, 'model.yaml');
      const missing = compileYaml(BYOC.replace('buckets: create }', 'buckets: create, gcpRoleFile: nope.yaml }'), model);
      expectFindings(missing, new RegExp(`^${model.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:\\d+ byoc\\.gcpRoleFile: Union's GCP role file cannot be read \\(found nope\\.yaml: no such file`));
      writeFileSync(path.join(dir, 'bad.yaml'), 'includedPermissions:\n- not a permission\n');
      expectFindings(compileYaml(BYOC.replace('buckets: create }', 'buckets: create, gcpRoleFile: bad.yaml }'), model), /byoc\.gcpRoleFile: Union's GCP role file is not a role definition \(found bad\.yaml: includedPermissions holds "not a permission"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not read for a BYOC model without GCP units', () => {
    const awsOnly = BYOC.replace('development: gcp', 'development: aws').replace('buckets: create }', 'buckets: create, gcpRoleFile: does-not-exist.yaml }');
    const plan = planOf({ yaml: awsOnly });
    assert.equal(plan.byoc?.gcp, null);
  });
});
