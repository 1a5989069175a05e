import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGcpProjectId, checkS3Bucket, RULES } from '../../src/plan/cloud-names';
import { compileYaml, expectFindings, MINIMAL_DOMAIN, planOf } from '../helpers';

describe('cloud names', () => {
  it('fails on an explicit GCP project id of 31 characters, and accepts 30', () => {
    const id30 = 'acme-development-abcdefghijklm';
    assert.equal(id30.length, 30);
    const withName = (id: string) => `${MINIMAL_DOMAIN}accounts:\n  development: { name: ${id} }\n`;
    assert.equal(planOf({ yaml: withName(id30) }).units.find((u) => u.key === 'development')!.name, id30);
    expectFindings(compileYaml(withName(`${id30}n`)), `accounts.development.name: GCP project id is not valid (found "${id30}n"; allowed ${RULES.gcpProjectId})`);
    assert.equal(checkGcpProjectId(`${id30}n`), RULES.gcpProjectId);
  });

  it('fails on S3 bucket names containing ".."', () => {
    assert.equal(checkS3Bucket('acme..metadata'), RULES.s3Bucket);
    assert.equal(checkS3Bucket('acme.metadata'), null);
    const yaml = `${MINIMAL_DOMAIN}naming: { bucket: "{org}..{pool}" }\n`;
    expectFindings(compileYaml(yaml), 'naming.bucket: bucket name for storage group production-cp is not valid (found "acme..production-cp"');
  });
});
