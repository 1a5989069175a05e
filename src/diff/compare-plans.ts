// What a model change does, in model terms: accounts and projects, buckets, assignments, pools,
// clusters and projects, compared between two plans by their keys (unit key, storage group name,
// project/domain/workflow). Destructive means Terraform would destroy or replace an account,
// project or bucket; `diff` refuses those unless allowed.
import type { Assignment, Cloud, ClusterPlan, Plan, StorageGroup, Unit, UnitParent } from '../plan/types';
import { assignmentKey, compareAssignments, uctlDeleteCommand } from '../plan/assignment-order';
import { withAccessChanges } from './byoc-diff';

export interface UnitChange {
  /** The unit key. */
  readonly unit: string;
  readonly cloud: Cloud;
  /** The headline: the most consequential of what changes. */
  /** `forgotten`: gone from the model, kept in the cloud; its retired stack forgets it from state. */
  readonly change: 'created' | 'adopted' | 'renamed' | 'moved' | 'changed' | 'destroyed' | 'replaced' | 'forgotten';
  /** Account name / project id before and after (null when it does not exist on that side). */
  readonly before: string | null;
  readonly after: string | null;
  /** Every difference, in words, with why it is in place or a replacement. */
  readonly details: readonly string[];
  readonly destructive: boolean;
}

export interface BucketChange {
  readonly storageGroup: string;
  readonly cloud: Cloud;
  /** `requested` / `no longer requested`: a bucket Union provisions (BYOC, buckets: union-provisions), which no stack creates or destroys. */
  readonly change: 'created' | 'changed' | 'destroyed' | 'replaced' | 'forgotten' | 'requested' | 'no longer requested';
  readonly before: string | null;
  readonly after: string | null;
  readonly details: readonly string[];
  readonly destructive: boolean;
}

export interface AssignmentSide {
  readonly pool: string;
  readonly origin: Assignment['origin'];
  /** Attribute file name, null for fallbacks. */
  readonly file: string | null;
}

export interface AssignmentChange {
  readonly project: string;
  readonly domain: string;
  readonly workflow: string | null;
  readonly change: 'added' | 'changed' | 'removed';
  readonly before: AssignmentSide | null;
  readonly after: AssignmentSide | null;
  /** Set when Union keeps an attribute the new plan no longer has: the command that removes it. */
  readonly cleanup: string | null;
}

export interface ListChange {
  readonly name: string;
  readonly change: 'added' | 'changed' | 'removed';
  readonly details: readonly string[];
}

export interface PlanDiff {
  readonly units: readonly UnitChange[];
  readonly buckets: readonly BucketChange[];
  readonly assignments: readonly AssignmentChange[];
  /** Pools whose clusters change: cluster-pools.yaml must be sent to the Union team again. */
  readonly pools: readonly ListChange[];
  /** Clusters whose account, region or bucket change: their Helm values change. */
  readonly clusters: readonly ListChange[];
  readonly projects: readonly ListChange[];
  /** True when anything is destroyed or replaced. */
  readonly destructive: boolean;
}

export function isEmptyDiff(d: PlanDiff): boolean {
  return [d.units, d.buckets, d.assignments, d.pools, d.clusters, d.projects].every((list) => list.length === 0);
}

/** One line per destroyed or replaced account, project or bucket, for the refusal message. */
export function destructiveChanges(d: PlanDiff): string[] {
  return [
    ...d.units.filter((u) => u.destructive).map((u) => `${u.change} ${u.cloud === 'aws' ? 'account' : 'project'} ${u.unit} (${u.before ?? u.after})`),
    ...d.buckets.filter((b) => b.destructive).map((b) => `${b.change} bucket ${b.before ?? b.after} (storage group ${b.storageGroup})`),
  ];
}

/** What the new model's `retired` says of a stack that left it: forget what it holds, destroy it (opted in), or nothing. */
type Retirement = (stack: string) => 'forget' | 'destroy' | null;

function retirementIn(next: Plan): Retirement {
  const kept = new Set(next.stacks.filter((s) => s.kind === 'retired').map((s) => s.name));
  const destroyed = new Set(next.destroyedStacks ?? []);
  return (stack) => (kept.has(stack) ? 'forget' : destroyed.has(stack) ? 'destroy' : null);
}

