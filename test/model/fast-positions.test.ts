// Positions read by js-yaml (fast-positions.ts) must be exactly those of yaml's positioned document
// (load.ts) for every key and value, or not be given at all: a finding placed two lines off is worse
// than a slow one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { Document, isCollection, isScalar, visit, type Scalar } from 'yaml';
import { generateModel } from '../../bench/model';
import { compileText } from '../../src/compile';
import type { ModelPath } from '../../src/model/findings';
import { fastValue } from '../../src/model/fast-parse';
import { fastSource } from '../../src/model/fast-positions';
import { loadText } from '../../src/model/load';
import { fixturePath, ROOT } from '../helpers';

const models: [string, string][] = [
  ...readdirSync(path.dirname(fixturePath('seed-cluster-pools.yaml')))
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, string] => [f, readFileSync(fixturePath(f), 'utf8')]),
  ['stacks/isolation.yaml', readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8')],
  ['stacks/isolation-byoc.yaml', readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8')],
  ['bench model, 5 projects', generateModel(5).yaml],
];

/** Every path of `value` and the root, each collection with a child that does not exist. */
function pathsOf(value: unknown, at: ModelPath = []): ModelPath[] {
  const out: ModelPath[] = at.length === 0 ? [[]] : [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push([...at, i], ...pathsOf(v, [...at, i])));
    out.push([...at, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...at, k], ...pathsOf(v, [...at, k]));
    out.push([...at, 'no-such-key']);
  }
  return out;
}

/** The paths where the two readings place a key or value differently (empty when they agree). */
function mismatches(text: string): string[] {
  const value = fastValue(text);
  const fast = fastSource(text, 'm.yaml');
  assert.ok(value !== undefined && fast, `expected a fast-path text with positions:\n${text}`);
  const whole = loadText(text, 'm.yaml').source;
  const out: string[] = [];
  for (const p of pathsOf(value)) {
    for (const at of ['key', 'value'] as const) {
      const [a, b] = [fast.locate(p, at), whole.locate(p, at)];
      if (a.line !== b.line || a.col !== b.col) out.push(`${JSON.stringify(p)} ${at}: ${a.line}:${a.col}, yaml ${b.line}:${b.col}`);
    }
  }
  return out;
}

