// cdktf records a complete stack trace (no depth limit) for every token and every nested block
// object it creates, only to decorate a possible error message. Provider resources create several
// each, so at thousands of units those traces cost more time and memory than the synthesis itself.
// While `fn` runs, cdktf's explicit capture is a no-op (its helper then records an empty trace).
// Errors still get their own stack: `new Error()` does not go through Error.captureStackTrace.

export function withoutCreationStacks<T>(fn: () => T): T {
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = () => undefined;
  try {
    return fn();
  } finally {
    Error.captureStackTrace = capture;
  }
}