/** A unit or bucket gone from the model: kept when its stack is retired with `forget`, else destroyed. */
function removal(retirement: Retirement, stack: string, where: string): { change: 'destroyed' | 'forgotten'; details: string[]; destructive: boolean } {
  switch (retirement(stack)) {
    case 'forget':
      return { change: 'forgotten', details: [`${where}; retired: stack ${stack} forgets it from state, it stays in the cloud`], destructive: false };
    case 'destroy':
      return { change: 'destroyed', details: [`${where}; retired with destroy: true: stack ${stack} leaves the output and its state plans the destroy`], destructive: true };
    default:
      return { change: 'destroyed', details: [`${where}; to keep it, record retired.${stack}.forget (synth prints the addresses)`], destructive: true };
  }
}

export function diffPlans(base: Plan, next: Plan): PlanDiff {
  const retirement = retirementIn(next);
  const units = withAccessChanges(diffUnits(base.units, next.units, retirement), base, next);
  const buckets = diffBuckets(base.storageGroups, next.storageGroups, retirement, unionProvisions(base), unionProvisions(next));
  return {
    units,
    buckets,
    assignments: diffAssignments(base.assignments, next.assignments),
    pools: diffLists(
      new Map(base.pools.map((p) => [p.name, p.clusters])),
      new Map(next.pools.map((p) => [p.name, p.clusters])),
      (a, b) => listDetails('clusters', a, b),
      (clusters) => [`clusters ${clusters.join(', ')}`],
    ),
    clusters: diffLists(
      new Map(base.clusters.map((c) => [c.name, c])),
      new Map(next.clusters.map((c) => [c.name, c])),
      clusterDetails,
      (c) => [`in ${c.unit}, ${c.region}`],
    ),
    projects: diffLists(
      new Map(base.projects.map((p) => [p.name, p.origin])),
      new Map(next.projects.map((p) => [p.name, p.origin])),
      (a, b) => (a === b ? [] : [`${projectOrigin(a)} -> ${projectOrigin(b)}`]),
      (origin) => [projectOrigin(origin)],
    ),
    destructive: units.some((u) => u.destructive) || buckets.some((b) => b.destructive),
  };
}

function projectOrigin(origin: Plan['projects'][number]['origin']): string {
  return origin === 'onDemand' ? 'on demand (default account)' : 'at onboarding';
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function sortedKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

function describeParent(p: UnitParent): string {
  switch (p.kind) {
    case 'aws-parent':
      return p.parentId;
    case 'aws-ou':
      return `OU ${p.name} under ${p.parentId}`;
    case 'gcp-folder':
      return `folder ${p.folderId}`;
    case 'gcp-org':
      return `organization ${p.orgId}`;
    case 'gcp-new-folder':
      return `folder ${p.displayName} under ${'folderId' in p.parent ? `folder ${p.parent.folderId}` : `organization ${p.parent.orgId}`}`;
  }
}

function diffUnits(base: readonly Unit[], next: readonly Unit[], retirement: Retirement): UnitChange[] {
  const before = byKey(base, (u) => u.key);
  const after = byKey(next, (u) => u.key);
  const changes: UnitChange[] = [];
  for (const key of sortedKeys(before, after)) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === undefined && b !== undefined) {
      const adopted = b.existingId !== null;
      changes.push({
        unit: key,
        cloud: b.cloud,
        change: adopted ? 'adopted' : 'created',
        before: null,
        after: b.name,
        details: [adopted ? `adopts existing ${b.existingId} in stack ${b.stack}` : `new in stack ${b.stack}`],
        destructive: false,
      });
    } else if (a !== undefined && b === undefined) {
      changes.push({ unit: key, cloud: a.cloud, before: a.name, after: null, ...removal(retirement, a.stack, `removed from stack ${a.stack}`) });
    } else if (a !== undefined && b !== undefined) {
      const change = compareUnit(a, b);
      if (change !== null) changes.push(change);
    }
  }
  return changes;
}

