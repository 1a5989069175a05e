// Synthesis's stacks thread: the same bytes as writing the stacks on this thread; its errors arriving
// whole (message, and the errno fields synthesis words its messages from); and a thread stopped
// before use leaving nothing behind.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Plan } from '../../src/plan/types';
import { writeHere } from '../../src/synth/file-sink';
import { startStacksThread } from '../../src/synth/stacks-thread';
import { writeStacks } from '../../src/synth/write-stacks';
import { planOf, temporaryDir, treeOf } from '../helpers';

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
