// Terraform addresses of the resources the stacks create, computed from the plan: the same logical
// ids cdktf derives from construct paths (hashed path components under the stack), so that `diff`
// can print exact `terraform import` / `state rm` commands without synthesizing anything.
// test/diff/stack-changes.test.ts checks them against synthesized JSON.
import { createHash } from 'node:crypto';
import type { Unit } from '../plan/types';

/** cdktf's logical id of the element at `components` (its path below the stack). */
export function logicalId(components: readonly string[]): string {
  const parts = components.filter((c) => c !== 'Default');
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');
  if (parts.length === 1 && clean(parts[0]!).length <= 255) return clean(parts[0]!);
  const hash = createHash('md5').update(parts.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const human: string[] = [];
  for (const c of parts) if (human.length === 0 || !human[human.length - 1]!.endsWith(c)) human.push(c);
  return `${human
    .filter((c) => c !== 'Resource')
    .map(clean)
    .join('_')
    .slice(0, 240)}_${hash}`;
}

export interface UnitResource {
  /** `aws_organizations_account.units_production_p1_account_94CF70BD`. */
  readonly address: string;
  /** The id `terraform import` takes; null when it is only known from state (an AWS account id). */
  readonly importId: string | null;
}

/** The resources an accounts stack holds for one unit (account; or project and its APIs). */
export function unitResources(unit: Unit): UnitResource[] {
  if (unit.cloud === 'aws') return [{ address: `aws_organizations_account.${logicalId(['units', unit.id, 'account'])}`, importId: unit.existingId }];
  return [
    { address: `google_project.${logicalId(['units', unit.id, 'project'])}`, importId: unit.name },
    ...unit.services.map((s) => ({ address: `google_project_service.${logicalId(['units', unit.id, 'services', s])}`, importId: `${unit.name}/${s}` })),
  ];
}
