import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAwsAccountName, checkEmail, checkGcpProjectId, checkGcsBucket, checkS3Bucket } from '../../src/plan/cloud-names';
import type { AwsUnit, Plan } from '../../src/plan/types';
import { compileYaml, expectFindings, fixtureText, MINIMAL_DOMAIN, planOf } from '../helpers';

const table = (plan: Plan) => Object.fromEntries(plan.units.map((u) => [u.key, `${u.cloud}:${u.name}`]));

describe('resolve: the seed tables', () => {
  it('domain isolation gives exactly one account per domain, as in the seed table', () => {
    const plan = planOf({ fixture: 'seed-domain-isolation.yaml' });
    assert.deepEqual(table(plan), {
      development: 'gcp:gcp-project-union-development',
      staging: 'gcp:gcp-project-union-staging',
      production: 'aws:aws-subaccount-union-production',
    });
    assert.deepEqual(plan.shortenedNames, []);
    assert.deepEqual(
      plan.stacks.filter((s) => s.kind === 'accounts').map((s) => s.name),
      ['aws-accounts-production', 'gcp-projects-development', 'gcp-projects-staging'],
    );
  });

  it('project isolation gives one account per pair plus the default, every name valid and unique', () => {
    const plan = planOf({ fixture: 'seed-project-isolation.yaml' });
    const keys = plan.units.map((u) => u.key);
    const pairs = ['development', 'production', 'staging'].flatMap((d) => ['project-1', 'project-2', 'project-3'].map((p) => `${d}/${p}`));
    assert.deepEqual(keys, ['default', ...pairs].sort());
    for (const u of plan.units) {
      if (u.cloud === 'aws') {
        assert.equal(checkAwsAccountName(u.name), null, u.name);
        assert.equal(checkEmail(u.email), null, u.email);
      } else assert.equal(checkGcpProjectId(u.name), null, u.name);
    }
    assert.equal(new Set(plan.units.map((u) => u.name)).size, plan.units.length);
    const emails = plan.units.filter((u): u is AwsUnit => u.cloud === 'aws').map((u) => u.email);
    assert.equal(new Set(emails).size, emails.length);
    for (const g of plan.storageGroups) assert.equal((g.cloud === 'aws' ? checkS3Bucket : checkGcsBucket)(g.bucket), null, g.bucket);
  });

  it("shortens the seed's 39-character GCP ids deterministically and keeps the original for the review", () => {
    const plan = planOf({ fixture: 'seed-project-isolation.yaml' });
    const dev1 = plan.shortenedNames.find((s) => s.owner === 'development/project-1');
    assert.deepEqual(dev1, { kind: 'gcp-project-id', owner: 'development/project-1', original: 'gcp-project-union-development-project-1', final: 'gcp-pro-uni-deve-proj-1-797997', limit: 30 });
    assert.equal(plan.shortenedNames.filter((s) => s.kind === 'gcp-project-id').length, 6);
    // Stable between runs and independent of key order.
    const reordered = fixtureText('seed-project-isolation.yaml').replace(/^(org: acme\n)(isolation: project\n)/m, '$2$1');
    assert.deepEqual(planOf({ yaml: reordered }), plan);
  });
});

describe("resolve: the seed's cluster pools", () => {
  it('fails when production falls back to the default pool on the development cluster', () => {
    const compiled = compileYaml(fixtureText('seed-cluster-pools-as-written.yaml'));
    const [f] = expectFindings(
      compiled,
      'projects[0]: flytesnacks/production needs an explicit assignment: its account hosts several pools, so none is chosen automatically; without one it falls back to `default`, whose clusters run in my-dev-cluster (development)',
    );
    // The one error, then the warnings: my-dev-cluster in two pools (queue routing), the dr-region bucket's region.
    assert.deepEqual(compiled.findings.map((x) => [x.severity ?? 'error', x.code ?? null]), [['error', null], ['warning', 'queue-routing'], ['warning', 'bucket-region']]);
    assert.equal(f!.line, 6);
  });

  it('passes with production assigned explicitly; default and development-cp share one bucket', () => {
    const plan = planOf({ fixture: 'seed-cluster-pools.yaml' });
    const bucketOf = (cluster: string) => plan.clusters.find((c) => c.name === cluster)!.metadataBucket;
    assert.deepEqual(
      plan.storageGroups.map((g) => [g.name, g.pools.join('+'), g.bucket, g.homeUnit]),
      [
        ['development-cp', 'default+development-cp', 'acme-development-cp-metadata', 'development'],
        ['dr-region', 'dr-region', 'acme-dr-region-metadata', 'production'],
        ['production-cp', 'production-cp', 'acme-production-cp-metadata', 'production'],
        ['staging-cp', 'staging-cp', 'acme-staging-cp-metadata', 'staging'],
      ],
    );
    assert.equal(bucketOf('production-cluster-1'), bucketOf('production-cluster-2'));
    assert.deepEqual(
      plan.assignments.map((a) => `${a.project}/${a.domain}/${a.workflow ?? '-'} -> ${a.pool} (${a.origin})`),
      [
        'flytesnacks/development/- -> development-cp (explicit)',
        'flytesnacks/production/- -> production-cp (explicit)',
        'flytesnacks/production/my_critical_wf -> production-cp (explicit)',
        'flytesnacks/staging/- -> staging-cp (automatic)',
      ],
    );
  });
});

