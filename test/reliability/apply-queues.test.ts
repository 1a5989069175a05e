// The generated queues/apply-queues.sh, run as a user would: from the output synth wrote, against a
// stub flyte on PATH that records its arguments. Every command is applied once, in Union's order
// (pools, clusters, queues, settings), the files it names exist, and it stops at the first failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { accountIdVariable } from '../../src/files/queue-files';
import type { Plan } from '../../src/plan/types';
import { ROOT, runCli } from '../helpers';

// Records each call as NUL-separated arguments after a CALL marker; exits FLYTE_EXIT on call FLYTE_FAIL_AT.
// \`flyte get\` finds nothing (the script then creates), and is neither recorded nor counted.
const STUB_FLYTE = `#!/usr/bin/env bash
case " $* " in *" get "*) exit 1 ;; esac
n=$(( $(cat "$FLYTE_COUNT" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$FLYTE_COUNT"
{ printf 'CALL\\0'; printf '%s\\0' "$@"; } >> "$FLYTE_LOG"
if [ "$n" = "\${FLYTE_FAIL_AT:-}" ]; then echo "stub flyte: failing on purpose" >&2; exit "\${FLYTE_EXIT:-1}"; fi
exit 0
`;

let root = '';
let union = '';
let round = 0;

before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ui-queues-'));
  const out = path.join(root, `out dir 'q' $(touch PWNED)`);
  const synth = runCli(['synth', '-m', path.join(ROOT, 'stacks', 'isolation.yaml'), '-o', out], { cwd: root });
  assert.equal(synth.code, 0, synth.stderr);
  union = path.join(out, 'union');
  mkdirSync(path.join(root, 'bin'));
  writeFileSync(path.join(root, 'bin', 'flyte'), STUB_FLYTE);
  chmodSync(path.join(root, 'bin', 'flyte'), 0o755);
});
after(() => rmSync(root, { recursive: true, force: true }));

/** Pools whose ECR registry is in an account the stacks create are created from a copy of their file, with the registry added. */
const COPY = '(a copy of the pool file, with its image registry)';

/** The account ids of those pools' registries, given as the variables the pool files name. */
function accountIds(): Record<string, string> {
  const plan = JSON.parse(readFileSync(path.join(union, 'plan.json'), 'utf8')) as Plan;
  return Object.fromEntries(plan.queues.pools.flatMap((p) => (p.imageRegistryAfterApply === null ? [] : [[accountIdVariable(p.name), '123456789012']])));
}

function run(args: readonly string[], env: Record<string, string> = accountIds()): { status: number | null; stderr: string; calls: string[][] } {
  const log = path.join(root, `flyte-${++round}.log`);
  const r = spawnSync('bash', [path.join(union, 'queues', 'apply-queues.sh'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path.join(root, 'bin')}:${process.env.PATH}`, FLYTE_LOG: log, FLYTE_COUNT: `${log}.n`, ...env },
  });
  const raw = existsSync(log) ? readFileSync(log, 'utf8') : '';
  const calls = raw
    .split('CALL\0')
    .filter(Boolean)
    .map((c) => c.split('\0').slice(0, -1))
    .map((c) => {
      const i = c.indexOf('cluster-pool');
      const file = c[i + 3];
      return i > 0 && file !== undefined && !file.startsWith(union) && path.basename(file) === `${c[i + 1]}.yaml` ? [...c.slice(0, i + 3), COPY] : c;
    });
  return { status: r.status, stderr: r.stderr, calls };
}

/** What the plan says must be registered, in order. */
function expected(): string[][] {
  const plan = JSON.parse(readFileSync(path.join(union, 'plan.json'), 'utf8')) as Plan;
  const q = path.join(union, 'queues');
  return [
    ...plan.queues.pools.filter((p) => !p.exists).map((p) => ['create', 'cluster-pool', p.name, '--file', p.imageRegistryAfterApply === null ? path.join(q, 'cluster-pools', `${p.name}.yaml`) : COPY]),
    ...plan.queues.clusters.map((c) => ['create', 'cluster', c.cluster, '--pool', c.pool]),
    ...plan.queues.queues.map((x) => ['create', 'queue', x.name, '--cluster-pool', x.pool, '--run-concurrency', String(x.runConcurrency), '--action-concurrency', String(x.actionConcurrency)]),
    ...(plan.queues.org === null ? [] : [['edit', 'settings', '--from-file', path.join(q, 'settings', 'org.yaml')]]),
    ...plan.queues.settings.map((s) => ['edit', 'settings', '--project', s.project, '--domain', s.domain, '--from-file', path.join(q, 'settings', `${s.project}.${s.domain}.yaml`)]),
  ];
}

describe('queues/apply-queues.sh against a stub flyte', () => {
  it('applies every command of the bundled model once, in order, with the flyte options first', () => {
    const options = ['--config', '/tmp/my config.yaml'];
    const r = run(options);
    assert.equal(r.status, 0, r.stderr);
    const want = expected();
    assert.ok(want.length >= 20, `${want.length} commands`);
    assert.deepEqual(r.calls.map((c) => c.slice(0, 2)), want.map(() => options), 'options before each command');
    assert.deepEqual(r.calls.map((c) => c.slice(2)), want);
    assert.equal(new Set(r.calls.map((c) => c.join(' '))).size, r.calls.length, 'each command once');
    for (const c of r.calls) for (const arg of c) if (arg.startsWith(union)) assert.ok(existsSync(arg), `${arg} exists`);
    // Every cluster of the model is registered, each in one pool.
    const clusters = r.calls.filter((c) => c[2] === 'create' && c[3] === 'cluster').map((c) => c[4]);
    assert.deepEqual(clusters, ['dev-analytics', 'dev-flytesnacks', 'prod-analytics', 'prod-critical', 'prod-flytesnacks-1', 'prod-flytesnacks-2', 'shared', 'stg-analytics', 'stg-flytesnacks']);
    // Pools before clusters before queues before settings.
    const kinds = r.calls.map((c) => `${c[2]} ${c[3]}`);
    const order = ['create cluster-pool', 'create cluster', 'create queue', 'edit settings'];
    assert.deepEqual([...new Set(kinds)], order);
    assert.deepEqual(kinds, [...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    assert.equal(existsSync(path.join(root, 'PWNED')), false);
  });

  it('the settings files route each project-domain to the queue of its assigned pool', () => {
    const text = readFileSync(path.join(union, 'queues', 'settings', 'flytesnacks.production.yaml'), 'utf8');
    assert.match(text, /^run\.default_queue: prod-flytesnacks-cp$/m);
  });

  it('fails at the first failing flyte call, with its exit code, running nothing after it', () => {
    const all = expected().length;
    for (const at of [1, 7, all]) {
      const r = run([], { ...accountIds(), FLYTE_FAIL_AT: String(at), FLYTE_EXIT: '7' });
      assert.equal(r.status, 7, r.stderr);
      assert.equal(r.calls.length, at, `stopped at call ${at}`);
      assert.match(r.stderr, /apply-queues: flyte failed \(exit 7\) on: flyte .*; the commands after it were not run/);
    }
  });

  it('fails when flyte is not installed, at the first command', () => {
    const r = spawnSync('bash', [path.join(union, 'queues', 'apply-queues.sh')], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    assert.equal(r.status, 127, r.stderr);
    assert.equal(r.stderr.match(/flyte failed/g)?.length, 1, 'it stops at the first command');
  });
});
