// Generated models with the rare options on: retired records beside any model, and every long-form
// pool with a fast-registration bucket of its own. What must hold: a removal record never changes a
// stack the model still has, a record of a stack the model still has is a finding, and every
// cluster identity reaches each bucket of its storage group (a separate fast-registration bucket too).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileText } from '../../src/compile';
import { formatFinding } from '../../src/cli/report';
import { isError } from '../../src/model/findings';
import type { Plan } from '../../src/plan/types';
import { buildModel, specArb, writeModel, type ModelObject, type ModelSpec } from './arbitraries';
import { checkProperty, runs } from './runner';

function compile(model: ModelObject) {
  return compileText(writeModel(model, 'block'), 'model.yaml');
}

function planOfModel(model: ModelObject): Plan {
  const compiled = compile(model);
  assert.deepEqual(compiled.findings.filter(isError).map(formatFinding), []);
  return compiled.plan!;
}

const showSpec = ([spec]: [ModelSpec, ...unknown[]]) => writeModel(buildModel(spec).model, 'block');

describe('property: rare options', () => {
  it('retired records of stacks gone from the model add kept stacks and change no other stack', (t) => {
    checkProperty(
      t,
      fc.property(specArb, fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { minLength: 1, maxLength: 3 }), fc.boolean(), (spec, gone, destroy) => {
        const built = buildModel(spec);
        const before = planOfModel(built.model);
        const names = [...new Set(gone.map((g) => `pool-gone-${g}`))];
        const retired = Object.fromEntries(names.map((n, i) => [n, destroy && i === 0 ? { destroy: true } : { forget: [`aws_s3_bucket.metadata-bucket_${i}`] }]));
        const after = planOfModel({ ...built.model, retired });
        const others = after.stacks.filter((s) => s.kind !== 'retired');
        assert.deepEqual(others, before.stacks, 'a removal record changes no stack the model has');
        const kept = after.stacks.filter((s) => s.kind === 'retired').map((s) => s.name);
        assert.deepEqual(kept, names.filter((_, i) => !(destroy && i === 0)).sort());
        assert.deepEqual(after.destroyedStacks ?? [], destroy ? [names[0]] : []);
      }),
      runs(60),
      showSpec,
    );
  });

  it('a retired record of a stack the model still has is a finding at that record', (t) => {
    checkProperty(
      t,
      fc.property(specArb, fc.nat(), (spec, which) => {
        const built = buildModel(spec);
        const stacks = planOfModel(built.model).stacks;
        // A model with no unit synthesizes no stack.
        if (stacks.length === 0) return;
        const name = stacks[which % stacks.length]!.name;
        const compiled = compile({ ...built.model, retired: { [name]: { destroy: true } } });
        assert.equal(compiled.plan, null);
        const lines = compiled.findings.filter(isError).map(formatFinding);
        assert.equal(lines.length, 1, lines.join('\n'));
        assert.match(lines[0]!, /retired\.|retired\[/);
        assert.match(lines[0]!, /this stack is retired but the model still synthesizes it/);
      }),
      runs(60),
      showSpec,
    );
  });

  it('with fastRegistration: separate on every long-form pool, each identity reaches every bucket of its group', (t) => {
    checkProperty(
      t,
      fc.property(specArb, (spec) => {
        const built = buildModel(spec);
        const pools: Record<string, unknown> = Object.fromEntries(
          Object.entries(built.model.clusterPools as Record<string, unknown>).map(([name, p]) => [name, Array.isArray(p) ? p : { ...(p as object), fastRegistration: 'separate' }]),
        );
        // Pools of one storage group must agree: make every pool of a group with a long-form pool separate too.
        const plan0 = planOfModel(built.model);
        const groupOf = new Map(plan0.storageGroups.flatMap((g) => g.pools.map((p) => [p, g.name] as const)));
        const separateGroups = new Set(Object.entries(pools).filter(([, p]) => !Array.isArray(p)).map(([n]) => groupOf.get(n)));
        for (const [name, p] of Object.entries(pools))
          if (Array.isArray(p) && separateGroups.has(groupOf.get(name))) pools[name] = { clusters: p, fastRegistration: 'separate' };
        const plan = planOfModel({ ...built.model, clusterPools: pools });
        for (const g of plan.storageGroups) {
          if (separateGroups.has(g.name)) assert.notEqual(g.fastRegistrationBucket, g.bucket, `${g.name}: a bucket of its own`);
          for (const c of g.clusters) {
            const identity = plan.identities.find((i) => i.cluster === c);
            if (identity === undefined) continue;
            for (const b of [g.bucket, g.fastRegistrationBucket, ...(g.rawDataBucket !== null ? [g.rawDataBucket] : [])]) assert.ok(identity.buckets.includes(b), `${c} reaches ${b}`);
          }
        }
      }),
      runs(60),
      showSpec,
    );
  });
});
