// The generated apply-cluster-pool-attributes.sh, run as a user would: from the output synth wrote,
// against a stub uctl on PATH that records its arguments. Every file is applied once, in order, the
// arguments arrive intact whatever they hold, and the script stops at the first failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Plan } from '../../src/plan/types';
import { ROOT, runCli } from '../helpers';
import { buildModel, specArb, writeModel } from '../property/arbitraries';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Records each call as NUL-separated arguments after a CALL marker (arguments may hold newlines);
// `get project P` fails for the projects in UCTL_MISSING (a comma list); otherwise exits with
// UCTL_EXIT on update number UCTL_FAIL_AT.
const STUB_UCTL = `#!/usr/bin/env bash
{ printf 'CALL\\0'; printf '%s\\0' "$@"; } >> "$UCTL_LOG"
if [ "$1 $2" = "get project" ]; then case ",\${UCTL_MISSING:-}," in *",$3,"*) echo "stub uctl: project $3 not found" >&2; exit 1;; esac; exit 0; fi
n=$(( $(cat "$UCTL_COUNT" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$UCTL_COUNT"
if [ "$n" = "\${UCTL_FAIL_AT:-}" ]; then echo "stub uctl: failing on purpose" >&2; exit "\${UCTL_EXIT:-1}"; fi
exit 0
`;

interface Setup {
  readonly root: string;
  readonly union: string;
  readonly run: (args: readonly string[], env?: Record<string, string>) => { status: number | null; stdout: string; stderr: string; calls: string[][]; checks: string[][] };
}

const setUps = new Map<string, Setup>();

/** Synthesizes `model` with the CLI into a directory whose path is hostile, and prepares a stub uctl (once per model). */
function setUp(modelText: string): Setup {
  const known = setUps.get(modelText);
  if (known) return known;
  const fresh = synthesizeWithStub(modelText);
  setUps.set(modelText, fresh);
  return fresh;
}

function synthesizeWithStub(modelText: string): Setup {
  const root = mkdtempSync(path.join(tmpdir(), 'ui-apply-'));
  made.push(root);
  // The output directory's own path: spaces, quotes, a command substitution, a newline.
  const out = path.join(root, `out dir 'q' "qq" $(touch PWNED) \`touch PWNED\`;x\nline`);
  const model = path.join(root, 'model.yaml');
  writeFileSync(model, modelText);
  const synth = runCli(['synth', '-m', model, '-o', out], { cwd: root });
  assert.equal(synth.code, 0, synth.stderr);
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'uctl'), STUB_UCTL);
  chmodSync(path.join(bin, 'uctl'), 0o755);
  const cwd = path.join(root, 'elsewhere');
  mkdirSync(cwd);
  const union = path.join(out, 'union');
  let round = 0;
  return {
    root,
    union,
    run(args, env = {}) {
      const log = path.join(root, `uctl-${++round}.log`);
      const r = spawnSync('bash', [path.join(union, 'apply-cluster-pool-attributes.sh'), ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, UCTL_LOG: log, UCTL_COUNT: `${log}.n`, ...env },
      });
      const raw = existsSync(log) ? readFileSync(log, 'utf8') : '';
      const all = raw
        .split('CALL\0')
        .filter(Boolean)
        .map((c) => c.split('\0').slice(0, -1));
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls: all.filter((c) => c[0] === 'update'), checks: all.filter((c) => c[0] === 'get') };
    },
  };
}

/** The attribute files in the order the plan promises: project, domain, then workflow (none first). */
function expectedOrder(union: string): string[] {
  const plan = JSON.parse(readFileSync(path.join(union, 'plan.json'), 'utf8')) as Plan;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return plan.assignments
    .filter((a) => a.file !== null)
    .sort((a, b) => cmp(a.project, b.project) || cmp(a.domain, b.domain) || (a.workflow === b.workflow ? 0 : a.workflow === null ? -1 : b.workflow === null ? 1 : cmp(a.workflow, b.workflow)))
    .map((a) => path.join(union, 'cluster-pool-attributes', a.file!));
}

