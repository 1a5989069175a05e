import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN, runCli, temporaryDir } from '../helpers';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** production-cp and extra-cp share the cluster prod, so they are one storage group with one bucket. */
const twoPools = (a: string, b: string) => MINIMAL_DOMAIN.replace('production-cp: [prod]', `production-cp: { clusters: [prod], ${a} }\n  extra-cp: { clusters: [prod], ${b} }`);

describe('storage groups', () => {
  for (const [key, a, b, found] of [
    ['retentionDays', 'retentionDays: 30, rawData: separate', 'retentionDays: 60', 'extra-cp: 60; production-cp: 30'],
    ['bucketAccount', 'bucketAccount: production', 'bucketAccount: development', 'extra-cp: development; production-cp: production'],
    ['bucketRegion', 'bucketRegion: us-east-1', 'bucketRegion: us-west-2', 'extra-cp: us-west-2; production-cp: us-east-1'],
  ] as const) {
    it(`fails when the pools of one group disagree on ${key}`, () => {
      expectFindings(compileYaml(twoPools(a, b)), `pools that share a metadata bucket disagree on ${key} (found ${found}; allowed one ${key} per storage group (one bucket))`);
    });
  }

  it('accepts the same setting on every pool of a group (the control)', () => {
    const yaml = `${twoPools('bucketRegion: us-west-2', 'bucketRegion: us-west-2')}poolAssignments:\n  - { project: flytesnacks, domain: production, clusterPoolName: production-cp }\n`;
    const compiled = compileYaml(yaml);
    assert.ok(compiled.plan, compiled.findings.map((f) => f.problem).join('\n'));
  });

  it('fails, with a finding and exit 1 (not an internal error), when bucketAccount is on another cloud', () => {
    const yaml = MINIMAL_DOMAIN.replace('production-cp: [prod]', 'production-cp: { clusters: [prod], bucketAccount: development }');
    expectFindings(compileYaml(yaml), 'clusterPools.production-cp.bucketAccount: bucketAccount is on another cloud than the storage group\'s clusters (found "development" on gcp; allowed a unit on aws)');
    const dir = temporaryDir('ui-bucket-account-');
    writeFileSync(path.join(dir, 'model.yaml'), yaml);
    const r = runCli(['synth', '-m', 'model.yaml', '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /bucketAccount is on another cloud/);
  });
});
