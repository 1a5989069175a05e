// Running the CLI as an unprivileged user, for the tests of what synth does when it may not write:
// root writes anywhere, so as root they drop to `nobody` through setpriv (util-linux). `nobody` must
// then reach the CLI, its modules and Node itself: a checkout under a directory it cannot traverse
// (a clone under a 0700 home, as root) makes those tests skip with the reason instead of failing.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const NOBODY = 65534;
const asRoot = () => process.getuid?.() === 0;

/** Runs `node script args` as nobody when root, else as the current user. */
export function runAsNobody(script: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return asRoot()
    ? spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, script, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8' });
}

/**
 * Why `script` cannot be run as nobody here (a reason for `skip`), or null when it can: it runs
 * `script` with `probeArgs` in a scratch directory anyone may write, as the tests will.
 */
export function whyNobodyCannotRun(script: string, probeArgs: readonly string[], files: Readonly<Record<string, string>> = {}): string | null {
  if (!asRoot()) return null;
  if (spawnSync('setpriv', ['--version']).status !== 0) return 'running as root without setpriv (util-linux) to drop to nobody';
  const dir = mkdtempSync(path.join(tmpdir(), 'ui-nobody-'));
  try {
    chmodSync(dir, 0o777);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const r = runAsNobody(script, probeArgs, dir);
    if (r.status === 0) return null;
    const lines = (r.error?.message ?? r.stderr).split('\n').filter((l) => l.trim() !== '');
    const first = lines.find((l) => /Error|EACCES|denied/.test(l)) ?? lines[0] ?? `exit ${r.status}`;
    return `nobody (uid ${NOBODY}) cannot run ${script} (is a parent directory of the checkout, of ${tmpdir()} or of Node closed to others?): ${first.trim()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
