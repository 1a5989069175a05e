// The Terraform stacks: accounts stacks sized to the change, one storage stack per storage group.
// In project isolation every project-domain pair has an accounts stack of its own
// (`aws-accounts-production_project-1`): adding a project or any unit creates new states and
// touches none that exists, and a storage stack reads the outputs of a state holding one unit.
// The domain's stack (`aws-accounts-production`) keeps what the pairs share: its OU or folder.
// Domain isolation and the default units keep one stack per cloud and domain (or `default`).
import type { ParentPlan, StackPlan, StorageGroup, Unit, UnitParent } from './types';
import { accountsStackName } from './units';
import { compareEntries, compareStrings } from '../order';

/** The stack that creates the OU or folder a unit sits in: its domain's stack, or the default stack. */
export function parentStackOf(unit: Unit): string {
  return accountsStackName(unit.cloud, { kind: unit.kind === 'pair' ? 'domain' : unit.kind, domain: unit.domain });
}

/** Output of the parent stack holding the id of the OU / folder `name`, when other stacks read it. */
export function parentOutputName(parent: Extract<UnitParent, { kind: 'aws-ou' | 'gcp-new-folder' }>): string {
  // By the domain key, a Terraform identifier: the rendered name (naming.organizationalUnit / folder) may hold spaces.
  return parent.kind === 'aws-ou' ? `ou_${parent.key}` : `folder_${parent.key}`;
}

interface Draft {
  cloud: Unit['cloud'];
  units: string[];
  parents: Map<string, ParentPlan>;
  dependsOn: Set<string>;
}

export function planStacks(units: readonly Unit[], groups: readonly StorageGroup[]): StackPlan[] {
  const accounts = new Map<string, Draft>();
  const draft = (name: string, cloud: Unit['cloud']): Draft => {
    let d = accounts.get(name);
    if (d === undefined) accounts.set(name, (d = { cloud, units: [], parents: new Map(), dependsOn: new Set() }));
    return d;
  };
  for (const u of units) {
    const own = draft(u.stack, u.cloud);
    own.units.push(u.key);
    const p = u.parent;
    if (p.kind !== 'aws-ou' && p.kind !== 'gcp-new-folder') continue;
    const ownerName = parentStackOf(u);
    const owner = draft(ownerName, u.cloud);
    const read = ownerName !== u.stack;
    const key = p.key;
    const known = owner.parents.get(key);
    const output = read || (known?.output ?? null) !== null ? parentOutputName(p) : null;
    owner.parents.set(key, p.kind === 'aws-ou' ? { kind: 'aws-ou', key: p.key, name: p.name, parentId: p.parentId, output } : { kind: 'gcp-folder', key: p.key, displayName: p.displayName, parent: p.parent, output });
    if (read) own.dependsOn.add(ownerName);
  }

  const stackOf = new Map(units.map((u) => [u.key, u.stack]));
  const creates = new Set(units.filter((u) => u.cloud === 'aws' && u.existingId === null).map((u) => u.stack));
  const stacks: StackPlan[] = [];
  let previousCreator: string | null = null;
  for (const [name, d] of [...accounts].sort(compareEntries)) {
    const parents = [...d.parents.values()];
    const after = creates.has(name) && previousCreator !== null ? [previousCreator] : [];
    if (creates.has(name)) previousCreator = name;
    stacks.push({
      name,
      kind: 'accounts',
      cloud: d.cloud,
      units: d.units,
      storageGroup: null,
      dependsOn: [...d.dependsOn].sort(),
      ...(parents.length > 0 ? { parents } : {}),
      ...(after.length > 0 ? { after } : {}),
    });
  }
  for (const g of groups) {
    const needs = [g.homeUnit, ...g.accessUnits].map((k) => stackOf.get(k)).filter((s): s is string => s !== undefined);
    stacks.push({ name: g.stack, kind: 'storage', cloud: g.cloud, units: [g.homeUnit, ...g.accessUnits], storageGroup: g.name, dependsOn: [...new Set(needs)].sort() });
  }
  return stacks.sort((a, b) => compareStrings(a.name, b.name));
}
