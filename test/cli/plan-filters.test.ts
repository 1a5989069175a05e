// plan --domain/--project/--pool (issue 27): a slice of the review, never a confidently wrong one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers';

describe('plan filters', () => {
  it('--format md --domain prints that domain whole, saying at the top what it leaves out', () => {
    const r = runCli(['plan', '--format', 'md', '--domain', 'staging']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines.slice(0, 12).join('\n'), /^\*\*Filtered\*\* to domain `staging`: the pairs selected and everything their work touches/m);
    assert.match(r.stdout, /^## Assignments$/m);
    const pairs = [...r.stdout.matchAll(/^\| `([a-z0-9-]+)` \| `([a-z]+)` \| /gm)].filter((m) => ['development', 'staging', 'production'].includes(m[2]!));
    assert.ok(pairs.length > 0 && pairs.every((m) => m[2] === 'staging'), 'only staging pairs');
  });

  it('text: the same screen with several names, comma-separated', () => {
    const r = runCli(['plan', '--project', 'analytics,ml-experiments']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}Filtered to project analytics, project ml-experiments, with what their work runs on/m);
    assert.match(r.stdout, /^ml-experiments\/staging +on-demand-cp +automatic +default \(AWS\)$/m);
    assert.doesNotMatch(r.stdout, /^flytesnacks\//m);
  });

  it('fails with exit 2 on a name the model does not have, suggesting the nearest', () => {
    const r = runCli(['plan', '--pool', 'on-demand']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--pool 'on-demand': the model has no pool of that name \(found 9 pools: .*\)\. Did you mean 'on-demand-cp'\?/);
    assert.equal(runCli(['plan', '--domain', 'staging,']).code, 2);
  });

  it('refuses a filter with --json: plan.json is the whole plan', () => {
    const r = runCli(['plan', '--json', '--domain', 'staging']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format json prints the whole plan/);
  });
});
