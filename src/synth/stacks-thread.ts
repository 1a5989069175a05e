// Synthesis's second thread: it loads cdktf and the providers while the calling thread compiles the
// model, then builds the stacks while that thread writes the Union files, and sends their files back
// to be created there. On two cores that takes the model's compilation and the files off
// synthesis's critical path (docs/PERFORMANCE.md). The stacks and their bytes are those of
// `writeStacks` on any thread: test/synth/stacks-thread.test.ts holds them equal.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { Plan } from '../plan/types';
import { FileRequests, type FileRequest, type FileSink } from './file-sink';
import type { StacksReply, StacksRequest } from './stacks-worker';
import { reviveError } from './thread-errors';

export interface StacksThread {
  /**
   * Builds the stacks of `plan` for `outdir` on the thread, and creates their directories and files
   * with `files` on this one; once per thread. A StacksWriter.
   */
  write(plan: Plan, outdir: string, files: FileSink): Promise<number>;
  /** Stops the thread if it is still running (a model with errors never gets to `write`). */
  stop(): Promise<void>;
}

export function startStacksThread(): StacksThread {
  const worker = new Worker(path.join(__dirname, 'stacks-worker.js'));
  let requests: FileRequests | undefined;
  // The result, or why there is none: the thread failed to start, threw outside a request, or ended
  // early. Its files come first, in messages of their own.
  const reply = new Promise<StacksReply>((resolve, reject) => {
    worker.on('message', (message: FileRequest | StacksReply) => {
      if ('dirs' in message || 'file' in message) requests?.carryOut(message);
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the stacks thread ended (exit code ${code}) before writing the stacks`)));
  });
  reply.catch(() => undefined); // judged in `write`; a thread stopped unused must not surface as unhandled
  let used = false;
  return {
    async write(plan: Plan, outdir: string, files: FileSink): Promise<number> {
      if (used) throw new Error('a stacks thread writes once');
      used = true;
      requests = new FileRequests(files);
      worker.postMessage({ plan, outdir } satisfies StacksRequest);
      const answer = await reply;
      if ('error' in answer) throw reviveError(answer.error);
      if (requests.failure !== undefined) throw reviveError(requests.failure);
      return answer.resources;
    },
    async stop(): Promise<void> {
      await worker.terminate();
    },
  };
}
