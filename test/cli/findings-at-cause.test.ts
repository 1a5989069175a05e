// Findings that point at the cause (issue 16): a misspelt definition once, where it is; a Flyte name
// as a workflow's fix; JSON errors called JSON; unusable paths as usage errors (exit 2).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { suggestWorkflow } from '../../src/model/suggest';
import { compileYaml, findingLines, fixturePath, fixtureText, runCli, temporaryDir } from '../helpers';

describe('findings at the cause', () => {
  it('a misspelt domain is one finding at its definition, whose fix is the name the references use', () => {
    const lines = findingLines(compileYaml(fixtureText('typo-domain.yaml')));
    assert.deepEqual(lines, [
      'model.yaml:4:12 domains.developmnet: domain "developmnet" looks misspelt: the model refers to "development" 4 times and to "developmnet" 0 times (found "developmnet"; allowed the domain name the rest of the model uses). Fix: Rename "developmnet" to "development" here; the references to "development" are then correct.',
    ]);
  });

  it('a misspelt project is one finding at its definition', () => {
    const yaml = fixtureText('typo-domain.yaml').replace('{ developmnet:', '{ development:').replace('projects: [demand, pricing]', 'projects: [demnad, pricing]');
    const lines = findingLines(compileYaml(yaml));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /^model\.yaml:5:12 projects\[0\]: project "demnad" looks misspelt: the model refers to "demand" 4 times .*Fix: Rename "demnad" to "demand" here/);
  });

  it('a single misspelt reference is still reported at the reference, with the defined name as its fix', () => {
    const yaml = fixtureText('typo-domain.yaml').replace('{ developmnet:', '{ development:').replace('dev-pricing: { account: development/pricing }', 'dev-pricing: { account: developmnet/pricing }');
    const lines = findingLines(compileYaml(yaml));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /clusters\.dev-pricing\.account: names no isolation unit .*Did you mean "development\/pricing"\?/);
  });

  it("a wrong workflow name gets a Flyte name as its fix, not a DNS label", () => {
    assert.equal(suggestWorkflow('workflows/train_demand_model.py'), 'workflows.train_demand_model');
    assert.equal(suggestWorkflow('workflows/train demand-model'), 'workflows.train_demand_model');
    const yaml = fixtureText('typo-domain.yaml').replace('{ developmnet:', '{ development:').replace('clusterPoolName: dev-demand-cp }', 'workflow: "workflows/train_demand_model.py", clusterPoolName: dev-demand-cp }');
    assert.match(findingLines(compileYaml(yaml)).join('\n'), /workflow is not a valid name .*Fix: Use the workflow's Flyte name, for example "workflows\.train_demand_model"/);
  });

  it('a JSON model with a syntax error is called JSON, at the position JSON stops', () => {
    const dir = temporaryDir();
    const file = path.join(dir, 'model.json');
    writeFileSync(file, '{\n  "org": "acme",\n  "isolation": "domain",\n}\n');
    const r = runCli(['validate', '-m', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /model\.json:4:1 \(model\): the file is not valid JSON/);
  });

  it('a missing model, a directory as model and an unwritable -o are usage errors (exit 2)', () => {
    const dir = temporaryDir();
    mkdirSync(path.join(dir, 'models'));
    const missing = runCli(['validate', '-m', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^union-isolation validate: cannot read model 'nope.yaml': no such file/);
    const byDefault = runCli(['plan'], { cwd: dir, env: { UNION_ISOLATION_MODEL: '' } });
    assert.equal(byDefault.code, 2);
    assert.match(byDefault.stderr, /stacks\/isolation\.yaml': no such file \(the default; pass -m MODEL or set UNION_ISOLATION_MODEL\)/);
    const directory = runCli(['validate', '-m', 'models'], { cwd: dir });
    assert.equal(directory.code, 2);
    assert.match(directory.stderr, /model 'models' is a directory/);
    const proc = runCli(['synth', '-m', fixturePath('synth-domain-isolation.yaml'), '-o', '/proc/x'], { cwd: dir });
    assert.equal(proc.code, 2, proc.stderr);
    assert.match(proc.stderr, /cannot write output directory '\/proc\/x'/);
  });

  it('UNION_ISOLATION_MODEL is honoured by the CLI as by the cdktf app', () => {
    const r = runCli(['validate'], { cwd: temporaryDir(), env: { UNION_ISOLATION_MODEL: fixturePath('synth-project-isolation.yaml') } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /synth-project-isolation\.yaml: 0 errors/);
  });
});
