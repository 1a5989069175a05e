import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN } from '../helpers';
import { suggester } from '../../src/model/suggest';

describe('the model shape', () => {
  it('accepts the minimal model', () => {
    assert.deepEqual(compileYaml(MINIMAL_DOMAIN).findings, []);
  });

  it('fails when a key is misspelt, suggesting the nearest key at its position', () => {
    const [f] = expectFindings(
      compileYaml(MINIMAL_DOMAIN.replace('clusterPools:', 'clusterPool:')),
      /^model\.yaml:10:1 clusterPool: unknown key \(found "clusterPool"; allowed org, isolation, .*\)\. Fix: Rename it: did you mean "clusterPools"\?/,
    );
    assert.equal(f!.line, 10);
  });

  it('fails when a nested key is misspelt, pointing at the key', () => {
    expectFindings(
      compileYaml(MINIMAL_DOMAIN.replace('region: us-east-1', 'regoin: us-east-1')),
      /model\.yaml:5:8 aws\.regoin: unknown key \(found "regoin"; allowed region, parentId, .*\)\. Fix: Rename it: did you mean "region"\?/,
      'model.yaml:5:6 aws.region: a required key is missing (found nothing; allowed a string). Fix: Add "region".',
    );
  });

  it('fails on wrong types and enum values with what is allowed', () => {
    expectFindings(
      compileYaml(MINIMAL_DOMAIN.replace('isolation: domain', 'isolation: domian').replace('projects: [flytesnacks]', 'projects: flytesnacks')),
      'model.yaml:2:12 isolation: not an allowed value (found "domian"; allowed domain | project). Fix: Use "domain".',
      'model.yaml:4:11 projects: wrong type (found "flytesnacks"; allowed a list). Fix: Write a list here.',
    );
  });

  it('fails when a domain names an unknown cloud', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('production: aws', 'production: azure')), 'domains.production: not an allowed value (found "azure"; allowed aws | gcp)');
  });

  it('fails on a long-form pool with a bad field, following the long form', () => {
    const yaml = MINIMAL_DOMAIN.replace('production-cp: [prod]', 'production-cp: { clusters: [prod], retentionDays: -3, bucketAcount: production }');
    expectFindings(
      compileYaml(yaml),
      'clusterPools.production-cp.retentionDays: invalid value (found -3; allowed more than 0)',
      'clusterPools.production-cp.bucketAcount: unknown key (found "bucketAcount"; allowed clusters, bucketAccount, retentionDays, fastRegistration, storageGroup, bucketRegion, kmsKeyId, rawData, retentionPrefixes, noncurrentVersionDays, runConcurrency, actionConcurrency). Fix: Rename it: did you mean "bucketAccount"?',
    );
  });

  it('fails on an empty pool', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN.replace('production-cp: [prod]', 'production-cp: []')), 'clusterPools.production-cp: invalid value (found an empty list; allowed at least 1 entry). Fix: List at least one cluster, or remove the pool.');
  });

  it('fails on an unknown backend type', () => {
    expectFindings(compileYaml(MINIMAL_DOMAIN + 'backend: { type: s4 }\n'), 'backend.type: not an allowed value (found "s4"; allowed local | s3 | gcs | cloud). Fix: Use "s3".');
  });

  it('reports every finding at once', () => {
    const yaml = MINIMAL_DOMAIN.replace('org: acme', 'org: 42').replace('clusterPools:', 'clusterPool:').replace('isolation: domain', 'isolation: both');
    assert.ok(expectFindings(compileYaml(yaml)).length >= 3);
  });
});

describe('did-you-mean suggestions of one check', () => {
  it('stop once their comparisons are spent, so thousands of typos against thousands of names stay fast', () => {
    const suggest = suggester(5);
    assert.equal(suggest('prodution', ['production', 'staging']), 'production'); // 2 of 5 spent
    assert.equal(suggest('stagin', ['production', 'staging']), 'staging'); // 4 of 5
    assert.equal(suggest('stagin', ['production', 'staging']), undefined); // would be 6
  });
});
