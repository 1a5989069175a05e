// Where each key and value of a plain model is, read by js-yaml as it parses. compile.ts needs
// positions only to locate what it reports; for a text the fast path takes (fast-parse.ts), this
// gives them without `yaml`'s positioned document, a large part of `validate` at thousands of units
// when there is one warning to locate (docs/PERFORMANCE.md). js-yaml calls a listener as each node
// opens and closes; a node's source position is where its content starts after the point it opened
// at. Each position is the one load.ts's `locate` gives for the same path (yaml's range start);
// test/model/fast-positions.test.ts compares the two on every path of every fixture and bundled model
// and on generated texts. Anything this reading cannot account for node by node returns undefined,
// and compile takes the positioned parse as before. The listener and the order of its events are
// js-yaml's internals rather than its documented API: those tests are what check a js-yaml upgrade.
import { CORE_SCHEMA, load, type State } from 'js-yaml';
import { isPlainText, readsAlike } from './fast-parse';
import type { ModelPath } from './findings';
import type { ModelSource, Position } from './load';

/** One node as js-yaml composed it: its content's start offset and, for collections, its children. */
interface Spot {
  readonly start: number;
  /** A mapping's keys in order, each with its key's and its value's spot. */
  readonly entries?: ReadonlyMap<string, { readonly key: Spot; readonly value: Spot }>;
  readonly items?: readonly Spot[];
}

interface Frame {
  readonly opened: number;
  readonly children: Composed[];
}

interface Composed {
  readonly opened: number;
  readonly closed: number;
  readonly result: unknown;
  readonly kind: string | null;
  readonly children: readonly Composed[];
}

/** The model's source, positions read by js-yaml; undefined where it cannot be trusted to match yaml's. */
export function fastSource(text: string, file: string): ModelSource | undefined {
  // Only what the fast path reads (which has no byte-order mark, say: js-yaml drops it before
  // counting positions, and yaml counts it), and only where yaml reads the same value.
  if (!isPlainText(text)) return undefined;
  const roots: Composed[] = [];
  const frames: Frame[] = [];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      frames.push({ opened: state.position, children: [] });
      return;
    }
    const frame = frames.pop()!;
    const composed: Composed = { opened: frame.opened, closed: state.position, result: state.result, kind: state.kind, children: frame.children };
    (frames.length > 0 ? frames[frames.length - 1]!.children : roots).push(composed);
  };
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, json: false, listener });
  } catch {
    return undefined;
  }
  if (roots.length !== 1 || !readsAlike(value)) return undefined;
  const root = spotOf(text, roots[0]!, value);
  if (!root) return undefined;
  const lineStarts = lineStartsOf(text);
  const positionOf = (offset: number): Position => {
    // The last line starting at or before the offset.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
  };
  return {
    file,
    text,
    locate(path: ModelPath, at: 'key' | 'value' = 'value'): Position {
      // As load.ts walks yaml's document: the deepest node the path reaches.
      let spot: Spot = root;
      let key: Spot | null = null;
      for (const seg of path) {
        key = null;
        const entry = spot.entries?.get(String(seg));
        if (entry) {
          key = entry.key;
          spot = entry.value;
        } else if (spot.items && typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < spot.items.length) {
          spot = spot.items[seg]!;
        } else break;
      }
      return positionOf((at === 'key' && key ? key : spot).start);
    },
  };
}

/**
 * The spot of a composed node whose value is `value`, checking that its children account for the
 * value entry by entry (keys in order, one child per item); undefined where they do not, as for a
 * flow mapping entry without a value or a single-pair mapping inside a flow sequence.
 */
function spotOf(text: string, composed: Composed, value: unknown): Spot | undefined {
  // A node js-yaml first tried to read as a block mapping's key, and then took as the node itself
  // (a list item `- a`), is composed inside the node it became: the same kind and the same result.
  let node = composed;
  while (node.children.length === 1 && node.children[0]!.kind === node.kind && Object.is(node.children[0]!.result, node.result)) node = node.children[0]!;
  const start = contentStart(text, node.opened, node.closed);
  if (node.kind === 'mapping') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    // Its children are key, value, key, value... and, where js-yaml looked for one more key and found
    // none (before a document end marker), an empty node at the end.
    const children = node.children.slice();
    while (children.length % 2 === 1 && isEmpty(text, children[children.length - 1]!)) children.pop();
    if (children.length !== 2 * Object.keys(record).length) return undefined;
    const entries = new Map<string, { key: Spot; value: Spot }>();
    for (let i = 0; i < children.length; i += 2) {
      const keyNode = children[i]!;
      const valueNode = children[i + 1]!;
      if (keyNode.kind !== 'scalar' || keyNode.children.length > 0) return undefined;
      const name = String(keyNode.result);
      if (entries.has(name) || !Object.hasOwn(record, name)) return undefined;
      const key = { start: contentStart(text, keyNode.opened, keyNode.closed) };
      const child = record[name];
      if (isEmpty(text, valueNode)) {
        // A value not written (`key:` alone): yaml's empty node starts after the colon and the
        // spaces that follow it on its line.
        if (child !== null || text[valueNode.opened - 1] !== ':') return undefined;
        let at = valueNode.opened;
        while (text[at] === ' ' || text[at] === '\t') at++;
        entries.set(name, { key, value: { start: at } });
        continue;
      }
      const spot = spotOf(text, valueNode, child);
      if (!spot) return undefined;
      entries.set(name, { key, value: spot });
    }
    return { start, entries };
  }
  if (node.kind === 'sequence') {
    if (!Array.isArray(value) || node.children.length !== value.length) return undefined;
    const items: Spot[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = spotOf(text, node.children[i]!, value[i]);
      if (!item) return undefined;
      items.push(item);
    }
    return { start, items };
  }
  // A scalar has no children, except where js-yaml tried a key first and found nothing (a block
  // scalar as a list item: `- |`).
  if (node.kind === 'scalar' && node.children.every((c) => isEmpty(text, c)) && (value === null || typeof value !== 'object')) return { start };
  return undefined;
}

/** A node with nothing written: js-yaml opened it and found no content. */
function isEmpty(text: string, node: Composed): boolean {
  return node.result === null && node.children.length === 0 && contentStart(text, node.opened, node.closed) === node.closed;
}

/** Where a node's content starts: past the spaces, line breaks and comments after the point it opened at. */
function contentStart(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 0x23 /* # */ && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      while (i < to && text.charCodeAt(i) !== 0x0a) i++;
    } else break;
  }
  return i;
}

/** A space, tab or line break. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
