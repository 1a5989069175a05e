import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GcpUnit, Plan } from '../../src/plan/types';
import { buildApp } from '../../stacks/app';
import { fixtureText, planOf, temporaryDir } from '../helpers';
import {
  allStrings,
  onlyResource,
  ref,
  remoteOutput,
  remoteStates,
  resourcesByStack,
  resourcesOf,
  stackOf,
  synthApp,
  type Block,
  type SynthesizedApp,
  type TfJson,
} from './synth';

const domainPlan = () => planOf({ fixture: 'synth-domain-isolation.yaml' });
const projectPlan = (extra = '') => planOf({ yaml: fixtureText('synth-project-isolation.yaml') + extra });

/** `stack -> account names` (or project ids) over the whole app. */
function namesByStack(app: SynthesizedApp, type: string, attribute: string): Record<string, string[]> {
  return Object.fromEntries([...resourcesByStack(app, type)].map(([stack, entries]) => [stack, entries.map(([, b]) => b[attribute] as string).sort()]));
}

/** The single remote-state data source of `tf` that reads `upstream`'s state (local backend). */
function remoteStateFor(tf: TfJson, upstream: string): string {
  const ids = Object.entries(remoteStates(tf))
    .filter(([, b]) => (b.config as Block).path === `../../../terraform.${upstream}.tfstate`)
    .map(([id]) => id);
  assert.equal(ids.length, 1, `expected one remote state of ${upstream}, found ${ids.length}`);
  return ids[0]!;
}

