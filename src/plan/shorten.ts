// Deterministic shortening of template-derived names. The full name's hash keeps two long names that
// share a head apart, and the same name always shortens the same. Every part between hyphens keeps
// its beginning (the longest parts are trimmed first), so `gcp-project-union-development-project-1`
// still reads as development / project-1 rather than losing its tail.
import { createHash } from 'node:crypto';

const HASH_LENGTH = 6;

export function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, HASH_LENGTH);
  const budget = max - HASH_LENGTH - 1;
  const parts = name.split('-').filter((p) => p !== '');
  let length = parts.reduce((n, p) => n + p.length, 0) + parts.length - 1;
  while (length > budget) {
    let longest = 0;
    for (let i = 1; i < parts.length; i++) if (parts[i]!.length > parts[longest]!.length) longest = i;
    if (parts[longest]!.length <= 1) break;
    parts[longest] = parts[longest]!.slice(0, -1);
    length--;
  }
  const head = parts.join('-').slice(0, budget).replace(/[-.]+$/, '');
  return `${head}-${hash}`;
}
