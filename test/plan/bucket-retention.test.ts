import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN, planOf } from '../helpers';

const withPool = (spec: string) => MINIMAL_DOMAIN.replace('production-cp: [prod]', `production-cp: { clusters: [prod], ${spec} }`);
const group = (spec: string) => planOf({ yaml: withPool(spec) }).storageGroups.find((g) => g.name === 'production-cp')!;

describe('bucket retention', () => {
  it('fails when retentionDays would expire the whole metadata bucket (Union: execution files must stay)', () => {
    expectFindings(
      compileYaml(withPool('retentionDays: 30')),
      'clusterPools.production-cp.retentionDays: retentionDays would expire the whole metadata bucket, execution files included (found retentionDays: 30 with neither rawData: separate nor retentionPrefixes',
    );
  });

  it('scopes retentionDays to the listed raw-data prefixes of the metadata bucket', () => {
    const g = group('retentionDays: 30, retentionPrefixes: [raw/, data/]');
    assert.deepEqual([g.retentionDays, g.retentionPrefixes, g.rawDataBucket], [30, ['data/', 'raw/'], null]);
  });

  it('gives rawData: separate a bucket of its own, expired as a whole, and leaves the metadata bucket alone', () => {
    const g = group('retentionDays: 14, rawData: separate');
    assert.deepEqual([g.retentionDays, g.retentionPrefixes, g.rawDataBucket, g.bucket], [14, null, 'acme-production-cp-raw-data', 'acme-production-cp-metadata']);
  });

  it('keeps noncurrent versions 30 days unless noncurrentVersionDays says otherwise', () => {
    assert.equal(planOf({ yaml: MINIMAL_DOMAIN }).storageGroups[0]!.noncurrentVersionDays, 30);
    assert.equal(group('noncurrentVersionDays: 3').noncurrentVersionDays, 3);
  });

  it('fails when a prefix could mean the whole bucket, or the prefixes expire nothing', () => {
    for (const p of ['""', '"/"', '"/raw/"', '"raw/*"'])
      expectFindings(compileYaml(withPool(`retentionDays: 9, retentionPrefixes: [${p}]`)), `clusterPools.production-cp.retentionPrefixes: retention prefix is not a raw-data prefix of the bucket (found ${JSON.parse(p) === '' ? '""' : JSON.stringify(JSON.parse(p))}`);
    expectFindings(compileYaml(withPool('retentionDays: 9, retentionPrefixes: []')), /retentionDays would expire the whole metadata bucket/);
    expectFindings(compileYaml(withPool('retentionPrefixes: [raw/]')), 'retentionPrefixes has no effect: no pool of the group sets retentionDays');
    expectFindings(compileYaml(withPool('retentionDays: 9, rawData: separate, retentionPrefixes: [raw/]')), 'retentionPrefixes has no effect: rawData: separate expires the raw-data bucket instead');
  });
});
