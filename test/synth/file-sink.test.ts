// Where synthesis's directories and files are created (src/synth/file-sink.ts): cdktf's own writes
// inside the output directory are redirected to a sink and nothing else is; a sink that fails leaves
// the previous output as it was, and the failure keeps the errno fields synthesis words its message from.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { writeHere, type FileSink } from '../../src/synth/file-sink';
import { withCdktfWritesTo } from '../../src/speedups/redirect-cdktf-writes';
import { synthesizeInto, type StacksWriter } from '../../src/synth/synthesize-into';
import { writeStacks } from '../../src/synth/write-stacks';
import { planOf, temporaryDir, treeOf } from '../helpers';

const inThisThread: StacksWriter = async (plan, outdir, files) => writeStacks(plan, outdir, files);

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

describe('synthesizeInto when a file cannot be created', () => {
  it('leaves the previous output as it was, and no staging directory, and rejects with the errno fields', async () => {
    const plan = planOf({ fixture: 'synth-domain-isolation.yaml' });
    const parent = temporaryDir('ui-files-');
    const out = path.join(parent, 'out');
    await synthesizeInto(plan, out, inThisThread);
    const before = treeOf(out);
    const blocker = path.join(parent, 'blocker');
    fs.writeFileSync(blocker, 'a file where the sink is told to make directories');
    const failing: FileSink = { ...writeHere, makeDirs: (dirs) => writeHere.makeDirs(dirs.map((d) => path.join(blocker, path.basename(d)))) };
    await assert.rejects(synthesizeInto(plan, out, inThisThread, {}, failing), (err: NodeJS.ErrnoException) => {
      assert.equal(err.code, 'ENOTDIR');
      assert.equal(err.syscall, 'mkdir');
      return true;
    });
    assert.deepEqual(treeOf(out), before);
    assert.deepEqual(fs.readdirSync(parent).sort(), ['blocker', 'out']);
  });
});
