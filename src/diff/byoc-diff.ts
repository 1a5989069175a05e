// What a model change does to Union's access (BYOC), added to the units' changes: a new template
// version is an in-place update of Union's CloudFormation stack; removing access on GCP destroys
// Union's pool, role and service account in the project, so it counts as destructive.
import type { Plan, Unit } from '../plan/types';
import type { UnitChange } from './compare-plans';
import { compareStrings } from '../order';

interface Access {
  readonly cloud: Unit['cloud'];
  readonly stack: string;
  readonly version: string;
  readonly roleName: string;
  readonly externalId: string;
  readonly permissions: number;
}

function accessOf(plan: Plan): Map<string, Access> {
  const byoc = plan.byoc;
  if (byoc === undefined) return new Map();
  return new Map(
    byoc.access.map((a) => [
      a.unit,
      {
        cloud: a.cloud,
        stack: a.stack,
        version: byoc.aws?.templateVersion ?? '',
        roleName: byoc.aws?.roleName ?? '',
        externalId: byoc.aws?.externalIdDigest ?? '',
        permissions: byoc.gcp?.permissions.length ?? 0,
      },
    ]),
  );
}

function accessDetails(a: Access | undefined, b: Access | undefined): { details: string[]; destructive: boolean } {
  if (a === undefined && b === undefined) return { details: [], destructive: false };
  if (a === undefined) {
    const what = b!.cloud === 'aws' ? `Union's CloudFormation stack (template ${b!.version}) in stack ${b!.stack}` : `Union's pool, role and service account in stack ${b!.stack}`;
    return { details: [`Union access added: ${what}`], destructive: false };
  }
  if (b === undefined || a.cloud !== b.cloud) {
    return a.cloud === 'aws'
      ? { details: [`Union access no longer synthesized: stack ${a.stack} stays as applied until destroyed by hand`], destructive: false }
      : { details: [`Union access removed: Terraform destroys Union's pool, role and service account in stack ${a.stack}`], destructive: true };
  }
  const details: string[] = [];
  if (a.cloud === 'aws') {
    if (a.version !== b.version) details.push(`Union's template ${a.version} -> ${b.version}: CloudFormation stack updated in place`);
    // The stacks ignore the parameter after creation (NoEcho): a new id needs its own apply.
    if (a.externalId !== b.externalId) details.push(`external id changed: set TF_VAR_union_external_id to it and apply stack ${b.stack} with -replace of its UnionCloudAccess stack (Terraform ignores the parameter after creation)`);
    if (a.roleName !== b.roleName) details.push(`CrossAccountRoleName ${a.roleName} -> ${b.roleName}: CloudFormation replaces the role; send Union the new ARN`);
  } else if (a.permissions !== b.permissions) {
    details.push(`Union's GCP role: ${a.permissions} -> ${b.permissions} permissions (in place)`);
  }
  return { details, destructive: false };
}

/** The units' changes with Union's access changes folded in, sorted by unit as before. */
export function withAccessChanges(changes: readonly UnitChange[], base: Plan, next: Plan): UnitChange[] {
  if (base.byoc === undefined && next.byoc === undefined) return [...changes];
  const before = accessOf(base);
  const after = accessOf(next);
  const names = new Map(next.units.map((u) => [u.key, u]));
  const byUnit = new Map(changes.map((c) => [c.unit, c]));
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const { details, destructive } = accessDetails(before.get(key), after.get(key));
    if (details.length === 0) continue;
    const existing = byUnit.get(key);
    if (existing !== undefined) {
      byUnit.set(key, { ...existing, details: [...existing.details, ...details], destructive: existing.destructive || destructive });
    } else {
      const unit = names.get(key);
      if (unit === undefined) continue;
      byUnit.set(key, { unit: key, cloud: unit.cloud, change: 'changed', before: unit.name, after: unit.name, details, destructive });
    }
  }
  return [...byUnit.values()].sort((x, y) => compareStrings(x.unit, y.unit));
}
