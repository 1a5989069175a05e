// How big a model may be. The reference load (docs/PERFORMANCE.md) is 3,000 units, a model of about 13,000
// values that checks in half a second; ten times that still checks in seconds. Beyond it a model is a
// mistake or an attack: 8 MiB of YAML holds over a million values, and a list of 1,000 projects times
// 1,000 domains asks for a million accounts (or attribute files) in a few kilobytes. Either would take
// a minute and gigabytes to check, rule by rule, only to be refused, so the size is checked first.
import { Lexer } from 'yaml';
import type { Finding } from './findings';
import { messages } from './messages';
import type { Model } from './schema';

/** Units (project-domain pairs): ten times the reference load. */
export const MAX_UNITS = 30_000;
/** Values (scalars, lists and mappings): about 20 for each pair at MAX_UNITS with every key written out. */
export const MAX_VALUES = 600_000;

/** Whether `value`, walked as a tree (a node repeated by aliases counts every time), has more than `max` values. */
export function exceeds(value: unknown, max: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > max) return true;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}

/** Like `exceeds`, but a node shared by aliases is walked once: what the text holds, not what it expands to. */
export function exceedsDistinct(value: unknown, max: number): boolean {
  let count = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > max) return true;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
  }
  return false;
}

/**
 * Every distinct value takes at least one character of the text (a key, a dash, a bracket or a
 * comma), so a shorter text cannot exceed MAX_VALUES; half of it leaves a margin. Models of ordinary
 * size (230 KB at 3,000 units) are never walked, which would cost every run of a large model.
 */
export const MIN_CHARS_TO_COUNT = MAX_VALUES / 2;

/**
 * The finding for a model too big to check, or none: on the text before it is parsed (building yaml's
 * positioned document of 8 MiB takes seconds and gigabytes), else on the value it reads. At 1:1: it
 * is about the whole model. Aliases that expand past the limit are load.ts's finding.
 */
export function checkValueCount(text: string, value?: unknown): Finding[] {
  if (text.length < MIN_CHARS_TO_COUNT) return [];
  const tooMany = value === undefined ? valuesAtLeast(text) > MAX_VALUES : exceedsDistinct(value, MAX_VALUES);
  return tooMany ? [{ ...messages.tooManyValues(MAX_VALUES), position: { line: 1, col: 1 } }] : [];
}

/**
 * A lower bound of the values `text` holds, from yaml's lexer alone (a fraction of the parse): each
 * block list item (`-`), each mapping value (`:`) and each item of a flow list but the last (`,`) is
 * a value of its own, and the document is one more. A scalar's content is one token, so what it
 * holds is never counted.
 */
export function valuesAtLeast(text: string): number {
  let values = 1;
  // Flow collections open: true for a list, where a comma ends an item; in a mapping it ends a pair whose `:` counted.
  const flow: boolean[] = [];
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (scalarNext) {
      scalarNext = false;
      continue;
    }
    if (token === '\x1f') scalarNext = true;
    else if (token === '-' || token === ':') values++;
    else if (token === ',') values += flow[flow.length - 1] === true ? 1 : 0;
    else if (token === '[' || token === '{') flow.push(token === '[');
    else if (token === ']' || token === '}') flow.pop();
  }
  return values;
}

/**
 * Units as the performance targets count the work: project-domain pairs, on-demand projects included. Each is an
 * account or project in project isolation, and in either isolation an attribute file, an assignment
 * and a line of the review.
 */
export function checkUnitCount(model: Model): Finding[] {
  const domains = Object.keys(model.domains).length;
  const projects = model.projects.length;
  const onDemand = model.onDemand?.projects.length ?? 0;
  const units = (projects + onDemand) * domains;
  if (units <= MAX_UNITS) return [];
  const path = onDemand > projects ? ['onDemand', 'projects'] : ['projects'];
  return [messages.tooManyUnits(path, { units, projects, onDemand, domains }, MAX_UNITS)];
}
