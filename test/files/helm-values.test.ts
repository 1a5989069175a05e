import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { renderAllHelmValues } from '../../src/files/helm-values';
import { ROOT, compileYaml, expectFindings, planOf } from '../helpers';
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
      CONTROLPLANE_HOST: 'acme.unionai.cloud',
    });
    assert.deepEqual(dev.storage, { provider: 'gcs', bucketName: 'acme-development-cp-metadata' });
  });

  it('name the Terraform output for an AWS account id unknown before apply, with how to fill it', () => {
    const text = files.get('helm/dr-site-cluster.values.yaml')!;
    const dr = parse(text) as Values;
    // Never text that stands in for the id: it goes on the install line, from the accounts stack's output.
    assert.equal(dr.global.AWS_ACCOUNT_ID, undefined);
    assert.equal(dr.global.BACKEND_IAM_ROLE_ARN, undefined);
    assert.equal(dr.global.AWS_REGION, 'us-west-2');
    assert.equal(dr.storage.provider, 'aws');
    assert.match(text, /# +AWS_ACCOUNT_ID=\.\.\. +# known after apply: output production_account_id of stack aws-accounts-production \(npx cdktf output aws-accounts-production\)/);
    assert.match(text, /--set-string global\.AUTH_CLIENT_ID="\$UNION_CLIENT_ID",secrets\.admin\.clientSecret="\$UNION_CLIENT_SECRET",global\.AWS_ACCOUNT_ID="\$AWS_ACCOUNT_ID",global\.BACKEND_IAM_ROLE_ARN="arn:aws:iam::\$AWS_ACCOUNT_ID:role\/union-dr-site-cluster",global\.WORKER_IAM_ROLE_ARN="arn:aws:iam::\$AWS_ACCOUNT_ID:role\/union-dr-site-cluster",imageBuilder\.defaultRepository="\$AWS_ACCOUNT_ID\.dkr\.ecr\.us-east-1\.amazonaws\.com\/union-dataplane-dr-region"$/m);
    assert.equal(dr.global.GOOGLE_PROJECT_ID, undefined);
  });

  it('give an adopted AWS account its id as a string', () => {
    const seed = seedClusterPoolPlan();
    const adopted = { ...seed, units: seed.units.map((u) => (u.key === 'production' ? awsUnit('production', null, '012345678901') : u)) };
    const text = renderAllHelmValues(adopted).get('helm/production-cluster-1.values.yaml')!;
    assert.equal((parse(text) as Values).global.AWS_ACCOUNT_ID, '012345678901');
    assert.doesNotMatch(text, /AWS_ACCOUNT_ID=\.\.\./);
    assert.doesNotMatch(text, /global\.AWS_ACCOUNT_ID=/);
  });
});

