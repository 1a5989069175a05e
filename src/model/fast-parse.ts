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
import { MAX_MODEL_BYTES } from './read';

/**
 * What only the positioned path reads right: anchors, aliases, tags, directives, merge keys,
 * explicit (`? `) and flow-collection (`[a]: `) keys, binary numbers, NUL and replacement characters;
 * and what the two parsers read differently: signed hex and octal numbers (`-0x1F`: js-yaml a
 * number, yaml a string), signed floats without a leading digit (`-.5`: the other way round), a
 * signed zero, and null keys (`~:`, `null:`: js-yaml's key "null", yaml's "").
 */
const NOT_PLAIN = /[&*!%\uFFFD]|<<|(^|[\s{,])\?(\s|$)|[\]}]\s*:|\b0b[01]|(^|[\s[{,])[-+](0[xXoO]|\.\d|0(?=[\s,\]}]|$))|(^|[\s{,])(~|null|Null|NULL)\s*:(\s|$)/m;

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
  if (text.length > MAX_MODEL_BYTES || text.includes('\u0000') || NOT_PLAIN.test(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}
