// union/queues/: every flyte command carries the flags the CLI requires, the pool manifests declare
// what the clusters' values configure, raw data goes to the raw-data bucket, and apply-queues.sh
// can be run again after a failure (checked against a stub flyte that remembers what exists).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { renderAllHelmValues } from '../../src/files/helm-values';
import { accountIdVariable, queueCommands, renderQueueFiles } from '../../src/files/queue-files';
import type { Plan } from '../../src/plan/types';
import { ROOT, planOf, temporaryDir } from '../helpers';

const MODELS: readonly [string, () => Plan][] = [
  ['the bundled model', () => planOf({ yaml: readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8') })],
  ['an AWS-only model', () => planOf({ fixture: 'self-managed-aws.yaml' })],
  ['a GCP-heavy model', () => planOf({ fixture: 'self-managed-gcp.yaml' })],
];

interface PoolFile {
  config: { object_store_ref: { uri: string }; secret_store: { type: string; locator?: string } };
}

describe('queue files', () => {
  for (const [name, plan] of MODELS) {
    it(`give every flyte create queue its concurrency, and every pool the secret store its clusters' values configure: ${name}`, () => {
      const p = plan();
      const commands = queueCommands(p);
      const queues = commands.filter((c) => c[0] === 'create' && c[1] === 'queue');
      assert.ok(queues.length > 0);
      for (const q of queues) {
        assert.match(q.join(' '), /--cluster-pool \S+ --run-concurrency [1-9]\d* --action-concurrency [1-9]\d*$/, q.join(' '));
      }
      const files = renderQueueFiles(p);
      const values = renderAllHelmValues(p);
      for (const pool of p.queues.pools) {
        const manifest = parse(files.get(`queues/cluster-pools/${pool.name}.yaml`)!) as PoolFile;
        for (const c of p.queues.clusters.filter((x) => x.pool === pool.name)) {
          const v = parse(values.get(`helm/${c.cluster}.values.yaml`)!) as { global: Record<string, string>; proxy?: { secretManager: { type: string } } };
          // The chart's default is K8s secrets; AWS/GCP read the overlay's smConfig from the cluster's region or project.
          const reported = v.proxy === undefined ? { type: 'KUBERNETES' } : v.proxy.secretManager.type === 'AWS' ? { type: 'AWS_SECRETS_MANAGER', locator: v.global.AWS_REGION } : { type: 'GCP_SECRET_MANAGER', locator: v.global.GOOGLE_PROJECT_ID };
          assert.deepEqual(manifest.config.secret_store, reported, `${pool.name}/${c.cluster}`);
          assert.equal(manifest.config.object_store_ref.uri, `${pool.cloud === 'aws' ? 's3' : 'gs'}://${v.global.METADATA_BUCKET}`);
        }
      }
    });

    it(`route raw data to the raw-data bucket of every pair whose pool keeps raw data apart: ${name}`, () => {
      const p = plan();
      const files = renderQueueFiles(p);
      const groupOfPool = new Map(p.pools.map((x) => [x.name, p.storageGroups.find((g) => g.name === x.storageGroup)!]));
      let separate = 0;
      for (const a of p.assignments.filter((x) => x.workflow === null)) {
        const group = groupOfPool.get(a.pool)!;
        const text = files.get(`queues/settings/${a.project}.${a.domain}.yaml`);
        const settings = (text === undefined ? {} : parse(text)) as Record<string, string>;
        if (group.rawDataBucket === null) assert.equal(settings['storage.raw_data_path'], undefined, `${a.project}/${a.domain}`);
        else {
          separate++;
          assert.equal(settings['storage.raw_data_path'], `${group.cloud === 'aws' ? 's3' : 'gs'}://${group.rawDataBucket}/`, `${a.project}/${a.domain}`);
        }
      }
      assert.ok(separate > 0, 'each model keeps raw data apart somewhere');
    });
  }

  it('set the org-level default queue when the pool default runs in another pool, and warn when nothing runs it', () => {
    const bundled = MODELS[0]![1]();
    assert.deepEqual(bundled.queues.org, { queue: 'on-demand-cp', rawDataPath: null });
    assert.equal(parse(renderQueueFiles(bundled).get('queues/settings/org.yaml')!)['run.default_queue'], 'on-demand-cp');
    assert.ok(queueCommands(bundled).some((c) => c.join(' ') === 'edit settings --from-file @settings/org.yaml'));
    const gcp = MODELS[2]![1]();
    assert.equal(gcp.queues.org, null);
    assert.ok(gcp.warnings.some((w) => w.path === 'clusterPools' && /queues for pool default, and no cluster runs it/.test(w.message)), JSON.stringify(gcp.warnings));
  });

  it('take the concurrency from the pool, else the documented default', () => {
    const p = MODELS[1]![1]();
    assert.deepEqual(p.queues.queues.map((q) => [q.name, q.runConcurrency, q.actionConcurrency]), [['dev-cp', 20, 200], ['prod-cp', 100, 1000]]);
  });
});

// A stand-in for flyte: remembers what exists, refuses to create it twice, requires the queue flags,
// and fails once at the Nth create to stop the script halfway.
const STUB = `#!/usr/bin/env bash
state="$FLYTE_STUB_STATE"
echo "$*" >> "$state/calls"
case "$1" in
  get) [ -e "$state/$2/$3" ]; exit $? ;;
  create)
    kind="$2"; name="$3"; shift 3
    if [ -e "$state/$kind/$name" ]; then echo "$kind $name already exists" >&2; exit 1; fi
    if [ "$kind" = queue ]; then
      case " $* " in *" --run-concurrency "*" --action-concurrency "*) ;; *) echo "missing --run-concurrency/--action-concurrency" >&2; exit 2 ;; esac
    fi
    n=$(( $(cat "$state/count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$state/count"
    if [ "$n" = "\${FLYTE_STUB_FAIL_AT:-0}" ] && [ ! -e "$state/failed" ]; then touch "$state/failed"; echo "stub: connection reset" >&2; exit 7; fi
    mkdir -p "$state/$kind"; touch "$state/$kind/$name"; echo "$kind $name" >> "$state/created"
    # The pool manifest as flyte read it.
    if [ "$kind" = cluster-pool ]; then [ "$1" = --file ] && cp "$2" "$state/$kind/$name" || exit 2; fi ;;
  edit)
    file=""; while [ $# -gt 0 ]; do [ "$1" = --from-file ] && file="$2"; shift; done
    [ -f "$file" ] || { echo "no such file: $file" >&2; exit 2; } ;;
  *) exit 2 ;;
esac
`;

// A stand-in for terraform: `-chdir=DIR output -raw NAME` prints DIR/outputs/NAME, as an applied
// stack's state would; fails as Terraform does when there is no such output.
const TERRAFORM_STUB = `#!/usr/bin/env bash
dir="\${1#-chdir=}"
[ "$2" = output ] && [ "$3" = -raw ] || exit 2
cat "$dir/outputs/$4" 2>/dev/null || { echo "Error: Output \\"$4\\" not found" >&2; exit 1; }
`;

/** The queue files of `plan` in DIR/union, as synth writes them, with stub flyte and terraform on PATH. */
function queuesSetup(plan: Plan): { dir: string; out: string; state: string; script: string; env: NodeJS.ProcessEnv } {
  const dir = temporaryDir('ui-queues-');
  const out = path.join(dir, 'union');
  for (const [file, text] of renderQueueFiles(plan)) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
  }
  const bin = path.join(dir, 'bin');
  const state = path.join(dir, 'state');
  mkdirSync(bin);
  mkdirSync(state);
  writeFileSync(path.join(bin, 'flyte'), STUB);
  writeFileSync(path.join(bin, 'terraform'), TERRAFORM_STUB);
  chmodSync(path.join(bin, 'flyte'), 0o755);
  chmodSync(path.join(bin, 'terraform'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, FLYTE_STUB_STATE: state };
  return { dir, out, state, script: path.join(out, 'queues', 'apply-queues.sh'), env };
}

/** Writes the accounts stacks' account-id outputs where the terraform stub reads them: the account id each AWS pool's registry needs. */
function applyAccountsStacks(plan: Plan, dir: string): Map<string, string> {
  const ids = new Map<string, string>();
  plan.units.forEach((u, i) => {
    if (u.cloud !== 'aws') return;
    const id = String(210_000_000_000 + i);
    mkdirSync(path.join(dir, 'stacks', u.stack, 'outputs'), { recursive: true });
    writeFileSync(path.join(dir, 'stacks', u.stack, 'outputs', u.accountIdOutput), id);
    ids.set(u.key, u.existingId ?? id);
  });
  return ids;
}

describe('apply-queues.sh run twice against a flyte that fails halfway', () => {
  for (const [name, plan] of MODELS) {
    it(`completes on the second run and creates nothing twice: ${name}`, () => {
      const { dir, state, script, env: stubs } = queuesSetup(plan());
      applyAccountsStacks(plan(), dir);
      const creates = queueCommands(plan()).filter((c) => c[0] === 'create').length;
      assert.ok(creates >= 2);
      const env = { ...stubs, FLYTE_STUB_FAIL_AT: String(Math.ceil(creates / 2)) };
      const first = spawnSync('bash', [script], { env, encoding: 'utf8' });
      assert.equal(first.status, 7, first.stderr);
      assert.match(first.stderr, /apply-queues: flyte failed \(exit 7\)/);
      const second = spawnSync('bash', [script], { env, encoding: 'utf8' });
      assert.equal(second.status, 0, second.stderr);
      const created = readFileSync(path.join(state, 'created'), 'utf8').trim().split('\n');
      assert.equal(new Set(created).size, created.length, `created twice: ${created.join(', ')}`);
      assert.equal(created.length, creates, 'everything is created once the two runs are done');
      const before = Math.ceil(creates / 2) - 1;
      assert.equal((second.stderr.match(/exists: left as it is/g) ?? []).length, before, second.stderr);
      assert.match(second.stderr, new RegExp(`apply-queues: created ${creates - before}, left ${before} that existed`));
      assert.ok(existsSync(path.join(state, 'failed')));
    });
  }
});

describe("apply-queues.sh and the image registry of pools in accounts created by the stacks", () => {
  const plan = MODELS[1]![1];
  const pending = () => plan().queues.pools.filter((p) => !p.exists && p.imageRegistryAfterApply !== null);

  it('stops before creating anything while an accounts stack is not applied, and names the output and the variable', () => {
    assert.ok(pending().length >= 2, 'the AWS-only model creates its accounts');
    const { script, env, state } = queuesSetup(plan());
    const r = spawnSync('bash', [script], { env, encoding: 'utf8' });
    assert.equal(r.status, 3, r.stderr);
    const first = pending()[0]!;
    const { output, stack } = first.imageRegistryAfterApply!;
    assert.ok(r.stderr.includes(`the account id in output ${output} of stack ${stack} is not known`), r.stderr);
    assert.ok(r.stderr.includes(`or set ${accountIdVariable(first.name)};`), r.stderr);
    assert.ok(!existsSync(path.join(state, 'created')), 'nothing created');
    // A variable that is not an account id is refused as such, before any output is read.
    const bad = spawnSync('bash', [script], { env: { ...env, [accountIdVariable(first.name)]: '1234-5678' }, encoding: 'utf8' });
    assert.equal(bad.status, 3, bad.stderr);
    assert.match(bad.stderr, new RegExp(`${accountIdVariable(first.name)} is not a 12-digit AWS account id \\(found "1234-5678"\\)`));
    assert.ok(!existsSync(path.join(state, 'created')), 'nothing created');
  });

  it("declares in each created pool the repository its clusters' install lines give the image builder", () => {
    const p = plan();
    const { dir, out, script, env, state } = queuesSetup(p);
    const ids = applyAccountsStacks(p, dir);
    // The variable wins over the output: the way to run the script away from the states.
    const [overridden] = pending();
    const r = spawnSync('bash', [script], { env: { ...env, [accountIdVariable(overridden!.name)]: '999999999999' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const values = renderAllHelmValues(p);
    for (const pool of pending()) {
      const declared = (parse(readFileSync(path.join(state, 'cluster-pool', pool.name), 'utf8')) as { config: { image_registry?: { locator: string } } }).config.image_registry?.locator;
      const home = p.units.find((u) => u.cloud === 'aws' && u.accountIdOutput === pool.imageRegistryAfterApply!.output)!;
      const id = pool.name === overridden!.name ? '999999999999' : ids.get(home.key)!;
      assert.equal(declared, `${id}${pool.imageRegistryAfterApply!.suffix}`, pool.name);
      for (const c of p.queues.clusters.filter((x) => x.pool === pool.name)) {
        const line = /imageBuilder\.defaultRepository="([^"]+)"/.exec(values.get(`helm/${c.cluster}.values.yaml`)!)?.[1];
        assert.equal(line?.replace(/\$(AWS|REGISTRY)_ACCOUNT_ID/, id), declared, `${c.cluster} reports what ${pool.name} declares`);
      }
      // The file on disk stays as synthesized: the registry goes into a copy.
      assert.equal(readFileSync(path.join(out, 'queues', 'cluster-pools', `${pool.name}.yaml`), 'utf8'), renderQueueFiles(p).get(`queues/cluster-pools/${pool.name}.yaml`));
    }
  });
});
