// The oracle for `stacks --changed` and `diff` (issue 26): a stack is listed changed exactly when its
// synthesized Terraform differs, the plan's reads are exactly the remote states each stack synthesizes,
// and no stack listed ready reads the state of a stack that is new. Both sides synthesized for real.
import assert from 'node:assert/strict';
import { diffStacks } from '../../src/diff/stack-changes';
import { stackReads } from '../../src/plan/stack-reads';
import type { Plan } from '../../src/plan/types';
import { synthApp, type SynthesizedApp, type TfJson } from '../stacks/synth';

/** Stacks whose Terraform JSON differs between the two synths, or exists on one side only. */
export function differing(a: SynthesizedApp, b: SynthesizedApp): Set<string> {
  const out = new Set<string>();
  for (const [name, tf] of b.stacks) if (JSON.stringify(a.stacks.get(name)) !== JSON.stringify(tf)) out.add(name);
  for (const name of a.stacks.keys()) if (!b.stacks.has(name)) out.add(name);
  return out;
}

type Config = { path?: string; key?: string; prefix?: string; workspaces?: { name?: string } };

/** Where a backend or remote-state block keeps its state, whatever the backend type. */
function location(config: Config): string {
  const at = config.path ?? config.key ?? config.prefix ?? config.workspaces?.name;
  assert.ok(at !== undefined, `no state location in ${JSON.stringify(config)}`);
  return at;
}

/** Each stack by where its backend keeps its state, from the synthesized JSON alone. */
function stacksByState(app: SynthesizedApp): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, tf] of app.stacks) {
    const t = (tf as { terraform?: { backend?: Record<string, Config>; cloud?: Config } }).terraform ?? {};
    const config = t.cloud ?? Object.values(t.backend ?? {})[0];
    if (config !== undefined) out.set(location(config), name);
  }
  return out;
}

/** The stacks a synthesized stack reads through remote state: the stacks whose state its reads name. */
export function remoteStatesOf(app: SynthesizedApp, tf: TfJson): string[] {
  const byState = stacksByState(app);
  const states = ((tf as { data?: Record<string, Record<string, { config: Config }>> }).data ?? {})['terraform_remote_state'] ?? {};
  return [
    ...new Set(
      Object.values(states).map((s) => {
        const stack = byState.get(location(s.config));
        assert.ok(stack !== undefined, `a remote-state read of ${location(s.config)}, which no stack keeps`);
        return stack;
      }),
    ),
  ].sort();
}

/** With the `cloud` backend: the workspaces the HCP bootstrap creates, and who may read whose state (`reader upstream`, by workspace name). */
function hcpGrants(app: SynthesizedApp): { workspaces: Set<string>; reads: Set<string> } | null {
  const tf = app.stacks.get('hcp-bootstrap') as { resource?: Record<string, Record<string, Record<string, unknown>>> } | undefined;
  if (tf === undefined) return null;
  const name = new Map(Object.entries(tf.resource?.tfe_workspace ?? {}).map(([key, ws]) => [`\${tfe_workspace.${key}.id}`, ws.name as string]));
  const reads = new Set<string>();
  for (const settings of Object.values(tf.resource?.tfe_workspace_settings ?? {}))
    for (const reader of (settings.remote_state_consumer_ids ?? []) as string[]) reads.add(`${name.get(reader)} ${name.get(settings.workspace_id as string)}`);
  return { workspaces: new Set(name.values()), reads };
}

/** A stack's HCP Terraform workspace, from its own `cloud` block. */
function workspaceOf(tf: TfJson): string | undefined {
  return (tf as { terraform?: { cloud?: Config } }).terraform?.cloud?.workspaces?.name;
}

/** Asserts the oracle for a change from `before` (already synthesized as `beforeApp`) to `after`. */
export function checkStackChanges(before: Plan, beforeApp: SynthesizedApp, after: Plan, afterApp: SynthesizedApp = synthApp(after)): void {
  const s = diffStacks(before, after);
  const listed = new Set([...s.new, ...s.changed, ...s.removed]);
  const really = differing(beforeApp, afterApp);
  assert.deepEqual([...listed].sort(), [...really].sort(), 'listed (left) and really changed (right) differ');
  const reads = stackReads(after);
  for (const [name, tf] of afterApp.stacks) {
    if (name === 'hcp-bootstrap') continue;
    assert.deepEqual([...new Set((reads.get(name) ?? []).map((r) => r.stack))].sort(), remoteStatesOf(afterApp, tf), `${name}'s reads`);
  }
  // Ready: touched and waiting on nothing. None of them may read a new stack's state.
  const isNew = new Set(s.new);
  for (const name of [...s.new, ...s.changed]) {
    if (s.waitsOn[name] !== undefined) continue;
    const tf = afterApp.stacks.get(name);
    if (tf === undefined) continue;
    for (const up of remoteStatesOf(afterApp, tf)) assert.ok(!isNew.has(up), `${name} is ready but reads the state of new stack ${up}`);
    // On HCP Terraform, ready also means its workspace and its state reads exist before this change.
    const ws = workspaceOf(tf);
    if (ws === undefined) continue;
    const grants = hcpGrants(beforeApp);
    assert.ok(grants !== null && grants.workspaces.has(ws), `${name} is ready but its workspace ${ws} is not in the base's hcp-bootstrap`);
    for (const up of remoteStatesOf(afterApp, tf))
      assert.ok(grants.reads.has(`${ws} ${workspaceOf(afterApp.stacks.get(up)!)}`), `${name} is ready but may not read ${up}'s state before hcp-bootstrap is applied`);
  }
}
