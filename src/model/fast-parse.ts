// A fast way to the value of a plain model. `yaml` keeps every node's source position, which findings
// need, but building that document is most of `validate` at thousands of units (several times what
// js-yaml takes; docs/PERFORMANCE.md). So compile reads a model with js-yaml first, locates what
// there is to report on js-yaml's own reading (fast-positions.ts), and takes the positioned path
// (load.ts) for anything js-yaml would treat differently: anchors and aliases (js-yaml has no alias
// budget), tags, directives, merge keys. js-yaml also rejects duplicate keys, which sends those models
// to the positioned path as well, where they get their located finding. Where the two parsers read
// the same text differently (complex keys, which js-yaml turns into strings; binary numbers; text
// the loader refuses), the text takes the positioned path too, so both paths give one answer.
// js-yaml is the more lenient on some texts yaml refuses: the inner lines of a multi-line flow
// collection at their key's own indentation (BAD_INDENT), a comment without a space before it
// (MISSING_CHAR). Such a text is read as js-yaml reads it, which is what it plainly says, with or
// without findings. Nesting is bounded by js-yaml's own depth limit here, by load.ts's there.
import { CORE_SCHEMA, load } from 'js-yaml';
import { MAX_MODEL_BYTES } from './read';

/**
 * What only the positioned path reads right, and what the two parsers read differently (the
 * positioned reading is the one the model's rules and messages are written for).
 */
const NOT_PLAIN = new RegExp(
  [
    // Anchors, aliases, tags, directives; replacement characters and byte-order marks.
    /[&*!%\uFFFD\uFEFF]/,
    // Merge keys, explicit keys (`? `), flow-collection keys (`[a]: `).
    /<</,
    /(^|[\s{,])\?(\s|$)/,
    /[\]}]\s*:/,
    // Binary numbers; signed hex and octal (`-0x1F`: js-yaml a number, yaml a string), signed floats
    // without a leading digit (`-.5`: the other way round), a signed zero.
    /\b0b[01]/,
    /(^|[\s[{,])[-+](0[xXoO]|\.\d|0(?=[\s,\]}]|$))/,
    // A carriage return alone, where js-yaml ends a line (and a comment) and yaml does not.
    /\r(?!\n)/,
    // A tab in a line's indentation, where the two tell a block scalar's blank lines and comments apart differently.
    /^ *\t/,
    // Block scalars with an indentation indicator or kept line ends (`|2`, `>+`): their
    // whitespace-only lines read differently.
    /(^[ \t]*|[:?-][ \t]+)[|>]([1-9][-+]?|[-+][1-9]|\+)[ \t]*(#.*)?\r?$/,
    // A line of list items without content (`-`, `- -`): an empty item of a nested list ends that
    // list for yaml and not for js-yaml.
    /^[ \t]*(-[ \t]+)*-[ \t]*(#.*)?\r?$/,
    // A quoted scalar that goes on over lines: the two read its escaped line breaks, blank lines and
    // lines that start with `#` differently (and yaml refuses its inner lines at its key's indentation).
    /(^[ \t]*|[?-][ \t]+|[[{,:][ \t]*)"([^"\\\r\n]|\\.)*\\?\r?$/,
    /(^[ \t]*|[?-][ \t]+|[[{,:][ \t]*)'([^'\r\n]|'')*\r?$/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'm',
);

/** Whether the fast path may read `text`: not too big, no NUL, nothing above. */
export function isPlainText(text: string): boolean {
  return text.length <= MAX_MODEL_BYTES && !text.includes('\u0000') && !NOT_PLAIN.test(text);
}

/**
 * Whether yaml would read js-yaml's `value` alike, as far as the value can tell: no null or empty
 * key (`~:`, `{:}`: js-yaml's key "null", yaml's ""), and no number past a double's range (`1e400`:
 * js-yaml leaves it a string, yaml reads Infinity). Read off the value, where a pattern over the
 * text would miss some of the ways to write them.
 */
export function readsAlike(value: unknown): boolean {
  if (typeof value === 'string') return !isInfiniteNumber(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(readsAlike);
  for (const [key, child] of Object.entries(value)) if (key === 'null' || isInfiniteNumber(key) || !readsAlike(child)) return false;
  return true;
}

/** YAML 1.2's numbers (core schema). */
const NUMBER = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$/;

function isInfiniteNumber(s: string): boolean {
  return NUMBER.test(s) && !Number.isFinite(Number(s));
}

/**
 * What js-yaml reads from any text (aliases shared rather than copied, a duplicate key's last value),
 * or undefined where it cannot: only for counting a big model's values before the positioned parse.
 */
export function looseValue(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA, json: true });
  } catch {
    return undefined;
  }
}

/** The model's value, or undefined when the text is not plain enough (or not valid) for the fast path. */
export function fastValue(text: string): unknown {
  if (!isPlainText(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  return readsAlike(value) ? value : undefined;
}
