import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, MINIMAL_DOMAIN, runCli, temporaryDir } from '../helpers';

function modelFile(text: string, name = 'isolation.yaml'): string {
  const dir = temporaryDir('ui-cli-');
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('union-isolation validate', () => {
  it('exits 0 on the bundled model, from the repo root', () => {
    const r = runCli(['validate']);
    assert.equal(r.code, 0, r.stderr);
    // Its warnings are acknowledged in the model (acknowledge:), so none is printed.
    assert.match(r.stdout, /^stacks\/isolation\.yaml: 0 errors, 0 warnings: project isolation, 7 units/);
  });

  it('exits 1 with every finding located, and no stack trace', () => {
    const file = modelFile(MINIMAL_DOMAIN.replace('org: acme', 'org: Acme').replace('clusterPools:', 'clusterPool:'));
    const r = runCli(['validate', '-m', file]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.some((l) => l.startsWith(`${file}:1:6 org: the org is not a valid name (found "Acme";`)), r.stderr);
    assert.ok(lines.some((l) => l.startsWith(`${file}:10:1 clusterPool: unknown key`)), r.stderr);
    assert.equal(lines.at(-1), `${file}: 2 errors, 0 warnings`);
    assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*:\d+:\d+\)/);
  });

  it('exits 2 (bad usage) when the model file is missing or a directory', () => {
    const missing = runCli(['validate', '-m', 'no/such/model.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^union-isolation validate: cannot read model 'no\/such\/model\.yaml': no such file/);
    const dir = runCli(['validate', '-m', 'test']);
    assert.equal(dir.code, 2);
    assert.match(dir.stderr, /model 'test' is a directory/);
  });

  it('prints findings as JSON with --json', () => {
    const r = runCli(['validate', '--json', '-m', fixturePath('seed-cluster-pools-as-written.yaml')]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { ok: boolean; findings: { path: unknown[]; line: number; problem: string; severity?: string; code?: string }[] };
    assert.equal(out.ok, false);
    // Warnings come with the errors, with their code (what `acknowledge` names).
    assert.deepEqual(out.findings.map((f) => [f.path, f.line, f.severity ?? 'error', f.code ?? null]), [
      [['projects', 0], 6, 'error', null],
      [['clusters', 'my-dev-cluster'], 10, 'warning', 'queue-routing'],
      [['clusterPools', 'dr-region'], 26, 'warning', 'bucket-region'],
    ]);
    assert.equal(r.stderr, '');
  });

  it('exits 2 on bad usage, with the usage line', () => {
    const r = runCli(['validate', '--modle', 'x.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^union-isolation validate: Unknown option '--modle'\nUsage: union-isolation validate \[-m MODEL\] \[--json\]\n$/);
    assert.equal(runCli(['validate', 'extra']).code, 2);
  });

  it('exits 2 on an unknown command, suggesting the nearest', () => {
    const r = runCli(['valdiate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'valdiate' \(allowed: validate, plan, synth, diff, add-project, stacks, init\)\. Did you mean 'validate'\?/);
  });

  it('prints help with exit 0, and usage with exit 2 when no command is given', () => {
    const help = runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Commands:\n {2}validate/);
    assert.equal(runCli([]).code, 2);
    const cmdHelp = runCli(['plan', '--help']);
    assert.equal(cmdHelp.code, 0);
    assert.match(cmdHelp.stdout, /Usage: union-isolation plan \[-m MODEL\] \[--json\]/);
  });
});

describe('union-isolation plan', () => {
  it('prints the resolved plan as JSON', () => {
    const r = runCli(['plan', '--json', '-m', fixturePath('seed-domain-isolation.yaml')]);
    assert.equal(r.code, 0, r.stderr);
    const plan = JSON.parse(r.stdout) as { units: { key: string; name: string }[] };
    assert.deepEqual(plan.units.map((u) => u.name), ['gcp-project-union-development', 'aws-subaccount-union-production', 'gcp-project-union-staging']);
  });

  it('exits 1 and prints no plan for an invalid model', () => {
    const r = runCli(['plan', '-m', fixturePath('seed-cluster-pools-as-written.yaml')]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
  });
});
