// Where synthesis's directories and files are created (stacks/file-writer.ts): the file writer
// thread creates what it is sent, in order and with its modes, and a failure arrives with the errno
// fields the synth command words its message from; cdktf's own writes inside the output directory
// are redirected to a sink and nothing else is; a synthesis through the thread writes the same bytes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { startFileWriter, writeHere, type FileSink, type FileWriter } from '../../src/synth/file-writer';
import { withCdktfWritesTo } from '../../src/speedups/redirect-cdktf-writes';
import { synthesizeInto, type StacksWriter } from '../../src/synth/synthesize-into';
import { writeStacks } from '../../src/synth/write-stacks';
import { planOf, temporaryDir, treeOf } from '../helpers';

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

/** The mode a new file asking for `mode` gets under this process's umask. */
function underUmask(mode: number): number {
  const probe = path.join(temporaryDir('ui-files-'), 'probe');
  fs.writeFileSync(probe, '', { mode });
  return modeOf(probe);
}

const inThisThread: StacksWriter = async (plan, outdir, files) => writeStacks(plan, outdir, files);

describe('the file writer thread', () => {
  it('creates the directories and files it is sent, in order, with their modes', async () => {
    const dir = temporaryDir('ui-files-');
    const writer = startFileWriter();
    writer.makeDirs([path.join(dir, 'a', 'b'), path.join(dir, 'c')]);
    writer.write(path.join(dir, 'a', 'b', 'run.sh'), '#!/bin/sh\n', 0o755);
    writer.write(path.join(dir, 'c', 'plain.txt'), 'plain');
    writer.write(path.join(dir, 'c', 'plain.txt'), 'written again: the last write wins');
    await writer.finish();
    assert.deepEqual(treeOf(dir), new Map([
      ['a/b/run.sh', '#!/bin/sh\n'],
      ['c/plain.txt', 'written again: the last write wins'],
    ]));
    assert.equal(modeOf(path.join(dir, 'a', 'b', 'run.sh')), underUmask(0o755));
    assert.equal(modeOf(path.join(dir, 'c', 'plain.txt')), underUmask(0o666));
  });

  it('rejects with the first failure, errno fields and all, and writes nothing after it', async () => {
    const dir = temporaryDir('ui-files-');
    fs.writeFileSync(path.join(dir, 'stacks'), 'a file where a directory should be');
    const writer = startFileWriter();
    writer.makeDirs([path.join(dir, 'ok')]);
    writer.write(path.join(dir, 'ok', 'before.txt'), 'before');
    writer.makeDirs([path.join(dir, 'stacks', 'one')]);
    writer.write(path.join(dir, 'ok', 'after.txt'), 'after');
    await assert.rejects(writer.finish(), (err: NodeJS.ErrnoException) => {
      assert.equal(err.code, 'ENOTDIR');
      assert.equal(err.syscall, 'mkdir');
      assert.equal(err.path, path.join(dir, 'stacks', 'one'));
      return true;
    });
    assert.deepEqual(fs.readdirSync(path.join(dir, 'ok')), ['before.txt']);
  });

  it('stops at once when told to, and says so if then asked to finish', async () => {
    const writer = startFileWriter();
    await writer.stop();
    await assert.rejects(writer.finish(), /the file writer thread ended \(exit code \d+\) before writing everything/);
  });
});

