// The Terraform stacks: one accounts stack per cloud and domain (and the default), one storage
// stack per storage group. Small states, parallel applies, one blast radius per stack.
import type { StackPlan, StorageGroup, Unit } from './types';

export function planStacks(units: readonly Unit[], groups: readonly StorageGroup[]): StackPlan[] {
  const accounts = new Map<string, { cloud: Unit['cloud']; units: string[] }>();
  for (const u of units) {
    const s = accounts.get(u.stack) ?? { cloud: u.cloud, units: [] };
    s.units.push(u.key);
    accounts.set(u.stack, s);
  }
  const stackOf = new Map(units.map((u) => [u.key, u.stack]));
  const stacks: StackPlan[] = [...accounts].map(([name, s]) => ({ name, kind: 'accounts', cloud: s.cloud, units: s.units, storageGroup: null, dependsOn: [] }));
  for (const g of groups) {
    const needs = [g.homeUnit, ...g.accessUnits].map((k) => stackOf.get(k)).filter((s): s is string => s !== undefined);
    stacks.push({ name: g.stack, kind: 'storage', cloud: g.cloud, units: [g.homeUnit, ...g.accessUnits], storageGroup: g.name, dependsOn: [...new Set(needs)].sort() });
  }
  return stacks.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
