// Each cluster's identity, read from the synthesized JSON: one per cluster, in its own account or
// project, reaching exactly its storage group's buckets, trusted the way the model says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planOf } from '../helpers';
import { resourcesByStack, resourcesOf, stackOf, synthApp, type Block, type SynthesizedApp, type TfJson } from './synth';

interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: string | string[];
  Principal?: Record<string, string>;
  Condition?: Record<string, Record<string, unknown>>;
}
const statements = (json: unknown): Statement[] => (JSON.parse(json as string) as { Statement: Statement[] }).Statement;
const list = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

/** Cluster -> the S3 ARNs its role's policy names, over the whole app. */
function awsReach(app: SynthesizedApp): Map<string, { stack: string; roleName: string; resources: string[]; trust: Statement[]; policy: Statement[] }> {
  const out = new Map<string, { stack: string; roleName: string; resources: string[]; trust: Statement[]; policy: Statement[] }>();
  for (const [stack, roles] of resourcesByStack(app, 'aws_iam_role')) {
    const tf = stackOf(app, stack);
    const policies = Object.values(resourcesOf(tf, 'aws_iam_role_policy'));
    for (const [id, role] of roles) {
      const cluster = (role.name as string).replace(/^union-/, '');
      assert.ok(!out.has(cluster), `${cluster} has one role`);
      const mine = policies.filter((p) => p.role === `\${aws_iam_role.${id}.id}`);
      assert.equal(mine.length, 1, `one policy on ${id}`);
      const policy = statements(mine[0]!.policy);
      const resources = policy.filter((s) => s.Sid.startsWith('StorageGroup')).flatMap((s) => list(s.Resource));
      out.set(cluster, { stack, roleName: role.name as string, resources, trust: statements(role.assume_role_policy), policy });
    }
  }
  return out;
}

/** Service-account id -> { project, buckets it is bound on with which roles }, over the whole app. */
function gcpReach(app: SynthesizedApp): Map<string, { project: string; bindings: string[]; workloadIdentity: string[] }> {
  const out = new Map<string, { project: string; bindings: string[]; workloadIdentity: string[] }>();
  for (const [stack, accounts] of resourcesByStack(app, 'google_service_account')) {
    const tf = stackOf(app, stack);
    const bucketName = (ref: string) => {
      const m = /^\$\{google_storage_bucket\.([^.]+)\.name\}$/.exec(ref);
      return m ? (resourcesOf(tf, 'google_storage_bucket')[m[1]!]!.name as string) : ref;
    };
    for (const [id, sa] of accounts) {
      const member = `serviceAccount:\${google_service_account.${id}.email}`;
      const bindings = Object.values(resourcesOf(tf, 'google_storage_bucket_iam_member'))
        .filter((b) => b.member === member)
        .map((b) => `${bucketName(b.bucket as string)} ${b.role as string}`)
        .sort();
      const workloadIdentity = Object.values(resourcesOf(tf, 'google_service_account_iam_member'))
        .filter((b: Block) => b.service_account_id === `\${google_service_account.${id}.name}` && b.role === 'roles/iam.workloadIdentityUser')
        .map((b) => `${b.role as string} ${b.member as string}`)
        .sort();
      assert.ok(!out.has(sa.account_id as string));
      out.set(sa.account_id as string, { project: sa.project as string, bindings, workloadIdentity });
    }
  }
  return out;
}

const bucketRoles = (bucket: string) => [`${bucket} roles/storage.legacyBucketReader`, `${bucket} roles/storage.objectAdmin`];

