// A fast way to the value of a plain model. `yaml` keeps every node's source position, which findings
// need, but building that document is most of `validate` at thousands of units (several times what
// js-yaml takes; docs/PERFORMANCE.md). So compile reads a model with js-yaml first, locates what
// there is to report on js-yaml's own reading (fast-positions.ts), and takes the positioned path
// (load.ts) for anything js-yaml would treat differently: anchors and aliases (js-yaml has no alias
// budget), tags, directives, merge keys. js-yaml also rejects duplicate keys, which sends those models
// to the positioned path as well, where they get their located finding. Where the two parsers read
// the same text differently (complex keys, which js-yaml turns into strings; binary numbers; text
// the loader refuses), the text takes the positioned path too, so both paths give one answer.
// js-yaml is the more lenient in one way: the inner lines of a multi-line flow collection or quoted
// string may sit at their key's own indentation, which yaml refuses (BAD_INDENT); such a text is read
// as js-yaml reads it, which is what it plainly says, with or without findings.
import { CORE_SCHEMA, load } from 'js-yaml';
import { MAX_NESTING, nestingDepth } from './nesting';
import { MAX_MODEL_BYTES } from './read';

/**
 * What only the positioned path reads right, and what the two parsers read differently (the
 * positioned reading is the one the model's rules and messages are written for).
 */
const NOT_PLAIN = new RegExp(
  [
    // Anchors, aliases, tags, directives; replacement characters and byte-order marks.
    '[&*!%\\uFFFD\\uFEFF]',
    // Merge keys, explicit keys (`? `), flow-collection keys (`[a]: `).
    '<<',
    '(^|[\\s{,])\\?(\\s|$)',
    '[\\]}]\\s*:',
    // Binary numbers; signed hex and octal (`-0x1F`: js-yaml a number, yaml a string), signed floats
    // without a leading digit (`-.5`: the other way round), a signed zero.
    '\\b0b[01]',
    '(^|[\\s[{,])[-+](0[xXoO]|\\.\\d|0(?=[\\s,\\]}]|$))',
    // Numbers near or past a double's range (`1e400`: js-yaml a string, yaml Infinity).
    '\\d[eE]\\+?(\\d{4}|[3-9]\\d\\d)|\\d{300}|0[xXoO][0-9a-fA-F]{250}',
    // A carriage return alone, where js-yaml ends a line (and a comment) and yaml does not.
    '\\r(?!\\n)',
    // Block scalars (`|`, `>-`, `|2+`): their indentation and chomping at whitespace-only lines.
    '(^|\\s)[|>][-+1-9]*[ \\t]*(#.*)?\\r?$',
    // An empty item of a list that is itself a list item (`- -`).
    '(^|\\s)-[ \\t]+-[ \\t\\r]*$',
    // A quoted scalar that goes on over lines: the two read its escaped line breaks, blank lines and
    // lines that start with `#` differently.
    '(^|[\\s[{,])"([^"\\\\\\r\\n]|\\\\.)*\\\\?\\r?$',
    "(^|[\\s[{,])'([^'\\r\\n]|'')*\\r?$",
  ].join('|'),
  'm',
);

/**
 * Whether the fast path may read `text`: not too big, no NUL, nothing above, and not nested deeper
 * than the positioned parser accepts (nesting.ts), so that both paths refuse the same texts.
 */
export function isPlainText(text: string): boolean {
  return text.length <= MAX_MODEL_BYTES && !text.includes('\u0000') && !NOT_PLAIN.test(text) && nestingDepth(text) <= MAX_NESTING;
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
  // Null and empty keys (`~:`, `null:`, `{:}`): js-yaml's key "null", yaml's "". Found on the value,
  // where a pattern over the text would miss some of the ways to write them.
  return hasKeyNull(value) ? undefined : value;
}

function hasKeyNull(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasKeyNull);
  return Object.hasOwn(value, 'null') || Object.values(value).some(hasKeyNull);
}
