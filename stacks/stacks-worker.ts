// The stacks thread (stacks-thread.ts): loads cdktf and the providers at once, then writes the
// stacks of the one plan it is sent, replies, and ends.
import { parentPort } from 'node:worker_threads';
import type { Plan } from '../src/plan/types';
import { optimizeOnlyLastingHotSpots } from '../src/short-run-tiering';
import { writeStacks } from './write-stacks';

// After the imports above have loaded cdktf and the providers (src/short-run-tiering.ts says why).
optimizeOnlyLastingHotSpots();

export interface StacksRequest {
  readonly plan: Plan;
  readonly outdir: string;
}

export type StacksReply =
  | { readonly resources: number }
  | { readonly error: { readonly message: string; readonly stack?: string; readonly code?: string; readonly syscall?: string; readonly path?: string } };

const port = parentPort;
if (port === null) throw new Error('stacks-worker runs as a worker thread (stacks-thread.ts starts it)');
port.once('message', ({ plan, outdir }: StacksRequest) => {
  let reply: StacksReply;
  try {
    reply = { resources: writeStacks(plan, outdir) };
  } catch (err) {
    const e = (err instanceof Error ? err : new Error(String(err))) as NodeJS.ErrnoException;
    reply = { error: { message: e.message, stack: e.stack, code: e.code, syscall: e.syscall, path: e.path } };
  }
  port.postMessage(reply);
  port.close();
});