function compareUnit(a: Unit, b: Unit): UnitChange | null {
  const replace: string[] = [];
  const inPlace: string[] = [];
  let adopted = false;
  let renamed = false;
  let moved = false;

  if (a.cloud !== b.cloud) replace.push(`cloud ${a.cloud} -> ${b.cloud}: a new ${b.cloud === 'aws' ? 'account' : 'project'} replaces it`);
  else if (a.stack !== b.stack) {
    // stack-changes.ts prints the import / state rm commands that move it; without them, prevent_destroy stops the old stack's apply.
    moved = true;
    inPlace.push(`stack ${a.stack} -> ${b.stack}: its state moves with the commands under "Terraform stacks", run before any apply`);
  }

  if (a.existingId !== b.existingId) {
    if (a.existingId === null) {
      adopted = true;
      inPlace.push(`adopts existing ${b.existingId} (import)`);
    } else if (b.existingId === null) inPlace.push(`no longer adopted from ${a.existingId}: the import block goes, the ${a.cloud === 'aws' ? 'account' : 'project'} stays`);
    else replace.push(`existing id ${a.existingId} -> ${b.existingId}: a different ${b.cloud === 'aws' ? 'account' : 'project'}`);
  }

  if (a.cloud === 'aws' && b.cloud === 'aws') {
    if (a.name !== b.name) {
      renamed = true;
      inPlace.push(`name ${a.name} -> ${b.name} (in place)`);
    }
    if (a.email !== b.email) replace.push(`email ${a.email} -> ${b.email}: AWS replaces the account`);
  } else if (a.cloud === 'gcp' && b.cloud === 'gcp') {
    if (a.name !== b.name) replace.push(`project id ${a.name} -> ${b.name}: a project id cannot change, GCP replaces the project`);
    if (a.displayName !== b.displayName) {
      renamed = true;
      inPlace.push(`display name ${a.displayName} -> ${b.displayName} (in place)`);
    }
    inPlace.push(...listDetails('services', a.services, b.services));
  } else if (a.name !== b.name) {
    inPlace.push(`name ${a.name} -> ${b.name}`);
  }

  if (describeParent(a.parent) !== describeParent(b.parent)) {
    moved = true;
    inPlace.push(`parent ${describeParent(a.parent)} -> ${describeParent(b.parent)} (moved in place)`);
  }

  if (replace.length === 0 && inPlace.length === 0) return null;
  const change: UnitChange['change'] =
    replace.length > 0 ? 'replaced' : adopted ? 'adopted' : renamed ? 'renamed' : moved ? 'moved' : 'changed';
  return { unit: b.key, cloud: b.cloud, change, before: a.name, after: b.name, details: [...replace, ...inPlace], destructive: replace.length > 0 };
}

/** BYOC with `buckets: union-provisions`: the request names the buckets, Union creates them, no stack holds them. */
function unionProvisions(plan: Plan): boolean {
  return plan.byoc?.buckets === 'union-provisions';
}


