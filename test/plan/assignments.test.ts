import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, MINIMAL_DOMAIN } from '../helpers';

describe('assignments: the fallback to `default`', () => {
  // staging has no cluster of its own; the default pool runs in production.
  const yaml = MINIMAL_DOMAIN.replace('domains: { development: gcp, production: aws }', 'domains: { development: gcp, production: aws, staging: aws }').replace(
    'production-cp: [prod]',
    'production-cp: [prod]\n  default: [prod-default]',
  ).replace('prod: { account: production }', 'prod: { account: production }\n  prod-default: { account: production }');

  it("fails when a pair's fallback to `default` runs outside its isolation unit", () => {
    const compiled = compileYaml(yaml);
    expectFindings(compiled, 'flytesnacks/staging has no assignment and falls back to the `default` pool, whose clusters run outside its account (found default pool: prod-default (production); no pool runs in "staging"');
  });

  it('accepts the fallback when the default pool runs in the same unit (the control)', () => {
    const same = yaml.replace('prod-default: { account: production }', 'prod-default: { account: staging }');
    const compiled = compileYaml(same);
    assert.ok(compiled.plan, compiled.findings.map((f) => f.problem).join('\n'));
  });
});