const HOSTILE_ARGS = ['--org', 'acme corp', '--config=$HOME/x;rm -rf /', "'quoted'", '$(touch PWNED)', '`touch PWNED`', '', 'new\nline', '*', '--force'];

const models: [string, string][] = [
  ['the bundled model', readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8')],
  ...fc.sample(specArb, { numRuns: 2, seed: 99 }).map((spec, i): [string, string] => [`generated model ${i + 1}`, writeModel(buildModel(spec).model)]),
];

describe('apply-cluster-pool-attributes.sh against a stub uctl', () => {
  for (const [name, text] of models) {
    it(`applies every attribute file of ${name} once, in order, with every argument intact`, () => {
      const { root, union, run } = setUp(text);
      const r = run(HOSTILE_ARGS);
      assert.equal(r.status, 0, r.stderr);
      const applied = r.calls.map((c) => {
        assert.deepEqual(c.slice(0, 3), ['update', 'cluster-pool-attributes', '--attrFile']);
        assert.deepEqual(c.slice(4), HOSTILE_ARGS, 'extra arguments arrive as given');
        return c[3]!;
      });
      const onDisk = readdirSync(path.join(union, 'cluster-pool-attributes')).map((f) => path.join(union, 'cluster-pool-attributes', f));
      assert.deepEqual([...applied].sort(), [...onDisk].sort(), 'every file on disk, each once');
      assert.equal(new Set(applied).size, applied.length);
      assert.deepEqual(applied, expectedOrder(union), 'in the order of the plan');
      // Nothing the arguments or the directory name hold was executed.
      const pwned = spawnSync('find', [root, '-name', 'PWNED'], { encoding: 'utf8' }).stdout;
      assert.equal(pwned, '');
      assert.equal(existsSync(path.join(ROOT, 'PWNED')), false);
    });
  }

  it('fails at the first failing uctl call, with its exit code, applying nothing after it', () => {
    const { run } = setUp(models[0]![1]);
    const all = run([]).calls.length;
    assert.ok(all >= 3, `${all} files`);
    for (const at of [1, 2, all]) {
      const r = run(['--force'], { UCTL_FAIL_AT: String(at), UCTL_EXIT: '9' });
      assert.equal(r.status, 9, r.stderr);
      assert.equal(r.calls.length, at, `stopped at call ${at}`);
      assert.match(r.stderr, /apply-cluster-pool-attributes: uctl failed \(exit 9\) on [\s\S]*\.yaml; the files after it were not applied/);
    }
  });

  it('fails when uctl is not installed, at the first file', () => {
    const { union } = setUp(models[0]![1]);
    const r = spawnSync('bash', [path.join(union, 'apply-cluster-pool-attributes.sh')], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    assert.equal(r.status, 127, r.stderr);
    assert.match(r.stderr, /uctl: command not found[\s\S]*uctl failed \(exit 127\) checking project \S+: is uctl installed and on PATH\? Nothing was applied after it/);
    assert.equal(r.stderr.match(/uctl failed/g)?.length, 1, 'it stops at the first file');
  });

  it('skips the projects missing from Union, lists them once, applies the rest in order, and exits 4', () => {
    const { union, run } = setUp(models[0]![1]);
    const everything = run([]).calls.map((c) => c[3]!);
    const plan = JSON.parse(readFileSync(path.join(union, 'plan.json'), 'utf8')) as Plan;
    const projects = [...new Set(plan.assignments.filter((a) => a.file !== null).map((a) => a.project))].sort();
    assert.ok(projects.length >= 3, `${projects.length} projects`);
    const missing = [projects[0]!, projects[2]!];
    const r = run(['--force'], { UCTL_MISSING: missing.join(',') });
    assert.equal(r.status, 4, r.stderr);
    assert.deepEqual(r.checks.map((c) => c[2]), projects, 'each project checked once, in order');
    for (const c of r.checks) assert.deepEqual(c.slice(3), ['--org', plan.org], 'the check gets the arguments but --force');
    const fileProject = new Map(plan.assignments.filter((a) => a.file !== null).map((a) => [path.join(union, 'cluster-pool-attributes', a.file!), a.project]));
    assert.deepEqual(r.calls.map((c) => c[3]!), everything.filter((f) => !missing.includes(fileProject.get(f)!)), 'the others, in order');
    assert.match(r.stderr, new RegExp(`project\\(s\\) not in Union yet: ${missing.join(', ')}\n`));
    assert.match(r.stderr, new RegExp(`--project ${missing.join(',')} --force --org`));
  });

  it('applies only the selected projects and domains; --dry-run runs nothing', () => {
    const { union, run } = setUp(models[0]![1]);
    const plan = JSON.parse(readFileSync(path.join(union, 'plan.json'), 'utf8')) as Plan;
    const withFiles = plan.assignments.filter((a) => a.file !== null);
    const projects = [...new Set(withFiles.map((a) => a.project))].sort();
    const domain = withFiles[0]!.domain;
    const pick = [projects[0]!, projects[1]!];
    const expected = expectedOrder(union).filter((f) => {
      const a = withFiles.find((x) => path.join(union, 'cluster-pool-attributes', x.file!) === f)!;
      return pick.includes(a.project) && a.domain === domain;
    });
    assert.ok(expected.length >= 1);
    for (const args of [['--project', pick.join(','), '--domain', domain], ['--project', pick[0]!, `--project=${pick[1]!}`, `--domain=${domain}`]]) {
      const r = run(args);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.calls.map((c) => c[3]), expected, args.join(' '));
      assert.deepEqual(r.checks.map((c) => c[2]), [...new Set(expected.map((f) => withFiles.find((x) => path.join(union, 'cluster-pool-attributes', x.file!) === f)!.project))]);
    }
    const dry = run(['--dry-run', '--project', pick.join(','), '--domain', domain, ...HOSTILE_ARGS]);
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal(dry.calls.length + dry.checks.length, 0, 'a dry run calls no uctl');
    assert.equal(dry.stdout.split('\nuctl update').length, expected.length, 'one command per file');
  });

  it('is executable, so it runs as ./apply-cluster-pool-attributes.sh, and no other file is but queues/apply-queues.sh', () => {
    const { root, union } = setUp(models[0]![1]);
    const script = path.join(union, 'apply-cluster-pool-attributes.sh');
    // 0755 and 0644 as the umask allows (exactly those under the usual 022 and 002).
    const probe = path.join(root, 'umask-probe');
    writeFileSync(probe, '', { mode: 0o777 });
    const allowed = statSync(probe).mode & 0o777;
    assert.equal(statSync(script).mode & 0o777, 0o755 & allowed);
    assert.equal(statSync(script).mode & 0o700, 0o700, 'the owner may run it');
    const queues = path.join(union, 'queues', 'apply-queues.sh');
    assert.equal(statSync(queues).mode & 0o777, 0o755 & allowed);
    const others = walkFiles(union).filter((f) => f !== script && f !== queues);
    assert.ok(others.length >= 5, `${others.length} other files`);
    for (const file of others) assert.equal(statSync(file).mode & 0o777, 0o644 & allowed, file);
    const log = path.join(root, 'direct.log');
    const r = spawnSync('./apply-cluster-pool-attributes.sh', ['--force'], {
      cwd: union,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.join(root, 'bin')}:${process.env.PATH}`, UCTL_LOG: log, UCTL_COUNT: `${log}.n` },
    });
    assert.equal(r.error, undefined, 'it is run directly, not through bash');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(`${log}.n`, 'utf8').trim(), String(readdirSync(path.join(union, 'cluster-pool-attributes')).length));
  });
});

/** Every file under `dir`, as full paths. */
function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
