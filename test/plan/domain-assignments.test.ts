import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, findingLines, fixturePath, fixtureText, planOf, runCli } from '../helpers';

const FIXTURE = 'newcomer-shared-dev-pool.yaml';

describe('assignments: a domain-wide poolAssignments entry (no project)', () => {
  it("covers every project of the domain with the newcomer's few lines, validating clean", () => {
    const plan = planOf({ fixture: FIXTURE });
    const dev = plan.assignments.filter((a) => a.domain === 'development');
    assert.equal(dev.length, 10);
    assert.ok(dev.every((a) => a.pool === 'dev' && a.origin === 'domain' && a.file === `${a.project}-development.yaml`));
    // p01 hosts the cluster: its pair stays inside; the other nine run outside their accounts.
    assert.deepEqual(dev.filter((a) => a.crossIsolation).map((a) => a.project), ['p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10']);
  });

  it('lets a per-pair assignment win over the domain-wide one, whichever comes first', () => {
    const yaml = fixtureText(FIXTURE)
      .replace('clusterPools: { dev: [dev], stg: [stg], prod: [prod] }', 'clusters:\n  dev5: { account: development/p05 }\nclusterPools: { dev: [dev], stg: [stg], prod: [prod], dev5-cp: [dev5] }')
      .replace(/^clusters:\n {2}dev5: (.*)\n/m, '')
      .replace('  dev: { account: development/p01 }', '  dev: { account: development/p01 }\n  dev5: { account: development/p05 }')
      .replace('poolAssignments:\n', 'poolAssignments:\n  - { domain: development, clusterPoolName: dev5-cp, project: p05 }\n')
      .replace('  - { warning: unit-without-cluster, at: projects.p05 }\n', '');
    const plan = planOf({ yaml: yaml.replace(/clusters:\n {2}dev5: \{ account: development\/p05 \}\n/, '') });
    const p05 = plan.assignments.find((a) => a.project === 'p05' && a.domain === 'development')!;
    assert.equal(p05.pool, 'dev5-cp');
    assert.equal(p05.origin, 'explicit');
    assert.equal(plan.assignments.filter((a) => a.domain === 'development').length, 10);
  });

  it('reports two domain-wide entries for one domain as a located duplicate', () => {
    const yaml = fixtureText(FIXTURE).replace('poolAssignments:\n', 'poolAssignments:\n  - { domain: development, clusterPoolName: stg }\n');
    expectFindings(compileYaml(yaml), /model\.yaml:\d+:\d+ poolAssignments\[1\]: the same assignment is made twice \(found every project of development/);
  });

  it('reports a workflow without project', () => {
    const yaml = fixtureText(FIXTURE).replace('poolAssignments:\n', 'poolAssignments:\n  - { domain: staging, workflow: wf.train, clusterPoolName: stg }\n');
    expectFindings(compileYaml(yaml), /poolAssignments\[0\]\.workflow: a workflow assignment names no project/);
  });

  it('with allowCrossIsolation the line is the statement: no warning per pair or per empty account; without it, one error for the line', () => {
    const r = runCli(['validate', '-m', fixturePath(FIXTURE)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout + r.stderr, /0 errors, 0 warnings/);
    assert.ok(!/warning/.test(r.stderr), r.stderr);
    // Without the flag the line is an error, one for the line however many pairs it sends away.
    const strict = fixtureText(FIXTURE).replace('{ domain: development, clusterPoolName: dev, allowCrossIsolation: true }', '{ domain: development, clusterPoolName: dev }');
    const errors = findingLines(compileYaml(strict)).filter((l) => l.includes('poolAssignments[0]'));
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /every project of development \(9: p02, p03, p04, p05, p06, and 4 more\)/);
  });

  it('an account the line does not account for alone still warns, once', () => {
    // A per-project entry of staging/p02 (to the same pool) takes the pair from the line: its empty account warns again.
    const yaml = fixtureText(FIXTURE).replace('poolAssignments:\n', 'poolAssignments:\n  - { domain: staging, project: p02, clusterPoolName: stg, allowCrossIsolation: true }\n');
    const empty = findingLines(compileYaml(yaml)).filter((l) => l.includes('unit-without-cluster'));
    assert.equal(empty.length, 1, empty.join('\n'));
    assert.match(empty[0]!, /staging\/p02|p02\/staging|projects\.p02/);
  });

  it('the review states each line once, with the per-project entries that override it', () => {
    const yaml = fixtureText(FIXTURE)
      .replace('  dev: { account: development/p01 }', '  dev: { account: development/p01 }\n  dev5: { account: development/p05 }')
      .replace('clusterPools: { dev: [dev], stg: [stg], prod: [prod] }', 'clusterPools: { dev: [dev], stg: [stg], prod: [prod], dev5-cp: [dev5] }')
      .replace('poolAssignments:\n', 'poolAssignments:\n  - { domain: development, clusterPoolName: dev5-cp, project: p05 }\n');
    const plan = planOf({ yaml });
    const dev = plan.domainWideAssignments!.find((d) => d.domain === 'development')!;
    assert.deepEqual(dev.overriddenBy, [{ project: 'p05', workflow: null, pool: 'dev5-cp' }]);
    assert.equal(dev.knownProjects, 9);
    assert.equal(dev.accountsWithoutCluster, 8);
    const dir = mkdtempSync(path.join(tmpdir(), 'ui-domain-wide-'));
    writeFileSync(path.join(dir, 'model.yaml'), yaml);
    const md = runCli(['plan', '-m', 'model.yaml', '--format', 'md'], { cwd: dir });
    assert.equal(md.code, 0, md.stderr);
    const stated = md.stdout.split('\n').filter((l) => l.startsWith('- **Domain-wide**'));
    assert.equal(stated.length, 3, stated.join('\n'));
    // Cited as findings cite it: by its position in the file, after the per-project entry put first.
    assert.match(stated.find((l) => l.includes('`development`'))!, /^- \*\*Domain-wide\*\* \(`poolAssignments\[1\]`, no project\): .*runs on pool `dev` in `development\/p01`; 8 run outside their own account \(allowCrossIsolation: true\); 8 of their accounts hold no cluster; per-project entries override it for `p05\/development` on `dev5-cp`/);
    const text = runCli(['plan', '-m', 'model.yaml'], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    assert.match(text.stdout, /domain-wide poolAssignments\[1\]: every project of development \(9 known and every/);
  });

  it('writes one attribute file per covered pair', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'domain-wide-'));
    try {
      const r = runCli(['synth', '-m', fixturePath(FIXTURE), '-o', dir]);
      assert.equal(r.code, 0, r.stderr);
      const files = readdirSync(path.join(dir, 'union', 'cluster-pool-attributes')).filter((f) => f.endsWith('-development.yaml'));
      assert.equal(files.length, 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('covers a project added later by add-project', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'domain-wide-add-'));
    try {
      const model = path.join(dir, 'isolation.yaml');
      // New projects land in onDemand.projects, which needs the default account.
      writeFileSync(model, fixtureText(FIXTURE).replace('projects: [p01,', 'onDemand: { cloud: gcp }\nprojects: [p01,'));
      const r = runCli(['add-project', 'p11', '-m', model]);
      assert.ok(existsSync(model));
      assert.match(r.stdout + r.stderr, /p11-development\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('diff of adding a domain-wide line: the pairs change assignment, no account or bucket changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'domain-wide-diff-'));
    try {
      const base = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { development: gcp, production: aws }
projects: [alpha, beta, gamma]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev: { account: development }
  prod: { account: production }
clusterPools:
  default: [dev]
  production-cp: [prod]
`;
      writeFileSync(path.join(dir, 'base.yaml'), base);
      writeFileSync(path.join(dir, 'new.yaml'), base.replace('clusterPools:', 'poolAssignments:\n  - { domain: development, clusterPoolName: default }\nclusterPools:'));
      const r = runCli(['diff', '--base', 'base.yaml', '-m', 'new.yaml'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Nothing is destroyed or replaced\./);
      for (const p of ['alpha', 'beta', 'gamma']) assert.match(r.stdout, new RegExp(`\\| changed \\| \`${p}\` \\| \`development\` \\|  \\| \`default\` \\(fallback to default\\) \\| \`default\` \\(domain-wide\\)`));
      assert.doesNotMatch(r.stdout, /account|bucket/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
