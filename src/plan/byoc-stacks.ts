// The stacks of a BYOC plan: the accounts stacks as always, one Union access stack per AWS accounts
// stack (Union's CloudFormation stack in each of its accounts, reached once the account exists), and
// the storage stacks only when the model asks this tool to create the buckets.
import { accessStackName } from './byoc';
import type { ByocPlan } from './byoc-types';
import { planStacks } from './stack-layout';
import type { StackPlan, StorageGroup, Unit } from './types';
import { compareStrings } from '../order';

export function planByocStacks(units: readonly Unit[], groups: readonly StorageGroup[], byoc: Pick<ByocPlan, 'buckets'>): StackPlan[] {
  const stacks = planStacks(units, byoc.buckets === 'create' ? groups : []);
  const access = new Map<string, { accounts: string; units: string[] }>();
  for (const u of units) {
    if (u.cloud !== 'aws') continue;
    const name = accessStackName(u.stack);
    const s = access.get(name) ?? { accounts: u.stack, units: [] };
    s.units.push(u.key);
    access.set(name, s);
  }
  for (const [name, s] of access) stacks.push({ name, kind: 'access', cloud: 'aws', units: s.units, storageGroup: null, dependsOn: [s.accounts] });
  return stacks.sort((a, b) => compareStrings(a.name, b.name));
}