describe('Helm values that install a self-managed cluster', () => {
  // Keys the chart requires or the docs ask for: in the file, or on the install line when known only then.
  const IN_FILE = ['CLUSTER_NAME', 'ORG_NAME', 'METADATA_BUCKET', 'FAST_REGISTRATION_BUCKET', 'CONTROLPLANE_HOST'];
  const CLOUD = { aws: ['AWS_REGION'], gcp: ['GOOGLE_PROJECT_ID', 'GCP_REGION', 'BACKEND_IAM_ROLE_ARN', 'WORKER_IAM_ROLE_ARN'] };
  for (const [name, source] of [
    ['the seed', { fixture: 'seed-cluster-pools.yaml' }],
    ['the bundled model', { yaml: readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8') }],
  ] as const) {
    it(`have every key the chart requires, never placeholder text, and the rest on the install line after registration: ${name}`, () => {
      const plan = planOf(source);
      const files = renderAllHelmValues(plan);
      assert.equal(files.size, plan.clusters.length);
      for (const cluster of plan.clusters) {
        const text = files.get(`helm/${cluster.name}.values.yaml`)!;
        const values = parse(text) as Values;
        for (const key of [...IN_FILE, ...CLOUD[cluster.cloud]]) {
          const value = values.global[key];
          assert.ok(typeof value === 'string' && value.length > 0, `${cluster.name}: ${key}`);
        }
        for (const [key, value] of Object.entries(values.global)) assert.doesNotMatch(value, /[<>]/, `${cluster.name}: ${key} holds placeholder text`);
        assert.equal(values.global.AUTH_CLIENT_ID, undefined, 'the client id goes on the install line');
        // The overlay comes first on the install line, then this file; the client id and secret only as variables.
        const overlay = cluster.cloud === 'aws' ? 'values.aws.yaml' : 'values.gcp.yaml';
        assert.ok(text.includes(`-f ./dataplane/${overlay} -f helm/${cluster.name}.values.yaml \\\n#        --set-string global.AUTH_CLIENT_ID="$UNION_CLIENT_ID",secrets.admin.clientSecret="$UNION_CLIENT_SECRET"`), cluster.name);
        // The cluster is registered in its pool before the chart is installed, whichever the routing.
        const register = text.indexOf(`flyte create cluster ${cluster.name} --pool `);
        assert.ok(register > 0 && register < text.indexOf('helm upgrade --install'), `${cluster.name}: registered before helm`);
        assert.doesNotMatch(text, /^\s*clientSecret:/m, 'no secret in a file');
        assert.equal((values as unknown as { secrets?: unknown }).secrets, undefined);
      }
    });
  }

  it('give the same identity to the backend and the workers, and the planned email on GCP', () => {
    const plan = planOf({ fixture: 'seed-cluster-pools.yaml' });
    const files = renderAllHelmValues(plan);
    const p1 = valuesOf(files, 'production-cluster-1').global;
    assert.equal(p1.BACKEND_IAM_ROLE_ARN, undefined, 'known after apply: on the install line');
    const line = files.get('helm/production-cluster-1.values.yaml')!;
    assert.match(line, /global\.BACKEND_IAM_ROLE_ARN="arn:aws:iam::\$AWS_ACCOUNT_ID:role\/union-production-cluster-1",global\.WORKER_IAM_ROLE_ARN="arn:aws:iam::\$AWS_ACCOUNT_ID:role\/union-production-cluster-1"/);
    const dev = valuesOf(files, 'my-dev-cluster').global;
    assert.equal(dev.WORKER_IAM_ROLE_ARN, dev.BACKEND_IAM_ROLE_ARN);
    assert.notEqual(valuesOf(files, 'my-staging-cluster').global.BACKEND_IAM_ROLE_ARN, dev.BACKEND_IAM_ROLE_ARN, 'one identity per cluster');
  });

  it('fill CONTROLPLANE_HOST from the model; a self-managed model without it is a located error, never a placeholder', () => {
    const yaml = readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed-cluster-pools.yaml'), 'utf8');
    const text = renderAllHelmValues(planOf({ yaml })).get('helm/my-dev-cluster.values.yaml')!;
    assert.equal((parse(text) as Values).global.CONTROLPLANE_HOST, 'acme.unionai.cloud');
    const without = yaml.replace(/^controlPlaneHost: .*\n/m, '');
    assert.notEqual(without, yaml);
    expectFindings(compileYaml(without), /^model\.yaml:\d+:1 controlPlaneHost: a self-managed data plane needs the Union control plane's host: .*Fix: Add controlPlaneHost at the top level of the model\.$/);
    // A plan without a host (built by hand) leaves the key out: the chart refuses it, and the header says so.
    const bare = renderAllHelmValues(seedClusterPoolPlan()).get('helm/my-dev-cluster.values.yaml')!;
    assert.equal((parse(bare) as Values).global.CONTROLPLANE_HOST, undefined);
    assert.match(bare, /CONTROLPLANE_HOST is not set: the chart refuses to install until controlPlaneHost is in the model/);
  });
});
