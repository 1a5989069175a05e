import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { renderAllHelmValues } from '../../src/files/helm-values';
import { ROOT, planOf } from '../helpers';
import { awsUnit, seedClusterPoolPlan } from '../plans';

interface Values {
  global: Record<string, string>;
  storage: { provider: string; bucketName: string };
}

function valuesOf(files: ReadonlyMap<string, string>, cluster: string): Values {
  const text = files.get(`helm/${cluster}.values.yaml`);
  assert.ok(text, `no values file for ${cluster}`);
  return parse(text) as Values;
}

describe('Helm values per cluster', () => {
  const plan = planOf({ fixture: 'seed-cluster-pools.yaml' });
  const files = renderAllHelmValues(plan);

  it('exist for every cluster', () => {
    assert.deepEqual(
      [...files.keys()],
      ['dr-site-cluster', 'my-dev-cluster', 'my-staging-cluster', 'production-cluster-1', 'production-cluster-2'].map((c) => `helm/${c}.values.yaml`),
    );
  });

  it('give the clusters of one pool the same metadata bucket', () => {
    const one = valuesOf(files, 'production-cluster-1');
    const two = valuesOf(files, 'production-cluster-2');
    assert.equal(one.global.METADATA_BUCKET, two.global.METADATA_BUCKET);
    assert.equal(one.storage.bucketName, one.global.METADATA_BUCKET);
  });

  it('give the four storage groups four different buckets', () => {
    const buckets = new Set([...files.keys()].map((k) => valuesOf(files, k.slice(5, -'.values.yaml'.length)).global.METADATA_BUCKET));
    assert.equal(buckets.size, 4);
    assert.equal(plan.storageGroups.length, 4);
    assert.deepEqual([...buckets].sort(), plan.storageGroups.map((g) => g.bucket).sort());
  });

  it("set the GCP keys from the unit's project and the cluster's region", () => {
    const dev = valuesOf(files, 'my-dev-cluster');
    assert.deepEqual(dev.global, {
      CLUSTER_NAME: 'my-dev-cluster',
      ORG_NAME: 'acme',
      METADATA_BUCKET: 'acme-development-cp-metadata',
      FAST_REGISTRATION_BUCKET: 'acme-development-cp-metadata',
      GOOGLE_PROJECT_ID: 'acme-development',
      GCP_REGION: 'us-central1',
      BACKEND_IAM_ROLE_ARN: 'union-my-dev-cluster@acme-development.iam.gserviceaccount.com',
      WORKER_IAM_ROLE_ARN: 'union-my-dev-cluster@acme-development.iam.gserviceaccount.com',
      CONTROLPLANE_HOST: '<set controlPlaneHost in the model, such as acme.unionai.cloud>',
      AUTH_CLIENT_ID: '<client id printed by: uctl selfserve provision-dataplane-resources --clusterName my-dev-cluster --provider gcp>',
    });
    assert.deepEqual(dev.storage, { provider: 'gcs', bucketName: 'acme-development-cp-metadata' });
  });

  it('name the Terraform output for an AWS account id unknown before apply, with how to fill it', () => {
    const text = files.get('helm/dr-site-cluster.values.yaml')!;
    const dr = parse(text) as Values;
    assert.equal(dr.global.AWS_ACCOUNT_ID, '<terraform output aws-accounts-production production_account_id>');
    assert.equal(dr.global.AWS_REGION, 'us-west-2');
    assert.equal(dr.storage.provider, 'aws');
    assert.match(text, /# Known after apply: .*npx cdktf output aws-accounts-production/);
    assert.equal(dr.global.GOOGLE_PROJECT_ID, undefined);
  });

  it('give an adopted AWS account its id as a string', () => {
    const seed = seedClusterPoolPlan();
    const adopted = { ...seed, units: seed.units.map((u) => (u.key === 'production' ? awsUnit('production', null, '012345678901') : u)) };
    const text = renderAllHelmValues(adopted).get('helm/production-cluster-1.values.yaml')!;
    assert.equal((parse(text) as Values).global.AWS_ACCOUNT_ID, '012345678901');
    assert.doesNotMatch(text, /Known after apply/);
  });
});

describe('Helm values that install a self-managed cluster', () => {
  const REQUIRED = ['CLUSTER_NAME', 'ORG_NAME', 'METADATA_BUCKET', 'FAST_REGISTRATION_BUCKET', 'BACKEND_IAM_ROLE_ARN', 'WORKER_IAM_ROLE_ARN', 'CONTROLPLANE_HOST', 'AUTH_CLIENT_ID'];
  const CLOUD = { aws: ['AWS_ACCOUNT_ID', 'AWS_REGION'], gcp: ['GOOGLE_PROJECT_ID', 'GCP_REGION'] };
  for (const [name, source] of [
    ['the seed', { fixture: 'seed-cluster-pools.yaml' }],
    ['the bundled model', { yaml: readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8') }],
  ] as const) {
    it(`have every key the chart requires or the docs ask for, filled or named with how to fill it: ${name}`, () => {
      const plan = planOf(source);
      const files = renderAllHelmValues(plan);
      assert.equal(files.size, plan.clusters.length);
      for (const cluster of plan.clusters) {
        const text = files.get(`helm/${cluster.name}.values.yaml`)!;
        const values = parse(text) as Values;
        for (const key of [...REQUIRED, ...CLOUD[cluster.cloud]]) {
          const value = values.global[key];
          assert.ok(typeof value === 'string' && value.length > 0, `${cluster.name}: ${key}`);
          if (value.includes('<')) {
            // A placeholder says, on the comment line(s) just above, where the value comes from.
            const lines = text.split('\n');
            const at = lines.findIndex((l) => l.startsWith(`  ${key}:`));
            assert.match(lines[at - 1]!, /^ {2}# (Known after apply|Required by the chart|Run `uctl selfserve)|^ {2}# or `terraform output/, `${cluster.name}: ${key}`);
          }
        }
        assert.match(values.global.AUTH_CLIENT_ID!, new RegExp(`uctl selfserve provision-dataplane-resources --clusterName ${cluster.name} --provider ${cluster.cloud}>$`));
        // The overlay comes first on the install line, then this file; the secret only as a variable.
        const overlay = cluster.cloud === 'aws' ? 'values.aws.yaml' : 'values.gcp.yaml';
        assert.ok(text.includes(`-f ./dataplane/${overlay} -f helm/${cluster.name}.values.yaml --set-string secrets.admin.clientSecret="$UNION_CLIENT_SECRET"`), cluster.name);
        assert.doesNotMatch(text, /^\s*clientSecret:/m, 'no secret in a file');
        assert.equal((values as unknown as { secrets?: unknown }).secrets, undefined);
      }
    });
  }

  it('give the same identity to the backend and the workers, and the planned email on GCP', () => {
    const plan = planOf({ fixture: 'seed-cluster-pools.yaml' });
    const files = renderAllHelmValues(plan);
    const p1 = valuesOf(files, 'production-cluster-1').global;
    assert.equal(p1.BACKEND_IAM_ROLE_ARN, '<terraform output aws-accounts-production production_account_id>'.replace(/.*/, (id) => `arn:aws:iam::${id}:role/union-production-cluster-1`));
    assert.equal(p1.WORKER_IAM_ROLE_ARN, p1.BACKEND_IAM_ROLE_ARN);
    assert.notEqual(valuesOf(files, 'production-cluster-2').global.BACKEND_IAM_ROLE_ARN, p1.BACKEND_IAM_ROLE_ARN, 'one identity per cluster');
  });

  it('fill CONTROLPLANE_HOST from the model', () => {
    const plan = planOf({ yaml: readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed-cluster-pools.yaml'), 'utf8') + 'controlPlaneHost: acme.unionai.cloud\n' });
    const text = renderAllHelmValues(plan).get('helm/my-dev-cluster.values.yaml')!;
    assert.equal((parse(text) as Values).global.CONTROLPLANE_HOST, 'acme.unionai.cloud');
    assert.doesNotMatch(text, /Required by the chart/);
  });
});
