// cdktf resolves every value of a stack's JSON (each element's fragment, then the whole stack once
// more) through one recursive function that builds a resolution context, two closures and a path
// array for every key and every value, tokens or not. Nearly all of our values are plain (names,
// flags, references already written out), so that bookkeeping is most of synthesis: a quarter of
// it at the typical size. While `fn` runs, plain values are copied directly, exactly as cdktf's
// resolver would return them, and everything that is or may hold a token (an encoded string, list,
// number or map, an object with `resolve`, anything not a plain object or array) goes to cdktf's
// resolver, with the path it would have had. test/speedups/copy-plain-values.test.ts compares the two
// on generated values; test/speedups/on-off.test.ts holds whole outputs equal with the speedups off.
// The hook is cdktf 0.21's internal resolve module: a cdktf upgrade, or the cdktn fork, is checked
// by those tests, and this file can simply go.
/* eslint-disable @typescript-eslint/no-require-imports -- the module objects themselves are what is patched and read */

interface ResolveOptions {
  readonly prefix?: readonly string[];
}
type Resolve = (obj: unknown, options: ResolveOptions) => unknown;

type TokenMarkers = { STRING_MAP_TOKEN_VALUE: string; ANY_MAP_TOKEN_VALUE: string };

/** cdktf's map token markers, read when the patch is installed. */
let Token: TokenMarkers;

/** Every encoded token (string, list and map markers alike) contains this. */
const TOKEN_MARK = 'TfToken[';
/** cdktf refuses paths deeper than 200; anything approaching that goes to cdktf, to fail its way. */
const MAX_COPY_DEPTH = 100;

export function withPlainValuesCopied<T>(fn: () => T): T {
  // Tokenization.resolve, the entry every caller goes through, reads `resolve` off this module object.
  const resolver: { resolve: Resolve } = require('cdktf/lib/tokens/private/resolve');
  Token = (require('cdktf/lib/tokens/token') as { Token: TokenMarkers }).Token;
  const resolve = resolver.resolve;
  resolver.resolve = (obj, options) => {
    const prefix = options.prefix ?? [];
    const delegate: Delegate = (value, at) => resolve(value, { ...options, prefix: [...prefix, ...pathOf(at)] });
    return copyPlain(obj, null, prefix.length, delegate);
  };
  try {
    return fn();
  } finally {
    resolver.resolve = resolve;
  }
}

/** Where a value sits below the value being resolved, innermost key first; spelled out only for cdktf. */
type Path = { readonly parent: Path; readonly key: string } | null;
type Delegate = (value: unknown, at: Path) => unknown;

function pathOf(at: Path): string[] {
  const keys: string[] = [];
  for (let p = at; p !== null; p = p.parent) keys.push(p.key);
  return keys.reverse();
}

/** What cdktf's resolve returns for `obj`: copied here when plain, from `delegate` (cdktf's resolve) otherwise. */
function copyPlain(obj: unknown, at: Path, depth: number, delegate: Delegate): unknown {
  switch (typeof obj) {
    case 'undefined':
    case 'boolean':
      return obj;
    case 'string':
      return isPlainString(obj) ? obj : delegate(obj, at);
    case 'number':
      // Encoded number tokens are huge doubles, never safe integers.
      return Number.isSafeInteger(obj) ? obj : delegate(obj, at);
    case 'object':
      break;
    default:
      return delegate(obj, at);
  }
  if (obj === null) return null;
  if (depth >= MAX_COPY_DEPTH) return delegate(obj, at);
  if (Array.isArray(obj)) {
    // A list token among the elements makes cdktf resolve the list as a whole.
    if (obj.some(isListTokenElement)) return delegate(obj, at);
    const out: unknown[] = [];
    for (let i = 0; i < obj.length; i++) {
      const value = copyPlain(obj[i], { parent: at, key: String(i) }, depth + 1, delegate);
      if (value !== undefined) out.push(value);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(obj) as unknown;
  const record = obj as Record<string, unknown>;
  // Class instances (tokens, constructs, dates) and maps with token keys are cdktf's to handle.
  if ((proto !== Object.prototype && proto !== null) || typeof record.resolve === 'function') return delegate(obj, at);
  const keys = Object.keys(record);
  if (!keys.every(isPlainString)) return delegate(obj, at);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = copyPlain(record[key], { parent: at, key }, depth + 1, delegate);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function isListTokenElement(x: unknown): boolean {
  return (typeof x === 'string' && x.includes(TOKEN_MARK)) || (typeof x === 'number' && !Number.isSafeInteger(x));
}

/**
 * cdktf's pattern for numbers spliced into strings (tokens/private/encoding.js, NUMBER_TOKEN_REGEX),
 * without its global flag: a string it matches goes to cdktf, which splits and rejoins it.
 */
const NUMBER_IN_STRING = new RegExp('[-|\\d|.\\+]+(e[-|\\d|.|e|E|\\+]+)');

/** A string cdktf's resolver returns unchanged: no token marker, not a map token, nothing its number scan would split. */
function isPlainString(s: string): boolean {
  return !s.includes(TOKEN_MARK) && s !== Token.STRING_MAP_TOKEN_VALUE && s !== Token.ANY_MAP_TOKEN_VALUE && !NUMBER_IN_STRING.test(s);
}
