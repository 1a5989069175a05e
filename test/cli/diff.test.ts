import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, runCli, temporaryDir } from '../helpers';

/** The base fixture as old.yaml and an edited copy as new.yaml, in a fresh directory. */
function workspace(fixture: string, edit: (text: string) => string): string {
  const dir = temporaryDir('ui-diff-');
  copyFileSync(fixturePath(fixture), path.join(dir, 'old.yaml'));
  writeFileSync(path.join(dir, 'new.yaml'), edit(readFileSync(fixturePath(fixture), 'utf8')));
  return dir;
}

const removeBeta = (text: string) =>
  text
    .replace('projects: [alpha, beta]', 'projects: [alpha]')
    .split('\n')
    .filter((l) => !/beta/.test(l))
    .join('\n');

describe('union-isolation diff', () => {
  it('fails when a project is removed in project isolation: exit 3, naming the accounts it would remove', () => {
    const dir = workspace('outputs-commented-project.yaml', removeBeta);
    const r = runCli(['diff', '--base', 'old.yaml', '-m', 'new.yaml'], { cwd: dir });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /^union-isolation diff: refused: 4 destructive changes:$/m);
    assert.match(r.stderr, /^ {2}destroyed project development\/beta \(acme-development-beta\)$/m);
    assert.match(r.stderr, /^ {2}destroyed account production\/beta \(acme-production-beta\)$/m);
    assert.match(r.stderr, /^ {2}destroyed bucket acme-prod-beta-cp-metadata \(storage group prod-beta-cp\)$/m);
    assert.match(r.stderr, /Pass --allow-destroy if this is intended/);
    assert.doesNotMatch(r.stderr, /Next:/, 'a refusal ends with its fix, not a next step');
    assert.match(r.stdout, /^## union-isolation diff: `old\.yaml` → `new\.yaml`\n\n> \[!CAUTION\]/);
    assert.match(r.stdout, /^\| \*\*destroyed\*\* \| `production\/beta` \| AWS \| `acme-production-beta` \|/m);
  });

  it('passes the same removal with --allow-destroy', () => {
    const dir = workspace('outputs-commented-project.yaml', removeBeta);
    const r = runCli(['diff', '--base', 'old.yaml', '-m', 'new.yaml', '--allow-destroy'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /> \[!WARNING\]\n> \*\*4 destructive changes\*\*, allowed/);
    // The Markdown on stdout is the pull-request comment; what to do next goes to stderr, last.
    assert.match(r.stderr, /\nNext: 'union-isolation synth', then plan the stacks it changes \('union-isolation stacks --changed --base OLD --ready'\); apply after review\.\n$|^Next: .*\n$/);
    assert.doesNotMatch(r.stdout, /Next:/);
  });

  it('passes additive changes: a new project, a new pool and cluster', () => {
    const dir = workspace('outputs-commented-domain.yaml', (t) =>
      t
        .replace('projects: [flytesnacks, analytics]', 'projects: [flytesnacks, analytics, ml]')
        .replace('  prod: { account: production }', '  prod: { account: production }\n  prod-2: { account: production }')
        .replace('  production-cp: [prod]', '  production-cp: [prod]\n  batch-cp: [prod-2]')
        .concat('poolAssignments:\n  - { project: ml, domain: production, clusterPoolName: batch-cp }\n  - { project: flytesnacks, domain: production, clusterPoolName: production-cp }\n  - { project: analytics, domain: production, clusterPoolName: production-cp }\n'),
    );
    const r = runCli(['diff', '--base', 'old.yaml', '-m', 'new.yaml', '--json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.equal(d.destructive, false);
    assert.doesNotMatch(r.stderr, /Next:/, 'with --json, as validate --json, no next step');
    assert.equal(d.refused, false);
    assert.deepEqual(d.units, []);
    assert.deepEqual(d.buckets.map((b: { change: string; after: string }) => [b.change, b.after]), [['created', 'acme-batch-cp-metadata']]);
    assert.deepEqual(
      d.assignments.map((a: { project: string; domain: string; change: string }) => [a.project, a.domain, a.change]),
      [
        ['analytics', 'production', 'changed'],
        ['flytesnacks', 'production', 'changed'],
        ['ml', 'development', 'added'],
        ['ml', 'production', 'added'],
      ],
    );
  });

  it('says there is nothing to do when the models give the same plan', () => {
    const dir = workspace('outputs-commented-project.yaml', (t) => t.replace('# The end.', '# Reworded comment.'));
    const r = runCli(['diff', '--base', 'old.yaml', '-m', 'new.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No changes: both models give the same/);
  });

  it('fails with exit 1 when either model has errors, and exit 2 without --base', () => {
    const dir = workspace('outputs-commented-project.yaml', (t) => t.replace('org: acme', 'org: Acme'));
    const r = runCli(['diff', '--base', 'old.yaml', '-m', 'new.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^new\.yaml:3:6 org: /m);
    const usage = runCli(['diff', '-m', 'new.yaml'], { cwd: dir });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /missing --base OLD_MODEL/);
  });
});
