// What the published package holds: every file the installed code reads at run time must be in
// package.json's `files`, or an installed copy fails where the repository works (issue 26: BYOC
// models with a GCP unit could not be validated from the tarball).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { byocMessages } from '../../src/model/messages';
import { BUNDLED_GCP_ROLE_FILE } from '../../src/model/union-gcp-role';
import { ROOT } from '../helpers';

/** The files `npm pack` would put in the tarball, without writing it (no network, no scripts). */
function packedFiles(): Set<string> {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return new Set(pack!.files.map((f) => f.path));
}

describe('the package', () => {
  const files = packedFiles();

  it('carries the bundled copy of Union\'s GCP role file, where the installed code looks for it', () => {
    assert.ok(files.has(path.relative(ROOT, BUNDLED_GCP_ROLE_FILE)), `${path.relative(ROOT, BUNDLED_GCP_ROLE_FILE)} is not packed`);
  });

  it('carries both bundled models the README cites, and the CLI', () => {
    for (const f of ['stacks/isolation.yaml', 'stacks/isolation-byoc.yaml', 'dist/src/cli/union-isolation.js', 'cdktf.json']) assert.ok(files.has(f), `${f} is not packed`);
  });

  it('carries no tests, sources or benchmarks', () => {
    for (const f of files) assert.doesNotMatch(f, /^(dist\/)?(test|bench)\/|^src\/|\.ts$(?<!\.d\.ts$)/, f);
  });
});

describe('the GCP role file finding', () => {
  it('fails when the bundled copy is missing: reinstall, never "remove the key"', () => {
    const f = byocMessages.gcpRoleUnreadable(['byoc', 'gcpRoleFile'], 'the bundled copy', 'no such file');
    assert.match(f.fix, /reinstall/);
    assert.doesNotMatch(f.fix, /remove it/);
  });

  it('a missing file the model names: point at Union\'s file or remove the key', () => {
    const f = byocMessages.gcpRoleUnreadable(['byoc', 'gcpRoleFile'], 'role.yaml', 'no such file');
    assert.match(f.fix, /remove it to use the bundled copy/);
  });
});
