// Where synthesis puts its directories and files, and the thread that creates them. Creating a file
// takes a few system calls, and a synthesis of 3,000 units creates 9,000 files and 3,000
// directories: seconds of work for whichever thread does it. So the thread that builds the stacks
// sends them to the other thread: the stacks thread sends its files to the calling thread, which is
// idle by then; above the stacks thread's limit, the calling thread builds the stacks and a file
// writer thread creates them. Requests are carried out in the order they are sent
// (docs/PERFORMANCE.md has the measurements).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packError, reviveError, type ThreadError } from './thread-errors';

export interface FileSink {
  /** Creates `dirs` and any missing parents; a directory that exists is fine. */
  makeDirs(dirs: readonly string[]): void;
  /** Writes `data` to `file` (its directory made by an earlier `makeDirs`), with `mode` if it is new. */
  write(file: string, data: string, mode?: number): void;
}

// Taken as this module loads: while cdktf writes its stacks, the `fs` module's own are redirected to a sink (src/speedups/redirect-cdktf-writes.ts).
const { mkdirSync, writeFileSync } = fs;

/** A FileSink that synthesis finishes, or stops after a failure: all of it on disk, or nothing more written. */
export interface FileWriter extends FileSink {
  /**
   * Resolves once everything sent is on disk, then ends the thread if there is one. Rejects with the
   * first failure (its errno fields kept, so that a full disk reads as one); nothing sent after it was written.
   */
  finish(): Promise<void>;
  /** Ends the thread at once, whatever is still unwritten: for a synthesis that failed. */
  stop(): Promise<void>;
}

/** Directories and files created at once, on the calling thread: finished as soon as written. */
export const writeHere: FileWriter = {
  makeDirs(dirs) {
    for (const dir of dirs) mkdirSync(dir, { recursive: true });
  },
  write(file, data, mode) {
    writeFileSync(file, data, mode === undefined ? undefined : { mode });
  },
  finish: async () => undefined,
  stop: async () => undefined,
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

/** A thread that creates the directories and files it is sent. */
export function startFileWriter(): FileWriter {
  const worker = new Worker(path.join(__dirname, 'file-writer-worker.js'));
  const reply = new Promise<FileWriterReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the file writer thread ended (exit code ${code}) before writing everything`)));
  });
  reply.catch(() => undefined); // judged in `finish`; a thread stopped early must not surface as unhandled
  const send = (request: FileWriterRequest) => worker.postMessage(request);
  return {
    ...sendingTo(send),
    async finish() {
      send({ finish: true });
      const answer = await reply;
      await worker.terminate();
      if (answer.error !== undefined) throw reviveError(answer.error);
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** What the file writer thread is sent: files and directories, then `finish`. */
export type FileWriterRequest = FileRequest | { readonly finish: true };

/** The file writer thread's one message: after `finish`, the first failure if there was one. */
export interface FileWriterReply {
  readonly error?: ThreadError;
}
