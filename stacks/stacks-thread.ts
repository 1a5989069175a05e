// The synth command's second thread: it loads cdktf and the providers while the command's thread
// compiles the model, then writes the stacks while that thread writes the Union files. On two cores
// that takes the model's compilation and the Union files off synthesis's critical path (a typical
// synth measured 10-20% faster A/B; bench/README.md). The stacks and their bytes are those of
// `writeStacks` on any thread: test/stacks/stacks-thread.test.ts holds them equal.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { Plan } from '../src/plan/types';
import type { StacksWriter } from './synthesize-into';
import type { StacksReply, StacksRequest } from './stacks-worker';

export interface StacksThread {
  /** Writes the stacks of `plan` into `outdir` on the thread; once per thread. */
  readonly write: StacksWriter;
  /** Stops the thread if it is still running (a model with errors never gets to `write`). */
  stop(): Promise<void>;
}

export function startStacksThread(): StacksThread {
  const worker = new Worker(path.join(__dirname, 'stacks-worker.js'));
  // The result, or why there is none: the thread failed to start, threw outside a request, or ended early.
  const reply = new Promise<StacksReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the stacks thread ended (exit code ${code}) before writing the stacks`)));
  });
  reply.catch(() => undefined); // judged in `write`; a thread stopped unused must not surface as unhandled
  let used = false;
  return {
    async write(plan: Plan, outdir: string): Promise<number> {
      if (used) throw new Error('a stacks thread writes once');
      used = true;
      worker.postMessage({ plan, outdir } satisfies StacksRequest);
      const answer = await reply;
      if ('error' in answer) throw revive(answer.error);
      return answer.resources;
    },
    async stop(): Promise<void> {
      await worker.terminate();
    },
  };
}

/** The thread's error as this thread would have thrown it: message, stack and the errno fields the synth command reads. */
function revive(error: Extract<StacksReply, { error: unknown }>['error']): Error {
  const err = new Error(error.message) as NodeJS.ErrnoException;
  err.stack = error.stack;
  if (error.code !== undefined) err.code = error.code;
  if (error.syscall !== undefined) err.syscall = error.syscall;
  if (error.path !== undefined) err.path = error.path;
  return err;
}
