// The speedups (src/speedups/) change no byte: `union-isolation synth` of the bundled model, every
// fixture that synthesizes and the bench's typical model writes the same tree, modes
// included, with them on and with UNION_ISOLATION_SPEEDUPS=off. Each side runs in a process of its
// own, so that what one side loaded first cannot decide what the other runs; and each side checks
// that the speedups were, or were not, in force.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import { fixturePath, ROOT, runCli, temporaryDir, treeOf } from '../helpers';

/** Fixtures of models with errors: synth refuses them before any stack is built. */
const INVALID_FIXTURES = ['seed-cluster-pools-as-written.yaml', 'typo-domain.yaml'];
const FIXTURES = readdirSync(path.join(ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.yaml') && !INVALID_FIXTURES.includes(f));

/** The tree under `dir` with each file's mode beside its bytes. */
function treeWithModes(dir: string): Map<string, string> {
  return new Map([...treeOf(dir)].map(([file, bytes]) => [file, `${(statSync(path.join(dir, file)).mode & 0o777).toString(8)} ${bytes}`]));
}

function synthBothWays(model: string): void {
  const dir = temporaryDir('ui-speedups-');
  const trees = ['on', 'off'].map((side) => {
    const out = path.join(dir, side);
    const r = runCli(['synth', '-m', model, '-o', out], { env: { UNION_ISOLATION_SPEEDUPS: side } });
    assert.equal(r.code, 0, r.stderr);
    return treeWithModes(out);
  });
  const [on, off] = trees as [Map<string, string>, Map<string, string>];
  assert.ok([...on.keys()].some((f) => f.endsWith('/cdk.tf.json')) && on.has('manifest.json'), 'no stacks written');
  assert.deepEqual([...on.keys()].sort(), [...off.keys()].sort());
  for (const [file, bytes] of off) assert.equal(on.get(file), bytes, `${file} differs with the speedups off`);
}

describe('synthesis with the speedups on and off (UNION_ISOLATION_SPEEDUPS=off)', () => {
  it('writes the same bytes for the bundled model', () => synthBothWays(path.join(ROOT, 'stacks', 'isolation.yaml')));

  for (const fixture of FIXTURES) {
    it(`writes the same bytes for ${fixture}`, () => synthBothWays(fixturePath(fixture)));
  }

  it('writes the same bytes for the bench’s typical model (155 stacks, hot enough for V8 to optimize)', () => {
    const model = path.join(temporaryDir('ui-speedups-'), 'typical.yaml');
    writeFileSync(model, generateModel(50).yaml);
    synthBothWays(model);
  });

  it('writes the same bytes through the cdktf app entry (stacks/cdktf-app.ts)', () => {
    const dir = temporaryDir('ui-speedups-');
    const trees = ['on', 'off'].map((side) => {
      const out = path.join(dir, side);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'stacks', 'cdktf-app.js')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, UNION_ISOLATION_SPEEDUPS: side, UNION_ISOLATION_MODEL: fixturePath('synth-project-isolation.yaml'), CDKTF_OUTDIR: out },
      });
      assert.equal(r.status, 0, r.stderr);
      return treeWithModes(out);
    });
    assert.deepEqual(trees[0], trees[1]);
  });
});

/** Runs `script` in a fresh node process at the repository root; its stdout parsed as JSON. */
function inFreshProcess(script: string, env: NodeJS.ProcessEnv = {}): unknown {
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const PROBE = `
  const speedups = require('./dist/src/speedups/index.js');
  const loading = speedups.installLoadingSpeedups();
  const util = require('cdktf/lib/util');
  const resolver = require('cdktf/lib/tokens/private/resolve');
  const before = { capture: Error.captureStackTrace, attributes: util.processDynamicAttributes, resolve: resolver.resolve };
  const during = speedups.withSynthesisSpeedups({ makeDirs() {}, write() {} }, 'out', () => ({
    capture: Error.captureStackTrace !== before.capture,
    attributes: util.processDynamicAttributes !== before.attributes,
    resolve: resolver.resolve !== before.resolve,
  }));
  const restored = Error.captureStackTrace === before.capture && util.processDynamicAttributes === before.attributes && resolver.resolve === before.resolve;
  console.log(JSON.stringify({ loading, during, restored }));`;

describe('the speedups index (src/speedups/index.ts)', () => {
  it('installs every speedup in a fresh process, and restores what it patched for synthesis', () => {
    assert.deepEqual(inFreshProcess(PROBE), {
      loading: { skipInlineSourceMaps: true, deferUnusedPackages: true },
      during: { capture: true, attributes: true, resolve: true },
      restored: true,
    });
  });

  it('installs none with UNION_ISOLATION_SPEEDUPS=off', () => {
    assert.deepEqual(inFreshProcess(PROBE, { UNION_ISOLATION_SPEEDUPS: 'off' }), {
      loading: { skipInlineSourceMaps: false, deferUnusedPackages: false },
      during: { capture: false, attributes: false, resolve: false },
      restored: true,
    });
  });

  it('says so, and installs nothing, when cdktf was loaded first', () => {
    const loading = inFreshProcess(`require('cdktf'); console.log(JSON.stringify(require('./dist/src/speedups/index.js').installLoadingSpeedups().deferUnusedPackages));`);
    assert.equal(loading, false);
  });
});