describe('cluster identities: the seed cluster-pool example', () => {
  const plan = planOf({ fixture: 'seed-cluster-pools.yaml' });
  const app = synthApp(plan);
  const aws = awsReach(app);
  const gcp = gcpReach(app);

  it('give each of the five clusters exactly one identity', () => {
    assert.deepEqual([...aws.keys()].sort(), ['dr-site-cluster', 'production-cluster-1', 'production-cluster-2']);
    assert.deepEqual([...gcp.keys()].sort(), ['union-my-dev-cluster', 'union-my-staging-cluster']);
    assert.deepEqual(plan.identities.map((i) => i.cluster), plan.clusters.map((c) => c.name));
  });

  it('let each AWS role read and write its own group\'s bucket and no other', () => {
    const reach = (c: string) => aws.get(c)!.resources;
    assert.deepEqual(reach('production-cluster-1'), ['arn:aws:s3:::acme-production-cp-metadata/*', 'arn:aws:s3:::acme-production-cp-metadata']);
    assert.deepEqual(reach('production-cluster-2'), reach('production-cluster-1'), 'production-cluster-1 and -2 reach the same bucket');
    assert.deepEqual(reach('dr-site-cluster'), ['arn:aws:s3:::acme-dr-region-metadata/*', 'arn:aws:s3:::acme-dr-region-metadata']);
    for (const [c, r] of aws) {
      const objects = r.policy.find((s) => s.Sid === 'StorageGroupObjects')!;
      assert.deepEqual(list(objects.Action), ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*'], c);
      assert.deepEqual(list(r.policy.find((s) => s.Sid === 'StorageGroupBuckets')!.Action), ['s3:ListBucket', 's3:GetBucketLocation'], c);
      assert.deepEqual(r.policy.filter((s) => s.Sid === 'BucketKey'), [], `${c}: no KMS statement without a key`);
      assert.ok(r.resources.every((arn) => !arn.includes('*') || arn.endsWith('/*')), `${c}: no wildcard bucket`);
    }
    assert.equal(aws.get('dr-site-cluster')!.stack, 'pool-dr-region');
    assert.equal(aws.get('production-cluster-1')!.stack, 'pool-production-cp');
  });

  it('trust EKS Pod Identity by default, which needs no cluster to exist', () => {
    for (const [c, r] of aws) {
      assert.deepEqual(r.trust, [{ Sid: 'EksPodIdentity', Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }], c);
    }
  });

  it('bind each GCP service account on its own group\'s bucket only, with object admin and legacy bucket reader', () => {
    assert.deepEqual(gcp.get('union-my-dev-cluster'), { project: 'acme-development', bindings: bucketRoles('acme-development-cp-metadata'), workloadIdentity: [] });
    assert.deepEqual(gcp.get('union-my-staging-cluster'), { project: 'acme-staging', bindings: bucketRoles('acme-staging-cp-metadata'), workloadIdentity: [] });
  });

  it('output each identity for the Helm values, and name the cluster\'s role or email in them', () => {
    const tf = stackOf(app, 'pool-production-cp');
    assert.match(String(tf.output?.['identity_production-cluster-1']?.value), /^\$\{aws_iam_role\.[^.]+\.arn\}$/);
    const helm = tf.output?.['helm_values_production-cluster-1']?.value as { global: Record<string, string> };
    assert.match(helm.global.BACKEND_IAM_ROLE_ARN!, /^arn:aws:iam::\$\{data\.terraform_remote_state\.[^}]+\}:role\/union-production-cluster-1$/);
    const dev = stackOf(app, 'pool-development-cp').output?.['helm_values_my-dev-cluster']?.value as { global: Record<string, string> };
    assert.equal(dev.global.WORKER_IAM_ROLE_ARN, 'union-my-dev-cluster@acme-development.iam.gserviceaccount.com');
  });
});

const TWO_PROJECTS = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { development: gcp, staging: gcp, production: aws }
projects: [flytesnacks]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example", kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev: { account: development, workloadIdentity: true, artifactRepository: projects/acme-tools/locations/us-central1/repositories/images }
  stg: { account: staging }
  prod: { account: production, oidcIssuer: "https://oidc.eks.us-east-1.amazonaws.com/id/ABC123" }
clusterPools:
  shared-cp: { clusters: [dev, stg], bucketAccount: development }
  production-cp: [prod]
poolAssignments:
  - { project: flytesnacks, domain: development, clusterPoolName: shared-cp, allowCrossIsolation: true }
  - { project: flytesnacks, domain: staging, clusterPoolName: shared-cp, allowCrossIsolation: true }
