// Which Terraform stacks a model change touches, from the two plans alone: the stacks to plan and
// apply (new, changed), the ones left behind (removed), which of them cannot be planned until an
// upstream stack is applied (they read an output that does not exist yet: "Unable to find remote
// state" or "Unsupported attribute"), and the state moves an older layout needs, as exact commands.
import { byocStackInputs } from '../plan/byoc-stacks';
import { stackReads, type StackRead } from '../plan/stack-reads';
import type { ClusterIdentity, Plan, Unit } from '../plan/types';
import { unitResources } from './terraform-address';
import { compareEntries, compareStrings } from '../order';

export interface StateMove {
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  /** Addresses moved, the same in both states. */
  readonly addresses: readonly string[];
  /** Shell commands, run from the directory holding both synth outputs (see `MIGRATION_DIRS`). */
  readonly commands: readonly string[];
}

export interface StackChanges {
  /** Stacks only the new model has. Sorted. */
  readonly new: readonly string[];
  /** Stacks in both whose Terraform changes. Sorted. */
  readonly changed: readonly string[];
  /** Stacks only the base model has: their states stay until you delete them (after the moves, empty). */
  readonly removed: readonly string[];
  /** New or changed stacks that read an output their upstream does not have yet: plan them after applying those. */
  readonly waitsOn: Readonly<Record<string, readonly string[]>>;
  /** Units whose resources now belong to another stack's state. Empty unless the layout changed. */
  readonly moves: readonly StateMove[];
}

/** Where the migration commands expect the two synth outputs. */
export const MIGRATION_DIRS = { base: 'cdktf.base', next: 'cdktf.out' } as const;

/**
 * With the `cloud` backend, synth writes one stack the plan does not list (stacks/hcp-bootstrap-stack.ts):
 * the HCP Terraform workspaces of every stack, who may read whose state, and the run triggers. It
 * keeps local state and applies before every stack whose workspace or state access it creates.
 */
export const HCP_BOOTSTRAP = 'hcp-bootstrap';

export function diffStacks(base: Plan, next: Plan): StackChanges {
  const before = new Map(base.stacks.map((s) => [s.name, s]));
  const after = new Map(next.stacks.map((s) => [s.name, s]));
  const baseOutputs = outputsByStack(base);
  const baseFingerprints = fingerprints(base);
  const nextFingerprints = fingerprints(next);
  const [baseReads, nextReads] = [stackReads(base), stackReads(next)];
  const created: string[] = [];
  const changed: string[] = [];
  for (const s of next.stacks) {
    const old = before.get(s.name);
    if (old === undefined) created.push(s.name);
    else if (baseFingerprints.get(old.name) !== nextFingerprints.get(s.name)) changed.push(s.name);
  }
  const removed = base.stacks.filter((s) => !after.has(s.name)).map((s) => s.name);
  const [bootstrapBefore, bootstrapAfter] = [bootstrapFingerprint(base, baseReads), bootstrapFingerprint(next, nextReads)];
  if (bootstrapAfter === null) {
    if (bootstrapBefore !== null) removed.push(HCP_BOOTSTRAP);
  } else if (bootstrapBefore === null) created.push(HCP_BOOTSTRAP);
  else if (bootstrapBefore !== bootstrapAfter) changed.push(HCP_BOOTSTRAP);
  for (const list of [created, changed, removed]) list.sort(compareStrings);
  const touched = new Set([...created, ...changed]);

  // A read waits when its upstream is new, or does not have the output yet: its plan would fail.
  // On HCP Terraform a stack also waits on the bootstrap for its workspace (a new stack, or every
  // stack when the backend changed: another prefix, organization or mode), and for the right to read
  // a state it did not read before (the workspace's remote-state consumers).
  const isNew = new Set(created);
  const bootstrapFirst = touched.has(HCP_BOOTSTRAP);
  const backendChanged = stableJson(base.backend) !== stableJson(next.backend);
  const readBefore = new Set([...baseReads].flatMap(([stack, reads]) => reads.map((r) => `${stack} ${r.stack}`)));
  const waitsOn: Record<string, string[]> = {};
  for (const s of next.stacks) {
    if (!touched.has(s.name)) continue;
    const reads = nextReads.get(s.name) ?? [];
    const upstreams = new Set(reads.filter((r) => isNew.has(r.stack) || !(baseOutputs.get(r.stack)?.has(r.output) ?? false)).map((r) => r.stack));
    if (bootstrapFirst && (isNew.has(s.name) || backendChanged || reads.some((r) => !readBefore.has(`${s.name} ${r.stack}`)))) upstreams.add(HCP_BOOTSTRAP);
    if (upstreams.size > 0) waitsOn[s.name] = [...upstreams].sort(compareStrings);
  }

  const baseUnits = new Map(base.units.map((u) => [u.key, u]));
  const moves: StateMove[] = [];
  for (const u of next.units) {
    const old = baseUnits.get(u.key);
    if (old === undefined || old.stack === u.stack || old.cloud !== u.cloud) continue;
    moves.push(stateMove(old, u));
  }
  return { new: created, changed, removed, waitsOn, moves };
}

