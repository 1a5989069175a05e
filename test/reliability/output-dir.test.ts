// Where synth writes (docs/GUARANTEES.md): only inside the output directory, never through a file, a
// symlink or a directory it does not own, and never leaving half an output that looks complete.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs, { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { describe, it, mock } from 'node:test';
import { main } from '../../src/cli/union-isolation';
import { compileText } from '../../src/compile';
import * as files from '../../src/files/union-files';
import { CLI, fixturePath, MINIMAL_DOMAIN, runCli, temporaryDir } from '../helpers';
import { buildModel, writeModel, type ModelSpec } from '../property/arbitraries';
import { runAsNobody, whyNobodyCannotRun } from './as-nobody';

function sandbox(): string {
  const dir = temporaryDir('ui-outdir-');
  chmodSync(dir, 0o755);
  return dir;
}

/** Every entry under `dir` (files and directories), relative, with file contents. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      const full = path.join(dir, child);
      if (e.isSymbolicLink()) out.set(child, `-> ${readlinkSync(full)}`);
      else if (e.isDirectory()) {
        out.set(`${child}/`, '');
        walk(child);
      } else out.set(child, readFileSync(full, 'latin1'));
    }
  };
  walk('');
  return out;
}

function withModel(dir: string, text = MINIMAL_DOMAIN): string {
  const file = path.join(dir, 'model.yaml');
  writeFileSync(file, text);
  return file;
}

/** A sandbox holding a model and one earlier synth in `out`, and a snapshot of it: where a failing synth must leave things as they were. */
function afterOneSynth(): { dir: string; model: string; before: Map<string, string> } {
  const dir = sandbox();
  const model = withModel(dir);
  assert.equal(runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir }).code, 0);
  return { dir, model, before: snapshot(dir) };
}