function diffBuckets(
  base: readonly StorageGroup[],
  next: readonly StorageGroup[],
  retirement: Retirement,
  unionBefore: boolean,
  unionAfter: boolean,
): BucketChange[] {
  const before = byKey(base, (g) => g.name);
  const after = byKey(next, (g) => g.name);
  const changes: BucketChange[] = [];
  for (const name of sortedKeys(before, after)) {
    const a = before.get(name);
    const b = after.get(name);
    if (unionBefore && unionAfter) {
      // Union's buckets: what changes is the request, never a stack's resource.
      if (a === undefined && b !== undefined) changes.push({ storageGroup: name, cloud: b.cloud, change: 'requested', before: null, after: b.bucket, details: [`Union provisions it in ${b.homeUnit}; union/data-plane-request.md names it`], destructive: false });
      else if (a !== undefined && b === undefined) changes.push({ storageGroup: name, cloud: a.cloud, change: 'no longer requested', before: a.bucket, after: null, details: ["Union's bucket: no stack held it; ask Union's team what becomes of it"], destructive: false });
      else if (a !== undefined && b !== undefined && (a.bucket !== b.bucket || a.homeUnit !== b.homeUnit || a.region !== b.region))
        changes.push({ storageGroup: name, cloud: b.cloud, change: 'changed', before: a.bucket, after: b.bucket, details: [`the request now names ${b.bucket} in ${b.homeUnit} (${b.region}); Union's team must act on it`], destructive: false });
      continue;
    }
    // Buckets Union provisioned on one side only: a stack creates them now (no destroy), or stops holding them.
    if (unionBefore && b !== undefined && a !== undefined) {
      changes.push({ storageGroup: name, cloud: b.cloud, change: 'created', before: null, after: b.bucket, details: [`in ${b.homeUnit}, stack ${b.stack}, instead of Union: import Union's bucket if it exists`], destructive: false });
      continue;
    }
    if (unionAfter && a !== undefined && b !== undefined) {
      // Its stack leaves the output: the bucket is kept only where the model retires that stack with forget.
      changes.push({ storageGroup: name, cloud: a.cloud, before: a.bucket, after: null, ...removal(retirement, a.stack, `in ${a.homeUnit}, now Union's to provision`) });
      continue;
    }
    if (a === undefined && b !== undefined && unionAfter) {
      changes.push({ storageGroup: name, cloud: b.cloud, change: 'requested', before: null, after: b.bucket, details: [`Union provisions it in ${b.homeUnit}; union/data-plane-request.md names it`], destructive: false });
      continue;
    }
    if (a !== undefined && b === undefined && unionBefore) {
      changes.push({ storageGroup: name, cloud: a.cloud, change: 'no longer requested', before: a.bucket, after: null, details: ["Union's bucket: no stack held it"], destructive: false });
      continue;
    }
    if (a === undefined && b !== undefined) {
      const extra = b.fastRegistrationBucket !== b.bucket ? ` and fast-registration bucket ${b.fastRegistrationBucket}` : '';
      changes.push({
        storageGroup: name,
        cloud: b.cloud,
        change: 'created',
        before: null,
        after: b.bucket,
        details: [`in ${b.homeUnit}${extra}, stack ${b.stack}`],
        destructive: false,
      });
    } else if (a !== undefined && b === undefined) {
      const extra = a.fastRegistrationBucket !== a.bucket ? ` and fast-registration bucket ${a.fastRegistrationBucket}` : '';
      changes.push({ storageGroup: name, cloud: a.cloud, before: a.bucket, after: null, ...removal(retirement, a.stack, `in ${a.homeUnit}${extra}`) });
    } else if (a !== undefined && b !== undefined) {
      const change = compareBucket(a, b);
      if (change !== null) changes.push(change);
    }
  }
  return changes;
}

function compareBucket(a: StorageGroup, b: StorageGroup): BucketChange | null {
  const replace: string[] = [];
  const destroy: string[] = [];
  const inPlace: string[] = [];
  if (a.bucket !== b.bucket) replace.push(`bucket ${a.bucket} -> ${b.bucket}: a bucket cannot be renamed`);
  if (a.cloud !== b.cloud) replace.push(`cloud ${a.cloud} -> ${b.cloud}`);
  else if (a.homeUnit !== b.homeUnit) replace.push(`home account ${a.homeUnit} -> ${b.homeUnit}: the bucket moves account`);
  else if (a.region !== b.region) replace.push(`location ${a.region} -> ${b.region}: a bucket cannot move region`);
  else if (a.stack !== b.stack) replace.push(`stack ${a.stack} -> ${b.stack}`);

  const aSeparate = a.fastRegistrationBucket !== a.bucket;
  const bSeparate = b.fastRegistrationBucket !== b.bucket;
  if (aSeparate && !bSeparate) destroy.push(`fast-registration bucket ${a.fastRegistrationBucket} destroyed (now the metadata bucket)`);
  else if (!aSeparate && bSeparate) inPlace.push(`fast-registration bucket ${b.fastRegistrationBucket} created`);
  else if (aSeparate && bSeparate && a.fastRegistrationBucket !== b.fastRegistrationBucket) {
    replace.push(`fast-registration bucket ${a.fastRegistrationBucket} -> ${b.fastRegistrationBucket}`);
  }

  if (a.retentionDays !== b.retentionDays) inPlace.push(`retention ${a.retentionDays ?? 'none'} -> ${b.retentionDays ?? 'none'} days`);
  // Plans written before raw-data buckets existed have no such field: read it as none.
  const aRaw = a.rawDataBucket ?? null;
  const bRaw = b.rawDataBucket ?? null;
  if (aRaw !== null && bRaw === null) destroy.push(`raw-data bucket ${aRaw} destroyed`);
  else if (aRaw === null && bRaw !== null) inPlace.push(`raw-data bucket ${bRaw} created`);
  else if (aRaw !== null && bRaw !== null && aRaw !== bRaw) replace.push(`raw-data bucket ${aRaw} -> ${bRaw}`);
  if ((a.kmsKeyId ?? null) !== (b.kmsKeyId ?? null)) inPlace.push(`KMS key ${a.kmsKeyId ?? 'none (SSE-S3)'} -> ${b.kmsKeyId ?? 'none (SSE-S3)'} (new objects only)`);
  inPlace.push(...listDetails('access from', a.accessUnits, b.accessUnits));
  inPlace.push(...listDetails('pools', a.pools, b.pools));

  if (replace.length + destroy.length + inPlace.length === 0) return null;
  return {
    storageGroup: b.name,
    cloud: b.cloud,
    change: replace.length > 0 ? 'replaced' : destroy.length > 0 ? 'destroyed' : 'changed',
    before: a.bucket,
    after: b.bucket,
    details: [...replace, ...destroy, ...inPlace],
    destructive: replace.length + destroy.length > 0,
  };
}

