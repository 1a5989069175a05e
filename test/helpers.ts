// Shared test helpers: fixtures, compiling YAML text, running the real CLI, and asserting findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compileFile, compileText, type Compiled, type LocatedFinding } from '../src/compile';
import { formatFinding } from '../src/cli/report';
import type { Plan } from '../src/plan/types';

/** The repository root (tests run from dist/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'union-isolation.js');

export function fixturePath(name: string): string {
  return path.join(ROOT, 'test', 'fixtures', name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function loadFixture(name: string): Compiled {
  return compileFile(fixturePath(name));
}

/** The plan of a fixture or YAML text that must be valid; fails the test with its findings otherwise. */
export function planOf(source: { fixture: string } | { yaml: string }): Plan {
  const compiled = 'fixture' in source ? loadFixture(source.fixture) : compileText(source.yaml, 'model.yaml');
  assert.ok(compiled.plan, `expected a valid model, got:\n${compiled.findings.map(formatFinding).join('\n')}`);
  return compiled.plan;
}

export function compileYaml(yaml: string, file = 'model.yaml'): Compiled {
  return compileText(yaml, file);
}

/** The rendered finding lines, as the CLI prints them. */
export function findingLines(compiled: Compiled): string[] {
  return compiled.findings.map(formatFinding);
}

/** Assert that some finding line matches each pattern, and that there are errors. */
export function expectFindings(compiled: Compiled, ...patterns: (RegExp | string)[]): LocatedFinding[] {
  const lines = findingLines(compiled);
  assert.equal(compiled.plan, null, 'a model with findings must not produce a plan');
  for (const p of patterns) {
    const ok = lines.some((l) => (typeof p === 'string' ? l.includes(p) : p.test(l)));
    assert.ok(ok, `no finding matches ${p}; findings:\n${lines.join('\n')}`);
  }
  return [...compiled.findings];
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the compiled CLI as a user does. */
export function runCli(args: readonly string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A small valid model in domain isolation, to mutate in tests. */
export const MINIMAL_DOMAIN = `org: acme
isolation: domain
domains: { development: gcp, production: aws }
projects: [flytesnacks]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
clusters:
  dev: { account: development }
  prod: { account: production }
clusterPools:
  development-cp: [dev]
  production-cp: [prod]
controlPlaneHost: acme.unionai.cloud
`;

const temporaryDirs: string[] = [];
process.on('exit', () => cleanTemporaryDirs());

/** A fresh temporary directory, removed by cleanTemporaryDirs or when the test process ends. */
export function temporaryDir(prefix = 'ui-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

export function cleanTemporaryDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir`, relative path (with `/`) -> bytes as a string, sorted by path. */
export function treeOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(dir, child), 'latin1'));
    }
  };
  walk('');
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
