// What each command loads is part of its speed (docs/PERFORMANCE.md): validate and plan never load cdktf
// or the providers, models are read by one YAML parser, and synth loads neither the
// zip library cdktf's assets use, nor the version library of a validation it skips, nor the array
// helpers behind cdktf's JSON writer. Each case runs in a fresh process, as users run the commands.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, ROOT, temporaryDir } from '../helpers';

/** Package directories (`node_modules/<name>/`) loaded by `node ARGS` (see `filesLoadedBy`). */
function packagesLoadedBy(...args: string[]): Set<string> {
  return packagesOf(filesLoadedBy(...args));
}

function packagesOf(files: readonly string[]): Set<string> {
  const packages = new Set<string>();
  for (const file of files) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file.slice(file.lastIndexOf('node_modules')));
    if (m) packages.add(m[1]!.replace(/\\/g, '/'));
  }
  return packages;
}

/** The files in the module cache of `node ARGS`, on any thread (see `filesLoadedByThread`). */
function filesLoadedBy(...args: string[]): string[] {
  return filesLoadedByThread(...args).flat();
}

/**
 * The files in each thread's module cache of `node ARGS`, run in the repository root: the main
 * thread reports at exit, a worker thread (synth's stacks thread) each time it posts a message, the
 * last report standing.
 */
function filesLoadedByThread(...args: string[]): string[][] {
  const dir = temporaryDir('ui-modules-');
  const [hook, reports] = [path.join(dir, 'hook.js'), path.join(dir, 'reports')];
  mkdirSync(reports);
  writeFileSync(
    hook,
    `const { isMainThread, parentPort, threadId } = require('node:worker_threads');
    const dump = () => require('node:fs').writeFileSync(require('node:path').join(${JSON.stringify(reports)}, threadId + '.json'), JSON.stringify(Object.keys(require.cache)));
    if (isMainThread) process.on('exit', dump);
    else { const post = parentPort.postMessage.bind(parentPort); parentPort.postMessage = (...a) => { dump(); return post(...a); }; }\n`,
  );
  const run = spawnSync(process.execPath, ['--require', hook, ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return readdirSync(reports).map((file) => JSON.parse(readFileSync(path.join(reports, file), 'utf8')) as string[]);
}

const CLI = path.join('dist', 'src', 'cli', 'union-isolation.js');

describe('modules each command loads', () => {
  const valid = fixturePath('synth-project-isolation.yaml');

  it('validate and plan of a valid model: neither cdktf nor the providers; one YAML parser, yaml', () => {
    for (const command of ['validate', 'plan']) {
      const loaded = packagesLoadedBy(CLI, command, '-m', valid);
      for (const heavy of ['cdktf', '@cdktf/provider-aws', '@cdktf/provider-google', 'constructs', 'js-yaml']) assert.ok(!loaded.has(heavy), `${command} loaded ${heavy}`);
      assert.ok(loaded.has('yaml') && loaded.has('zod'), `${command}: ${[...loaded].join(', ')}`);
    }
  });

  it('synth: cdktf and the providers, but not the zip library of cdktf’s assets, or the version library of a validation it skips', () => {
    const out = path.join(temporaryDir('ui-modules-'), 'out');
    const threads = filesLoadedByThread(CLI, 'synth', '-m', valid, '-o', out);
    const files = threads.flat();
    const loaded = packagesOf(files);
    for (const needed of ['cdktf', '@cdktf/provider-aws', '@cdktf/provider-google']) assert.ok(loaded.has(needed), `synth did not load ${needed}`);
    // archiver's own entry in the module cache is the stand-in; what the real one would pull in is absent.
    for (const unused of ['archiver-utils', 'zip-stream', 'glob', 'readable-stream', 'lodash']) assert.ok(!loaded.has(unused), `synth loaded ${unused}`);
    // So is semver's: its entry file is the stand-in, and none of its 45 other modules is loaded.
    const semverFiles = files.filter((f) => /node_modules[\\/]semver[\\/]/.test(f));
    assert.equal(semverFiles.length, 1, semverFiles.join('\n'));
    // The stacks thread loads cdktf but not the Union files' renderers, which the main thread runs
    // (the stacks use the Helm values alone, for their outputs).
    const stacksThread = threads.find((t) => t.some((f) => f.endsWith(`${path.sep}stacks-worker.js`)));
    assert.ok(stacksThread?.some((f) => f.endsWith(`${path.sep}write-stacks.js`)), 'no stacks thread reported');
    const renderers = ['union-files', 'review-md', 'mermaid-diagram', 'cluster-pools-yaml', 'attribute-files', 'plan-json', 'apply-attributes-script'].map((m) => `${path.sep}files${path.sep}${m}.js`);
    assert.deepEqual(
      stacksThread!.filter((f) => renderers.some((r) => f.endsWith(r))),
      [],
    );
  });

  it('the stand-in for archiver loads and forwards to the real one when used', () => {
    const script = `require('./dist/src/speedups/defer-unused-packages.js').deferUnusedPackages();
      const archiver = require(require('node:module').createRequire(require.resolve('cdktf')).resolve('archiver'));
      if (!archiver.isRegisteredFormat('zip')) throw new Error('zip is not registered');
      const archive = archiver('zip');
      if (typeof archive.pipe !== 'function') throw new Error('not an archive');
      archive.abort();`;
    assert.ok(packagesLoadedBy('-e', script).has('archiver-utils'));
  });

  it('the stand-in for semver loads and forwards to the real one when used', () => {
    const script = `require('./dist/src/speedups/defer-unused-packages.js').deferUnusedPackages();
      const semver = require(require('node:module').createRequire(require.resolve('cdktf')).resolve('semver'));
      if (semver.satisfies('1.5.7', '>=1.5.0') !== true || semver.satisfies('1.4.0', '>=1.5.0') !== false) throw new Error('satisfies does not compare');
      if (!('SemVer' in semver)) throw new Error('SemVer is missing');`;
    const files = filesLoadedBy('-e', script);
    assert.ok(files.some((f) => /semver[\\/]functions[\\/]satisfies\.js$/.test(f)), 'the real semver was not loaded');
  });
});
