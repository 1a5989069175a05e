// Queue routing in the plan: each cluster in one pool, queues named after pools, run.default_queue
// per pair; what Union's current docs forbid is an error with `routing: queues`, a warning otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, findingLines, fixtureText, planOf } from '../helpers';

const seed = fixtureText('seed-cluster-pools.yaml');

describe('queue routing', () => {
  it('registers each seed cluster in one pool and routes each pair to its pool\'s queue', () => {
    const plan = planOf({ yaml: seed });
    assert.deepEqual(plan.queues.clusters, [
      { cluster: 'dr-site-cluster', pool: 'dr-region' },
      { cluster: 'my-dev-cluster', pool: 'development-cp' },
      { cluster: 'my-staging-cluster', pool: 'staging-cp' },
      { cluster: 'production-cluster-1', pool: 'production-cp' },
      { cluster: 'production-cluster-2', pool: 'production-cp' },
    ]);
    assert.deepEqual(plan.queues.queues.map((q) => `${q.name}->${q.pool}`), ['development-cp->development-cp', 'dr-region->dr-region', 'production-cp->production-cp', 'staging-cp->staging-cp']);
    assert.deepEqual(plan.queues.settings.map((s) => `${s.project}/${s.domain}->${s.queue}`), ['flytesnacks/development->development-cp', 'flytesnacks/production->production-cp', 'flytesnacks/staging->staging-cp']);
    assert.deepEqual(plan.queues.pools.map((p) => [p.name, p.objectStore, p.secretStore.type, p.secretStore.locator]), [
      ['development-cp', 'gs://acme-development-cp-metadata', 'KUBERNETES', null],
      ['dr-region', 's3://acme-dr-region-metadata', 'KUBERNETES', null],
      ['production-cp', 's3://acme-production-cp-metadata', 'KUBERNETES', null],
      ['staging-cp', 'gs://acme-staging-cp-metadata', 'KUBERNETES', null],
    ]);
    // With secretStore: cloud, each pool declares its cloud's manager where its clusters run (their region, their project).
    const cloud = planOf({ yaml: seed + 'secretStore: cloud\n' });
    assert.deepEqual(cloud.queues.pools.map((p) => [p.name, p.secretStore.type, p.secretStore.locator]), [
      ['development-cp', 'GCP_SECRET_MANAGER', 'acme-development'],
      ['dr-region', 'AWS_SECRETS_MANAGER', 'us-west-2'],
      ['production-cp', 'AWS_SECRETS_MANAGER', 'us-east-1'],
      ['staging-cp', 'GCP_SECRET_MANAGER', 'acme-staging'],
    ]);
  });

  it('warns, with attribute routing, that a cluster is in two pools', () => {
    const plan = planOf({ yaml: seed });
    const w = plan.warnings.find((x) => x.path === 'clusters.my-dev-cluster');
    assert.ok(w, JSON.stringify(plan.warnings));
    assert.match(w.message, /with queue routing each cluster belongs to exactly one pool .*"my-dev-cluster" in default, development-cp; union\/queues\/ registers it in "development-cp" only/);
  });

  it('fails when the model chooses queue routing and a cluster is in two pools', () => {
    const compiled = compileYaml(seed + 'routing: queues\n');
    const [f] = expectFindings(compiled, 'clusters.my-dev-cluster: with queue routing each cluster belongs to exactly one pool');
    assert.equal(f!.line, 9);
    assert.match(findingLines(compiled).join('\n'), /Fix: List "my-dev-cluster" in one pool only, or set routing: attributes/);
  });

  it('passes queue routing with one pool per cluster, and warns about a workflow assignment it cannot express', () => {
    const yaml = seed.replace('  default:\n    - my-dev-cluster\n', '') + 'routing: queues\n';
    const compiled = compileYaml(yaml);
    assert.ok(compiled.plan, findingLines(compiled).join('\n'));
    // The seed's other warnings (an unused pool, a bucket region) are placement's, not routing's.
    assert.deepEqual(findingLines(compiled).map((l) => l.replace(/^\S+ /, '')).filter((l) => /queue/.test(l)), [
      'clusterPools: warning: work the model does not name (projects created in Union later) queues for pool default, and no cluster runs it (found no cluster in pool default, and none it shares; allowed a cluster in clusterPools.default, alone or shared with one other pool). Fix: List a cluster under clusterPools.default: projects created in Union later run there. To accept it, add to the model: acknowledge: [{ warning: queue-routing, at: "clusterPools" }].',
      'poolAssignments[1]: warning: a workflow assignment has no queue equivalent: run.default_queue is set per project-domain (found workflow "my_critical_wf"; allowed project-domain assignments with queue routing). Fix: Pass the queue when the workflow runs, or keep its attribute file (routing: attributes). To accept it, add to the model: acknowledge: [{ warning: queue-routing, at: "poolAssignments[1]" }].',
    ]);
  });

  it('fails when a pool\'s queue would take the name of a cluster of another pool', () => {
    const yaml = seed.replace('  dr-region:\n    - dr-site-cluster\n', '  dr-region:\n    - dr-site-cluster\n  my-staging-cluster:\n    - production-cluster-1\n').replace('  production-cp:\n    - production-cluster-1\n    - production-cluster-2\n', '  production-cp:\n    - production-cluster-2\n') + 'routing: queues\n';
    const compiled = compileYaml(yaml.replace('  default:\n    - my-dev-cluster\n', ''));
    expectFindings(compiled, 'clusterPools.my-staging-cluster: a pool\'s queue would share its name with a cluster of another pool');
  });
});