describe('resolve: storage-groups', () => {
  it('fails when clusters that share no pool would share a bucket', () => {
    const yaml = MINIMAL_DOMAIN.replace('  dev: { account: development }', '  dev: { account: development }\n  dev2: { account: development }\n  dev3: { account: development }').replace(
      'development-cp: [dev]',
      'development-cp: [dev, dev2]\n  other-cp: [dev2, dev3]',
    );
    expectFindings(
      compileYaml(yaml),
      'clusters "dev" and "dev3" share no pool but would share one metadata bucket (found "dev" in development-cp; "dev3" in other-cp; joined through "dev2"; allowed clusters in different pools have different buckets (clusters in one pool share one)). Fix: Put "dev" and "dev3" in a common pool, or stop listing "dev2" in pools of both.',
    );
  });

  it('fails when a pool spans clouds', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('production-cp: [prod]', 'production-cp: [prod, dev]')), 'pools that share a metadata bucket have clusters on both clouds (found gcp: dev; aws: prod;');
  });

  it('fails when a group spans accounts without bucketAccount, and passes with it', () => {
    const yaml = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { staging: aws, production: aws }
projects: [p]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
clusters: { stg: { account: staging }, prod: { account: production } }
clusterPools:
  staging-cp: [stg]
  production-cp: [prod]
  both: BOTH
poolAssignments:
  - { project: p, domain: staging, clusterPoolName: staging-cp }
  - { project: p, domain: production, clusterPoolName: production-cp }
`;
    expectFindings(compileYaml(yaml.replace('BOTH', '[stg, prod]')), 'the clusters of this storage group run in several accounts, so the bucket needs a home (found production, staging;');
    const plan = planOf({ yaml: yaml.replace('BOTH', '{ clusters: [stg, prod], bucketAccount: production }') });
    assert.deepEqual(plan.storageGroups.map((g) => [g.name, g.homeUnit, g.accessUnits]), [['both', 'production', ['staging']]]);
  });

  it('fails on a cluster in no pool', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('  prod: { account: production }', '  prod: { account: production }\n  idle: { account: production }')), 'clusters.idle: cluster is in no cluster pool');
  });

  it('shortens a long derived bucket name and fails on an invalid one', () => {
    const plan = planOf({ yaml: MINIMAL_DOMAIN + 'naming: { bucket: "{org}-{pool}-metadata-for-the-union-data-plane-of-this-organization" }\n' });
    assert.ok(plan.storageGroups.every((g) => g.bucket.length <= 63));
    assert.equal(plan.shortenedNames.filter((s) => s.kind === 'bucket').length, 2);
    expectFindings(compileYaml(MINIMAL_DOMAIN + 'naming: { bucket: "goog-{pool}" }\n'), 'naming.bucket: bucket name for storage group development-cp is not valid (found "goog-development-cp"');
  });
});

describe('resolve: cloud-names', () => {
  it('fails on duplicate emails', () => {
    const yaml = MINIMAL_DOMAIN.replace('development: gcp', 'development: aws') + 'accounts:\n  development: { email: ops@acme.example }\n  production: { email: OPS@acme.example }\n';
    expectFindings(compileYaml(yaml), 'accounts.production.email: root email is not unique (found "ops@acme.example"; allowed a name used once in the model). Fix: It is also the root email of development;');
  });

  it('fails on an explicit name that is too long, never shortening it', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN + `accounts:\n  production: { name: ${'x'.repeat(51)} }\n`), 'accounts.production.name: AWS account name is not valid');
  });

  it('fails when a derived GCP id contains a forbidden word', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('org: acme', 'org: google')), 'GCP project id derived for development is not valid (found "google-development"');
  });

  it('shortens derived emails within 64 characters', () => {
    const plan = planOf({ yaml: MINIMAL_DOMAIN.replace('aws+{name}@acme.example', 'aws-accounts+{name}@platform.engineering.acme.example') + 'naming: { aws: a-rather-long-prefix-for-accounts }\n' });
    const prod = plan.units.find((u) => u.key === 'production') as AwsUnit;
    assert.ok(prod.email.length <= 64, prod.email);
    assert.equal(checkEmail(prod.email), null);
  });
});

describe('resolve: assignments', () => {
  const project = (extra = '') => `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { development: aws, production: aws }
projects: [known]
onDemand: { cloud: aws, projects: [later] }
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
clusters:
  dev: { account: development/known }
  prod: { account: production/known }
  shared: { account: default }
clusterPools:
  default: [shared]
  on-demand-cp: [shared]
  dev-cp: [dev]
  prod-cp: [prod]
${extra}`;

  it("assigns an on-demand project to the default account's pool automatically", () => {
    const plan = planOf({ yaml: project() });
    const later = plan.assignments.filter((a) => a.project === 'later');
    assert.deepEqual(later.map((a) => [a.domain, a.pool, a.origin, a.unit, a.file]), [
      ['development', 'on-demand-cp', 'automatic', 'default', 'later-development.yaml'],
      ['production', 'on-demand-cp', 'automatic', 'default', 'later-production.yaml'],
    ]);
  });

  it('fails when an assignment crosses isolation, and warns when it is allowed', () => {
    const cross = 'poolAssignments:\n  - { project: known, domain: production, workflow: wf, clusterPoolName: dev-cp ALLOW }\n';
    expectFindings(compileYaml(project(cross.replace(' ALLOW', ''))), 'poolAssignments[0].clusterPoolName: known/production (workflow wf) would run outside its isolation unit (found pool "dev-cp" has clusters in dev (development/known); allowed pools whose clusters all run in production/known, default)');
    const plan = planOf({ yaml: project(cross.replace(' ALLOW', ', allowCrossIsolation: true')) });
    assert.equal(plan.assignments.find((a) => a.workflow === 'wf')!.crossIsolation, true);
    assert.match(plan.warnings.find((w) => w.code === 'cross-isolation')!.message, /known\/production \(workflow wf\) runs on pool dev-cp outside its account/);
  });

  it('falls back to default when it runs in the pair account, with no attribute file', () => {
    const yaml = MINIMAL_DOMAIN.replace('production-cp: [prod]', 'default: [prod]');
    const plan = planOf({ yaml });
    assert.deepEqual(plan.assignments.find((a) => a.domain === 'production'), { project: 'flytesnacks', domain: 'production', workflow: null, pool: 'default', origin: 'fallback', unit: 'production', crossIsolation: false, file: null });
  });

  it('fails when a pair has no pool at all', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('  production-cp: [prod]\n', '').replace('  prod: { account: production }\n', '')), 'projects[0]: flytesnacks/production has no pool: none runs in its account and there is no `default` pool');
  });

  it('adding a project changes no existing unit, bucket or assignment', () => {
    const before = planOf({ yaml: project() });
    const after = planOf({ yaml: project().replace('projects: [later]', 'projects: [later, newer]') });
    assert.deepEqual(after.units, before.units);
    assert.deepEqual(after.storageGroups, before.storageGroups);
    for (const a of before.assignments) assert.ok(after.assignments.some((b) => JSON.stringify(a) === JSON.stringify(b)));
    assert.equal(after.assignments.length, before.assignments.length + 2);
  });
});

describe('shorten', () => {
  it('keeps every part recognizable, fits the limit and is stable', async () => {
    const { shorten } = await import('../../src/plan/shorten');
    assert.equal(shorten('acme-union-development-analytics', 30), 'acme-union-devel-analyt-8bd36b');
    assert.equal(shorten('short-enough', 30), 'short-enough');
    for (const n of ['a'.repeat(200), 'x-'.repeat(80) + 'y', 'gcp-project-union-staging-project-3']) {
      const s = shorten(n, 30);
      assert.ok(s.length <= 30 && /^[a-z][a-z0-9-]*[a-z0-9]$/.test(s), s);
      assert.equal(shorten(n, 30), s);
    }
    assert.notEqual(shorten('acme-union-development-project-10', 30), shorten('acme-union-development-project-1x', 30));
  });
});
