import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReview } from '../../src/files/review-md';
import { fixtureText, planOf } from '../helpers';

function section(review: string, title: string): string {
  const start = review.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `no section ${title}`);
  const end = review.indexOf('\n## ', start + 1);
  return review.slice(start, end < 0 ? undefined : end);
}

describe('review: self-managed sections', () => {
  const review = renderReview(planOf({ fixture: 'seed-cluster-pools.yaml' }));

  it('shows each cluster\'s identity and exactly the buckets it reaches', () => {
    const s = section(review, 'Cluster identities');
    assert.match(s, /\| `production-cluster-1` \| `production` \(`acme-production`\) \| IAM role `union-production-cluster-1` \| EKS Pod Identity .* \| `acme-production-cp-metadata`: objects get\/put\/delete, list; push\/pull on the group's ECR repository `union-dataplane-production-cp` \| `pool-production-cp` \|/);
    const existing = renderReview(
      planOf({ yaml: fixtureText('seed-cluster-pools.yaml').replace(/(production-cluster-1: \{ account: production)/, '$1, ecrRepository: "arn:aws:ecr:us-east-1:444455556666:repository/images"') }),
    );
    assert.match(section(existing, 'Cluster identities'), /\| `production-cluster-1` .* push\/pull on the existing ECR repository `arn:aws:ecr:us-east-1:444455556666:repository\/images` \(its policy must allow the role when it is in another account\) \|/);
    assert.match(s, /\| `my-dev-cluster` .* service account `union-my-dev-cluster@acme-development\.iam\.gserviceaccount\.com` \| not bound yet: set `clusters\.my-dev-cluster\.workloadIdentity: true`.* \| `acme-development-cp-metadata`: objectAdmin, legacyBucketReader/);
    assert.equal(s.split('\n').filter((l) => l.startsWith('| `')).length, 5);
  });

  it('gives the install order, overlay first, and says which routing each file is for', () => {
    const install = section(review, 'Install order');
    assert.match(install, /uctl selfserve provision-dataplane-resources --clusterName NAME --provider aws\|gcp/);
    assert.match(install, /cloud overlay first \(`-f values\.aws\.yaml` or `-f values\.gcp\.yaml`\), then `helm\/NAME\.values\.yaml`/);
    const routing = section(review, 'Routing');
    assert.match(routing, /`cluster-pool-attributes\/` and `apply-cluster-pool-attributes\.sh` \(uctl\)\. \*\*This model’s routing\*\* \(`routing: attributes`\)/);
    assert.match(routing, /`queues\/apply-queues\.sh` \(flyte\): 4 pools, 5 clusters, 4 queues, 3 project-domain settings/);
    const queues = renderReview(planOf({ yaml: fixtureText('seed-cluster-pools.yaml').replace('  default:\n    - my-dev-cluster\n', '') + 'routing: queues\n' }));
    assert.match(section(queues, 'Routing'), /project-domain settings\. Each cluster is in one pool; workflow assignments have no queue form\. \*\*This model’s routing\*\* \(`routing: queues`\)/);
  });
});
