// The names of synthesis's staging directories (synthesize-into.ts), and how a path inside one is
// shown to the user: as the path it has, or will have, in the output directory.
import * as path from 'node:path';

/** In a staging directory: the new output, the previous one while they are swapped, and which process is using it. */
export const STAGING_NEW = 'out';
export const STAGING_PREVIOUS = 'previous';
export const STAGING_OWNER = 'owner';

export const stagingPrefix = (outdir: string): string => `.${path.basename(outdir)}.synth-`;

/** Staging directory names beside `outdir`: our prefix and the six characters mkdtemp adds, nothing else. */
export function stagingName(outdir: string): RegExp {
  return new RegExp(`^${stagingPrefix(outdir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[A-Za-z0-9]{6}$`);
}

/**
 * Where `file` is or was in `outdir` when it lies in one of its staging directories (an error names
 * the staging path; the user knows `outdir`); any other path as it is.
 */
export function outputPathOf(file: string, outdir: string): string {
  const [top, inner, ...rest] = path.relative(path.dirname(outdir), file).split(path.sep);
  const staged = top !== undefined && stagingName(outdir).test(top) && (inner === STAGING_NEW || inner === STAGING_PREVIOUS);
  return staged ? path.join(outdir, ...rest) : file;
}
