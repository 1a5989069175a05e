import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { renderAllHelmValues } from '../../src/outputs/helm-values';
import { planOf } from '../helpers';
import { awsUnit, seedClusterPoolPlan } from './plans';

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
