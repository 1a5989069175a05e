// Lookups into a plan by key, built once. Stacks look units up per account and per storage group;
// a linear search each time would make synthesis quadratic in the number of units.
import type { AwsUnit, ClusterIdentity, ClusterPlan, GcpUnit, Plan, StackPlan, StorageGroup, Unit } from '../src/plan/types';
import type { AwsSettings, GcpSettings } from '../src/model/schema';
import { byocStackInputs, type ByocStackInputs } from '../src/plan/byoc-stacks';
import type { UnitAccess } from '../src/plan/byoc-types';
import { stackReads, type StackRead } from '../src/plan/stack-reads';

export class PlanIndex {
  private readonly units: ReadonlyMap<string, Unit>;
  private readonly clusters: ReadonlyMap<string, ClusterPlan>;
  private readonly storageGroups: ReadonlyMap<string, StorageGroup>;
  private readonly identities: ReadonlyMap<string, ClusterIdentity>;
  private readonly access: ReadonlyMap<string, UnitAccess>;
  private planned: Map<string, Set<string>> | undefined;

  constructor(readonly plan: Plan) {
    this.units = new Map(plan.units.map((u) => [u.key, u]));
    this.clusters = new Map(plan.clusters.map((c) => [c.name, c]));
    this.storageGroups = new Map(plan.storageGroups.map((g) => [g.name, g]));
    this.identities = new Map((plan.identities ?? []).map((i) => [i.cluster, i]));
    this.access = new Map((plan.byoc?.access ?? []).map((a) => [a.unit, a]));
  }

  /** What of the BYOC plan the stack is built from (the same selection its fingerprint hashes); null outside BYOC. */
  byoc(stack: StackPlan): ByocStackInputs | null {
    return byocStackInputs(this.plan.byoc ?? null, stack, this.access);
  }

  /** Whether the plan's list of reads (src/plan/stack-reads.ts, what diff and stacks wait on) holds this one. */
  plansRead(stack: string, upstream: string, output: string): boolean {
    this.planned ??= new Map([...stackReads(this.plan)].map(([name, reads]) => [name, new Set(reads.map(readKey))]));
    return this.planned.get(stack)?.has(readKey({ stack: upstream, output })) ?? false;
  }

  unit(key: string): Unit {
    return found(this.units.get(key), `unit '${key}'`);
  }

  awsUnit(key: string): AwsUnit {
    const unit = this.unit(key);
    if (unit.cloud !== 'aws') throw inconsistent(`unit '${key}' is on ${unit.cloud}, expected aws`);
    return unit;
  }

  gcpUnit(key: string): GcpUnit {
    const unit = this.unit(key);
    if (unit.cloud !== 'gcp') throw inconsistent(`unit '${key}' is on ${unit.cloud}, expected gcp`);
    return unit;
  }

  cluster(name: string): ClusterPlan {
    return found(this.clusters.get(name), `cluster '${name}'`);
  }

  /** The cluster's identity, none on a byoc deployment. */
  identity(cluster: string): ClusterIdentity | undefined {
    return this.identities.get(cluster);
  }

  storageGroup(name: string): StorageGroup {
    return found(this.storageGroups.get(name), `storage group '${name}'`);
  }

  /** The storage group a storage stack is for, checked against the stack's cloud. */
  storageGroupOfStack(stack: StackPlan): StorageGroup {
    if (stack.storageGroup === null) throw inconsistent(`storage stack '${stack.name}' names no storage group`);
    const group = this.storageGroup(stack.storageGroup);
    if (group.cloud !== stack.cloud) throw inconsistent(`storage group '${group.name}' is on ${group.cloud}, its stack on ${stack.cloud}`);
    return group;
  }

  get aws(): AwsSettings {
    return found(this.plan.aws ?? undefined, 'aws settings');
  }

  get gcp(): GcpSettings {
    return found(this.plan.gcp ?? undefined, 'gcp settings');
  }
}

function readKey(r: StackRead): string {
  return `${r.stack}\0${r.output}`;
}

/** A plan that contradicts itself is a bug in the resolver, never a user mistake: say which part. */
export function inconsistent(what: string): Error {
  return new Error(`inconsistent plan: ${what}`);
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw inconsistent(`${what} is referenced but not in the plan`);
  return value;
}
