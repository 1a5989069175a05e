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
      // Read differently by the two parsers: js-yaml a number, yaml a string; and the other way round.
      'labels: { cost: -0x1F }\n',
      'labels: { cost: +0o17 }\n',
      'labels: { cost: -.5 }\n',
      'labels:\n  - -0\n',
      // js-yaml's key "null", yaml's "".
      '~: 1\n',
      'clusters: { null: { account: x } }\n',
      'a: {:}\n',
      'a: {~}\n',
      'a: [:]\n',
      'a: [ ~:]\n',
      'a: {~ #c\n}\n',
      // js-yaml a string, yaml Infinity.
      'a: 1e400\n',
      '1e400: i\n',
      `a: ${'9'.repeat(309)}\n`,
      'a: 1.e999\n',
      'a: [9.e308]\n',
      `a: 0x${'f'.repeat(300)}\n`,
      // A carriage return alone: js-yaml ends the comment there, yaml does not.
      'a: #\r ~\n',
      'org: acme # c\rbogus: 1\n',
      // Byte-order marks, which js-yaml drops before counting positions (and keeps after the first line).
      '\uFEFFa: 1\n',
      '# c\n\uFEFFa: 1\n',
      // Block scalars: indentation indicators and whitespace-only lines read differently.
      'a: |1\n  \nb: 1\n',
      'k: >2+ # c\n    \nz: 1\n',
      'k:\n  |2-\n   \n\n',
      'a: |+\n  x\n ',
      '  a: >\n  \t',
      // Quoted scalars over lines: escaped line breaks before blank lines, lines that start with `#`.
      'k: "x\\\n\n  y"\n',
      "k: '''\n#'\nz: 1\n",
      'a: "one\n  two"\n',
      // An empty item of a nested list: js-yaml [[null, "y"]], yaml [[null], "y"].
      'a:\n- -\n- y\n',
      'a:\n-\n  - a\n  -\n- y\n',
      // A quote right after a flow mapping's colon, going on over lines.
      '{"folderId":"12345\\\n\n  67890"}\n',
    ])
      assert.equal(fastValue(text), undefined, text);
    // What people write stays on the fast path: apostrophes and quotes in comments and values, ARNs
    // with key ids, digests, tables and rules drawn in comments, folded and literal text, lists of
    // mappings, numbers.
    for (const text of [
      "# don't put 'prod' here, see 'default pool\norg: acme # the 'org\n",
      'because: "it\'s the \'prod pool"\nnote: \'say "hi\'\n',
      'kmsKeyId: arn:aws:kms:us-east-1:123456789012:key/5e7a9c3d-1e49-4b2e-9e3f-2e4567890abc\n',
      'image: ghcr.io/acme/app@sha256:9e3f2e4567890abc1e494b2e5e7a9c3d9e3f2e4567890abc1e494b2e5e7a9c3d\n',
      '# | pool | cluster |\n# - - - - - -\n# cost > budget >\norg: acme\n',
      'because: >-\n  attribute routing: a cluster\n  in default\nwhy: |\n  one\n  two\nnext: 1\n',
      'pools:\n  - name: a\n    clusters: [x, y]\n  - { name: b }\nretentionDays: 30\nratio: 1.5\nbig: 1e300\n',
      'owner: ml-platform@acme.example\ndocs: https://acme.example/a?b=c#d\n',
    ]) {
      assert.notEqual(fastValue(text), undefined, text);
      assert.deepEqual(fastValue(text), parse(text, { version: '1.2' }), text);
    }
    // Plain text with signs and zeros where neither parser sees a number stays on the fast path.
    for (const text of ['name: ml-01\n', 'id: p-0\n', 'a: -1.5\n', 'b: 0x1F\n']) assert.deepEqual(fastValue(text), parse(text, { version: '1.2' }), text);
  });

  it('reads a model with findings as the positioned parser does: its value decides, the findings are located', () => {
    // A stale acknowledgement is a warning, so the model has something to report either way.
    const warned = MINIMAL_DOMAIN.replace('region: us-central1 }', 'region: us-central1, labels: { cost: -0x1f } }') + 'acknowledge:\n  - { warning: bucket-region }\n';
    // js-yaml reads -0x1f as the number -31, which no label may be; yaml (YAML 1.2's core schema) as the string.
    const compiled = compileYaml(warned);
    assert.equal(compiled.plan?.gcp?.labels.cost, '-0x1f');
    assert.deepEqual(compiled.findings.map((f) => [f.path.join('.'), f.severity, f.line, f.col]), [['acknowledge.0', 'warning', 15, 5]]);
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
