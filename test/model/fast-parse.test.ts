import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { generateModel } from '../../bench/model';
import { fastValue } from '../../src/model/fast-parse';
import { compileYaml, fixtureText, MINIMAL_DOMAIN, ROOT } from '../helpers';

describe('the fast path for plain models', () => {
  it('reads every fixture and generated model exactly as the positioned parser does', () => {
    const texts = readdirSync(path.join(ROOT, 'test', 'fixtures'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => fixtureText(f));
    texts.push(fixtureText('../../stacks/isolation.yaml'), generateModel(20).yaml, MINIMAL_DOMAIN);
    let plain = 0;
    for (const text of texts) {
      const fast = fastValue(text);
      if (fast === undefined) continue;
      plain++;
      assert.deepEqual(fast, parse(text, { version: '1.2' }));
    }
    assert.ok(plain >= 8, `only ${plain} texts took the fast path`);
  });

  it('leaves to the positioned parser what js-yaml reads differently or unsafely', () => {
    for (const text of [
      'a: &x [1]\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\na: 2\n',
      'clusters: { [a]: { account: x } }\n',
      'clusters:\n  ? a\n  : { account: x }\n',
      'retentionDays: 0b101\n',
      'org: acme\u0000\n',
      '<<: { a: 1 }\n',
    ])
      assert.equal(fastValue(text), undefined, text);
  });

  it('gives the same findings, located, for a model that fails', () => {
    const bad = MINIMAL_DOMAIN.replace('production-cp: [prod]', 'production-cp: [prd]');
    assert.equal(fastValue(bad) !== undefined, true);
    const compiled = compileYaml(bad);
    assert.equal(compiled.findings.length, 1);
    assert.equal(compiled.findings[0]!.line, 12);
  });

  it('rejects complex keys with a finding, not a silently stringified key', () => {
    const compiled = compileYaml(MINIMAL_DOMAIN.replace('  dev: { account: development }', '  ? [dev]\n  : { account: development }'));
    assert.equal(compiled.plan, null);
  });
});
