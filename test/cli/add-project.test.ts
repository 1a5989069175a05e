import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compileFile } from '../../src/compile';
import { fixturePath, runCli, temporaryDir } from '../helpers';

/** A copy of a fixture in a fresh directory, as `isolation.yaml`; returns the directory. */
function workspace(fixture: string): string {
  const dir = temporaryDir('ui-add-');
  copyFileSync(fixturePath(fixture), path.join(dir, 'isolation.yaml'));
  return dir;
}

function comments(text: string): string[] {
  return text.split('\n').flatMap((l) => (l.includes('#') ? [l.slice(l.indexOf('#'))] : []));
}

describe('union-isolation add-project', () => {
  it('adds a project to the default account: every comment kept, no resource added or changed, one attribute file per domain', () => {
    const dir = workspace('outputs-commented-project.yaml');
    const file = path.join(dir, 'isolation.yaml');
    const before = readFileSync(file, 'utf8');
    const planBefore = compileFile(file).plan!;
    const r = runCli(['add-project', 'epsilon', '-m', 'isolation.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);

    const after = readFileSync(file, 'utf8');
    assert.deepEqual(comments(after), comments(before));
    assert.equal(after.replace('    - epsilon\n', ''), before);

    const planAfter = compileFile(file).plan!;
    assert.deepEqual(planAfter.units, planBefore.units, 'no account or project added or changed');
    assert.deepEqual(planAfter.storageGroups, planBefore.storageGroups, 'no bucket added or changed');
    assert.deepEqual(planAfter.stacks, planBefore.stacks);
    const added = planAfter.assignments.filter((a) => a.project === 'epsilon');
    assert.deepEqual(
      added.map((a) => [a.domain, a.pool, a.origin, a.file]),
      [
        ['development', 'on-demand-cp', 'automatic', 'epsilon-development.yaml'],
        ['production', 'on-demand-cp', 'automatic', 'epsilon-production.yaml'],
      ],
    );

    assert.equal(
      r.stdout,
      [
        'Added epsilon to onDemand.projects in isolation.yaml.',
        'Accounts and projects: none added or changed.',
        'Buckets: none added or changed.',
        "New attribute files (run 'union-isolation synth', then apply-cluster-pool-attributes.sh once the project exists in Union):",
        '  cluster-pool-attributes/epsilon-development.yaml  epsilon/development -> on-demand-cp (automatic)',
        '  cluster-pool-attributes/epsilon-production.yaml  epsilon/production -> on-demand-cp (automatic)',
        "Next: a pull request ('union-isolation diff --base OLD' shows the change), 'union-isolation synth', and once epsilon exists in Union 'apply-cluster-pool-attributes.sh --project epsilon'.",
        '',
      ].join('\n'),
    );
    assert.deepEqual(readdirSync(dir), ['isolation.yaml'], 'no temporary file left behind');
  });

  it('adds to projects in domain isolation, keeping the flow list', () => {
    const dir = workspace('outputs-commented-domain.yaml');
    const r = runCli(['add-project', 'new-one', '--json'], { cwd: dir, env: {} });
    // Without -m the default model path is used, which this directory does not have: bad usage.
    assert.equal(r.code, 2, r.stderr);
    const ok = runCli(['add-project', 'new-one', '-m', 'isolation.yaml', '--json'], { cwd: dir });
    assert.equal(ok.code, 0, ok.stderr);
    const out = JSON.parse(ok.stdout);
    assert.equal(out.addedTo, 'projects');
    assert.deepEqual(out.units, []);
    assert.deepEqual(
      out.assignments.map((a: { domain: string; after: { file: string } }) => [a.domain, a.after.file]),
      [
        ['development', 'new-one-development.yaml'],
        ['production', 'new-one-production.yaml'],
      ],
    );
    assert.match(readFileSync(path.join(dir, 'isolation.yaml'), 'utf8'), /^projects: \[flytesnacks, analytics, new-one\] {3}# add-project/m);
  });

  it('fails when the project already exists, and leaves the file untouched', () => {
    const dir = workspace('outputs-commented-project.yaml');
    const before = readFileSync(path.join(dir, 'isolation.yaml'), 'utf8');
    const r = runCli(['add-project', 'gamma', '-m', 'isolation.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^isolation\.yaml:16:7 onDemand\.projects\[0\]: project "gamma" is already in the model/m);
    assert.equal(readFileSync(path.join(dir, 'isolation.yaml'), 'utf8'), before);
  });

  it('fails when the name breaks the rules, and writes nothing', () => {
    const dir = workspace('outputs-commented-project.yaml');
    const before = readFileSync(path.join(dir, 'isolation.yaml'), 'utf8');
    for (const name of ['Bad_Name', 'x; rm -rf /']) {
      const r = runCli(['add-project', name, '-m', 'isolation.yaml'], { cwd: dir });
      assert.equal(r.code, 1, name);
      assert.match(r.stderr, /the project is not a valid name/);
    }
    // A DNS label whose namespace `{project}-{domain}` exceeds 63 characters: caught by the full rules.
    const long = 'p'.repeat(60);
    const r = runCli(['add-project', long, '-m', 'isolation.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not written: with p+ added, isolation\.yaml would have errors/);
    assert.equal(readFileSync(path.join(dir, 'isolation.yaml'), 'utf8'), before);
  });

  it('fails with a usage error without a name', () => {
    const r = runCli(['add-project']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing the project NAME/);
  });
});
