import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MODEL_BYTES } from '../../src/model/read';
import { compileYaml, expectFindings, findingLines, MINIMAL_DOMAIN } from '../helpers';

describe('loading a model file', () => {
  it('accepts JSON with the same shape as YAML', () => {
    const yaml = compileYaml(MINIMAL_DOMAIN);
    assert.ok(yaml.model);
    const json = compileYaml(JSON.stringify(yaml.model), 'model.json');
    assert.deepEqual(findingLines(json), []);
    assert.deepEqual(json.plan, yaml.plan);
  });

  it('fails when a key is written twice, pointing at the second one', () => {
    const [f] = expectFindings(compileYaml(MINIMAL_DOMAIN + 'org: other\n'), 'a key is written twice in the same mapping');
    assert.equal(f!.line, 14);
    assert.equal(f!.col, 1);
  });

  it('fails when the file is not YAML at all', () => {
    const lines = findingLines(compileYaml('org: [unclosed\nisolation: domain\n'));
    assert.match(lines[0]!, /^model\.yaml:\d+:\d+ \(model\): the file is not valid YAML \(found .+\)\. Fix: Correct the syntax at this position\.$/);
  });

  it('reads a text one way: what YAML 1.2 refuses is a located syntax finding, never a lenient reading', () => {
    // A flow list's inner line at its key's indentation, and a comment without a space before it:
    // once read leniently (as the list [a, b]), so whether the model was valid depended on the parser.
    const under = findingLines(compileYaml(MINIMAL_DOMAIN.replace('projects: [flytesnacks]', 'projects: [flytesnacks,\nb]')));
    assert.match(under[0]!, /^model\.yaml:\d+:1 \(model\): the file is not valid YAML \(found Flow sequence in block collection must be sufficiently indented and end with a \] \(BAD_INDENT\); allowed YAML 1\.2 or JSON\)/);
    const comment = findingLines(compileYaml(MINIMAL_DOMAIN.replace('projects: [flytesnacks]', 'projects: [flytesnacks]# no space')));
    assert.match(comment[0]!, /^model\.yaml:\d+:24 \(model\): the file is not valid YAML \(found Comments must be separated from other tokens by white space characters \(MISSING_CHAR\); allowed YAML 1\.2 or JSON\)/);
  });

  it('fails when the model is a scalar or a list', () => {
    expectFindings(compileYaml('just text\n'), 'model.yaml:1:1 (model): the model must be a mapping of keys (found "just text"; allowed a mapping with org, isolation, domains, ...)');
    expectFindings(compileYaml('- a\n- b\n'), 'the model must be a mapping of keys (found a list;');
  });

  it('fails when the file is empty', () => {
    expectFindings(compileYaml(''), 'the model is empty');
  });

  it('fails cleanly on a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const started = process.hrtime.bigint();
    expectFindings(compileYaml(bomb.join('\n') + '\n'), 'the model expands YAML aliases too many times');
    assert.ok(process.hrtime.bigint() - started < 2_000_000_000n, 'an alias bomb must be refused before it expands');
  });

  it('fails cleanly on deep nesting', () => {
    expectFindings(compileYaml('org: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'), 'the model is nested too deeply (found 10000 levels; allowed at most 64 levels)');
  });

  it('fails when the file is larger than the cap', () => {
    const huge = MINIMAL_DOMAIN + '#'.repeat(MAX_MODEL_BYTES) + '\n';
    expectFindings(compileYaml(huge), 'the model file is too large');
  });

  it('fails on binary content', () => {
    expectFindings(compileYaml('org: acme\u0000\u0001\n'), 'the model file is not UTF-8 text');
  });
});
