// The stacks of a BYOC plan: the accounts stacks as always, one Union access stack per AWS accounts
// stack (Union's CloudFormation stack in each of its accounts, reached once the account exists), and
// the storage stacks only when the model asks this tool to create the buckets.
import { accessStackName } from './byoc';
import type { ByocAws, ByocGcp, ByocPlan, UnitAccess } from './byoc-types';
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

/** What of the BYOC plan one stack's Terraform is built from. */
export interface ByocStackInputs {
  readonly unionAwsAccount: string;
  /** Set for an access stack. */
  readonly aws: ByocAws | null;
  /** Set for a GCP projects stack. */
  readonly gcp: ByocGcp | null;
  /** Union's access for the stack's own units, in the stack's order. */
  readonly access: readonly UnitAccess[];
}

/**
 * The one selection of a stack's BYOC inputs: the stacks are built from it and their fingerprints
 * hash it, so a change to another unit's access never lists this stack as changed. Null for the
 * stacks BYOC adds nothing to (AWS accounts, storage).
 */
export function byocStackInputs(byoc: ByocPlan | null, stack: StackPlan, accessOf: ReadonlyMap<string, UnitAccess>): ByocStackInputs | null {
  if (byoc === null) return null;
  const isAccess = stack.kind === 'access';
  const isGcpProjects = stack.kind === 'accounts' && stack.cloud === 'gcp';
  if (!isAccess && !isGcpProjects) return null;
  const access = stack.units.map((k) => accessOf.get(k)).filter((a) => a !== undefined);
  return { unionAwsAccount: byoc.unionAwsAccount, aws: isAccess ? byoc.aws : null, gcp: isGcpProjects ? byoc.gcp : null, access };
}
