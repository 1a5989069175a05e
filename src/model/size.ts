// How big a model may be. The reference load (DESIGN §6) is 3,000 units, a model of about 13,000
// values that checks in half a second; ten times that still checks in seconds. Beyond it a model is a
// mistake or an attack: 8 MiB of YAML holds over a million values, and a list of 1,000 projects times
// 1,000 domains asks for a million accounts in a few kilobytes. Either would take a minute and
// gigabytes to check, rule by rule, only to be refused, so the size is checked first and alone.
import type { Finding } from './findings';
import { messages } from './messages';
import type { Model } from './schema';

/** Isolation units: ten times the reference load. */
export const MAX_UNITS = 30_000;
/** Values (scalars, lists and mappings, aliases expanded): about ten per unit at MAX_UNITS. */
export const MAX_VALUES = 300_000;

/** Whether `value` holds more than `max` values, counted without recursion and stopping at max + 1. */
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

/** The finding for a value too big to check, or none. */
export function checkValueCount(value: unknown): Finding[] {
  return exceeds(value, MAX_VALUES) ? [messages.tooManyValues(MAX_VALUES)] : [];
}

/** Units counted from the lists that make them (unitKeys builds them; this only multiplies). */
export function checkUnitCount(model: Model): Finding[] {
  const domains = Object.keys(model.domains).length;
  if (model.isolation === 'domain') {
    return domains > MAX_UNITS ? [messages.tooManyUnits(['domains'], domains, `${domains} domains`, MAX_UNITS)] : [];
  }
  const projects = model.projects.length;
  const defaults = model.onDemand ? (model.onDemand.perDomain ? domains : 1) : 0;
  const units = projects * domains + defaults;
  if (units <= MAX_UNITS) return [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = `${plural(projects, 'project')} x ${plural(domains, 'domain')}` + (defaults > 0 ? ` + ${plural(defaults, 'default unit')}` : '');
  return [messages.tooManyUnits(['projects'], units, detail, MAX_UNITS)];
}
