// cdktf writes every stack and its manifest with `json-stable-stringify` (sorted keys, two-space
// indent). That package reaches every array method through call-bind and get-intrinsic, which cost
// a dozen modules to load and most of its time per call: about 6% of the stacks thread at the typical
// size. Imported before cdktf, this module puts a stand-in in Node's module cache, where cdktf's
// `require` finds it: the engine's JSON.stringify where the value allows, the same algorithm written
// plainly where it does not, byte for byte the same output for the one way cdktf calls it
// (`{ space: 2 }`), and the real package for any other options (stand-in.ts).
// test/stacks/defer-stable-stringify.test.ts compares the two on generated values.
import { installStandIn } from './stand-in';

type StableStringify = (value: unknown, options?: unknown) => string | undefined;

installStandIn('json-stable-stringify', (loadReal): StableStringify => (value, options) => {
  const space = spaceOf(options);
  return space !== null ? stableStringify(value, space) : (loadReal() as StableStringify)(value, options);
});

/** The indent string when `options` is `{ space: n }` or `{ space: 'str' }` and nothing else; null for anything the stand-in leaves to the package. */
function spaceOf(options: unknown): string | null {
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype) return null;
  const keys = Object.keys(options);
  if (keys.length !== 1 || keys[0] !== 'space') return null;
  const space = (options as { space: unknown }).space;
  if (typeof space === 'number' && Number.isInteger(space) && space >= 0 && space <= 10) return ' '.repeat(space);
  if (typeof space === 'string') return space;
  return null;
}

/**
 * json-stable-stringify 1.x without replacer, comparator or cycle options: keys sorted by code unit,
 * `toJSON` honoured, undefined and functions dropped from objects and `null` in arrays, empty
 * containers still broken over two lines, a cycle on the current path a TypeError.
 */
export function stableStringify(value: unknown, space: string): string | undefined {
  return viaNativeStringify(value, space) ?? walkAndStringify(value, space);
}

/** Deeper than any stack cdktf writes; a cycle gets here too, and the walk then reports it. */
const MAX_NATIVE_DEPTH = 200;

/**
 * Most of what cdktf writes is plain JSON data: strings, numbers, booleans, null, arrays and objects
 * with keys that are not array indices, none of them empty. For such a value, a copy with its keys
 * inserted in sorted order, written by the engine's own `JSON.stringify`, is the same text two to
 * three times faster than the walk. Anything else (an empty container, which the package breaks over two
 * lines; an array-index key, which `JSON.stringify` would move first; `__proto__`; `toJSON`,
 * undefined, a function, a cycle) makes this return undefined, and the walk writes it.
 */
export function viaNativeStringify(value: unknown, space: string): string | undefined {
  // JSON.stringify indents with at most ten characters; the package with all of them.
  if (space.length > 10) return undefined;
  const sorted = sortedCopy(value, 0);
  return sorted === NOT_PLAIN ? undefined : JSON.stringify(sorted, null, space);
}

const NOT_PLAIN: unique symbol = Symbol('not plain JSON data');
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

function sortedCopy(node: unknown, depth: number): unknown {
  if (node === null || typeof node === 'string' || typeof node === 'boolean' || typeof node === 'number') return node;
  if (typeof node !== 'object' || depth > MAX_NATIVE_DEPTH) return NOT_PLAIN;
  // Before the array case: the package honours an array's own toJSON too.
  if (typeof (node as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN;
  if (Array.isArray(node)) {
    if (node.length === 0) return NOT_PLAIN;
    const copy: unknown[] = new Array(node.length);
    for (let i = 0; i < node.length; i++) {
      const item = sortedCopy(node[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      copy[i] = item;
    }
    return copy;
  }
  const keys = Object.keys(node);
  if (keys.length === 0) return NOT_PLAIN;
  keys.sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    // `copy.__proto__ = ...` would set the prototype, not a key.
    if (ARRAY_INDEX.test(key) || key === '__proto__') return NOT_PLAIN;
    const item = sortedCopy((node as Record<string, unknown>)[key], depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = item;
  }
  return copy;
}

function walkAndStringify(value: unknown, space: string): string | undefined {
  const ancestors = new Set<object>();
  const colon = space ? ': ' : ':';
  const walk = (node: unknown, level: number): string | undefined => {
    const indent = space ? '\n' + space.repeat(level) : '';
    if (node && typeof (node as { toJSON?: unknown }).toJSON === 'function') node = (node as { toJSON(): unknown }).toJSON();
    if (node === undefined) return undefined;
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const out: string[] = [];
    if (Array.isArray(node)) {
      for (const item of node) out.push(indent + space + (walk(item, level + 1) || 'null'));
      return '[' + out.join(',') + indent + ']';
    }
    if (ancestors.has(node)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(node);
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      const item = walk(record[key], level + 1);
      if (item) out.push(indent + space + JSON.stringify(key) + colon + item);
    }
    ancestors.delete(node);
    return '{' + out.join(',') + indent + '}';
  };
  return walk(value, 0);
}