describe("cdktf's writes redirected (withCdktfWritesTo)", () => {
  it('sends mkdirSync and writeFileSync inside the output directory to the sink, and nothing else', () => {
    const root = temporaryDir('ui-files-');
    const outdir = path.join(root, 'out');
    fs.mkdirSync(outdir);
    const sent: string[] = [];
    const sink: FileSink = {
      makeDirs: (dirs) => void sent.push(...dirs.map((d) => `dir ${path.relative(root, d)}`)),
      write: (file, data, mode) => void sent.push(`file ${path.relative(root, file)} ${data} ${mode}`),
    };
    const { mkdirSync, writeFileSync } = fs;
    const result = withCdktfWritesTo(sink, outdir, () => {
      fs.mkdirSync(path.join(outdir, 'stacks'));
      fs.writeFileSync(path.join(outdir, 'stacks', 'cdk.tf.json'), '{}');
      fs.mkdirSync(outdir, { recursive: true }); // the output directory itself is cdktf's to check and create
      fs.mkdirSync(path.join(root, 'beside'));
      fs.writeFileSync(path.join(root, 'beside', 'x.txt'), 'x');
      fs.writeFileSync(path.join(outdir, 'bytes.bin'), Buffer.from('b')); // not a string: written as it is
      return 'done';
    });
    assert.equal(result, 'done');
    assert.deepEqual(sent, ['dir out/stacks', 'file out/stacks/cdk.tf.json {} undefined']);
    assert.deepEqual(treeOf(root), new Map([
      ['beside/x.txt', 'x'],
      ['out/bytes.bin', 'b'],
    ]));
    assert.equal(fs.mkdirSync, mkdirSync);
    assert.equal(fs.writeFileSync, writeFileSync);
  });

  it('puts fs back when the function throws', () => {
    const { mkdirSync, writeFileSync } = fs;
    assert.throws(() => withCdktfWritesTo(writeHere, temporaryDir('ui-files-'), () => {
      throw new Error('synthesis failed');
    }), /synthesis failed/);
    assert.equal(fs.mkdirSync, mkdirSync);
    assert.equal(fs.writeFileSync, writeFileSync);
  });
});

describe('synthesizeInto through the file writer thread', () => {
  it('writes the same bytes as writing on this thread, the stacks and the Union files', async () => {
    const plan = planOf({ fixture: 'synth-project-isolation.yaml' });
    const [here, there] = [path.join(temporaryDir('ui-files-'), 'out'), path.join(temporaryDir('ui-files-'), 'out')];
    await synthesizeInto(plan, here, inThisThread);
    await synthesizeInto(plan, there, inThisThread, {}, startFileWriter());
    const written = treeOf(there);
    assert.ok(written.has('manifest.json') && written.has('union/cluster-pools.yaml') && [...written.keys()].some((f) => f.endsWith('/cdk.tf.json')));
    assert.deepEqual(written, treeOf(here));
  });

  it('leaves the previous output as it was, and no staging directory, when a write fails', async () => {
    const plan = planOf({ fixture: 'synth-domain-isolation.yaml' });
    const parent = temporaryDir('ui-files-');
    const out = path.join(parent, 'out');
    await synthesizeInto(plan, out, inThisThread);
    const before = treeOf(out);
    const blocker = path.join(parent, 'blocker');
    fs.writeFileSync(blocker, 'a file where the writer is told to make directories');
    const writer = startFileWriter();
    const failing: FileWriter = { ...writer, makeDirs: (dirs) => writer.makeDirs(dirs.map((d) => path.join(blocker, path.basename(d)))) };
    await assert.rejects(synthesizeInto(plan, out, inThisThread, {}, failing), (err: NodeJS.ErrnoException) => {
      assert.equal(err.code, 'ENOTDIR');
      assert.equal(err.syscall, 'mkdir');
      return true;
    });
    assert.deepEqual(treeOf(out), before);
    assert.deepEqual(fs.readdirSync(parent).sort(), ['blocker', 'out']);
  });

  it('stops the thread when it fails before any staging directory exists', async () => {
    const blocker = path.join(temporaryDir('ui-files-'), 'blocker');
    fs.writeFileSync(blocker, 'a file where the output directory\'s parent should be');
    const writer = startFileWriter();
    let stopped = 0;
    const watched: FileWriter = { ...writer, stop: () => (stopped++, writer.stop()) };
    await assert.rejects(synthesizeInto(planOf({ fixture: 'synth-domain-isolation.yaml' }), path.join(blocker, 'out'), inThisThread, {}, watched));
    assert.ok(stopped >= 1, 'the file writer thread was left running');
  });
});