function stateMove(old: Unit, unit: Unit): StateMove {
  const from = `${MIGRATION_DIRS.base}/stacks/${old.stack}`;
  const to = `${MIGRATION_DIRS.next}/stacks/${unit.stack}`;
  const resources = unitResources(unit);
  const commands = [`terraform -chdir=${from} init -input=false`, `terraform -chdir=${to} init -input=false`];
  for (const r of resources) {
    // An AWS account id is known only to the old state: read it from that state's output.
    const id = r.importId ?? (old.cloud === 'aws' ? `$(terraform -chdir=${from} output -raw ${old.accountIdOutput})` : '');
    commands.push(`terraform -chdir=${to} import -input=false '${r.address}' "${id}"`);
  }
  // Only once the new state holds them: the old state forgets them (nothing is destroyed).
  for (const r of resources) commands.push(`terraform -chdir=${from} state rm '${r.address}'`);
  return { unit: unit.key, from: old.stack, to: unit.stack, addresses: resources.map((r) => r.address), commands };
}

function outputsByStack(plan: Plan): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (stack: string, output: string) => {
    let set = out.get(stack);
    if (set === undefined) out.set(stack, (set = new Set()));
    set.add(output);
  };
  for (const u of plan.units) {
    if (u.cloud === 'aws') add(u.stack, u.accountIdOutput);
    else {
      add(u.stack, u.projectIdOutput);
      add(u.stack, u.projectNumberOutput);
    }
  }
  for (const s of plan.stacks) for (const p of s.parents ?? []) if (p.output !== null) add(s.name, p.output);
  return out;
}

/**
 * Everything of the plan a stack's Terraform is built from, and nothing else: equal fingerprints give
 * equal JSON, and a change elsewhere in the plan leaves them equal (test/diff/stack-changes.test.ts
 * synthesizes both sides to hold both). `after` is left out: it only orders applies. Linear in the
 * plan: every lookup goes through a map built once.
 */
