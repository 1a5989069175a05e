// Each model edit that destroys or replaces a bucket or an account must make `diff` refuse (exit 3).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, temporaryDir } from '../helpers';

const BASE = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { development: gcp, production: aws, staging: aws }
projects: [flytesnacks]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
accounts:
  production: { existingId: "111111111111" }
clusters:
  dev: { account: development }
  prod: { account: production }
  stage: { account: staging }
  prod-shared: { account: production }
  stage-shared: { account: staging }
clusterPools:
  development-cp: [dev]
  production-cp: { clusters: [prod], fastRegistration: separate, rawData: separate, retentionDays: 9 }
  staging-cp: [stage]
  shared-cp: { clusters: [prod-shared, stage-shared], bucketAccount: production }
`;

function diff(edit: (text: string) => string) {
  const dir = temporaryDir('ui-diff-destroys-');
  const next = edit(BASE);
  assert.notEqual(next, BASE, 'the edit must change the model');
  writeFileSync(path.join(dir, 'old.yaml'), BASE);
  writeFileSync(path.join(dir, 'new.yaml'), next);
  return runCli(['diff', '--base', 'old.yaml', '-m', 'new.yaml'], { cwd: dir });
}

describe('union-isolation diff refuses what destroys or replaces', () => {
  it('passes an edit that only adds (the control)', () => {
    const r = diff((t) => t.replace('projects: [flytesnacks]', 'projects: [flytesnacks, analytics]'));
    assert.equal(r.code, 0, r.stderr);
  });

  const cases: [string, (t: string) => string, RegExp][] = [
    ['a bucket region change', (t) => t.replace('retentionDays: 9 }', 'retentionDays: 9, bucketRegion: us-west-2 }'), /location us-east-1 -> us-west-2/],
    ["a bucket's home-account move", (t) => t.replace('bucketAccount: production', 'bucketAccount: staging'), /home account production -> staging/],
    ['removing a fast-registration bucket', (t) => t.replace('fastRegistration: separate, ', ''), /fast-registration bucket acme-production-cp-fast-reg destroyed/],
    ['removing a raw-data bucket', (t) => t.replace('rawData: separate, retentionDays: 9', 'retentionDays: 9, retentionPrefixes: [raw/]'), /raw-data bucket acme-production-cp-raw-data destroyed/],
    ['a changed existingId', (t) => t.replace('111111111111', '222222222222'), /existing id 111111111111 -> 222222222222/],
  ];
  for (const [what, edit, detail] of cases) {
    it(`fails on ${what}: exit 3`, () => {
      const r = diff(edit);
      assert.equal(r.code, 3, `${r.stderr}\n${r.stdout}`);
      assert.match(r.stderr, /refused: \d+ destructive changes?:/);
      assert.match(r.stdout, detail);
    });
  }
});