describe('positions read by js-yaml', () => {
  it('are those of yaml\'s document, for every key and value of every fixture and bundled model', () => {
    let located = 0;
    for (const [name, text] of models) {
      if (fastValue(text) === undefined) continue;
      assert.ok(fastSource(text, name), `${name}: no positions`);
      assert.deepEqual(mismatches(text), [], name);
      located++;
    }
    assert.ok(located >= models.length - 1, `only ${located} of ${models.length} models located`);
  });

  it('are those of yaml\'s document for texts written in every style both parsers accept', () => {
    // Model-like values, written by yaml with random flow and block collections, quoting, comments,
    // blank lines and widths (narrow widths break flow collections and plain scalars over lines),
    // and by js-yaml's dump with random options.
    // Strings of the characters that matter to YAML's layout, none of those that send a text to the
    // positioned parse anyway (fast-parse.ts).
    const chars = fc.constantFrom(...'ab z-:#{}[],"\'\\\n\t.019');
    const key = fc.oneof(fc.constantFrom('org', 'domains', 'clusters', 'a b', 'x-y', '1', 'true', 'on', 'region', '#c'), fc.string({ unit: chars, maxLength: 6 }));
    const scalar = fc.oneof(fc.string({ unit: chars, maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('a: b', '- x', '[y]', 'k: v, w', '# not a comment', 'x #y'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('tree'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    const model = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 });
    const yamlStyle = fc.record({
      seed: fc.integer(),
      indent: fc.constantFrom(2, 3, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 12, 20, 80),
      directives: fc.boolean(),
    });
    const jsYamlStyle = fc.record({
      indent: fc.constantFrom(1, 2, 4),
      flowLevel: fc.constantFrom(-1, 0, 1, 2),
      lineWidth: fc.constantFrom(-1, 10, 40),
      noArrayIndent: fc.boolean(),
      quotingType: fc.constantFrom('"', "'"),
      forceQuotes: fc.boolean(),
      condenseFlow: fc.boolean(),
    });
    const text = fc.oneof(
      fc.tuple(model, yamlStyle).map(([value, style]) => writtenByYaml(value, style)),
      fc.tuple(model, jsYamlStyle).map(([value, style]) => dump(value, { ...style, quotingType: style.quotingType as '"' | "'" })),
    );
    let compared = 0;
    let declined = 0;
    const skipped = { fastPath: 0, notMapping: 0, yamlFindings: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const value = fastValue(t);
        if (value === undefined) return void skipped.fastPath++;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return void skipped.notMapping++;
        const loaded = loadText(t, 'm.yaml');
        if (loaded.findings.length > 0) return void skipped.yamlFindings++;
        // Both read the same value (fast-parse.ts), so positions on js-yaml's reading are for yaml's too.
        assert.deepEqual(value, loaded.value, t);
        if (!fastSource(t, 'm.yaml')) {
          declined++;
          return;
        }
        compared++;
        assert.deepEqual(mismatches(t), [], t);
      }),
      { numRuns: 1000, seed: 1302 },
    );
    // Not vacuous: hundreds of generated texts compared, and nearly all fast-path texts get positions.
    assert.ok(compared > 250 && declined < compared / 10, `${compared} texts compared, ${declined} declined, skipped: ${JSON.stringify(skipped)}`);
  });

  it('are those of yaml\'s document in texts that look like something else', () => {
    for (const text of [
      // Inner lines of a multi-line flow collection that look like keys.
      'org: acme\nclusters:\n  a: { account: x,\n    region: y }\n  b: {account: z}\n',
      'org: acme\nclusters:\n  a: [x,\n    "region: y",\n    z]\n  b: 1\n',
      'org: acme\nclusters: {\n  a: 1,\n  b: 2\n}\nnext: 3\n',
      // Keys whose value is not written, with comments and blank lines between.
      'a:\nb: 1\nc:\n  # c\n  d: 1\n',
      'a: # c\n  d: 1\n  # x\n\n  e:\n  f: ~\ng:   \nh: \t # c\ni:\n',
      // A list at its key's own indentation, nested lists, plain multi-line scalars.
      'a:\n- 1\n- b: 2\n  c: 3\n- - x\n  - y\n',
      'a: x\nc: plain\n  multi\n',
      // Document markers, CR line ends, quoted and numeric keys, tabs after values.
      '---\na: 1\nb:\n...\n',
      'a: 1\r\nb:\r\n  c: 2\r\n',
      '"a": 1\n\'b c\': 2\n1: x\ntrue: y\nz: 1\t\n',
    ]) {
      assert.deepEqual(mismatches(text), [], text);
    }
  });

  it('are not given where js-yaml\'s nodes do not account for the value one by one', () => {
    // Left to yaml's document: a flow mapping entry without a value, a pair inside a flow list.
    for (const text of ['a: {b}\n', 'a: [b: 1]\n', 'a: [{b}, c]\n']) {
      assert.notEqual(fastValue(text), undefined, text);
      assert.equal(fastSource(text, 'm.yaml'), undefined, text);
    }
  });

  it('are not given for what the fast path does not read', () => {
    // A carriage return alone ends a comment for js-yaml and not for yaml: with one in the bundled
    // model's comment, the finding is where yaml puts it (the value is empty, so after `perDomain: `),
    // not at the `~` js-yaml would read after the carriage return.
    const lines = readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => /^\s+perDomain:/.test(l));
    assert.ok(line >= 0, 'the bundled model has no perDomain line');
    lines[line] = lines[line]!.replace(/perDomain:.*/, 'perDomain: # unset for now\r       ~');
    const text = lines.join('\n');
    assert.equal(fastSource(text, 'm.yaml'), undefined);
    const finding = compileText(text, 'm.yaml').findings.find((f) => f.path.at(-1) === 'perDomain');
    assert.deepEqual(finding && { line: finding.line, col: finding.col }, { line: line + 1, col: lines[line]!.indexOf('#') + 1 });
  });

  it('leave to yaml\'s document what js-yaml\'s nodes do not account for: findings located there', () => {
    // A flow mapping entry without a value: the fast path reads it, its positions are yaml's.
    const text = 'org: acme\nisolation: sideways\nextra: {b}\n';
    assert.notEqual(fastValue(text), undefined);
    assert.equal(fastSource(text, 'm.yaml'), undefined);
    const located = compileText(text, 'm.yaml').findings.map((f) => [f.path.join('.'), f.line, f.col]);
    assert.deepEqual(located.filter(([p]) => p === 'isolation' || p === 'extra'), [
      ['isolation', 2, 12],
      ['extra', 3, 1],
    ]);
  });

  it('for a list position that is not one, the list itself, as yaml\'s document gives it', () => {
    const text = 'a:\n  - x\n';
    const [fast, whole] = [fastSource(text, 'm.yaml')!, loadText(text, 'm.yaml').source];
    for (const index of [-1, 0.5, 2]) {
      assert.deepEqual(fast.locate(['a', index]), { line: 2, col: 3 });
      assert.deepEqual(whole.locate(['a', index]), { line: 2, col: 3 });
    }
  });

  it('locate a warned model\'s findings where yaml\'s document does', () => {
    // What the bench's models and its figures for `validate` rest on (test/cli/modules-loaded.test.ts:
    // without loading yaml at all).
    const text = generateModel(50).yaml;
    const compiled = compileText(text, 'bench.yaml');
    const [warning] = compiled.findings;
    assert.equal(warning?.path.join('.'), 'clusters.shared');
    assert.deepEqual({ line: warning.line, col: warning.col }, loadText(text, 'bench.yaml').source.locate(warning.path, warning.at));
  });
});

interface YamlStyle {
  readonly seed: number;
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly lineWidth: number;
  readonly directives: boolean;
}

/** `value` written by yaml, each node's style, comments and spacing chosen from `seed`. */
function writtenByYaml(value: unknown, style: YamlStyle): string {
  let state = style.seed | 0 || 1;
  const next = () => {
    // xorshift: the same text for the same seed, so a failure reproduces.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 8;
  };
  const doc = new Document(value);
  visit(doc, {
    Node(at, node) {
      const roll = next();
      if (isCollection(node) && roll < 2) node.flow = true;
      // No block scalars, which the fast path leaves to the positioned parse; keys stay implicit (a
      // comment on a key makes it an explicit `? ` key, left to it as well).
      const types: Scalar.Type[] = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'];
      if (isScalar(node) && typeof node.value === 'string') node.type = types[roll % types.length];
      if (at === 'key') return;
      if (roll === 3) node.commentBefore = ' before';
      if (roll === 4) node.comment = ' after';
      if (roll === 5) node.spaceBefore = true;
    },
  });
  if (style.directives) doc.directives!.docStart = true;
  return doc.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: style.lineWidth, minContentWidth: 0 });
}
