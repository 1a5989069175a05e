// `stacks --changed` and `diff` on BYOC models (issue 26): a stack is listed changed exactly when its
// synthesized Terraform differs, and no stack listed ready reads the state of a stack that is new.
// Every addition a user makes, alone and all together, on both bucket modes; both sides synthesized.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffStacks } from '../../src/diff/stack-changes';
import { stackReads } from '../../src/plan/stack-reads';
import type { Plan } from '../../src/plan/types';
import { fixtureText, planOf } from '../helpers';
import { synthApp, type SynthesizedApp, type TfJson } from '../stacks/synth';

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

/** Stacks whose Terraform JSON differs between the two synths, or exists on one side only. */
function differing(a: SynthesizedApp, b: SynthesizedApp): Set<string> {
  const out = new Set<string>();
  for (const [name, tf] of b.stacks) if (JSON.stringify(a.stacks.get(name)) !== JSON.stringify(tf)) out.add(name);
  for (const name of a.stacks.keys()) if (!b.stacks.has(name)) out.add(name);
  return out;
}

/** The stacks a synthesized stack reads through local remote state, from its JSON alone. */
function remoteStatesOf(tf: TfJson): string[] {
  const states = ((tf as { data?: Record<string, Record<string, { config: { path: string } }>> }).data ?? {})['terraform_remote_state'] ?? {};
  return Object.values(states).map((s) => /terraform\.(.+)\.tfstate$/.exec(s.config.path)![1]!).sort();
}

function check(before: Plan, beforeApp: SynthesizedApp, after: Plan): void {
  const afterApp = synthApp(after);
  const s = diffStacks(before, after);
  const listed = new Set([...s.new, ...s.changed, ...s.removed]);
  const really = differing(beforeApp, afterApp);
  assert.deepEqual([...listed].sort(), [...really].sort(), 'listed (left) and really changed (right) differ');
  // The plan's reads are exactly the remote states each stack synthesizes: one source of upstreams.
  const reads = stackReads(after);
  for (const [name, tf] of afterApp.stacks) {
    if (name === 'hcp-bootstrap') continue;
    assert.deepEqual([...new Set((reads.get(name) ?? []).map((r) => r.stack))].sort(), remoteStatesOf(tf), `${name}'s reads`);
  }
  // Ready: touched and waiting on nothing. None of them may read a new stack's state.
  const isNew = new Set(s.new);
  for (const name of [...s.new, ...s.changed]) {
    if (s.waitsOn[name] !== undefined) continue;
    for (const up of remoteStatesOf(afterApp.stacks.get(name)!)) assert.ok(!isNew.has(up), `${name} is ready but reads the state of new stack ${up}`);
  }
}

describe('diffStacks on BYOC models', () => {
  for (const [mode, base] of [
    ['buckets: create', BASE],
    ['buckets: union-provisions', UNION_BUCKETS],
  ] as const) {
    const before = planOf({ yaml: base });
    const beforeApp = synthApp(before);
    for (const [what, add] of Object.entries(ADDITIONS)) {
      it(`lists exactly the stacks whose Terraform changes, and none ready that reads a new one (${what}, ${mode})`, () => {
        check(before, beforeApp, planOf({ yaml: add(base) }));
      });
    }
    // Less the domain: its pairs with the new project would need clusters of their own.
    it(`the same with every addition at once (${mode})`, () => {
      const all = Object.entries(ADDITIONS).filter(([what]) => what !== 'a domain');
      check(before, beforeApp, planOf({ yaml: all.reduce((y, [, add]) => add(y), base) }));
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
