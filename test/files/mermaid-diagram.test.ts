import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_DIAGRAM_EDGES, mermaidId, mermaidLabel, renderMermaid } from '../../src/files/mermaid-diagram';
import type { Plan } from '../../src/plan/types';
import { planOf } from '../helpers';
import { parseMermaid } from './mermaid-parser';
import { cluster, seedClusterPoolPlan } from '../plans';

function diagramOf(plan: Plan): string {
  const d = renderMermaid(plan);
  assert.ok('mermaid' in d, `diagram omitted: ${'omitted' in d ? d.omitted : ''}`);
  return d.mermaid;
}

describe('the Mermaid diagram', () => {
  it("is accepted by Mermaid's own parser for every seed model", async () => {
    for (const fixture of ['seed-cluster-pools.yaml', 'seed-domain-isolation.yaml', 'seed-project-isolation.yaml']) {
      assert.equal(await parseMermaid(diagramOf(planOf({ fixture }))), 'flowchart-v2', fixture);
    }
  });

  it('fails when the text is broken: the parser check can fail', async () => {
    const broken = diagramOf(seedClusterPoolPlan()).replace('["cluster my-dev-cluster"]', '["cluster my-dev-cluster"');
    await assert.rejects(parseMermaid(broken), /Parse error/);
  });

  it('shows accounts, clusters, pools and buckets, with pools pointing at clusters and clusters at buckets', () => {
    const text = diagramOf(planOf({ fixture: 'seed-cluster-pools.yaml' }));
    assert.match(text, /subgraph unit_production\["production: AWS account acme-production"\]/);
    assert.match(text, /cluster_production_cluster_1\["cluster production-cluster-1"\]/);
    assert.match(text, /pool_production_cp\(\["pool production-cp"\]\)/);
    assert.match(text, /bucket_production_cp\[\("bucket acme-production-cp-metadata"\)\]/);
    assert.match(text, /^ {2}pool_production_cp --> cluster_production_cluster_2$/m);
    assert.match(text, /^ {2}cluster_production_cluster_2 -->\|metadata\| bucket_production_cp$/m);
  });

  it('stays valid with hostile names: quotes, Mermaid keywords, brackets, entities', async () => {
    const plan = seedClusterPoolPlan();
    const names = ['end', 'a"b', 'x --> y', 'subgraph', 'c#d;', '<b>&amp;', 'o', '[x](y)', 'graph TD', '`md`'];
    const hostile: Plan = {
      ...plan,
      clusters: names.map((n) => cluster(n, 'development', 'gcp', 'us-central1', [n], 'development-cp')),
      pools: names.map((n) => ({ name: n, clusters: [n], storageGroup: 'development-cp', hostUnit: 'development' })),
    };
    const text = diagramOf(hostile);
    assert.equal(await parseMermaid(text), 'flowchart-v2');
    assert.match(text, /\["cluster a#34;b"\]/);
  });

  it('derives distinct ids from distinct names, using only letters, digits and _', () => {
    assert.equal(mermaidId('unit', 'development/project-1'), 'unit_development__project_1');
    assert.notEqual(mermaidId('pool', 'a-b'), mermaidId('pool', 'a_b'));
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ia = mermaidId('cluster', a);
        assert.match(ia, /^[A-Za-z0-9_]+$/);
        return a === b || ia !== mermaidId('cluster', b);
      }),
      { numRuns: 2000 },
    );
    // Hand-picked near collisions of the two encodings.
    const tricky = ['a-b', 'a/b', 'a_b', 'a--b', 'a//b', '-a', 'a-', '_a', 'a_2d_b', 'a__b'];
    assert.equal(new Set(tricky.map((t) => mermaidId('pool', t))).size, tricky.length);
  });

  it('escapes label text so it cannot close the label', () => {
    assert.equal(mermaidLabel('say "hi" #1 <b>'), '"say #34;hi#34; #35;1 #60;b#62;"');
    assert.equal(mermaidLabel('two\nlines'), '"two lines"');
  });

  it('is omitted, with the reason, when Mermaid would refuse to draw it', () => {
    const plan = seedClusterPoolPlan();
    const many = Array.from({ length: MAX_DIAGRAM_EDGES }, (_, i) => cluster(`c${i}`, 'development', 'gcp', 'us-central1', ['default'], 'development-cp'));
    const d = renderMermaid({ ...plan, clusters: many, pools: [{ name: 'default', clusters: many.map((c) => c.name), storageGroup: 'development-cp', hostUnit: 'development' }] });
    assert.ok('omitted' in d);
    assert.match(d.omitted, /edges, more than Mermaid draws \(500\)/);
  });
});