function side(a: Assignment): AssignmentSide {
  return { pool: a.pool, origin: a.origin, file: a.file };
}

function diffAssignments(base: readonly Assignment[], next: readonly Assignment[]): AssignmentChange[] {
  const before = byKey(base, assignmentKey);
  const after = byKey(next, assignmentKey);
  const changes: AssignmentChange[] = [];
  for (const key of sortedKeys(before, after)) {
    const a = before.get(key);
    const b = after.get(key);
    const ref = (b ?? a)!;
    const common = { project: ref.project, domain: ref.domain, workflow: ref.workflow };
    // Union keeps an applied attribute until it is deleted: say how when the new plan has no file.
    const cleanup = a?.file != null && (b === undefined || b.file === null) ? uctlDeleteCommand(ref) : null;
    if (a === undefined && b !== undefined) changes.push({ ...common, change: 'added', before: null, after: side(b), cleanup: null });
    else if (a !== undefined && b === undefined) changes.push({ ...common, change: 'removed', before: side(a), after: null, cleanup });
    else if (a !== undefined && b !== undefined && (a.pool !== b.pool || a.origin !== b.origin || a.file !== b.file)) {
      changes.push({ ...common, change: 'changed', before: side(a), after: side(b), cleanup });
    }
  }
  return changes.sort(compareAssignments);
}

function listDetails(what: string, a: readonly string[], b: readonly string[]): string[] {
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  return [...(added.length ? [`${what} + ${added.join(', ')}`] : []), ...(removed.length ? [`${what} - ${removed.join(', ')}`] : [])];
}

function clusterDetails(a: ClusterPlan, b: ClusterPlan): string[] {
  const details: string[] = [];
  if (a.unit !== b.unit) details.push(`account ${a.unit} -> ${b.unit}`);
  if (a.region !== b.region) details.push(`region ${a.region} -> ${b.region}`);
  if (a.metadataBucket !== b.metadataBucket) details.push(`metadata bucket ${a.metadataBucket} -> ${b.metadataBucket}`);
  if (a.fastRegistrationBucket !== b.fastRegistrationBucket) details.push(`fast-registration bucket ${a.fastRegistrationBucket} -> ${b.fastRegistrationBucket}`);
  return [...details, ...listDetails('pools', a.pools, b.pools)];
}

function diffLists<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  details: (a: T, b: T) => string[],
  describe: (x: T) => string[] = () => [],
): ListChange[] {
  const changes: ListChange[] = [];
  for (const name of sortedKeys(before, after)) {
    const a = before.get(name);
    const b = after.get(name);
    if (a === undefined) changes.push({ name, change: 'added', details: describe(b!) });
    else if (b === undefined) changes.push({ name, change: 'removed', details: describe(a) });
    else {
      const d = details(a, b);
      if (d.length > 0) changes.push({ name, change: 'changed', details: d });
    }
  }
  return changes;
}