describe('domain isolation', () => {
  const app = synthApp(domainPlan());

  it('creates exactly one AWS account per AWS domain, each in its own stack and OU, with the safety settings', () => {
    assert.deepEqual(namesByStack(app, 'aws_organizations_account', 'name'), {
      'aws-accounts-production': ['acme-production'],
      'aws-accounts-staging': ['acme-staging'],
    });
    for (const domain of ['production', 'staging']) {
      const tf = stackOf(app, `aws-accounts-${domain}`);
      const ou = onlyResource(tf, 'aws_organizations_organizational_unit');
      assert.deepEqual(ou.block, { name: domain, parent_id: 'ou-ab12-cdefgh34' });
      const account = onlyResource(tf, 'aws_organizations_account');
      assert.deepEqual(account.block, {
        name: `acme-${domain}`,
        email: `aws+acme-${domain}@acme.example`,
        parent_id: ref('aws_organizations_organizational_unit', ou.id, 'id'),
        role_name: 'OrganizationAccountAccessRole',
        close_on_deletion: false,
        lifecycle: { prevent_destroy: true, ignore_changes: ['role_name', 'iam_user_access_to_billing'] },
      });
      assert.deepEqual(tf.output?.[`${domain}_account_id`], { value: ref('aws_organizations_account', account.id, 'id') });
      assert.deepEqual(tf.provider?.aws, [{ region: 'us-east-1' }]);
    }
  });

  it('creates the GCP project in a new folder, with billing, labels, safety settings and every planned service', () => {
    const plan = domainPlan();
    assert.deepEqual(namesByStack(app, 'google_project', 'project_id'), { 'gcp-projects-development': ['acme-development'] });
    const tf = stackOf(app, 'gcp-projects-development');
    const folder = onlyResource(tf, 'google_folder');
    assert.deepEqual(folder.block, { display_name: 'development', parent: 'organizations/987654321', deletion_protection: true });
    const project = onlyResource(tf, 'google_project');
    assert.deepEqual(project.block, {
      project_id: 'acme-development',
      name: 'acme-development',
      folder_id: ref('google_folder', folder.id, 'folder_id'),
      billing_account: '01ABCD-23EF45-67890A',
      labels: { team: 'platform' },
      auto_create_network: false,
      deletion_policy: 'PREVENT',
      lifecycle: { prevent_destroy: true },
    });
    const unit = plan.units.find((u) => u.key === 'development') as GcpUnit;
    const services = Object.values(resourcesOf(tf, 'google_project_service'));
    assert.deepEqual(services.map((s) => s.service).sort(), [...unit.services]);
    for (const s of ['storage', 'container', 'iam', 'compute', 'artifactregistry']) assert.ok(unit.services.includes(`${s}.googleapis.com`), s);
    assert.ok(services.every((s) => s.disable_on_destroy === false && s.project === ref('google_project', project.id, 'project_id')));
    assert.deepEqual(tf.output, {
      development_project_number: { value: ref('google_project', project.id, 'number') },
      development_project_id: { value: ref('google_project', project.id, 'project_id') },
    });
  });

  it('puts one metadata bucket per storage group in its own stack, and a fast-registration bucket only when separate', () => {
    assert.deepEqual(namesByStack(app, 'aws_s3_bucket', 'bucket'), {
      'pool-production-cp': ['acme-production-cp-fast-reg', 'acme-production-cp-metadata'],
      'pool-release-cp': ['acme-release-cp-metadata'],
      'pool-staging-cp': ['acme-staging-cp-metadata'],
    });
    assert.deepEqual(namesByStack(app, 'google_storage_bucket', 'name'), { 'pool-development-cp': ['acme-development-cp-metadata'] });
    // Current objects expire only under the retention pool's raw-data prefix; registered code, which
    // live workflows still run, and every other bucket keep them.
    const expiring = new Map<string, unknown[]>();
    for (const [stack, lifecycles] of resourcesByStack(app, 'aws_s3_bucket_lifecycle_configuration')) {
      const buckets = resourcesOf(stackOf(app, stack), 'aws_s3_bucket');
      for (const [, l] of lifecycles) {
        const name = Object.entries(buckets).find(([id]) => l.bucket === ref('aws_s3_bucket', id, 'id'))![1].bucket as string;
        const rules = (l.rule as Block[]).filter((r) => JSON.stringify(r.expiration ?? []).includes('"days"'));
        if (rules.length > 0) expiring.set(name, rules.map((r) => [r.filter, r.expiration]));
      }
    }
    assert.deepEqual(Object.fromEntries(expiring), { 'acme-production-cp-metadata': [[[{ prefix: 'raw/' }], [{ days: 30 }]]] });
  });

  it('gives every S3 bucket each secure default', () => {
    for (const [stack, buckets] of resourcesByStack(app, 'aws_s3_bucket')) {
      const tf = stackOf(app, stack);
      for (const [id, bucket] of buckets) {
        assert.deepEqual(bucket.lifecycle, { prevent_destroy: true }, `${stack} ${id}`);
        const partsOf = (type: string) => Object.values(resourcesOf(tf, type)).filter((b) => b.bucket === ref('aws_s3_bucket', id, 'id'));
        for (const type of [
          'aws_s3_bucket_versioning',
          'aws_s3_bucket_server_side_encryption_configuration',
          'aws_s3_bucket_public_access_block',
          'aws_s3_bucket_ownership_controls',
          'aws_s3_bucket_policy',
          'aws_s3_bucket_cors_configuration',
          'aws_s3_bucket_lifecycle_configuration',
        ]) {
          assert.equal(partsOf(type).length, 1, `${stack} ${id}: ${type}`);
        }
        assert.match(partsOf('aws_s3_bucket_policy')[0]!.policy as string, /"aws:SecureTransport":"false"/);
      }
    }
  });

  it("reads the storage stack's role ARN from the accounts stack's output through remote state", () => {
    const tf = stackOf(app, 'pool-production-cp');
    const state = remoteStateFor(tf, 'aws-accounts-production');
    const accountId = remoteOutput(state, 'production_account_id');
    assert.deepEqual(tf.provider?.aws, [
      {
        region: 'us-west-2',
        assume_role: [{ role_arn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, session_name: 'union-isolation' }],
        allowed_account_ids: [accountId],
      },
    ]);
    // The output it reads exists, under that name, in the stack whose state it reads.
    assert.ok(stackOf(app, 'aws-accounts-production').output?.production_account_id);
    assert.deepEqual(app.dependencies.get('pool-production-cp'), ['aws-accounts-production']);
  });

  it("grants the storage group's other accounts access, their ids read from their own accounts stacks", () => {
    const tf = stackOf(app, 'pool-release-cp');
    const staging = remoteStateFor(tf, 'aws-accounts-staging');
    remoteStateFor(tf, 'aws-accounts-production');
    const policy = JSON.parse(onlyResource(tf, 'aws_s3_bucket_policy').block.policy as string) as { Statement: { Sid: string; Principal: unknown }[] };
    const grants = policy.Statement.filter((s) => s.Sid.startsWith('StorageGroup'));
    assert.deepEqual(
      grants.map((s) => s.Principal),
      [1, 2].map(() => ({ AWS: [`arn:aws:iam::${remoteOutput(staging, 'staging_account_id')}:root`] })),
    );
    assert.deepEqual(app.dependencies.get('pool-release-cp'), ['aws-accounts-production', 'aws-accounts-staging']);
  });

  it('puts the GCS bucket in the known project id, after the projects stack, reading no remote state', () => {
    const tf = stackOf(app, 'pool-development-cp');
    assert.equal(onlyResource(tf, 'google_storage_bucket').block.project, 'acme-development');
    assert.deepEqual(tf.provider?.google, [{ project: 'acme-development', region: 'us-central1' }]);
    assert.equal(tf.data, undefined);
    assert.deepEqual(app.dependencies.get('pool-development-cp'), ['gcp-projects-development']);
  });

  it('outputs bucket names and ARNs or URLs per pool, and Helm values per cluster', () => {
    const aws = stackOf(app, 'pool-production-cp');
    assert.deepEqual(aws.output?.['pool_production-cp']?.value, {
      metadata_bucket: 'acme-production-cp-metadata',
      metadata_bucket_arn: 'arn:aws:s3:::acme-production-cp-metadata',
      fast_registration_bucket: 'acme-production-cp-fast-reg',
      fast_registration_bucket_arn: 'arn:aws:s3:::acme-production-cp-fast-reg',
    });
    assert.deepEqual(aws.output?.helm_values_prod?.value, {
      global: {
        CLUSTER_NAME: 'prod',
        ORG_NAME: 'acme',
        METADATA_BUCKET: 'acme-production-cp-metadata',
        FAST_REGISTRATION_BUCKET: 'acme-production-cp-fast-reg',
        AWS_ACCOUNT_ID: remoteOutput(remoteStateFor(aws, 'aws-accounts-production'), 'production_account_id'),
        AWS_REGION: 'us-west-2',
        BACKEND_IAM_ROLE_ARN: `arn:aws:iam::${remoteOutput(remoteStateFor(aws, 'aws-accounts-production'), 'production_account_id')}:role/union-prod`,
        WORKER_IAM_ROLE_ARN: `arn:aws:iam::${remoteOutput(remoteStateFor(aws, 'aws-accounts-production'), 'production_account_id')}:role/union-prod`,
        CONTROLPLANE_HOST: 'acme.unionai.cloud',
      },
      storage: { provider: 'aws', bucketName: 'acme-production-cp-metadata' },
      imageBuilder: {
        defaultRepository: `${remoteOutput(remoteStateFor(aws, 'aws-accounts-production'), 'production_account_id')}.dkr.ecr.us-west-2.amazonaws.com/union-dataplane-production-cp`,
        authenticationType: 'aws',
      },
    });
    const gcp = stackOf(app, 'pool-development-cp');
    assert.deepEqual(gcp.output?.['pool_development-cp']?.value, {
      metadata_bucket: 'acme-development-cp-metadata',
      metadata_bucket_url: 'gs://acme-development-cp-metadata',
      fast_registration_bucket: 'acme-development-cp-metadata',
      fast_registration_bucket_url: 'gs://acme-development-cp-metadata',
    });
    assert.deepEqual(gcp.output?.helm_values_dev?.value, {
      global: {
        CLUSTER_NAME: 'dev',
        ORG_NAME: 'acme',
        METADATA_BUCKET: 'acme-development-cp-metadata',
        FAST_REGISTRATION_BUCKET: 'acme-development-cp-metadata',
        GOOGLE_PROJECT_ID: 'acme-development',
        GCP_REGION: 'us-central1',
        BACKEND_IAM_ROLE_ARN: 'union-dev@acme-development.iam.gserviceaccount.com',
        WORKER_IAM_ROLE_ARN: 'union-dev@acme-development.iam.gserviceaccount.com',
        CONTROLPLANE_HOST: 'acme.unionai.cloud',
      },
      storage: { provider: 'gcs', bucketName: 'acme-development-cp-metadata' },
      imageBuilder: { defaultRepository: 'us-central1-docker.pkg.dev/acme-development/union-dataplane-development-cp', authenticationType: 'google' },
    });
  });

  it("uses no cdktf automatic cross-stack reference and leaves no unresolved token", () => {
    for (const [stack, tf] of app.stacks) {
      assert.deepEqual(
        Object.keys(tf.output ?? {}).filter((o) => o.startsWith('cross-stack-output')),
        [],
        stack,
      );
      assert.deepEqual(Object.keys(remoteStates(tf)).filter((d) => d.startsWith('cross-stack-reference-input')), [], stack);
      assert.deepEqual(allStrings(tf).filter((s) => s.includes('TfToken')), [], stack);
    }
  });
});

