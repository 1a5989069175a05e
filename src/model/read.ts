// Reading a model file's text, bounded: the first guard against hostile input, before any parser.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Models are a few hundred KiB at 3,000 units; anything near this is a mistake or an attack. */
export const MAX_MODEL_BYTES = 8 * 1024 * 1024;

/**
 * A model file's text, read up to the cap: a device or pipe (`-m /dev/zero`) has no size to check
 * beforehand, so the read itself stops one byte past the cap. Throws fs errors for the caller to word.
 */
export function readModelText(file: string): { text: string } | { tooLarge: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_MODEL_BYTES) return { tooLarge: size };
    const buffer = Buffer.alloc(MAX_MODEL_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_MODEL_BYTES) return { tooLarge: length };
    return { text: buffer.toString('utf8', 0, length) };
  } finally {
    closeSync(fd);
  }
}
