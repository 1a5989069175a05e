// The stacks thread (stacks-thread.ts): loads cdktf and the providers at once, then builds the
// stacks of the one plan it is sent, sends their directories and files to the synthesizing thread to
// create (file-sink.ts says why), replies, and ends.
import { parentPort } from 'node:worker_threads';
import type { Plan } from '../plan/types';
import { installLoadingSpeedups } from '../speedups';
import { sendingTo } from './file-sink';
import { packError, type ThreadError } from './thread-errors';

// Before anything on this thread loads cdktf: write-stacks.ts is required only after.
installLoadingSpeedups();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the speedups are installed
const { writeStacks } = require('./write-stacks') as typeof import('./write-stacks');

export interface StacksRequest {
  readonly plan: Plan;
  readonly outdir: string;
}

export type StacksReply =
  | { readonly resources: number }
  | { readonly error: ThreadError };

const port = parentPort;
if (port === null) throw new Error('stacks-worker runs as a worker thread (stacks-thread.ts starts it)');
port.once('message', ({ plan, outdir }: StacksRequest) => {
  let reply: StacksReply;
  try {
    reply = { resources: writeStacks(plan, outdir, sendingTo((request) => port.postMessage(request))) };
  } catch (err) {
    reply = { error: packError(err) };
  }
  port.postMessage(reply);
  port.close();
});
