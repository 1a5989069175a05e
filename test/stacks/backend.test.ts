import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureText, planOf } from '../helpers';
import { allStrings, remoteStates, stackOf, synthApp, type Block, type SynthesizedApp, type TfJson } from './synth';

/** The cloud backend's dynamic credentials (required unless runs are local). */
const HCP_CREDENTIALS = 'awsRunRoleArn: "arn:aws:iam::123456789012:role/hcp-terraform", gcpWorkloadProviderName: "projects/123456789012/locations/global/workloadIdentityPools/hcp-terraform/providers/hcp-terraform", gcpServiceAccountEmail: hcp-terraform@acme-admin-1.iam.gserviceaccount.com';

/** The domain fixture with another backend. */
function appWith(backend: string | null): SynthesizedApp {
  const text = fixtureText('synth-domain-isolation.yaml');
  return synthApp(planOf({ yaml: backend === null ? text : `${text}backend: ${backend}\n` }));
}

/** A remote-state data source's `{ backend, config }`. */
function remoteStatesOf(tf: TfJson): Block[] {
  return Object.values(remoteStates(tf));
}

describe('backends', () => {
  it('defaults to local state at a relative path, so the output is the same on every machine', () => {
    const app = appWith(null);
    for (const [name, tf] of app.stacks) {
      assert.deepEqual(tf.terraform?.backend, { local: { path: `../../../terraform.${name}.tfstate` } }, name);
      // No machine path anywhere: absolute paths start with '/' (or a drive letter).
      assert.deepEqual(allStrings(tf).filter((s) => /^(\/|[A-Za-z]:\\)/.test(s) || s.includes(process.cwd())), [], name);
    }
    assert.deepEqual(remoteStatesOf(stackOf(app, 'pool-staging-cp')), [
      { backend: 'local', config: { path: '../../../terraform.aws-accounts-staging.tfstate' } },
    ]);
  });

  it('keeps each stack in its own S3 key, and reads upstream state from that key', () => {
    const app = appWith('{ type: s3, bucket: acme-tf-state, region: eu-west-1, dynamodbTable: tf-locks }');
    assert.deepEqual(stackOf(app, 'aws-accounts-staging').terraform?.backend, {
      s3: { bucket: 'acme-tf-state', region: 'eu-west-1', key: 'union-isolation/aws-accounts-staging.tfstate', encrypt: true, dynamodb_table: 'tf-locks' },
    });
    assert.deepEqual(remoteStatesOf(stackOf(app, 'pool-staging-cp')), [
      {
        backend: 's3',
        config: { bucket: 'acme-tf-state', region: 'eu-west-1', key: 'union-isolation/aws-accounts-staging.tfstate' },
        workspace: '${terraform.workspace}',
      },
    ]);
  });

  it('keeps each stack under its own GCS prefix, and reads upstream state from that prefix', () => {
    const app = appWith('{ type: gcs, bucket: acme-tf-state, prefix: terraform/union/ }');
    assert.deepEqual(stackOf(app, 'aws-accounts-staging').terraform?.backend, {
      gcs: { bucket: 'acme-tf-state', prefix: 'terraform/union/aws-accounts-staging' },
    });
    assert.deepEqual(remoteStatesOf(stackOf(app, 'pool-staging-cp')), [
      { backend: 'gcs', config: { bucket: 'acme-tf-state', prefix: 'terraform/union/aws-accounts-staging' }, workspace: '${terraform.workspace}' },
    ]);
  });

  it('gives each stack its own HCP Terraform workspace, and reads upstream outputs from that workspace', () => {
    const app = appWith(`{ type: cloud, organization: acme, ${HCP_CREDENTIALS} }`);
    for (const [name, tf] of app.stacks) {
      // The bootstrap creates the workspaces, so its own state is local (hcp-bootstrap.test.ts).
      if (name === 'hcp-bootstrap') continue;
      assert.equal(tf.terraform?.backend, undefined, name);
      assert.deepEqual(tf.terraform?.cloud, { organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: `union-${name}` } }, name);
    }
    assert.deepEqual(remoteStatesOf(stackOf(app, 'pool-staging-cp')), [
      { backend: 'remote', config: { organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: 'union-aws-accounts-staging' } } },
    ]);
  });

  it('points every remote-state data source at the state its upstream stack writes, whatever the backend', () => {
    const backends = [null, '{ type: s3, bucket: b, region: us-east-1 }', '{ type: gcs, bucket: b }', `{ type: cloud, organization: acme, workspacePrefix: x-, ${HCP_CREDENTIALS} }`];
    for (const backend of backends) {
      const app = appWith(backend);
      // Where each stack writes, in the terms a remote-state config uses.
      const location = new Map<string, string>();
      for (const [name, tf] of app.stacks) {
        const t = tf.terraform!;
        const where = t.cloud ? (t.cloud.workspaces as Block).name : Object.values(t.backend!)[0]!;
        const b = where as Block | string;
        location.set(name, typeof b === 'string' ? b : String(b.path ?? b.key ?? b.prefix));
      }
      for (const [name, tf] of app.stacks) {
        for (const state of remoteStatesOf(tf)) {
          const config = state.config as Block;
          const read = String(config.path ?? config.key ?? config.prefix ?? (config.workspaces as Block | undefined)?.name);
          const upstream = [...location].filter(([, w]) => w === read).map(([n]) => n);
          assert.equal(upstream.length, 1, `${backend} ${name}: remote state ${read} matches no stack`);
          assert.ok(app.dependencies.get(name)!.includes(upstream[0]!), `${backend} ${name} reads ${upstream[0]} without depending on it`);
        }
      }
    }
  });
});