describe('a queue pool\'s image registry', () => {
  const repo = (name: string) => `projects/acme-tools/locations/us-central1/repositories/${name}`;
  const twoStagingClusters = (first: string, second: string) =>
    seed
      .replace('my-staging-cluster: { account: staging }', `my-staging-cluster: { account: staging, artifactRepository: ${first} }\n  my-staging-cluster-2: { account: staging, artifactRepository: ${second} }`)
      .replace('  staging-cp:\n    - my-staging-cluster\n', '  staging-cp:\n    - my-staging-cluster\n    - my-staging-cluster-2\n');
  const registryOf = (yaml: string, pool: string) => planOf({ yaml }).queues.pools.find((p) => p.name === pool)?.imageRegistry;

  it('is the repository every cluster of the pool writes', () => {
    assert.equal(registryOf(twoStagingClusters(repo('images'), repo('images')), 'staging-cp'), 'us-central1-docker.pkg.dev/acme-tools/images');
  });

  it('is none when the pool\'s clusters write different ones', () => {
    assert.equal(registryOf(twoStagingClusters(repo('images'), repo('other')), 'staging-cp'), null);
    // Each pool judged by its own clusters: the development pool's one cluster writes its group's own repository.
    assert.equal(registryOf(twoStagingClusters(repo('images'), repo('other')), 'development-cp'), 'us-central1-docker.pkg.dev/acme-development/union-dataplane-development-cp');
  });
});

describe('self-managed keys', () => {
  it('fails on a control plane host with a scheme', () => {
    expectFindings(compileYaml(seed.replace(/^controlPlaneHost: .*$/m, 'controlPlaneHost: https://acme.unionai.cloud')), 'controlPlaneHost: invalid value (found "https://acme.unionai.cloud"; allowed a host name such as acme.unionai.cloud). Fix: Write the host only');
  });

  it('fails on identity options of the other cloud, and on malformed ones', () => {
    const yaml = seed
      .replace('my-dev-cluster: { account: development }', 'my-dev-cluster: { account: development, oidcIssuer: "https://x.example/id/1", artifactRepository: images }')
      .replace('production-cluster-1: { account: production }', 'production-cluster-1: { account: production, workloadIdentity: true, oidcIssuer: "oidc.eks.amazonaws.com/id/1" }');
    expectFindings(
      compileYaml(yaml),
      'clusters.my-dev-cluster.oidcIssuer: oidcIssuer applies to AWS clusters only',
      'clusters.my-dev-cluster.artifactRepository: invalid value (found "images"; allowed projects/PROJECT/locations/LOCATION/repositories/REPOSITORY)',
      'clusters.production-cluster-1.workloadIdentity: workloadIdentity applies to GCP clusters only',
      'clusters.production-cluster-1.oidcIssuer: invalid value (found "oidc.eks.amazonaws.com/id/1"; allowed an https URL',
    );
  });

  it('fills CONTROLPLANE_HOST and keeps the identity names within their limits', () => {
    const long = 'c'.repeat(40);
    const plan = planOf({ yaml: seed.replace('my-staging-cluster', long).replace('my-staging-cluster', long) });
    assert.equal(plan.controlPlaneHost, 'acme.unionai.cloud');
    const sa = plan.identities.find((i) => i.cluster === long)!;
    assert.equal(sa.cloud, 'gcp');
    assert.ok(sa.cloud === 'gcp' && sa.accountId.length <= 30 && /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(sa.accountId), sa.cloud === 'gcp' ? sa.accountId : '');
    assert.ok(plan.shortenedNames.some((s) => s.kind === 'gcp-service-account' && s.owner === long));
  });
});
