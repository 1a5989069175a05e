// An error thrown on one of synthesis's threads, carried to the thread that synthesizes. Structured cloning keeps
// an Error's message and stack but not the errno fields (code, syscall, path) by which synthesis
// tells a directory it cannot write from a bug (output-dir.ts).

export interface ThreadError {
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly syscall?: string;
  readonly path?: string;
}

/** What to post for `err`. */
export function packError(err: unknown): ThreadError {
  const e = (err instanceof Error ? err : new Error(String(err))) as NodeJS.ErrnoException;
  return { message: e.message, stack: e.stack, code: e.code, syscall: e.syscall, path: e.path };
}

/** The error as the other thread would have thrown it here. */
export function reviveError(error: ThreadError): Error {
  const err = new Error(error.message) as NodeJS.ErrnoException;
  err.stack = error.stack;
  if (error.code !== undefined) err.code = error.code;
  if (error.syscall !== undefined) err.syscall = error.syscall;
  if (error.path !== undefined) err.path = error.path;
  return err;
}