`;

describe('cluster identities: options and a GCS group spanning two projects', () => {
  const app = synthApp(planOf({ yaml: TWO_PROJECTS }));
  const gcp = gcpReach(app);

  it('grant the group\'s bucket to the clusters of both projects, each service account in its own project', () => {
    assert.deepEqual(gcp.get('union-stg'), { project: 'acme-staging', bindings: bucketRoles('acme-shared-cp-metadata'), workloadIdentity: [] });
    assert.equal(gcp.get('union-dev')!.project, 'acme-development');
    assert.deepEqual(gcp.get('union-dev')!.bindings, bucketRoles('acme-shared-cp-metadata'));
    const bucket = Object.values(resourcesOf(stackOf(app, 'pool-shared-cp'), 'google_storage_bucket'));
    assert.deepEqual(bucket.map((b) => [b.name, b.project]), [['acme-shared-cp-metadata', 'acme-development']]);
  });

  it('grant token creator on each cluster\'s own service account, never on the project', () => {
    for (const [stack] of resourcesByStack(app, 'google_service_account')) {
      const tf = stackOf(app, stack);
      assert.deepEqual(Object.values(resourcesOf(tf, 'google_project_iam_member')).filter((m: Block) => m.role === 'roles/iam.serviceAccountTokenCreator'), [], stack);
      for (const [id] of Object.entries(resourcesOf(tf, 'google_service_account'))) {
        const own = Object.values(resourcesOf(tf, 'google_service_account_iam_member')).filter((b: Block) => b.service_account_id === `\${google_service_account.${id}.name}` && b.role === 'roles/iam.serviceAccountTokenCreator');
        assert.deepEqual(own.map((b: Block) => b.member), [`serviceAccount:\${google_service_account.${id}.email}`], id);
      }
    }
  });

  it('bind the chart\'s Kubernetes service accounts only where workloadIdentity says the pool exists', () => {
    assert.deepEqual(gcp.get('union-dev')!.workloadIdentity, [
      'roles/iam.workloadIdentityUser serviceAccount:acme-development.svc.id.goog[union/union-system]',
      'roles/iam.workloadIdentityUser serviceAccount:acme-development.svc.id.goog[union/union]',
    ]);
    assert.deepEqual(gcp.get('union-stg')!.workloadIdentity, []);
  });

  it('make the service account an Artifact Registry writer on the repository the model names, else on the group\'s own', () => {
    const tf: TfJson = stackOf(app, 'pool-shared-cp');
    const writers = Object.values(resourcesOf(tf, 'google_artifact_registry_repository_iam_member'));
    assert.deepEqual(
      writers.map((w) => [w.project, w.location, w.repository, w.role]).sort(),
      [
        ['acme-development', 'us-central1', '${google_artifact_registry_repository.image-repository.repository_id}', 'roles/artifactregistry.writer'],
        ['acme-tools', 'us-central1', 'images', 'roles/artifactregistry.writer'],
      ],
    );
  });

  it('trust IRSA when the cluster\'s OIDC issuer is given, for the chart\'s service accounts only, and use the bucket key through S3', () => {
    const r = awsReach(app).get('prod')!;
    assert.equal(r.trust.length, 1);
    const trust = r.trust[0]!;
    assert.equal(trust.Action, 'sts:AssumeRoleWithWebIdentity');
    assert.match(trust.Principal!.Federated!, /^arn:aws:iam::\$\{[^}]+\}:oidc-provider\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/ABC123$/);
    assert.deepEqual(trust.Condition!.StringEquals, {
      'oidc.eks.us-east-1.amazonaws.com/id/ABC123:aud': 'sts.amazonaws.com',
      'oidc.eks.us-east-1.amazonaws.com/id/ABC123:sub': ['system:serviceaccount:union:union-system', 'system:serviceaccount:union:union'],
    });
    const kms = r.policy.find((s) => s.Sid === 'BucketKey')!;
    // A key ARN (an alias of an account this tool creates names no key yet: a finding) is the IAM resource itself.
    assert.equal(kms.Resource, 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    assert.deepEqual(kms.Condition, { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } });
  });

  it('create none on a byoc deployment', () => {
    // Buckets created by the tool, so the storage stacks exist and could hold identities. The
    // identity keys go: on BYOC they are refused (nothing would read them).
    const yaml = TWO_PROJECTS.replace(/, (workloadIdentity|artifactRepository|oidcIssuer): [^,}]+/g, '').replace(
      'isolation: domain',
      'isolation: domain\ndeployment: byoc\nbyoc: { externalId: union-ext-1234, buckets: create }\nnaming: { bucket: "union-{org}-{pool}-metadata" }',
    );
    const byoc = synthApp(planOf({ yaml }));
    assert.ok(stackOf(byoc, 'pool-production-cp'), 'the storage stacks exist');
    assert.equal(resourcesByStack(byoc, 'aws_iam_role').size, 0);
    // Union's own unionai-administrator lives in the projects stacks; no cluster identity in a storage stack.
    assert.deepEqual([...resourcesByStack(byoc, 'google_service_account').keys()].filter((s) => s.startsWith('pool-')), []);
  });
});

describe('cluster identities: a group across AWS accounts', () => {
  const app = synthApp(planOf({ fixture: 'synth-domain-isolation.yaml' }));

  it('creates each role in its cluster\'s account, through a provider that may act there only', () => {
    let aliased = 0;
    for (const [stack, roles] of resourcesByStack(app, 'aws_iam_role')) {
      const tf = stackOf(app, stack);
      const providers = tf.provider?.aws ?? [];
      for (const [, role] of roles) {
        const alias = role.provider === 'aws' ? undefined : String(role.provider).replace(/^aws\./, '');
        const provider = providers.find((p) => p.alias === alias)!;
        assert.ok(provider, `${stack}: provider of ${String(role.name)}`);
        const roleArn = (provider.assume_role as Block[])[0]!.role_arn as string;
        const accountRef = (provider.allowed_account_ids as string[])[0]!;
        assert.equal(roleArn, `arn:aws:iam::${accountRef}:role/OrganizationAccountAccessRole`);
        if (alias !== undefined) {
          aliased++;
          assert.match(accountRef, /outputs\.staging_account_id\}$/, `${String(role.name)} is created in staging`);
        }
      }
    }
    assert.ok(aliased >= 1, 'a cluster outside the bucket\'s account gets its role in its own account');
  });
});
