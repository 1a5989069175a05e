// The change the bench times `diff` and `stacks --changed` on is one project added, nothing else:
// the new project's stacks appear, no existing stack is removed or renamed (project names keep their
// width), so the timing measures a one-project change and not a renaming of the whole estate.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import { compileText } from '../../src/compile';
import { diffStacks } from '../../src/diff/stack-changes';

function planOf(projects: number) {
  const compiled = compileText(generateModel(projects).yaml, 'bench.yaml');
  assert.ok(compiled.plan, `the bench's model of ${projects} projects validates`);
  return compiled.plan;
}

describe("the bench's one-project change", () => {
  for (const projects of [9, 99]) {
    it(`from ${projects} to ${projects + 1} projects adds that project's stacks and removes none`, () => {
      const changes = diffStacks(planOf(projects), planOf(projects + 1));
      const added = `p${String(projects + 1).padStart(4, '0')}`;
      assert.deepEqual(changes.removed, []);
      assert.ok(changes.new.length > 0);
      for (const name of changes.new) assert.ok(name.includes(added), `new stack ${name} belongs to ${added}`);
      assert.ok(changes.changed.length <= 3, `a few shared stacks at most change: ${changes.changed.join(', ')}`);
    });
  }
});
