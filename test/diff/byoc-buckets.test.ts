// `diff` in the model's terms for each BYOC bucket mode (issue 26): buckets Union provisions are
// Union's, never created or destroyed by a stack; with buckets: create they are the stacks' as always.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffPlans } from '../../src/diff/compare-plans';
import { fixtureText, planOf } from '../helpers';

const CREATE = fixtureText('byoc-project-isolation.yaml');
const UNION = CREATE.replace('buckets: create', 'buckets: union-provisions');
const addProject = (y: string) =>
  y
    .replace('projects: [project-1, project-2]', 'projects: [project-1, project-2, project-3]')
    .replace('  shared: { account: default }', '  shared: { account: default }\n  dev-3: { account: development/project-3 }\n  prod-3: { account: production/project-3 }')
    .replace('  default: [shared]', '  default: [shared]\n  dev-3-cp: [dev-3]\n  prod-3-cp: [prod-3]');

describe('diff of BYOC buckets', () => {
  it('buckets: union-provisions: a new pool\'s bucket is requested from Union, in no pool-* stack', () => {
    const d = diffPlans(planOf({ yaml: UNION }), planOf({ yaml: addProject(UNION) }));
    assert.deepEqual(d.buckets.map((b) => [b.storageGroup, b.change, b.destructive]), [
      ['dev-3-cp', 'requested', false],
      ['prod-3-cp', 'requested', false],
    ]);
    for (const b of d.buckets) assert.doesNotMatch(b.details.join(' '), /pool-/);
  });

  it('buckets: union-provisions: a pool removed is not a destroyed bucket', () => {
    const d = diffPlans(planOf({ yaml: addProject(UNION) }), planOf({ yaml: UNION }));
    assert.deepEqual(d.buckets.map((b) => [b.storageGroup, b.change, b.destructive]), [
      ['dev-3-cp', 'no longer requested', false],
      ['prod-3-cp', 'no longer requested', false],
    ]);
  });

  it('buckets: create: the stacks create and destroy them as in self-managed mode', () => {
    assert.deepEqual(diffPlans(planOf({ yaml: CREATE }), planOf({ yaml: addProject(CREATE) })).buckets.map((b) => b.change), ['created', 'created']);
    const removed = diffPlans(planOf({ yaml: addProject(CREATE) }), planOf({ yaml: CREATE }));
    assert.deepEqual(removed.buckets.map((b) => [b.change, b.destructive]), [['destroyed', true], ['destroyed', true]]);
  });

  it('switching to union-provisions drops the storage stacks: destructive unless the model retires them with forget', () => {
    const d = diffPlans(planOf({ yaml: CREATE }), planOf({ yaml: UNION }));
    assert.ok(d.buckets.length > 0);
    // Their states still hold the buckets: planned without their stack, they would destroy them.
    assert.ok(d.buckets.every((b) => b.destructive && b.change === 'destroyed' && b.details.some((x) => x.includes('retired.pool-'))), JSON.stringify(d.buckets));
  });
});
