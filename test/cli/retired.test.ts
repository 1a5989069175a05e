// Removing from the model through the CLI: synth into a previous output refuses to drop a stack whose
// state holds resources unless the model records it (exit 3, the record printed, nothing written),
// keeps it with `retired.<stack>.forget`, drops it with `destroy: true`; `diff` and `stacks` agree.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, temporaryDir, treeOf } from '../helpers';
import { REMOVAL_BASE, REMOVAL_GONE, REMOVAL_SHRUNK } from '../removal-model';


describe('removing from the model', () => {
  const dir = temporaryDir('ui-retired-');
  const synth = (name: string, yaml: string) => {
    writeFileSync(path.join(dir, `${name}.yaml`), yaml);
    return runCli(['synth', '-m', `${name}.yaml`, '-o', 'out'], { cwd: dir });
  };
  const stacks = () => readdirSync(path.join(dir, 'out', 'stacks')).sort();
  const stackJson = (name: string) => JSON.parse(readFileSync(path.join(dir, 'out', 'stacks', name, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, unknown>>; removed?: { from: string; lifecycle: { destroy: boolean } }[] };
  const addresses = (name: string) => Object.entries(stackJson(name).resource ?? {}).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)).sort();

  let record = '';
  const held = new Map<string, string[]>();

  it('synth of the full model, then of the shrunk one without a record: refused (exit 3), the previous output untouched', () => {
    assert.equal(synth('base', REMOVAL_BASE).code, 0);
    for (const s of REMOVAL_GONE) held.set(s, addresses(s));
    const before = treeOf(path.join(dir, 'out'));
    const r = synth('shrunk', REMOVAL_SHRUNK);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Refused: 2 stacks of the previous output in out\/stacks would leave it/);
    assert.deepEqual(treeOf(path.join(dir, 'out')), before, 'nothing written');
    // The record names every resource each state holds.
    record = r.stderr.slice(r.stderr.indexOf('retired:\n'), r.stderr.indexOf('\nThen synth writes'));
    assert.equal(record, `retired:\n${REMOVAL_GONE.map((s) => `  ${s}:\n    forget:\n${held.get(s)!.map((a) => `      - ${a}\n`).join('')}`).join('')}`.trimEnd());
  });

  it('diff without a record: the account and the bucket are destroyed, refused, and it names the record that keeps them', () => {
    const r = runCli(['diff', '--base', 'base.yaml', '-m', 'shrunk.yaml'], { cwd: dir });
    assert.equal(r.code, 3);
    assert.match(r.stdout, /\*\*destroyed\*\* \| `production\/analytics` .* to keep it, record retired\.aws-accounts-production_analytics\.forget/);
  });

  it('with the printed record: the stacks stay, holding only removed blocks with destroy = false, and diff finds nothing destroyed', () => {
    const r = synth('kept', `${REMOVAL_SHRUNK}${record}\n`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(stacks(), ['aws-accounts-production_analytics', 'aws-accounts-production_flytesnacks', 'pool-prod-analytics-cp', 'pool-prod-flytesnacks-cp']);
    for (const s of REMOVAL_GONE) {
      const json = stackJson(s);
      assert.equal(json.resource, undefined);
      assert.deepEqual(json.removed, held.get(s)!.map((from) => ({ from, lifecycle: { destroy: false } })));
    }
    const d = runCli(['diff', '--base', 'base.yaml', '-m', 'kept.yaml'], { cwd: dir });
    assert.equal(d.code, 0, d.stderr);
    assert.match(d.stdout, /Nothing is destroyed or replaced\./);
    assert.match(d.stdout, /\| forgotten \| `production\/analytics` \|/);
    assert.match(d.stdout, /\| forgotten \| `prod-analytics-cp` \|/);
    const st = runCli(['stacks', '-m', 'kept.yaml'], { cwd: dir });
    for (const s of REMOVAL_GONE) assert.match(st.stdout, new RegExp(`^${s}$`, 'm'));
    const changed = runCli(['stacks', '--changed', '--base', 'base.yaml', '-m', 'kept.yaml'], { cwd: dir });
    assert.deepEqual(changed.stdout.trim().split('\n').sort(), REMOVAL_GONE);
  });

  it('the record dropped once applied: the stacks leave, and synth says what to do with their states', () => {
    const r = synth('shrunk', REMOVAL_SHRUNK);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(stacks(), ['aws-accounts-production_flytesnacks', 'pool-prod-flytesnacks-cp']);
    for (const s of REMOVAL_GONE) assert.match(r.stderr, new RegExp(`^Left the output: ${s} \\(it only forgot resources\\): once it has been applied, delete its state`, 'm'));
  });

  it('destroy: true: the stacks leave the output, diff refuses without --allow-destroy', () => {
    assert.equal(synth('base', REMOVAL_BASE).code, 0);
    const destroyed = `${REMOVAL_SHRUNK}retired:\n${REMOVAL_GONE.map((s) => `  ${s}: { destroy: true }\n`).join('')}`;
    const r = synth('destroyed', destroyed);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(stacks(), ['aws-accounts-production_flytesnacks', 'pool-prod-flytesnacks-cp']);
    assert.match(r.stderr, /^Left the output: aws-accounts-production_analytics \(retired with destroy: true\): its state now plans the destroy of 1 resource;/m);
    assert.match(r.stderr, new RegExp(`^Left the output: pool-prod-analytics-cp \\(retired with destroy: true\\): its state now plans the destroy of ${held.get('pool-prod-analytics-cp')!.length} resources;`, 'm'));
    const d = runCli(['diff', '--base', 'base.yaml', '-m', 'destroyed.yaml'], { cwd: dir });
    assert.equal(d.code, 3);
    assert.match(d.stdout, /retired with destroy: true/);
    assert.equal(runCli(['diff', '--base', 'base.yaml', '-m', 'destroyed.yaml', '--allow-destroy'], { cwd: dir }).code, 0);
  });

  it('one stack recorded, the other not: still refused, naming only the unrecorded one', () => {
    assert.equal(synth('base', REMOVAL_BASE).code, 0);
    const r = synth('half', `${REMOVAL_SHRUNK}retired:\n  pool-prod-analytics-cp: { destroy: true }\n`);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /^Refused: a stack of the previous output/);
    assert.match(r.stderr, /^ {2}aws-accounts-production_analytics:$/m);
    assert.doesNotMatch(r.stderr, /^ {2}pool-prod-analytics-cp:$/m);
  });

  it('a fresh output directory has nothing to compare: the shrunk model synthesizes', () => {
    const r = runCli(['synth', '-m', 'shrunk.yaml', '-o', 'fresh'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
  });
});
