// Deterministic shortening of template-derived names: a readable head plus a short hash of the full
// name, so two long names that share a head still differ, and the same name always shortens the same.
import { createHash } from 'node:crypto';

const HASH_LENGTH = 6;

export function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, HASH_LENGTH);
  const head = name.slice(0, max - HASH_LENGTH - 1).replace(/[-.]+$/, '');
  return `${head}-${hash}`;
}
