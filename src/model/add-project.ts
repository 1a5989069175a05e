// add-project's edit of the model text: append a project to `onDemand.projects` (project isolation:
// it lands in the default account) or `projects` (domain isolation). Pure: text in, text or findings
// out. The Document API finds the sequence and its source range; the edit itself is spliced into the
// text, because re-printing the document (String(doc)) re-flows comments, flow collections and
// spacing all over the file, and the user's file must stay theirs apart from the one new entry.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { formatPath, type Finding, type ModelPath } from './findings';
import { DNS_LABEL_RULE, messages } from './messages';
import { isDnsLabel } from './rules/names';

export type AddProjectResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** Where the project went: `onDemand.projects` or `projects`. */
      readonly target: ModelPath;
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

type Range = readonly [number, number, number];

// YAML 1.1 readers and YAML's own core schema read these as something other than a string.
const NEEDS_QUOTES = /^(y|yes|n|no|true|false|on|off|null|~|[-+.]?\d.*)$/i;

export function addProject(text: string, name: string): AddProjectResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  const at = (offset: number) => lines.linePos(offset);
  const fail = (finding: Finding): AddProjectResult => ({ ok: false, findings: [finding] });

  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return fail(messages.cannotEditModel([]));
  }
  // Checked before the text is touched: the name is spliced into the file, so only a DNS label
  // (Flyte's rule for project ids) gets that far; the full rules run on the edited text afterwards.
  if (!isDnsLabel(name)) {
    return fail(messages.badName([], 'the project', name, DNS_LABEL_RULE));
  }

  for (const path of [['projects'], ['onDemand', 'projects']]) {
    const seq = doc.getIn(path, true);
    if (!isSeq(seq)) continue;
    const index = seq.items.findIndex((item) => isScalar(item) && item.value === name);
    if (index >= 0) {
      const item = seq.items[index] as Node;
      return fail({ ...messages.projectExists([...path, index], name), position: item.range ? at(item.range[0]) : undefined });
    }
  }

  const isolation = doc.get('isolation');
  if (isolation !== 'project' && isolation !== 'domain') {
    return fail(messages.cannotEditModel(['isolation']));
  }
  const target: ModelPath = isolation === 'project' ? ['onDemand', 'projects'] : ['projects'];
  const json = doc.contents.flow === true;
  const scalar = json || NEEDS_QUOTES.test(name) ? JSON.stringify(name) : name;

  let parent: YAMLMap = doc.contents;
  if (isolation === 'project') {
    const onDemand = doc.get('onDemand', true);
    if (!isMap(onDemand)) {
      return fail(messages.noDefaultAccount(name));
    }
    parent = onDemand;
  }

  const edited = insert(text, parent, scalar, json);
  if (edited === null) return fail(cannotEdit(name, target));

  // The edit must mean exactly "one more project": the same data, with the name appended.
  const expected = parse(text) as Record<string, unknown>;
  appendAt(expected, target, name);
  let actual: unknown;
  try {
    actual = parse(edited);
  } catch {
    return fail(cannotEdit(name, target));
  }
  if (!isDeepStrictEqual(actual, expected)) return fail(cannotEdit(name, target));
  return { ok: true, text: edited, target };
}

function cannotEdit(name: string, target: ModelPath): Finding {
  return messages.cannotAddProject(target, name, formatPath(target));
}

function appendAt(root: Record<string, unknown>, target: ModelPath, name: string): void {
  let holder = root;
  for (const key of target.slice(0, -1)) holder = holder[key as string] as Record<string, unknown>;
  const last = target[target.length - 1] as string;
  const list = holder[last];
  holder[last] = Array.isArray(list) ? [...list, name] : [name];
}

/** The text with the project appended to `parent.projects`, or null for a layout it cannot edit safely. */
function insert(text: string, parent: YAMLMap, scalar: string, json: boolean): string | null {
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === 'projects');
  if (pair === undefined) return addKey(text, parent, `${json ? '"projects"' : 'projects'}: [${scalar}]`);
  const value = pair.value;
  if (isSeq(value)) {
    const range = value.range as Range | null | undefined;
    if (!range) return null;
    const lastItem = value.items[value.items.length - 1] as Node | undefined;
    if (value.flow) {
      if (lastItem === undefined) return splice(text, range[0] + 1, scalar);
      if (!lastItem.range) return null;
      return keepCommentColumn(splice(text, lastItem.range[1], `, ${scalar}`), range[1] + scalar.length + 2, scalar.length + 2);
    }
    if (lastItem === undefined || !lastItem.range) return null;
    // A new `- name` line after the last item's line, with the same indent and spacing after the dash.
    const itemStart = lastItem.range[0];
    const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
    const dash = text.lastIndexOf('-', itemStart - 1);
    if (dash < lineStart || !/^ *$/.test(text.slice(lineStart, dash))) return null;
    return insertLine(text, lastItem.range[1], `${text.slice(lineStart, dash)}-${text.slice(dash + 1, itemStart)}${scalar}`);
  }
  // `projects:` with nothing (or null / ~) after it.
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) {
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) return splice(text, value.range[0], `[${scalar}]`, value.range[1]);
    const keyEnd = (pair.key as Node).range?.[1];
    if (keyEnd === undefined) return null;
    const colon = text.indexOf(':', keyEnd);
    return colon < 0 ? null : splice(text, colon + 1, ` [${scalar}]`);
  }
  return null;
}

/** A new `key: value` entry in a map, after its last entry, in the map's own style. */
function addKey(text: string, map: YAMLMap, entry: string): string | null {
  const range = map.range as Range | null | undefined;
  if (!range) return null;
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
  if (map.flow) {
    if (last === undefined) return splice(text, range[0] + 1, ` ${entry} `);
    const end = last.value?.range?.[1] ?? last.key?.range?.[1];
    return end === undefined ? null : splice(text, end, `, ${entry}`);
  }
  const first = map.items[0];
  if (!isPair(first) || !(first.key as Node | null)?.range || last === undefined) return null;
  const keyStart = (first.key as Node).range![0];
  const indent = text.slice(text.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
  if (!/^ *$/.test(indent)) return null;
  const end = last.value?.range?.[1] ?? last.key?.range?.[1];
  return end === undefined ? null : insertLine(text, end, `${indent}${entry}`);
}

/** Where the edit pushed an aligned end-of-line comment right, take back the spaces it added. */
function keepCommentColumn(text: string, after: number, added: number): string {
  const rest = /^( +)#/.exec(text.slice(after));
  return rest && rest[1]!.length > added ? text.slice(0, after) + text.slice(after + added) : text;
}

function splice(text: string, at: number, insert: string, until = at): string {
  return text.slice(0, at) + insert + text.slice(until);
}

/** `line` on its own line after the line that contains `offset`. */
function insertLine(text: string, offset: number, line: string): string {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  if (newline < 0) return `${text}\n${line}\n`;
  return splice(text, newline + 1, `${line}\n`);
}
