// Reading a model file: YAML or JSON (JSON is YAML 1.2), with source positions kept so every finding
// can say FILE:LINE:COL. Hostile input (huge files, binary, alias bombs, deep nesting) becomes a
// finding here, before anything else looks at it.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Finding, ModelPath } from './findings';
import { messages } from './messages';

/** Models are a few hundred KiB at 3,000 units; anything near this is a mistake or an attack. */
export const MAX_MODEL_BYTES = 8 * 1024 * 1024;
/** yaml's own guard against billion-laughs documents. */
const MAX_ALIAS_COUNT = 100;
/** Deeper than any model needs; the YAML parser recurses, so bound it before it does. */
const MAX_NESTING = 64;

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** The parsed document and a way back from model paths to positions. */
export interface ModelSource {
  readonly file: string;
  readonly text: string;
  /** Position of the node at `path`, or of its deepest existing ancestor. `at: 'key'` points at a map key. */
  locate(path: ModelPath, at?: 'key' | 'value'): Position;
}

export interface Loaded {
  readonly source: ModelSource;
  /** The plain value (null when the file could not be parsed). */
  readonly value: unknown;
  readonly findings: readonly Finding[];
}

export function loadText(text: string, file: string): Loaded {
  const lineCounter = new LineCounter();
  const noDoc: ModelSource = { file, text, locate: () => ({ line: 1, col: 1 }) };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_MODEL_BYTES) return { source: noDoc, value: null, findings: [messages.fileTooLarge(bytes, MAX_MODEL_BYTES)] };
  if (text.includes('\u0000') || text.includes('\uFFFD')) return { source: noDoc, value: null, findings: [messages.notText()] };
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) return { source: noDoc, value: null, findings: [messages.tooDeep(depth, MAX_NESTING)] };

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const source = sourceOf(file, text, doc, lineCounter);
  if (doc.errors.length > 0) {
    const findings = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { ...messages.yamlSyntax(e.code, firstLine(e.message)), path: [], position: { line: pos.line, col: pos.col } };
    });
    return { source, value: null, findings };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws a ReferenceError for alias bombs; anything else here is equally the input's fault.
    return { source, value: null, findings: [messages.aliasBomb(MAX_ALIAS_COUNT, (err as Error).message)] };
  }
  if (value === null || value === undefined) return { source, value: null, findings: [messages.emptyModel()] };
  if (typeof value !== 'object' || Array.isArray(value)) return { source, value: null, findings: [messages.notAMapping(describe(value))] };
  return { source, value, findings: [] };
}

function sourceOf(file: string, text: string, doc: Document, lineCounter: LineCounter): ModelSource {
  const posOf = (offset: number | undefined): Position => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  return {
    file,
    text,
    locate(path, at = 'value') {
      let node: unknown = doc.contents;
      let keyNode: unknown = null;
      for (const seg of path) {
        keyNode = null;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(seg));
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value ?? pair.key;
        } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
          node = node.items[seg];
        } else break;
      }
      const target = at === 'key' && keyNode ? keyNode : node;
      return posOf((target as Node | null)?.range?.[0]);
    },
  };
}

function keyOf(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Bracket nesting and indentation both bound the parser's recursion; a cheap upper bound of both. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth); // [ {
    else if ((c === 93 || c === 125) && depth > 0) depth--; // ] }
  }
  let maxIndent = 0;
  for (const m of text.matchAll(/^( *)(- |\S)/gm)) {
    const indent = m[1]!.length;
    if (indent > maxIndent) maxIndent = indent;
  }
  // Two spaces of indentation per level is the tightest YAML people write.
  return Math.max(max, Math.floor(maxIndent / 2));
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
