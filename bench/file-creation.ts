// How fast this machine creates files right now. synth creates a file or directory for every stack
// and every Union file, and on some file systems that cost depends on what happened minutes before:
// ext4 without a journal (this project's machine) passes over the inodes deleted in the last minute
// or more each time it allocates one, so right after a test run or an earlier bench removed
// thousands of files, creating files is many times slower, and synth, which creates the Union files
// besides the stacks, pays most (bench/README.md, File creation). The bench probes before it starts
// and waits, within a limit, until creation is fast again; the probe's files are kept, not deleted,
// so that probing does not cause what it measures.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files per probe: enough to see the slowdown, few enough to be cheap when there is none. */
const PROBE_FILES = 300;
/** Slower than this per file counts as slow: a settled disk here measured about 0.04 ms, one right after 40,000 files were deleted 0.17-0.21 ms. */
export const SLOW_MS_PER_FILE = 0.1;

export interface FileCreation {
  /** Milliseconds per file in the last probe. */
  readonly msPerFile: number;
  /** Seconds spent waiting for it to settle. */
  readonly waitedSeconds: number;
  readonly settled: boolean;
}

/** Milliseconds per file to create PROBE_FILES small files in a new directory under `dir`. */
export function probeFileCreation(dir: string, round: number): number {
  const probe = path.join(dir, `file-creation-probe-${round}`);
  fs.mkdirSync(probe, { recursive: true });
  const started = process.hrtime.bigint();
  for (let i = 0; i < PROBE_FILES; i++) fs.writeFileSync(path.join(probe, `f${i}`), 'x');
  return Number(process.hrtime.bigint() - started) / 1e6 / PROBE_FILES;
}

/** Probes every `intervalSeconds` until file creation is fast, for at most `maxWaitSeconds`. */
export async function waitForFileCreation(dir: string, maxWaitSeconds: number, intervalSeconds = 15, onWait: (msPerFile: number) => void = () => {}): Promise<FileCreation> {
  const started = Date.now();
  for (let round = 1; ; round++) {
    const msPerFile = probeFileCreation(dir, round);
    const waitedSeconds = (Date.now() - started) / 1000;
    if (msPerFile <= SLOW_MS_PER_FILE) return { msPerFile, waitedSeconds, settled: true };
    if (waitedSeconds + intervalSeconds > maxWaitSeconds) return { msPerFile, waitedSeconds, settled: false };
    onWait(msPerFile);
    await new Promise((resolve) => setTimeout(resolve, intervalSeconds * 1000));
  }
}
