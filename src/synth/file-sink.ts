// Where synthesis puts its directories and files. Creating a file takes a few system calls, and a
// synthesis of 3,000 units creates 9,000 files and 3,000 directories: seconds of work for whichever
// thread does it. So the stacks thread, which builds the stacks, sends its files to the calling
// thread, which is idle by then and creates them, in the order they are sent (docs/PERFORMANCE.md).
import * as fs from 'node:fs';
import type { FileSink } from '../speedups/redirect-cdktf-writes';
import { packError, type ThreadError } from './thread-errors';

export type { FileSink };


// Taken as this module loads: while cdktf writes its stacks, the `fs` module's own are redirected to a sink (src/speedups/redirect-cdktf-writes.ts).
const { mkdirSync, writeFileSync } = fs;

/** A FileSink that synthesis finishes, or stops after a failure: all of it on disk, or nothing more written. */
/** Directories and files created at once, on the calling thread. */
export const writeHere: FileSink = {
  makeDirs(dirs) {
    for (const dir of dirs) mkdirSync(dir, { recursive: true });
  },
  write(file, data, mode) {
    writeFileSync(file, data, mode === undefined ? undefined : { mode });
  },
};

/** A FileSink call, as sent to another thread. */
export type FileRequest = { readonly dirs: readonly string[] } | { readonly file: string; readonly data: string; readonly mode: number | undefined };

/** A FileSink whose calls are sent, with `send`, to the thread that carries them out. */
export function sendingTo(send: (request: FileRequest) => void): FileSink {
  return {
    makeDirs: (dirs) => send({ dirs }),
    write: (file, data, mode) => send({ file, data, mode }),
  };
}

/**
 * Carries out the requests it is given with `sink`, until one fails; the rest are dropped (the
 * synthesis has failed and its staging directory goes) and `failure` is the first failure.
 */
export class FileRequests {
  failure: ThreadError | undefined;

  constructor(private readonly sink: FileSink = writeHere) {}

  carryOut(request: FileRequest): void {
    if (this.failure !== undefined) return;
    try {
      if ('dirs' in request) this.sink.makeDirs(request.dirs);
      else this.sink.write(request.file, request.data, request.mode);
    } catch (err) {
      this.failure = packError(err);
    }
  }
}
