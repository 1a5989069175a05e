// The files Union needs, written under `<outdir>/union/`: exactly the rendered set, nothing of an
// earlier model left behind. No cdktf here: synthesis writes these on its calling thread while the
// stacks thread runs cdktf.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APPLY_SCRIPT_FILE } from '../files/apply-attributes-script';
import { QUEUES_SCRIPT_FILE } from '../files/queue-files';
import { writeHere, type FileSink } from './file-sink';

export const UNION_DIR = 'union';

/** Union files meant to be run (`./apply-cluster-pool-attributes.sh`); the others are not executable. */
const EXECUTABLE_FILES: ReadonlySet<string> = new Set([APPLY_SCRIPT_FILE, QUEUES_SCRIPT_FILE]);

/**
 * Replaces `dir` with exactly `files` (relative path -> content), so no file of an earlier model
 * lingers: an old attribute file left behind could still be applied. Paths must stay inside `dir`.
 * Modes are 0755 for scripts and 0644 for the rest, narrowed by the umask as usual.
 */
export function writeUnionFiles(files: ReadonlyMap<string, string>, dir: string, sink: FileSink = writeHere): string[] {
  const written = [...files.keys()].sort();
  for (const rel of written) checkRelativePath(rel);
  fs.rmSync(dir, { recursive: true, force: true });
  const targets = written.map((rel) => ({ rel, file: path.join(dir, ...rel.split('/')) }));
  // Each directory once: thousands of attribute files share one.
  sink.makeDirs([...new Set([dir, ...targets.map((t) => path.dirname(t.file))])]);
  for (const { rel, file } of targets) sink.write(file, files.get(rel)!, EXECUTABLE_FILES.has(rel) ? 0o755 : 0o644);
  return written;
}

/** A renderer bug must not write outside the output directory. */
function checkRelativePath(rel: string): void {
  const segments = rel.split('/');
  const unsafe = rel.includes('\\') || rel.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..');
  if (unsafe) throw new Error(`refusing to write union file '${rel}': not a plain relative path`);
}
