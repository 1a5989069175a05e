// Source positions for a fast-path model's findings from the parts of the text they are in. The
// positioned parse of a whole model (load.ts) is most of `validate` at thousands of units, and a
// model with one warning needed all of it to locate that warning. A finding's part is the entry of
// its first key (`clusters:` and what is indented under it), or of its second key within that
// (`  shared: ...` under `clusters:`), cut out by indentation and parsed alone with the positioned
// parser. The cut is a guess about the text's layout; it is trusted only where the part, parsed, has
// no finding of its own and reads exactly the value the fast path read there. Otherwise, and for
// anything not cut out this way (a finding about the whole model, flow style at the top, CR or tab
// characters), there is no answer and compile parses the whole text as before.
import { isDeepStrictEqual } from 'node:util';
import type { ModelPath } from './findings';
import { loadText, type ModelSource, type Position } from './load';

/** A part of the text: lines [start, end), the first of them `indent` spaces and then `key:`. */
interface Entry {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
}

/** The positioned reading of one part, and the lines before it in the whole text. */
interface Part {
  readonly source: ModelSource;
  readonly linesBefore: number;
  /** Keys of the whole model's path that the part starts below (0 or 1). */
  readonly skip: number;
}

/**
 * A ModelSource that locates each of `paths` in `value` (the fast path's reading of `text`) from
 * the parts of `text` they are in; undefined when one of them cannot be.
 */
export function sourceInParts(text: string, file: string, value: Record<string, unknown>, paths: readonly ModelPath[]): ModelSource | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  const cut = (entry: Entry) => text.slice(starts[entry.start], entry.end < lines.length ? starts[entry.end] : text.length);

  const parts = new Map<string, Part | null>();
  /** The part of `entry`, whose value in the fast reading is `expected` under `key`; null when it does not read the same. */
  const partOf = (id: string, entry: Entry, key: string, expected: unknown, skip: number): Part | null => {
    let part = parts.get(id);
    if (part === undefined) {
      const loaded = loadText(cut(entry), file);
      const same = loaded.findings.length === 0 && isDeepStrictEqual(loaded.value, { [key]: expected });
      part = same ? { source: loaded.source, linesBefore: entry.start, skip } : null;
      parts.set(id, part);
    }
    return part;
  };

  const top: Entry = { start: 0, end: lines.length, indent: -1 };
  const partFor = (path: ModelPath): Part | null => {
    const [first, second] = path;
    if (typeof first !== 'string' || !Object.hasOwn(value, first)) return null;
    const outer = entryOf(lines, top, 0, first);
    if (!outer) return null;
    const inner = value[first];
    if (typeof second === 'string' && isRecord(inner) && Object.hasOwn(inner, second)) {
      const indent = childIndent(lines, outer);
      const entry = indent === undefined ? undefined : entryOf(lines, outer, indent, second);
      if (entry) {
        const part = partOf(`${first}\u0000${second}`, entry, second, inner[second], 1);
        if (part) return part;
      }
    }
    return partOf(first, outer, first, inner, 0);
  };

  const byPath = new Map<string, Part>();
  const keyOf = (path: ModelPath) => JSON.stringify(path);
  for (const path of paths) {
    const part = partFor(path);
    if (!part) return undefined;
    byPath.set(keyOf(path), part);
  }
  return {
    file,
    text,
    locate(path, at): Position {
      const part = byPath.get(keyOf(path)) ?? partFor(path);
      if (!part) throw new Error(`no part of the model was read for ${keyOf(path)}`);
      const p = part.source.locate(path.slice(part.skip), at);
      return { line: p.line + part.linesBefore, col: p.col };
    },
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A line that holds nothing: empty, spaces, or a comment. */
const BLANK = /^ *(#.*)?$/;
/** `key:` at the start of a line after its indentation, the key plain or quoted without escapes. */
const KEY = /^( *)(?:"([^"\\]*)"|'([^']*)'|([^\s"'#?:,[\]{}&*!|>%@`-][^:#]*?)) *:(?: |$)/;

/** The entry of `key` among the lines of `within`, at `indent`: that line and those below it. */
function entryOf(lines: readonly string[], within: Entry, indent: number, key: string): Entry | undefined {
  for (let i = within.start + (within.indent < 0 ? 0 : 1); i < within.end; i++) {
    const m = KEY.exec(lines[i]!);
    if (!m || m[1]!.length !== indent || (m[2] ?? m[3] ?? m[4]) !== key) continue;
    let end = i + 1;
    while (end < within.end && belongsBelow(lines[end]!, indent)) end++;
    return { start: i, end, indent };
  }
  return undefined;
}

/** Whether a line after an entry's first is still part of it: blank, indented deeper, or a list item at its indentation. */
function belongsBelow(line: string, indent: number): boolean {
  if (BLANK.test(line)) return true;
  const own = line.length - line.trimStart().length;
  return own > indent || (own === indent && /^-( |$)/.test(line.slice(own)));
}

/** The indentation of the keys of a block mapping under `entry`'s key; undefined when its value is written on the key's line or is a list. */
function childIndent(lines: readonly string[], entry: Entry): number | undefined {
  const first = lines[entry.start]!;
  const m = KEY.exec(first)!;
  if (!BLANK.test(first.slice(m[0].length))) return undefined;
  for (let i = entry.start + 1; i < entry.end; i++) {
    const line = lines[i]!;
    if (BLANK.test(line)) continue;
    const own = line.length - line.trimStart().length;
    return own > entry.indent && !/^-( |$)/.test(line.slice(own)) ? own : undefined;
  }
  return undefined;
}
