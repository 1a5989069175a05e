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
import { ROOT, planOf } from '../helpers';
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
