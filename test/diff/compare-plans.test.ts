import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { destructiveChanges, diffPlans, isEmptyDiff } from '../../src/diff/compare-plans';
import { renderDiffMarkdown } from '../../src/diff/diff-report';
import type { AwsUnit, GcpUnit, Plan, Unit } from '../../src/plan/types';
import { assignment, seedClusterPoolPlan } from '../plans';

function withUnit(plan: Plan, key: string, change: (u: Unit) => Unit): Plan {
  return { ...plan, units: plan.units.map((u) => (u.key === key ? change(u) : u)) };
}

describe('diffPlans', () => {
  const base = seedClusterPoolPlan();

  it('finds nothing between a plan and itself', () => {
    const d = diffPlans(base, seedClusterPoolPlan());
    assert.ok(isEmptyDiff(d));
    assert.equal(d.destructive, false);
    assert.match(renderDiffMarkdown(d, { base: 'a.yaml', model: 'b.yaml', allowDestroy: false }), /No changes/);
  });

  it('reports an AWS account name change as renamed in place', () => {
    const next = withUnit(base, 'production', (u) => ({ ...(u as AwsUnit), name: 'acme-prod' }));
    const [change] = diffPlans(base, next).units;
    assert.equal(change!.change, 'renamed');
    assert.equal(change!.destructive, false);
    assert.deepEqual(change!.details, ['name acme-production -> acme-prod (in place)']);
  });

  it('reports an AWS email change as a replacement', () => {
    const next = withUnit(base, 'production', (u) => ({ ...(u as AwsUnit), email: 'other@acme.example' }));
    const d = diffPlans(base, next);
    assert.equal(d.units[0]!.change, 'replaced');
    assert.ok(d.destructive);
    assert.deepEqual(destructiveChanges(d), ['replaced account production (acme-production)']);
  });

  it('reports a GCP project id change as a replacement, a display name change in place', () => {
    const id = diffPlans(base, withUnit(base, 'staging', (u) => ({ ...(u as GcpUnit), name: 'acme-stg' })));
    assert.equal(id.units[0]!.change, 'replaced');
    const display = diffPlans(base, withUnit(base, 'staging', (u) => ({ ...(u as GcpUnit), displayName: 'Staging' })));
    assert.equal(display.units[0]!.change, 'renamed');
    assert.equal(display.destructive, false);
  });

  it('reports a parent change as moved, and a newly set existing id as adopted', () => {
    const moved = diffPlans(base, withUnit(base, 'production', (u) => ({ ...u, parent: { kind: 'aws-parent', parentId: 'ou-new' } }) as Unit));
    assert.equal(moved.units[0]!.change, 'moved');
    assert.equal(moved.destructive, false);
    const adopted = diffPlans(base, withUnit(base, 'production', (u) => ({ ...u, existingId: '123456789012' })));
    assert.equal(adopted.units[0]!.change, 'adopted');
    assert.equal(adopted.destructive, false);
  });

  it('reports a unit that moves to another cloud as a replacement', () => {
    const gcp = base.units.find((u) => u.key === 'staging')!;
    const next = withUnit(base, 'production', () => ({ ...(gcp as GcpUnit), key: 'production', domain: 'production', stack: 'gcp-projects-production' }));
    assert.equal(diffPlans(base, next).units[0]!.change, 'replaced');
  });

  it('reports a missing unit as destroyed and a new one as created', () => {
    const next = { ...base, units: base.units.filter((u) => u.key !== 'staging') };
    const d = diffPlans(base, next);
    assert.deepEqual(d.units.map((u) => [u.unit, u.change, u.destructive]), [['staging', 'destroyed', true]]);
    const back = diffPlans(next, base);
    assert.deepEqual(back.units.map((u) => [u.unit, u.change, u.destructive]), [['staging', 'created', false]]);
  });

  it('reports bucket name changes as replacements and a removed storage group as destroyed', () => {
    const renamed = { ...base, storageGroups: base.storageGroups.map((g) => (g.name === 'staging-cp' ? { ...g, bucket: 'acme-stg-metadata' } : g)) };
    const r = diffPlans(base, renamed);
    assert.deepEqual(r.buckets.map((b) => [b.storageGroup, b.change]), [['staging-cp', 'replaced']]);
    assert.ok(r.destructive);
    const removed = diffPlans(base, { ...base, storageGroups: base.storageGroups.filter((g) => g.name !== 'dr-region') });
    assert.deepEqual(destructiveChanges(removed), ['destroyed bucket acme-dr-region-metadata (storage group dr-region)']);
  });

  it('reports a retention change in place', () => {
    const next = { ...base, storageGroups: base.storageGroups.map((g) => (g.name === 'dr-region' ? { ...g, retentionDays: 30 } : g)) };
    const d = diffPlans(base, next);
    assert.deepEqual(d.buckets.map((b) => [b.change, b.details]), [['changed', ['retention none -> 30 days']]]);
    assert.equal(d.destructive, false);
  });

  it('reports assignments added, changed and removed, with the uctl command that removes a stale attribute', () => {
    const next: Plan = {
      ...base,
      assignments: [
        assignment('flytesnacks', 'development', 'development-cp', 'automatic', 'development'),
        assignment('flytesnacks', 'production', 'dr-region', 'explicit', 'production'),
        assignment('flytesnacks', 'staging', 'staging-cp', 'automatic', 'staging'),
        assignment('newproj', 'staging', 'staging-cp', 'automatic', 'staging'),
      ],
    };
    const d = diffPlans(base, next);
    assert.deepEqual(
      d.assignments.map((a) => [a.project, a.domain, a.workflow, a.change, a.cleanup]),
      [
        ['flytesnacks', 'production', null, 'changed', null],
        ['flytesnacks', 'production', 'my_critical_wf', 'removed', 'uctl delete cluster-pool-attributes -p flytesnacks -d production --workflow my_critical_wf'],
        ['newproj', 'staging', null, 'added', null],
      ],
    );
    assert.equal(d.destructive, false, 'attribute files are not resources');
  });

  it('puts the verdict first in the Markdown: refused, or allowed', () => {
    const next = { ...base, units: base.units.filter((u) => u.key !== 'staging') };
    const d = diffPlans(base, next);
    const refused = renderDiffMarkdown(d, { base: 'old.yaml', model: 'new.yaml', allowDestroy: false });
    assert.match(refused, /^## union-isolation diff: `old.yaml` → `new.yaml`\n\n> \[!CAUTION\]\n> \*\*1 destructive change\*\*: refused/);
    assert.match(refused, /^\| \*\*destroyed\*\* \| `staging` \| GCP \| `acme-staging` \|/m);
    assert.match(renderDiffMarkdown(d, { base: 'old.yaml', model: 'new.yaml', allowDestroy: true }), /> \[!WARNING\]\n> \*\*1 destructive change\*\*, allowed with `--allow-destroy`/);
  });
});
