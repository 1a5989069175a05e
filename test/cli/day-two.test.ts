// Day two (issue 16): diff's refusal of a pool rename names the non-destructive fix, and that fix
// is indeed not destructive; the base model's warnings are not printed again by diff.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, fixtureText, runCli, temporaryDir } from '../helpers';

describe('diff of a pool rename', () => {
  it('refuses it and names storageGroup as the fix, which then passes', () => {
    const dir = temporaryDir();
    const renamed = path.join(dir, 'renamed.yaml');
    writeFileSync(renamed, fixtureText('synth-project-isolation.yaml').replace('  dev-flytesnacks-cp: [dev-flytesnacks]', '  dev-snacks-cp: [dev-flytesnacks]'));
    const refused = runCli(['diff', '--base', fixturePath('synth-project-isolation.yaml'), '-m', renamed]);
    assert.equal(refused.code, 3, refused.stderr);
    assert.match(refused.stderr, /Fix: storage group dev-flytesnacks-cp .* becomes dev-snacks-cp: .*storageGroup: dev-flytesnacks-cp/);
    assert.match(refused.stderr, / {6}dev-snacks-cp:\n {8}clusters: \[dev-flytesnacks\]\n {8}storageGroup: dev-flytesnacks-cp\n/);
    const pinned = path.join(dir, 'pinned.yaml');
    writeFileSync(pinned, fixtureText('synth-project-isolation.yaml').replace('  dev-flytesnacks-cp: [dev-flytesnacks]', '  dev-snacks-cp: { clusters: [dev-flytesnacks], storageGroup: dev-flytesnacks-cp }'));
    const ok = runCli(['diff', '--base', fixturePath('synth-project-isolation.yaml'), '-m', pinned]);
    assert.equal(ok.code, 0, ok.stderr);
  });

  it("prints the new model's warnings once, not the base model's", () => {
    const base = fixturePath('synth-domain-isolation.yaml'); // one warning: release-cp runs nothing
    const r = runCli(['diff', '--base', base, '-m', base]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.match(/warning: no project-domain pair runs on pool "release-cp"/g)?.length, 1, r.stderr);
  });
});