function fingerprints(plan: Plan): Map<string, string> {
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  const clustersByName = new Map(plan.clusters.map((c) => [c.name, c]));
  const identityOf = new Map<string, ClusterIdentity>((plan.identities ?? []).map((i) => [i.cluster, i]));
  const accessOf = new Map((plan.byoc?.access ?? []).map((a) => [a.unit, a]));
  const out = new Map<string, string>();
  for (const stack of plan.stacks) {
    const group = stack.storageGroup === null ? null : (groups.get(stack.storageGroup) ?? null);
    const clusters = group === null ? [] : group.clusters.map((c) => clustersByName.get(c) ?? c);
    const keys = new Set([...stack.units, ...clusters.map((c) => (typeof c === 'string' ? c : c.unit))]);
    const stackUnits = [...keys].sort().map((k) => units.get(k) ?? k);
    // A GCP storage stack names its project by id and reads no state: where the projects live is only an apply order.
    const gcpStorage = stack.kind === 'storage' && stack.cloud === 'gcp';
    const { after: _after, dependsOn, ...rest } = stack;
    void _after;
    const fields = gcpStorage ? { ...rest } : { ...rest, dependsOn };
    // A storage stack reads account ids from state, adopted or not.
    // What Terraform keeps of an adopted account is the accounts stack's business, not the storage stack's.
    const shownUnits =
      stack.kind !== 'storage'
        ? stackUnits
        : stackUnits.map((u) => (typeof u === 'string' ? u : { ...u, existingId: null, keepExisting: [], ...(gcpStorage ? { stack: null } : {}) }));
    // Storage stacks also hold their clusters' identities; access and GCP projects stacks Union's access
    // for their own units only (the whole BYOC block made every stack change with any unit).
    const identities = group === null ? [] : group.clusters.map((c) => identityOf.get(c) ?? null).filter((i) => i !== null);
    const byoc = byocStackInputs(plan.byoc ?? null, stack, accessOf);
    out.set(
      stack.name,
      stableJson({
        stack: fields,
        units: shownUnits,
        group,
        clusters,
        identities,
        byoc,
        // Storage stacks grant their identities the cloud's secret manager with `secretStore: cloud`.
        secretStore: stack.kind === 'storage' ? plan.secretStore : null,
        org: plan.org,
        backend: stackBackend(plan.backend),
        settings: stack.cloud === 'aws' ? plan.aws : plan.gcp,
      }),
    );
  }
  return out;
}

/** The backend as a stack's own Terraform holds it: on HCP Terraform, the workspace's organization, host and name; the rest is the bootstrap's. */
function stackBackend(b: Plan['backend']): unknown {
  return b.type === 'cloud' ? { type: b.type, organization: b.organization, hostname: b.hostname, workspacePrefix: b.workspacePrefix } : b;
}

/**
 * What the HCP bootstrap is built from, or null without the `cloud` backend: the backend, and per stack
 * its workspace (name, kind, cloud), the states it reads, and the accounts stacks that trigger its runs.
 */
function bootstrapFingerprint(plan: Plan, reads: ReadonlyMap<string, readonly StackRead[]>): string | null {
  const b = plan.backend;
  if (b.type !== 'cloud') return null;
  const accounts = new Set(plan.stacks.filter((s) => s.kind === 'accounts').map((s) => s.name));
  const stacks = [...plan.stacks]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((s) => ({
      name: s.name,
      kind: s.kind,
      cloud: s.cloud,
      reads: [...new Set((reads.get(s.name) ?? []).map((r) => r.stack))].sort(compareStrings),
      triggers: s.kind === 'accounts' ? [] : s.dependsOn.filter((d) => accounts.has(d)).sort(compareStrings),
    }));
  // The backend's keys as the bootstrap reads them: the agent pool in agent mode only, each cloud's
  // credentials only when runs are not local and that cloud has stacks.
  const mode = b.executionMode ?? null;
  const remote = mode !== 'local';
  const clouds = new Set(plan.stacks.map((s) => s.cloud));
  const backend = {
    ...b,
    agentPoolId: mode === 'agent' ? b.agentPoolId : undefined,
    awsRunRoleArn: remote && clouds.has('aws') ? b.awsRunRoleArn : undefined,
    gcpWorkloadProviderName: remote && clouds.has('gcp') ? b.gcpWorkloadProviderName : undefined,
    gcpServiceAccountEmail: remote && clouds.has('gcp') ? b.gcpServiceAccountEmail : undefined,
  };
  return stableJson({ backend, stacks });
}

/** JSON with keys sorted at every level: a plan read back from plan.json has its keys sorted. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(compareEntries)
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The stacks in an order that applies every upstream first (reads and `after`), ties by name; the HCP bootstrap before all. */
export function applyOrder(plan: Plan, only?: ReadonlySet<string>): string[] {
  const byName = new Map(plan.stacks.map((s) => [s.name, s]));
  const done = new Set<string>();
  const order: string[] = plan.backend.type === 'cloud' ? [HCP_BOOTSTRAP] : [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    const s = byName.get(name);
    for (const up of [...(s?.dependsOn ?? []), ...(s?.after ?? [])]) visit(up, path);
    path.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const s of plan.stacks) visit(s.name, new Set());
  return only === undefined ? order : order.filter((n) => only.has(n));
}