/** The output is complete: the manifest's stacks each have their Terraform, and union/ has every file of the plan. */
function assertComplete(out: string, modelText: string): void {
  const plan = compileText(modelText, 'model.yaml').plan!;
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
  assert.deepEqual(Object.keys(manifest.stacks).sort(), plan.stacks.map((s) => s.name).sort());
  for (const stack of Object.keys(manifest.stacks)) JSON.parse(readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  const union = [...snapshot(path.join(out, 'union')).keys()].filter((k) => !k.endsWith('/')).sort();
  assert.deepEqual(union, [...files.renderUnionFiles(plan).keys()].sort());
}

/** Root writes anywhere: permissions are tested as `nobody` (as-nobody.ts), when nobody can reach the CLI from here. */
const cannotDropRoot = whyNobodyCannotRun(CLI, ['synth', '-m', 'model.yaml', '-o', 'out'], { 'model.yaml': MINIMAL_DOMAIN });
const asNobody = (args: string[], cwd: string) => runAsNobody(CLI, args, cwd);

describe('synth output directory', () => {
  it('fails when DIR is a file, leaving the file as it was', () => {
    const dir = sandbox();
    const model = withModel(dir);
    writeFileSync(path.join(dir, 'out'), 'mine');
    const r = runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^union-isolation synth: output directory 'out' is a file; remove it or choose another directory\n/);
    assert.equal(readFileSync(path.join(dir, 'out'), 'utf8'), 'mine');
    assert.deepEqual([...snapshot(dir).keys()].sort(), ['model.yaml', 'out']);
  });

  it('fails when DIR is a symlink pointing elsewhere, or nowhere, writing nothing through it', () => {
    const dir = sandbox();
    const model = withModel(dir);
    const elsewhere = sandbox();
    writeFileSync(path.join(elsewhere, 'precious'), 'keep');
    symlinkSync(elsewhere, path.join(dir, 'out'));
    symlinkSync(path.join(elsewhere, 'missing'), path.join(dir, 'dangling'));
    for (const target of ['out', 'dangling']) {
      const r = runCli(['synth', '-m', model, '-o', target], { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`output directory '${target}' is a symbolic link`));
    }
    assert.deepEqual(snapshot(elsewhere), new Map([['precious', 'keep']]));
    assert.equal(lstatSync(path.join(dir, 'out')).isSymbolicLink(), true);
  });

  it('fails when DIR holds something other than an earlier output, or holds the working directory', () => {
    const dir = sandbox();
    const model = withModel(dir);
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'main.ts'), 'code');
    const before = snapshot(dir);
    const notOurs = runCli(['synth', '-m', model, '-o', 'src'], { cwd: dir });
    assert.equal(notOurs.code, 2);
    assert.match(notOurs.stderr, /is not empty and holds no earlier synth output/);
    for (const o of ['.', '..', dir]) {
      const r = runCli(['synth', '-m', model, '-o', o], { cwd: path.join(dir, 'src') });
      assert.equal(r.code, 2, `-o ${o}: ${r.stderr}`);
      assert.match(r.stderr, /contains the working directory/);
    }
    assert.deepEqual(snapshot(dir), before);
  });

  it('fails without writing when DIR cannot be written, and says which directory', { skip: cannotDropRoot ?? false }, () => {
    const dir = sandbox();
    const model = withModel(dir);
    mkdirSync(path.join(dir, 'locked'), { mode: 0o555 });
    const before = snapshot(dir);
    const r = asNobody(['synth', '-m', model, '-o', path.join(dir, 'locked', 'out')], dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /locked/, 'the message names the directory');
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(snapshot(dir), before);
  });

  it('fails with a usage error naming the directory and the reason when DIR cannot be written or sits under a file', { skip: cannotDropRoot ?? false }, () => {
    const dir = sandbox();
    const model = withModel(dir);
    mkdirSync(path.join(dir, 'locked'), { mode: 0o555 });
    writeFileSync(path.join(dir, 'file'), '');
    const before = snapshot(dir);
    const expectUsageError = (stderr: string, message: string) =>
      assert.equal(stderr, `union-isolation synth: ${message}; choose another directory\nUsage: union-isolation synth [-m MODEL] [-o DIR]\n`);
    const locked = path.join(dir, 'locked', 'out');
    for (const out of [locked, path.join(locked, 'deeper')]) {
      const r = asNobody(['synth', '-m', model, '-o', out], dir);
      assert.equal(r.status, 2, r.stderr);
      expectUsageError(r.stderr, `cannot write output directory '${out}': permission denied ('${path.join(dir, 'locked')}')`);
    }
    const cases: [string, string][] = [
      ['file/out', "cannot write output directory 'file/out': not a directory ('file')"],
      ['file/a/b', "cannot write output directory 'file/a/b': not a directory ('file')"],
      [path.join(dir, 'file', 'out'), `cannot write output directory '${path.join(dir, 'file', 'out')}': not a directory ('${path.join(dir, 'file')}')`],
    ];
    for (const [out, message] of cases) {
      const r = runCli(['synth', '-m', model, '-o', out], { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      expectUsageError(r.stderr, message);
    }
    assert.deepEqual(snapshot(dir), before);
  });

  it('fails with a usage error when writing fails midway, leaving the previous output exactly as it was', { skip: cannotDropRoot ?? false }, () => {
    const dir = sandbox();
    const model = withModel(dir);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(dir, 65534, 65534);
    assert.equal(asNobody(['synth', '-m', model, '-o', 'out'], dir).status, 0);
    // terraform init's files in two stacks; the second one's directory may not be written, so moving
    // them into the new output fails after the first has moved.
    const stacks = readdirSync(path.join(dir, 'out', 'stacks')).sort();
    const [first, last] = [stacks[0]!, stacks.at(-1)!];
    for (const stack of [first, last]) mkdirSync(path.join(dir, 'out', 'stacks', stack, '.terraform'));
    if (asRoot) for (const stack of [first, last]) chownSync(path.join(dir, 'out', 'stacks', stack, '.terraform'), 65534, 65534);
    chmodSync(path.join(dir, 'out', 'stacks', last), 0o555);
    const before = snapshot(dir);
    const r = asNobody(['synth', '-m', model, '-o', 'out'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(
      r.stderr.startsWith(`union-isolation synth: cannot write output directory 'out': permission denied ('out/stacks/${last}/.terraform'); choose another directory\n`),
      r.stderr,
    );
    assert.deepEqual(snapshot(dir), before, 'the previous output with its working files, and no staging directory');
  });

  it('fails with a usage error when the disk fills up, leaving the previous output exactly as it was', async () => {
    const { dir, model, before } = afterOneSynth();
    // A write to an open file fails, as write(2) does on a full disk: the error names no path.
    const original = fs.writeFileSync;
    const full = mock.method(fs, 'writeFileSync', (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
      if (String(file).endsWith(`${path.sep}plan.json`)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      original(file, data, options);
    });
    const err: string[] = [];
    let code: number;
    try {
      code = await main(['synth', '-m', model, '-o', 'out'], { cwd: dir, stdout: () => {}, stderr: (t) => err.push(t) });
    } finally {
      full.mock.restore();
    }
    assert.equal(code, 2, err.join(''));
    assert.match(err.join(''), /^union-isolation synth: cannot write output directory 'out': no space left on device \('out'\); choose another directory\n/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('writes nothing outside DIR: not beside it, not in the working directory, HOME or TMPDIR', () => {
    const dir = sandbox();
    const [work, home, tmp] = ['work', 'home', 'tmp'].map((d) => path.join(dir, d));
    for (const d of [work, home, tmp]) mkdirSync(d);
    const model = withModel(dir, readFileSync(fixturePath('seed-project-isolation.yaml'), 'utf8'));
    const before = snapshot(dir);
    const r = runCli(['synth', '-m', model, '-o', '../out'], { cwd: work, env: { HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
    assert.equal(r.code, 0, r.stderr);
    const added = [...snapshot(dir).keys()].filter((k) => !before.has(k));
    assert.ok(added.length > 10);
    assert.deepEqual(
      added.filter((k) => !k.startsWith('out/')),
      [],
      'every new file is under the output directory',
    );
    assertComplete(path.join(dir, 'out'), readFileSync(model, 'utf8'));
  });

  it('fails when the model has errors, leaving the previous output exactly as it was', () => {
    const { dir, model, before } = afterOneSynth();
    writeFileSync(model, MINIMAL_DOMAIN.replace('org: acme', 'org: ACME'));
    const r = runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 1);
    const after = snapshot(dir);
    after.delete('model.yaml');
    before.delete('model.yaml');
    assert.deepEqual(after, before);
  });

  it('fails when a renderer would write outside DIR, leaving no trace and the previous output intact', async () => {
    const { dir, model, before } = afterOneSynth();
    const original = files.renderUnionFiles;
    // A renderer bug, simulated: a file name that climbs out of union/.
    (files as { renderUnionFiles: typeof original }).renderUnionFiles = (plan) => new Map([...original(plan), ['../../escaped.txt', 'x']]);
    const err: string[] = [];
    try {
      const code = await main(['synth', '-m', model, '-o', 'out'], { cwd: dir, stdout: () => {}, stderr: (t) => err.push(t) });
      assert.equal(code, 70);
    } finally {
      (files as { renderUnionFiles: typeof original }).renderUnionFiles = original;
    }
    assert.match(err.join(''), /internal error: refusing to write union file '\.\.\/\.\.\/escaped\.txt'/);
    assert.deepEqual(snapshot(dir), before, 'no staging directory, no escaped file, the old output untouched');
    assert.equal(existsSync(path.join(path.dirname(dir), 'escaped.txt')), false);
  });

  it('leaves either the previous output or the new one, complete, when synth is killed at any moment', async () => {
    const dir = sandbox();
    const small = MINIMAL_DOMAIN;
    const big = writeModel(buildModel(BIG_SPEC).model);
    const bigStacks = compileText(big, 'model.yaml').plan!.stacks.length;
    const model = withModel(dir, small);
    assert.equal(runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir }).code, 0);
    writeFileSync(model, big);
    const outcomes = new Set<string>();
    for (const delay of [200, 600, 1000, 1500]) {
      const child = spawn(process.execPath, [CLI, 'synth', '-m', model, '-o', 'out'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const wasBig = readdirSync(path.join(dir, 'out', 'stacks')).length === bigStacks;
      outcomes.add(wasBig ? 'new' : 'previous');
      assertComplete(path.join(dir, 'out'), wasBig ? big : small);
      // What a kill can leave is a hidden staging directory beside DIR, never a second output.
      for (const entry of readdirSync(dir)) assert.ok(['model.yaml', 'out'].includes(entry) || /^\.out\.synth-/.test(entry), entry);
      if (wasBig) {
        // Back to the small output for the next round.
        writeFileSync(model, small);
        assert.equal(runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir }).code, 0);
        writeFileSync(model, big);
      }
    }
    assert.ok(outcomes.has('previous'), `the kills all came too late to interrupt: ${[...outcomes]}`);
  });

  it('cleans up the staging directories killed synths left behind, and nothing else', () => {
    const dir = sandbox();
    const model = withModel(dir);
    const elsewhere = sandbox();
    writeFileSync(path.join(elsewhere, 'precious'), 'keep');
    // Killed runs: before they wrote their owner, and with an owner that is gone (a pid no process has).
    mkdirSync(path.join(dir, '.out.synth-AbCdEf', 'out', 'stacks'), { recursive: true });
    mkdirSync(path.join(dir, '.out.synth-012345', 'previous'), { recursive: true });
    writeFileSync(path.join(dir, '.out.synth-012345', 'owner'), `${hostname()} ${deadPid()}\n`);
    // Not stale: a running synth's (this process stands in for it), one from another host.
    mkdirSync(path.join(dir, '.out.synth-Runnin', 'previous'), { recursive: true });
    writeFileSync(path.join(dir, '.out.synth-Runnin', 'owner'), `${hostname()} ${process.pid}\n`);
    mkdirSync(path.join(dir, '.out.synth-Remote'));
    writeFileSync(path.join(dir, '.out.synth-Remote', 'owner'), `not-${hostname()} 1\n`);
    // Not ours: a symlink, a file, other names.
    symlinkSync(elsewhere, path.join(dir, '.out.synth-Linked'));
    writeFileSync(path.join(dir, '.out.synth-AFile0'), 'mine');
    for (const other of ['.out.synth-toolong', '.out.synth-short', '.out.synth-Ab.dEf', '.other.synth-AbCdEf', '.out.synth-AbCdEf.bak', 'out.synth-AbCdEf']) {
      mkdirSync(path.join(dir, other));
    }
    const before = snapshot(dir);
    assert.equal(runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir }).code, 0);
    const stale = (k: string) => k.startsWith('.out.synth-AbCdEf/') || k.startsWith('.out.synth-012345/');
    const expected = [...before].filter(([k]) => !stale(k));
    const after = [...snapshot(dir)].filter(([k]) => !k.startsWith('out/'));
    assert.deepEqual(new Map(after), new Map(expected), 'only the stale staging directories are gone');
    assert.deepEqual(snapshot(elsewhere), new Map([['precious', 'keep']]));
    assertComplete(path.join(dir, 'out'), MINIMAL_DOMAIN);
  });
});

/** A pid no process has now (the highest ones are rarely in use; checked). */
function deadPid(): number {
  for (let pid = 4_194_000; pid > 4_000_000; pid--) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid found');
}

/** About 150 units in project isolation: long enough to synthesize that a kill lands in the middle. */
const BIG_SPEC: ModelSpec = {
  org: 'acme',
  isolation: 'project',
  domains: [
    ['dev', 'aws'],
    ['stg', 'gcp'],
    ['prod', 'aws'],
  ],
  projects: Array.from({ length: 50 }, (_, i) => `p${String(i).padStart(2, '0')}`),
  onDemand: { perDomain: false, cloud: 'aws', projects: ['later'] },
  salt: 1,
  namingChoice: 0,
  settingsChoice: 1,
  backendChoice: 0,
  defaultPool: 'own',
  spanning: null,
  workflows: [],
  extraPools: {},
  extraClusters: {},
};
