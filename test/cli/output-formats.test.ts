// Output for people and for CI (issue 16): plan as text or Markdown, findings as SARIF and GitHub
// annotations on the lines they concern, starter files from init.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, runCli, temporaryDir } from '../helpers';

const AS_WRITTEN = fixturePath('seed-cluster-pools-as-written.yaml');

describe('output formats', () => {
  it('plan: the same text summary piped as with --format text, Markdown with --format md', () => {
    const piped = runCli(['plan']);
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(runCli(['plan', '--format', 'md']).stdout, /^# Union data-plane plan for `acme`/);
    const text = runCli(['plan', '--format', 'text']).stdout;
    assert.equal(piped.stdout, text);
    assert.match(text, /^Union data-plane plan for acme \(project isolation\)\n/);
    assert.match(text, /^flytesnacks\/production my_critical_wf +prod-critical-cp +explicit +production\/flytesnacks \(AWS\)$/m);
    assert.match(text, /^Next: /m);
    assert.equal(runCli(['plan', '--format', 'html']).code, 2);
  });

  it('validate --format github: one workflow command per finding, on its line', () => {
    const r = runCli(['validate', '--format', 'github', '-m', AS_WRITTEN]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stdout);
    assert.match(lines[0]!, /^::error file=.*seed-cluster-pools-as-written\.yaml,line=6,col=12,title=union-isolation .*::projects\[0\]: flytesnacks\/production needs an explicit assignment/);
    assert.match(lines[1]!, /^::warning file=.*,line=10,col=19,title=union-isolation queue-routing::clusters\.my-dev-cluster: /);
    assert.match(lines[2]!, /^::warning file=.*,line=26,col=5,title=union-isolation bucket-region::clusterPools\.dr-region: /);
  });

  it('validate --format sarif: SARIF 2.1.0 with a result per finding', () => {
    const r = runCli(['validate', '--format', 'sarif', '-m', AS_WRITTEN]);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { level: string; ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0]!.results.map((x) => [x.level, x.locations[0]!.physicalLocation.region.startLine]), [['error', 6], ['warning', 10], ['warning', 26]]);
    assert.equal(sarif.runs[0]!.results[2]!.ruleId, 'bucket-region');
  });

  it('init writes a starter model that validates, cdktf.json and .gitignore, and never overwrites', () => {
    const dir = temporaryDir();
    const r = runCli(['init'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const model = readFileSync(path.join(dir, 'stacks', 'isolation.yaml'), 'utf8');
    assert.match(model, /^# yaml-language-server: \$schema=\.\.\/node_modules\/union-isolation\/schema\/isolation\.schema\.json$/m);
    assert.doesNotMatch(model, /acknowledge:/);
    assert.match(readFileSync(path.join(dir, 'cdktf.json'), 'utf8'), /"app": "node node_modules\/union-isolation\/dist\/stacks\/cdktf-app\.js"/);
    assert.match(readFileSync(path.join(dir, '.gitignore'), 'utf8'), /^cdktf\.out\/$/m);
    assert.equal(runCli(['validate'], { cwd: dir, env: { UNION_ISOLATION_MODEL: '' } }).code, 0);
    assert.equal(runCli(['init'], { cwd: dir }).code, 2);
  });
});
