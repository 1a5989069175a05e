// Locating findings from parts of the text must give exactly the positions the whole text's
// positioned parse gives, for every key and value of every model here, or decline.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import { compileText } from '../../src/compile';
import type { ModelPath } from '../../src/model/findings';
import { fastValue } from '../../src/model/fast-parse';
import { loadText } from '../../src/model/load';
import { sourceInParts } from '../../src/model/part-positions';
import { fixturePath } from '../helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const models: [string, string][] = [
  ...readdirSync(path.dirname(fixturePath('seed-cluster-pools.yaml')))
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, string] => [f, readFileSync(fixturePath(f), 'utf8')]),
  ['stacks/isolation.yaml', readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8')],
  ['stacks/isolation-byoc.yaml', readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8')],
  ['bench model, 5 projects', generateModel(5).yaml],
];

/** Every path of `value`, each with a child that does not exist. */
function pathsOf(value: unknown, at: ModelPath = []): ModelPath[] {
  const out: ModelPath[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...at, i], ...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([...at, k], ...pathsOf(v, [...at, k]));
  if (at.length > 0) out.push([...at, 'no-such-key']);
  return out;
}

describe('positions from parts of the text', () => {
  it('are those of the whole text, for every key and value of every model', () => {
    let located = 0;
    let fast = 0;
    for (const [name, text] of models) {
      // Only fast-path texts are located in parts; the others are parsed whole anyway.
      const value = fastValue(text) as Record<string, unknown> | undefined;
      if (!value) continue;
      fast++;
      const whole = loadText(text, name).source;
      for (const p of pathsOf(value)) {
        const parts = sourceInParts(text, name, value, [p]);
        if (!parts) continue;
        located++;
        for (const at of ['key', 'value'] as const) assert.deepEqual(parts.locate(p, at), whole.locate(p, at), `${name}: ${JSON.stringify(p)} (${at})`);
      }
    }
    // Most paths are in a part that can be cut out; the rest (a finding about the whole model, say) decline.
    assert.ok(fast >= models.length - 2 && located > 1000, `${fast} of ${models.length} models on the fast path, ${located} paths located`);
  });

  it('locates a warning of the bench model from its cluster\'s entry alone, where the whole text puts it', () => {
    const text = generateModel(50).yaml;
    const compiled = compileText(text, 'bench.yaml');
    const [warning] = compiled.findings;
    assert.equal(warning?.path.join('.'), 'clusters.shared');
    const whole = loadText(text, 'bench.yaml').source.locate(warning.path, warning.at);
    assert.deepEqual({ line: warning.line, col: warning.col }, whole);
  });

  it('cuts out a list written at its key\'s own indentation', () => {
    const text = 'org: acme\nprojects:\n- a\n- b\n# a comment\nclusters:\n  a: { account: x }\n';
    const parts = sourceInParts(text, 'm.yaml', fastValue(text) as Record<string, unknown>, [['projects', 1]]);
    assert.deepEqual(parts?.locate(['projects', 1]), { line: 4, col: 3 });
  });

  it('declines a finding about the whole model, a top-level flow mapping, and CR line ends', () => {
    const text = 'org: acme\nclusters:\n  a: { account: x }\n';
    const value = fastValue(text) as Record<string, unknown>;
    assert.ok(sourceInParts(text, 'm.yaml', value, [['clusters', 'a']]));
    assert.equal(sourceInParts(text, 'm.yaml', value, [[]]), undefined);
    assert.equal(sourceInParts(text, 'm.yaml', value, [['missing']]), undefined);
    const flow = '{org: acme, clusters: {a: {account: x}}}\n';
    assert.equal(sourceInParts(flow, 'm.yaml', fastValue(flow) as Record<string, unknown>, [['clusters', 'a']]), undefined);
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(sourceInParts(crlf, 'm.yaml', fastValue(crlf) as Record<string, unknown>, [['clusters', 'a']]), undefined);
  });

  it('uses a part only where it reads what the fast path read there', () => {
    // A flow mapping that goes on at deeper indentation: cut out with its entry, located as in the whole text.
    const deeper = 'org: acme\nclusters:\n  a: { account: x,\n    region: y }\n  b: { account: z }\n';
    const parts = sourceInParts(deeper, 'm.yaml', fastValue(deeper) as Record<string, unknown>, [['clusters', 'a', 'region']]);
    assert.deepEqual(parts?.locate(['clusters', 'a', 'region']), loadText(deeper, 'm.yaml').source.locate(['clusters', 'a', 'region']));
    // Going on at the key's own indentation, js-yaml reads it and yaml does not: every part that
    // holds it reads otherwise, so the whole text is parsed, and yaml's complaint decides as before.
    const level = deeper.replace('    region', '  region');
    assert.ok(fastValue(level));
    assert.ok(loadText(level, 'm.yaml').findings.length > 0);
    assert.equal(sourceInParts(level, 'm.yaml', fastValue(level) as Record<string, unknown>, [['clusters', 'a', 'region']]), undefined);
  });
});
