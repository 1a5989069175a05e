import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsUnit, GcpUnit } from '../../src/plan/types';
import { compileYaml, expectFindings, MINIMAL_DOMAIN, planOf } from '../helpers';

const perDomain = MINIMAL_DOMAIN.replace('emailTemplate: "aws+{name}@acme.example" }', 'emailTemplate: "aws+{name}@acme.example", organizationalUnits: perDomain }').replace(
  'region: us-central1 }',
  'region: us-central1, folders: perDomain }',
);
const naming = (keys: string) => `${perDomain}naming: { ${keys} }\n`;

describe('OU and folder names', () => {
  it('names OUs and folders after their domains by default, or from naming.organizationalUnit / naming.folder', () => {
    const parents = (yaml: string) => planOf({ yaml }).units.map((u) => (u.cloud === 'aws' ? (u as AwsUnit).parent : (u as GcpUnit).parent));
    assert.deepEqual(parents(perDomain).map((p) => ('name' in p ? p.name : 'displayName' in p ? p.displayName : null)), ['development', 'production']);
    const named = parents(naming('organizationalUnit: "{org}-{domain}", folder: "union {domain}"'));
    assert.deepEqual(named.map((p) => ('name' in p ? p.name : 'displayName' in p ? p.displayName : null)), ['union development', 'acme-production']);
    // The construct id stays the domain, so a new template renames in place.
    assert.deepEqual(named.map((p) => ('key' in p ? p.key : null)), ['development', 'production']);
  });

  it('fails at validate when a GCP folder display name is over 30 characters', () => {
    expectFindings(
      compileYaml(naming('folder: "{org}-isolation-folder-{domain}"')),
      'naming.folder: folder display name for domain development is not valid (found "acme-isolation-folder-development"; allowed 1-30 letters, digits, spaces, "_" and "-"',
    );
  });

  it('fails at validate when two OUs or folders would share a name under one parent', () => {
    const twoAws = naming('organizationalUnit: "{org}-union"').replace('domains: { development: gcp, production: aws }', 'domains: { development: aws, production: aws }');
    expectFindings(compileYaml(twoAws), 'naming.organizationalUnit: organizational unit name under r-ab12 is not unique (found "acme-union";');
    const twoGcp = naming('folder: union').replace('domains: { development: gcp, production: aws }', 'domains: { development: gcp, production: gcp }').replace('prod: { account: production }', 'prod: { account: production }');
    expectFindings(compileYaml(twoGcp), 'naming.folder: folder display name under 1234567890 is not unique (found "union";');
  });

  it('fails on placeholders the templates do not know', () => {
    expectFindings(compileYaml(naming('folder: "{project}"')), 'naming.folder: invalid value (found placeholder {project}; allowed {org}, {domain}');
  });
});
