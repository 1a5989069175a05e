// `stacks --changed` and `diff` on BYOC models (issue 26): a stack is listed changed exactly when its
// synthesized Terraform differs, and no stack listed ready reads the state of a stack that is new.
// Every addition a user makes, alone and all together, on both bucket modes; both sides synthesized.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffStacks } from '../../src/diff/stack-changes';
import { fixtureText, planOf } from '../helpers';
import { synthApp } from '../stacks/synth';
import { checkStackChanges } from './synthesized-changes';

const BASE = fixtureText('byoc-project-isolation.yaml');
const UNION_BUCKETS = BASE.replace('buckets: create', 'buckets: union-provisions');

const ADDITIONS: Record<string, (y: string) => string> = {
  'a project': (y) =>
    y
      .replace('projects: [project-1, project-2]', 'projects: [project-1, project-2, project-3]')
      .replace('  shared: { account: default }', '  shared: { account: default }\n  dev-3: { account: development/project-3 }\n  prod-3: { account: production/project-3 }')
      .replace('  default: [shared]', '  default: [shared]\n  dev-3-cp: [dev-3]\n  prod-3-cp: [prod-3]'),
  'an on-demand project': (y) => y.replace('projects: [later-1]', 'projects: [later-1, later-2]'),
  // In BYOC every cluster has an account of its own: a cluster comes with a project or a domain.
  'a pool sharing a cluster': (y) =>
    `${y.replace('  prod-1-cp: [prod-1]', '  prod-1-cp: [prod-1]\n  prod-1-gpu-cp: [prod-1]')}poolAssignments:\n  - { project: project-1, domain: production, clusterPoolName: prod-1-cp }\n  - { project: project-1, domain: production, workflow: train, clusterPoolName: prod-1-gpu-cp }\n`,
  'a domain': (y) =>
    y
      .replace('domains: { development: gcp, production: aws }', 'domains: { development: gcp, staging: aws, production: aws }')
      .replace('  shared: { account: default }', '  shared: { account: default }\n  stg-1: { account: staging/project-1 }\n  stg-2: { account: staging/project-2 }')
      .replace('  default: [shared]', '  default: [shared]\n  stg-1-cp: [stg-1]\n  stg-2-cp: [stg-2]'),
  "Union's template version": (y) => y.replace('externalId: "ext-0123456789"', 'externalId: "ext-0123456789", templateVersion: v0.15'),
  'a node group': (y) => y.replace('      cpu: { instanceType: m5.xlarge, max: 5 }', '      cpu: { instanceType: m5.xlarge, max: 5 }\n      gpu: { instanceType: g5.xlarge, max: 2 }'),
  'the retention Union keeps': (y) => y.replace('externalId: "ext-0123456789"', 'externalId: "ext-0123456789", dataRetentionDays: 30'),
};

describe('diffStacks on BYOC models', () => {
  for (const [mode, base] of [
    ['buckets: create', BASE],
    ['buckets: union-provisions', UNION_BUCKETS],
  ] as const) {
    const before = planOf({ yaml: base });
    const beforeApp = synthApp(before);
    for (const [what, add] of Object.entries(ADDITIONS)) {
      it(`lists exactly the stacks whose Terraform changes, and none ready that reads a new one (${what}, ${mode})`, () => {
        checkStackChanges(before, beforeApp, planOf({ yaml: add(base) }));
      });
    }
    // Less the domain: its pairs with the new project would need clusters of their own.
    it(`the same with every addition at once (${mode})`, () => {
      const all = Object.entries(ADDITIONS).filter(([what]) => what !== 'a domain');
      checkStackChanges(before, beforeApp, planOf({ yaml: all.reduce((y, [, add]) => add(y), base) }));
    });
  }

  it('a new access stack waits on its new accounts stack', () => {
    const before = planOf({ yaml: BASE });
    const s = diffStacks(before, planOf({ yaml: ADDITIONS['a project']!(BASE) }));
    assert.deepEqual(s.waitsOn['aws-union-access-production_project-3'], ['aws-accounts-production_project-3']);
  });

  it('adding a project changes no existing stack', () => {
    const before = planOf({ yaml: UNION_BUCKETS });
    const s = diffStacks(before, planOf({ yaml: ADDITIONS['a project']!(UNION_BUCKETS) }));
    assert.deepEqual(s.changed, []);
    assert.deepEqual(s.new, ['aws-accounts-production_project-3', 'aws-union-access-production_project-3', 'gcp-projects-development_project-3']);
  });
});
