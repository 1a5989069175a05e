// Every limit the model enforces, at the limit (accepted) and one past it (a finding): off-by-one
// mistakes in a rule survive tests that use only typical names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAwsAccountName, checkEmail, checkGcpDisplayName, checkGcpProjectId, checkGcsBucket, checkS3Bucket, LIMITS } from '../../src/plan/cloud-names';
import { compileYaml, findingLines } from '../helpers';

const MODEL = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { production: aws, development: gcp }
projects: [flytesnacks]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  prod: { account: production/flytesnacks }
  dev: { account: development/flytesnacks }
clusterPools:
  prod-cp: [prod]
  dev-cp: [dev]
`;

/** The finding lines of MODEL changed by `edit` (the edit must change it). */
function lines(edit: (m: string) => string): string[] {
  const text = edit(MODEL);
  assert.notEqual(text, MODEL);
  return findingLines(compileYaml(text)).filter((l) => !/warning/.test(l));
}
const accepted = (edit: (m: string) => string) => assert.deepEqual(lines(edit), []);
const refused = (edit: (m: string) => string, pattern: RegExp) => {
  const found = lines(edit);
  assert.ok(found.some((l) => pattern.test(l)), `expected ${pattern}, got:\n${found.join('\n')}`);
};
const a = (n: number) => 'a'.repeat(n);

describe('cloud name limits, at the limit and one past', () => {
  it('AWS account names: 1 and 50 characters; 0 and 51 refused', () => {
    assert.equal(LIMITS.awsAccountName, 50);
    assert.equal(checkAwsAccountName('a'), null);
    assert.equal(checkAwsAccountName(a(50)), null);
    assert.notEqual(checkAwsAccountName(''), null);
    assert.notEqual(checkAwsAccountName(a(51)), null);
  });

  it('emails: 6 and 64 characters; 5 and 65 refused', () => {
    assert.equal(checkEmail('a@b.co'), null);
    assert.equal(checkEmail(`${a(64 - '@acme.example'.length)}@acme.example`), null);
    assert.notEqual(checkEmail('a@b.c'), null);
    assert.notEqual(checkEmail(`${a(65 - '@acme.example'.length)}@acme.example`), null);
  });

  it('GCP project ids: 6 and 30 characters; 5 and 31 refused; a leading digit or trailing hyphen refused', () => {
    assert.equal(checkGcpProjectId('abcdef'), null);
    assert.equal(checkGcpProjectId(a(30)), null);
    assert.notEqual(checkGcpProjectId('abcde'), null);
    assert.notEqual(checkGcpProjectId(a(31)), null);
    assert.notEqual(checkGcpProjectId('1bcdef'), null);
    assert.notEqual(checkGcpProjectId('abcde-'), null);
    assert.notEqual(checkGcpProjectId('my-google-x'), null);
  });

  it('GCP display names: 4 and 30 characters; 3 and 31 refused', () => {
    assert.equal(checkGcpDisplayName('abcd'), null);
    assert.equal(checkGcpDisplayName(a(30)), null);
    assert.notEqual(checkGcpDisplayName('abc'), null);
    assert.notEqual(checkGcpDisplayName(a(31)), null);
  });

  it('buckets: 3 and 63 characters; 2 and 64 refused, on both clouds', () => {
    for (const check of [checkS3Bucket, checkGcsBucket]) {
      assert.equal(check('abc'), null);
      assert.equal(check(a(63)), null);
      assert.notEqual(check('ab'), null);
      assert.notEqual(check(a(64)), null);
    }
  });
});

describe('model limits, at the limit and one past', () => {
  it('a DNS label of 63 characters is a name; 64 is not (org, domain, cluster, pool)', () => {
    accepted((m) => m.replace('org: acme', `org: ${a(63)}`));
    refused((m) => m.replace('org: acme', `org: ${a(64)}`), /^model\.yaml:1:6 org: /);
    accepted((m) => m.replace('  prod-cp: [prod]', `  ${a(63)}: [prod]`));
    refused((m) => m.replace('  prod-cp: [prod]', `  ${a(64)}: [prod]`), /clusterPools\.a{64}/);
    accepted((m) => m.replace(/prod(?=[:\]])/g, a(63)));
    refused((m) => m.replace(/prod(?=[:\]])/g, a(64)), /clusters\.a{64}/);
  });

  it('{project}-{domain} of 63 characters is a namespace; 64 is not', () => {
    // "development" is the longest domain: 11 characters and the hyphen.
    const fits = a(63 - 12);
    const over = a(64 - 12);
    accepted((m) => m.replace(/flytesnacks/g, fits).replace('projects: [', 'shortNames: { ' + fits + ': fly }\nprojects: ['));
    refused((m) => m.replace(/flytesnacks/g, over).replace('projects: [', 'shortNames: { ' + over + ': fly }\nprojects: ['), /projects\[0\]: .*namespace/);
  });

  it('a workflow name of 255 characters; 256 refused', () => {
    const assign = (w: string) => (m: string) => `${m}poolAssignments:\n  - { project: flytesnacks, domain: production, workflow: ${w}, clusterPoolName: prod-cp }\n`;
    accepted(assign(a(255)));
    refused(assign(a(256)), /poolAssignments\[0\]\.workflow/);
  });

  it('an IAM role name of 64 characters; 65 refused', () => {
    accepted((m) => m.replace('region: us-east-1,', `region: us-east-1, roleName: ${a(64)},`));
    refused((m) => m.replace('region: us-east-1,', `region: us-east-1, roleName: ${a(65)},`), /aws\.roleName/);
  });

  it('a GCP label value of 63 characters; 64 refused', () => {
    accepted((m) => m.replace('region: us-central1 }', `region: us-central1, labels: { team: ${a(63)} } }`));
    refused((m) => m.replace('region: us-central1 }', `region: us-central1, labels: { team: ${a(64)} } }`), /gcp\.labels\.team/);
  });

  it('an OIDC issuer must be https: http, no scheme and upper-case scheme are refused', () => {
    const issuer = (u: string) => (m: string) => m.replace('prod: { account: production/flytesnacks }', `prod: { account: production/flytesnacks, oidcIssuer: "${u}" }`);
    accepted(issuer('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B7'));
    for (const bad of ['http://oidc.eks.us-east-1.amazonaws.com/id/X', 'oidc.eks.us-east-1.amazonaws.com/id/X', 'https://', 'https://oidc.example/id/X?q=1'])
      refused(issuer(bad), /clusters\.prod\.oidcIssuer/);
  });

  it('explicit AWS account names and emails at their limits and one past', () => {
    const override = (o: string) => (m: string) => m.replace('clusters:', `accounts:\n  production/flytesnacks: { ${o} }\nclusters:`);
    accepted(override(`name: ${a(50)}`));
    refused(override(`name: ${a(51)}`), /accounts\["production\/flytesnacks"\]\.name/);
    accepted(override(`email: ${a(64 - 13)}@acme.example`));
    refused(override(`email: ${a(65 - 13)}@acme.example`), /accounts\["production\/flytesnacks"\]\.email/);
  });

  it('an explicit GCP project id at 30 characters; 31 refused', () => {
    const override = (o: string) => (m: string) => m.replace('clusters:', `accounts:\n  development/flytesnacks: { ${o} }\nclusters:`);
    accepted(override(`name: ${a(30)}`));
    refused(override(`name: ${a(31)}`), /accounts\["development\/flytesnacks"\]\.name/);
  });
});
