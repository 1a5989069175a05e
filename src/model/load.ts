// Loading a model's text: YAML or JSON (JSON is YAML 1.2), read by `yaml` alone with source positions
// kept (its LineCounter), so every finding can say FILE:LINE:COL. Hostile input (binary, alias bombs,
// deep nesting, more values than any model has; huge files stop in read.ts) becomes a finding here,
// before anything else looks at it.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding, ModelPath } from './findings';
import { describe, messages } from './messages';
import { MAX_MODEL_BYTES } from './read';
import { checkValueCount, exceeds, exceedsDistinct, MAX_VALUES } from './size';

/** yaml's own guard against billion-laughs documents. */
const MAX_ALIAS_COUNT = 100;
/** Deeper than any model needs; the YAML parser recurses, so bound it before it does. */
const MAX_NESTING = 64;
/**
 * Values after alias expansion. yaml's alias count lets a small file repeat a big node 100 times;
 * past the size any model may have (size.ts), say that aliases are the cause.
 */
const MAX_EXPANDED_VALUES = MAX_VALUES;

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
  const tooMany = checkValueCount(text);
  if (tooMany.length > 0) return { source: noDoc, value: null, findings: tooMany };

  // yaml's own duplicate-key check compares each key with every earlier one: quadratic, minutes for
  // a mapping of 50,000 keys. keyProblems does the same check with a set.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  const source = sourceOf(file, text, doc, lineCounter);
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { path: [], position: { line: pos.line, col: pos.col } };
  };
  // A model written as JSON gets JSON's own error, where JSON's parser stops: YAML's reading of a
  // broken JSON text (a trailing comma, a missing quote) names YAML rules the author never used.
  const json = doc.errors.length > 0 && looksLikeJson(text, file) ? jsonSyntaxError(text) : null;
  const findings: Finding[] = [
    ...(json ? [{ ...messages.jsonSyntax(json.message), path: [], position: lineCounter.linePos(json.offset) }] : doc.errors.map((e) => ({ ...messages.yamlSyntax(e.code, firstLine(e.message)), ...at(e.pos[0]) }))),
    ...keyProblems(doc).map((k) => ({ ...(k.complex ? messages.complexKey(k.text) : messages.yamlSyntax('DUPLICATE_KEY', JSON.stringify(k.text))), ...at(k.offset) })),
  ];
  if (findings.length > 0) return { source, value: null, findings };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws a ReferenceError for alias bombs; anything else here is equally the input's fault.
    return { source, value: null, findings: [messages.aliasBomb(MAX_ALIAS_COUNT, (err as Error).message)] };
  }
  // Only where aliases are the cause: a model that big without them gets compile's size finding.
  if (text.includes('*') && exceeds(value, MAX_EXPANDED_VALUES) && !exceedsDistinct(value, MAX_EXPANDED_VALUES)) {
    return { source, value: null, findings: [messages.aliasBomb(MAX_ALIAS_COUNT, `aliases expand the model to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values`)] };
  }
  // What the lexer's count could not tell (a flow mapping's entries without values), counted on the value.
  const tooManyRead = value === null || value === undefined ? [] : checkValueCount(text, value);
  if (tooManyRead.length > 0) return { source, value: null, findings: tooManyRead };
  if (value === null || value === undefined) return { source, value: null, findings: [messages.emptyModel()] };
  if (typeof value !== 'object' || Array.isArray(value)) return { source, value: null, findings: [messages.notAMapping(describe(value))] };
  return { source, value, findings: [] };
}

function sourceOf(file: string, text: string, doc: Document, lineCounter: LineCounter): ModelSource {
  const posOf = (offset: number | undefined): Position => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  // Pairs by key, built on first use: a model with 100,000 findings in one mapping must not scan it 100,000 times.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        const k = isPair(p) ? keyOf(p.key) : undefined;
        if (k !== undefined && !index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(key);
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
          const pair = pairOf(node, String(seg));
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value ?? pair.key;
        } else if (isSeq(node) && typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < node.items.length) {
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

/**
 * Keys written twice in one mapping, as yaml would report them (scalar keys compare by value), and
 * keys that are lists or mappings, which a model never has and JavaScript objects cannot hold.
 */
function keyProblems(doc: Document): { offset: number | undefined; complex: boolean; text: string }[] {
  const out: { offset: number | undefined; complex: boolean; text: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key)) {
          out.push({ offset: key.range?.[0], complex: true, text: String(key).slice(0, 60) });
          continue;
        }
        const value: unknown = key?.value ?? null;
        const k = `${typeof value}:${String(value)}`;
        if (seen.has(k)) out.push({ offset: key?.range?.[0], complex: false, text: String(value) });
        else seen.add(k);
      }
    },
  });
  return out;
}

function looksLikeJson(text: string, file: string): boolean {
  return file.toLowerCase().endsWith('.json') || /^\s*\{/.test(text);
}

/** JSON.parse's complaint and the offset it names (Node: "... at position N"); null when the text is JSON after all. */
export function jsonSyntaxError(text: string): { message: string; offset: number } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    const message = (err as Error).message;
    const m = /at position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : text.length;
    return { message: message.replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, ''), offset };
  }
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
  // Block indicators on one line (`- - - x`, `? ? x`) nest as deeply as indentation does.
  let maxIndent = 0;
  for (const m of text.matchAll(/^(?: |[-?](?= |$))*/gm)) {
    const indent = m[0].length;
    if (indent > maxIndent) maxIndent = indent;
  }
  // Two spaces of indentation per level is the tightest YAML people write.
  return Math.max(max, Math.floor(maxIndent / 2));
}
