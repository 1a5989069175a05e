// The one order of names everywhere: by UTF-16 code unit, as JavaScript compares strings, never by
// locale, so the same model sorts the same on every machine.

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries of a map or record, by key. */
export function compareEntries<T>([a]: readonly [string, T], [b]: readonly [string, T]): number {
  return compareStrings(a, b);
}