describe('project isolation', () => {
  const app = synthApp(projectPlan());

  it('creates one account or project per project-domain pair, plus the default account', () => {
    assert.deepEqual(namesByStack(app, 'aws_organizations_account', 'name'), {
      'aws-accounts-default': ['acme-default'],
      // Each pair has a state of its own: adding one touches no existing state.
      'aws-accounts-production_analytics': ['acme-production-analytics'],
      'aws-accounts-production_flytesnacks': ['acme-production-flytesnacks'],
    });
    assert.deepEqual(namesByStack(app, 'google_project', 'project_id'), {
      'gcp-projects-development_analytics': ['acme-development-analytics'],
      'gcp-projects-development_flytesnacks': ['acme-development-flytesnacks'],
    });
    for (const [, accounts] of resourcesByStack(app, 'aws_organizations_account')) {
      for (const [, a] of accounts) {
        assert.equal(a.parent_id, 'r-ab12');
        assert.equal(a.close_on_deletion, false);
        assert.deepEqual(a.lifecycle, { prevent_destroy: true, ignore_changes: ['role_name', 'iam_user_access_to_billing'] });
      }
    }
    for (const [, projects] of resourcesByStack(app, 'google_project')) {
      for (const [, p] of projects) {
        assert.equal(p.folder_id, '1234567890');
        assert.equal(p.billing_account, '01ABCD-23EF45-67890A');
        assert.equal(p.deletion_policy, 'PREVENT');
        assert.equal(p.auto_create_network, false);
      }
    }
    // No OU or folder unless the model asks for one per domain.
    assert.equal(resourcesByStack(app, 'aws_organizations_organizational_unit').size, 0);
    assert.equal(resourcesByStack(app, 'google_folder').size, 0);
  });

  it('shares the default account bucket between the pools that share its cluster', () => {
    assert.deepEqual(namesByStack(app, 'aws_s3_bucket', 'bucket'), {
      'pool-on-demand-cp': ['acme-on-demand-cp-metadata'],
      'pool-prod-analytics-cp': ['acme-prod-analytics-cp-metadata'],
      'pool-prod-flytesnacks-cp': ['acme-prod-flytesnacks-cp-metadata'],
    });
    const tf = stackOf(app, 'pool-on-demand-cp');
    assert.deepEqual(Object.keys(tf.output ?? {}).sort(), ['helm_values_shared', 'identity_shared', 'pool_default', 'pool_on-demand-cp']);
    assert.equal(remoteOutput(remoteStateFor(tf, 'aws-accounts-default'), 'default_account_id'), (tf.provider?.aws?.[0]?.allowed_account_ids as string[])[0]);
  });

  it('adopts an existing account with an import block and creates no second account', () => {
    const adopted = synthApp(projectPlan('accounts:\n  production/flytesnacks: { existingId: "123456789012" }\n'));
    const tf = stackOf(adopted, 'aws-accounts-production_flytesnacks');
    const accounts = Object.entries(resourcesOf(tf, 'aws_organizations_account'));
    assert.deepEqual(accounts.map(([, a]) => a.name).sort(), ['acme-production-flytesnacks']);
    const [id] = accounts.find(([, a]) => a.name === 'acme-production-flytesnacks')!;
    assert.deepEqual(tf.import, [{ id: '123456789012', to: `aws_organizations_account.${id}` }]);
    // The adopted account's id still reaches its storage stack through the same output.
    assert.ok(tf.output?.production_flytesnacks_account_id);
    for (const [name, other] of adopted.stacks) if (name !== 'aws-accounts-production_flytesnacks') assert.equal(other.import, undefined, name);
  });

  it('adopts an existing GCP project with an import block under its own id', () => {
    const adopted = synthApp(projectPlan('accounts:\n  development/analytics: { existingId: legacy-analytics-dev }\n'));
    const tf = stackOf(adopted, 'gcp-projects-development_analytics');
    const projects = Object.entries(resourcesOf(tf, 'google_project'));
    assert.deepEqual(projects.map(([, p]) => p.project_id).sort(), ['legacy-analytics-dev']);
    const [id] = projects.find(([, p]) => p.project_id === 'legacy-analytics-dev')!;
    assert.deepEqual(tf.import, [{ id: 'legacy-analytics-dev', to: `google_project.${id}` }]);
  });
});

describe('buildApp on an inconsistent plan', () => {
  const mutate = (plan: Plan, name: string, dependsOn: string[]): Plan => ({
    ...plan,
    stacks: plan.stacks.map((s) => (s.name === name ? { ...s, dependsOn } : s)),
  });
  const build = (plan: Plan) => buildApp(plan, temporaryDir('ui-bad-'));

  it('fails when a storage stack reads an accounts stack it does not depend on', () => {
    assert.throws(() => build(mutate(domainPlan(), 'pool-production-cp', [])), /stack 'pool-production-cp' reads outputs of 'aws-accounts-production' but does not list it in dependsOn/);
    assert.throws(() => build(mutate(domainPlan(), 'pool-development-cp', [])), /stack 'pool-development-cp' does not depend on 'gcp-projects-development'/);
  });

  it('fails when a stack depends on a stack the plan does not have', () => {
    assert.throws(() => build(mutate(domainPlan(), 'pool-production-cp', ['aws-accounts-production', 'aws-accounts-nowhere'])), /depends on unknown stack 'aws-accounts-nowhere'/);
  });
});
