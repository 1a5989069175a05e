// The image builder's registry, read from the synthesized JSON and the values files: an ECR
// repository per AWS storage group with its lifecycle and the cluster roles' push/pull, an Artifact
// Registry repository per GCP storage group with each service account a writer, and values and pool
// manifests that name the same repository.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { renderAllHelmValues } from '../../src/files/helm-values';
import { renderQueueFiles } from '../../src/files/queue-files';
import { compileText } from '../../src/compile';
import { ROOT, fixtureText, planOf } from '../helpers';
import { resourcesOf, stackOf, synthApp, type Block } from './synth';

const MODELS = [
  ['the bundled model', () => planOf({ yaml: readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8') })],
  ['an AWS-only model', () => planOf({ fixture: 'self-managed-aws.yaml' })],
  ['a GCP-heavy model', () => planOf({ fixture: 'self-managed-gcp.yaml' })],
] as const;

interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: string | string[];
}

describe('image registries', () => {
  for (const [name, planFn] of MODELS) {
    it(`give every storage group a repository its clusters push to and pull from: ${name}`, () => {
      const plan = planFn();
      const app = synthApp(plan);
      const values = renderAllHelmValues(plan);
      for (const group of plan.storageGroups) {
        const tf = stackOf(app, group.stack);
        const members = plan.identities.filter((i) => i.storageGroup === group.name);
        if (group.cloud === 'aws') {
          const repos = Object.entries(resourcesOf(tf, 'aws_ecr_repository'));
          assert.equal(repos.length, 1, group.name);
          const [id, repo] = repos[0]!;
          assert.equal(repo.name, `union-dataplane-${group.name}`);
          assert.equal(repo.force_delete, false);
          assert.deepEqual((repo.lifecycle as Block).prevent_destroy, true);
          const lifecycle = Object.values(resourcesOf(tf, 'aws_ecr_lifecycle_policy'));
          assert.equal(lifecycle.length, 1);
          assert.equal(JSON.parse(lifecycle[0]!.policy as string).rules[0].selection.tagStatus, 'untagged', 'only untagged images expire');
          for (const role of Object.values(resourcesOf(tf, 'aws_iam_role_policy'))) {
            const statements = (JSON.parse(role.policy as string) as { Statement: Statement[] }).Statement;
            const push = statements.find((s) => s.Sid === 'ImageRepository');
            assert.ok(push, 'push/pull on the repository');
            assert.equal(push.Resource, `\${aws_ecr_repository.${id}.arn}`);
            assert.ok([push.Action].flat().includes('ecr:PutImage') && [push.Action].flat().includes('ecr:BatchGetImage'));
            assert.ok(statements.some((s) => s.Sid === 'EcrSignIn' && s.Action === 'ecr:GetAuthorizationToken'));
          }
          for (const i of members) {
            const text = values.get(`helm/${i.cluster}.values.yaml`)!;
            assert.equal((parse(text) as { imageBuilder?: unknown }).imageBuilder === undefined ? 'line' : 'file', plan.units.find((u) => u.key === group.homeUnit)!.existingId === null ? 'line' : 'file');
            assert.match(text, new RegExp(`imageBuilder\\.defaultRepository="\\$(AWS|REGISTRY)_ACCOUNT_ID\\.dkr\\.ecr\\.${group.region}\\.amazonaws\\.com/union-dataplane-${group.name}"|defaultRepository: \\d{12}\\.dkr`));
          }
        } else {
          const repos = Object.entries(resourcesOf(tf, 'google_artifact_registry_repository'));
          assert.equal(repos.length, 1, group.name);
          const [id, repo] = repos[0]!;
          assert.equal(repo.format, 'DOCKER');
          assert.equal(repo.location, group.region);
          const writers = Object.values(resourcesOf(tf, 'google_artifact_registry_repository_iam_member')).filter((m) => m.role === 'roles/artifactregistry.writer');
          assert.equal(writers.length, members.length, group.name);
          for (const w of writers) assert.equal(w.repository, `\${google_artifact_registry_repository.${id}.repository_id}`, 'the grant waits for the repository');
          const files = renderQueueFiles(plan);
          for (const i of members) {
            const v = parse(values.get(`helm/${i.cluster}.values.yaml`)!) as { imageBuilder: { defaultRepository: string; authenticationType: string } };
            assert.deepEqual(v.imageBuilder, { defaultRepository: `${group.region}-docker.pkg.dev/${repo.project as string}/union-dataplane-${group.name}`, authenticationType: 'google' });
            const pool = plan.queues.clusters.find((c) => c.cluster === i.cluster)?.pool;
            if (pool === undefined) continue;
            const manifest = parse(files.get(`queues/cluster-pools/${pool}.yaml`)!) as { config: { image_registry?: { locator: string } } };
            assert.equal(manifest.config.image_registry?.locator, v.imageBuilder.defaultRepository, `${pool}: the registry its clusters report`);
          }
        }
      }
    });
  }
});

describe('an existing ECR repository (clusters.<name>.ecrRepository)', () => {
  const ARN = 'arn:aws:ecr:us-east-1:444455556666:repository/team/union-images';
  const REGISTRY = '444455556666.dkr.ecr.us-east-1.amazonaws.com/team/union-images';
  const yaml = fixtureText('self-managed-aws.yaml').replace('dev: { account: development/flytesnacks }', `dev: { account: development/flytesnacks, ecrRepository: "${ARN}" }`);

  it("replaces the group's repository: push/pull on the ARN, no repository created, the registry in the values file and the pool manifest", () => {
    const plan = planOf({ yaml });
    const dev = plan.identities.find((i) => i.cluster === 'dev')!;
    const tf = stackOf(synthApp(plan), dev.stack);
    assert.deepEqual(Object.keys(resourcesOf(tf, 'aws_ecr_repository')), [], 'every cluster of the group names its own: nothing to create');
    const statements = Object.values(resourcesOf(tf, 'aws_iam_role_policy')).flatMap((r) => (JSON.parse(r.policy as string) as { Statement: Statement[] }).Statement);
    assert.equal(statements.find((s) => s.Sid === 'ImageRepository')?.Resource, ARN);
    assert.ok(statements.some((s) => s.Sid === 'EcrSignIn'));
    const values = renderAllHelmValues(plan).get('helm/dev.values.yaml')!;
    // Its account id is in the ARN: known before apply, so in the file rather than on the install line.
    assert.deepEqual((parse(values) as { imageBuilder: unknown }).imageBuilder, { defaultRepository: REGISTRY, authenticationType: 'aws' });
    assert.doesNotMatch(values, /imageBuilder\.defaultRepository=/);
    const manifest = parse(renderQueueFiles(plan).get('queues/cluster-pools/dev-cp.yaml')!) as { config: { image_registry?: { locator: string } } };
    assert.equal(manifest.config.image_registry?.locator, REGISTRY);
    // The stack's helm_values output says the same, not the cluster's own account.
    assert.deepEqual((tf.output?.['helm_values_dev']?.value as { imageBuilder: unknown }).imageBuilder, { defaultRepository: REGISTRY, authenticationType: 'aws' });
    // The other groups keep their own repositories.
    const prod = plan.identities.find((i) => i.cluster === 'prod')!;
    assert.equal(Object.keys(resourcesOf(stackOf(synthApp(plan), prod.stack), 'aws_ecr_repository')).length, 1);
  });

  it("leaves the group's repository to the clusters that do not name one, and the pool without a registry when they differ", () => {
    const bundled = readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8').replace(
      'prod-flytesnacks-1: { account: production/flytesnacks, region: us-west-2 }',
      `prod-flytesnacks-1: { account: production/flytesnacks, region: us-west-2, ecrRepository: "${ARN}" }`,
    );
    const plan = planOf({ yaml: bundled });
    const one = plan.identities.find((i) => i.cluster === 'prod-flytesnacks-1')!;
    const tf = stackOf(synthApp(plan), one.stack);
    const repos = Object.keys(resourcesOf(tf, 'aws_ecr_repository'));
    assert.equal(repos.length, 1, 'prod-flytesnacks-2 still pushes to the group\'s repository');
    const grants = Object.entries(resourcesOf(tf, 'aws_iam_role_policy')).map(([id, r]) => [id, (JSON.parse(r.policy as string) as { Statement: Statement[] }).Statement.find((x) => x.Sid === 'ImageRepository')?.Resource]);
    assert.deepEqual(grants.map(([, r]) => r).sort(), [ARN, `\${aws_ecr_repository.${repos[0]}.arn}`].sort(), JSON.stringify(grants));
    const manifest = parse(renderQueueFiles(plan).get('queues/cluster-pools/prod-flytesnacks-cp.yaml')!) as { config: { image_registry?: unknown } };
    assert.equal(manifest.config.image_registry, undefined, 'two registries: the pool declares none');
    // Said at the pool: a warning with attribute files, an error once the manifests are what routes work.
    assert.ok(plan.warnings.some((w) => w.path === 'clusterPools.prod-flytesnacks-cp' && /push to different image registries/.test(w.message)), JSON.stringify(plan.warnings));
    const queues = compileText(`${bundled.replace(/^routing: .*\n/m, '')}routing: queues\n`, 'm.yaml').findings.filter((f) => (f.severity ?? 'error') === 'error');
    assert.deepEqual(queues.filter((f) => /image registries/.test(f.problem)).map((f) => `${f.line}:${f.path.join('.')}`), ['71:clusterPools.prod-flytesnacks-cp'], JSON.stringify(queues));
  });

  it('is refused, located, on a GCP cluster and when it is not an ECR repository ARN', () => {
    const findings = compileText(yaml.replace(ARN, 'arn:aws:ecr:us-east-1:444455556666:images'), 'm.yaml').findings;
    const bad = findings.find((f) => f.path.join('.') === 'clusters.dev.ecrRepository');
    assert.ok(bad && bad.line === 10 && /ECR repository ARN/.test(bad.allowed ?? ''), JSON.stringify(findings));
    const gcp = compileText(fixtureText('self-managed-gcp.yaml').replace(/^( {2}[a-z0-9-]+: \{ account: [^,}]+)/m, `$1, ecrRepository: "${ARN}"`), 'm.yaml').findings;
    assert.ok(gcp.some((f) => /ecrRepository applies to AWS clusters only/.test(f.problem)), JSON.stringify(gcp));
  });

  it('is refused, with the other identity keys, on a BYOC deployment, where nothing would read it', () => {
    const byoc = fixtureText('byoc-project-isolation.yaml').replace(
      '  prod-2: { account: production/project-2, region: us-west-2 }',
      `  prod-2: { account: production/project-2, region: us-west-2, ecrRepository: "${ARN}", oidcIssuer: "https://oidc.example/id/1" }`,
    );
    const errors = compileText(byoc, 'm.yaml').findings.filter((f) => (f.severity ?? 'error') === 'error');
    assert.deepEqual(
      errors.map((f) => `${f.line}:${f.path.join('.')}`),
      ['22:clusters.prod-2.ecrRepository', '22:clusters.prod-2.oidcIssuer'],
    );
    assert.match(errors[0]!.problem, /on a BYOC deployment Union creates the clusters and their identities/);
  });
});
