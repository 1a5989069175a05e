// The synth command's stacks thread: the same bytes as writing the stacks on this thread, and as a
// process whose V8 flags are untouched; its errors arriving whole (message, and the errno fields the
// command words its messages from); and a thread stopped before use leaving nothing behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import type { Plan } from '../../src/plan/types';
import { optimizeOnlyLastingHotSpots } from '../../src/short-run-tiering';
import { writeHere } from '../../stacks/file-writer';
import { startStacksThread } from '../../stacks/stacks-thread';
import { writeStacks } from '../../stacks/write-stacks';
import { planOf, ROOT, runCli, temporaryDir, treeOf } from '../helpers';

const MODELS = ['synth-project-isolation.yaml', 'synth-domain-isolation.yaml', '../../stacks/isolation.yaml'];

describe('the stacks thread', () => {
  for (const model of MODELS) {
    it(`writes the same stacks and manifest as this thread for ${path.basename(model)}`, async () => {
      const plan = planOf({ fixture: model });
      const [there, here] = [path.join(temporaryDir('ui-thread-'), 'out'), path.join(temporaryDir('ui-thread-'), 'out')];
      mkdirSync(there);
      const thread = startStacksThread();
      try {
        assert.equal(await thread.write(plan, there, writeHere), writeStacks(plan, here));
      } finally {
        await thread.stop();
      }
      const written = treeOf(there);
      assert.ok(written.has('manifest.json') && [...written.keys()].some((f) => f.endsWith('/cdk.tf.json')));
      assert.deepEqual(written, treeOf(here));
    });
  }

  it('rejects with the thread’s error: an inconsistent plan', async () => {
    const plan = planOf({ fixture: 'synth-domain-isolation.yaml' });
    const broken: Plan = { ...plan, stacks: plan.stacks.map((s) => ({ ...s, dependsOn: [] })) };
    const thread = startStacksThread();
    try {
      await assert.rejects(thread.write(broken, temporaryDir('ui-thread-'), writeHere), (err: Error) => {
        assert.match(err.message, /^inconsistent plan: stack '.+' does not depend on/);
        assert.match(err.stack ?? '', /stacks[\\/]\w/, 'the stack trace is the thread’s, where the error was thrown');
        return true;
      });
    } finally {
      await thread.stop();
    }
  });

  it('rejects with the errno fields of a file system error, which the synth command words', async () => {
    const dir = temporaryDir('ui-thread-');
    writeFileSync(path.join(dir, 'stacks'), 'a file where cdktf wants its stacks directory');
    const thread = startStacksThread();
    try {
      await assert.rejects(thread.write(planOf({ fixture: 'synth-domain-isolation.yaml' }), dir, writeHere), (err: NodeJS.ErrnoException) => {
        assert.equal(err.code, 'ENOTDIR');
        assert.equal(err.syscall, 'mkdir');
        assert.ok(err.path?.startsWith(path.join(dir, 'stacks')), err.path);
        return true;
      });
    } finally {
      await thread.stop();
    }
  });

  it('writes once, and stopping it unused writes nothing', async () => {
    const plan = planOf({ fixture: 'synth-domain-isolation.yaml' });
    const used = startStacksThread();
    try {
      await used.write(plan, temporaryDir('ui-thread-'), writeHere);
      await assert.rejects(used.write(plan, temporaryDir('ui-thread-'), writeHere), /writes once/);
    } finally {
      await used.stop();
    }
    const dir = temporaryDir('ui-thread-');
    const unused = startStacksThread();
    await unused.stop();
    await assert.rejects(unused.write(plan, dir, writeHere), /the stacks thread ended/);
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('the stacks thread’s V8 tiering (src/short-run-tiering.ts)', () => {
  it('changes no byte: synth of the bench’s typical model (303 stacks, hot enough to optimize) writes the stacks of a process with no V8 flag set', () => {
    const dir = temporaryDir('ui-tiering-');
    const model = path.join(dir, 'typical.yaml');
    writeFileSync(model, generateModel(50).yaml);
    const synth = runCli(['synth', '-m', model, '-o', path.join(dir, 'synth')]);
    assert.equal(synth.code, 0, synth.stderr);
    assert.match(synth.stdout, /Synthesized 303 stacks/);
    const script = `const { compileFile } = require('./dist/src/compile.js');
      require('./dist/stacks/write-stacks.js').writeStacks(compileFile(${JSON.stringify(model)}).plan, ${JSON.stringify(path.join(dir, 'plain'))});`;
    mkdirSync(path.join(dir, 'plain'));
    const plain = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(plain.status, 0, plain.stderr);
    const stacks = new Map([...treeOf(path.join(dir, 'synth'))].filter(([file]) => !file.startsWith('union/')));
    assert.deepEqual(stacks, treeOf(path.join(dir, 'plain')));
  });

  it('is set on Node 20, where it was measured, and on no other version', () => {
    assert.equal(optimizeOnlyLastingHotSpots('18.20.4'), false);
    assert.equal(optimizeOnlyLastingHotSpots('22.11.0'), false);
    assert.equal(optimizeOnlyLastingHotSpots('20.20.2'), true);
  });
});
