// BYOC on GCP: Union's access in each project of a projects stack, next to the project itself (its
// id is known at plan time, so no second stack is needed), under `union-access/<unit>`.
import { Construct } from 'constructs';
import type { GcpProject } from '../src/constructs/gcp-project';
import { UnionGcpAccess } from '../src/constructs/union-gcp-access';
import type { ByocStackInputs } from '../src/plan/byoc-stacks';
import type { GcpUnit } from '../src/plan/types';
import { namedOutput } from './named-output';
import { inconsistent } from './plan-index';
import type { UnionStack } from './union-stack';

/** The APIs Union's resources need on before they are created. */
const NEEDED = ['iam.googleapis.com', 'iamcredentials.googleapis.com', 'sts.googleapis.com', 'cloudresourcemanager.googleapis.com'];

export function unionAccessOutput(unit: Pick<GcpUnit, 'id'>): string {
  return `${unit.id}_union_service_account`;
}

export function addUnionGcpAccess(stack: UnionStack, unit: GcpUnit, project: GcpProject, byoc: ByocStackInputs, outputs: Construct): UnionGcpAccess {
  if (byoc.gcp === null) throw inconsistent(`GCP unit '${unit.key}' in a BYOC plan without GCP settings`);
  const scope = (stack.node.tryFindChild('union-access') as Construct | undefined) ?? new Construct(stack, 'union-access');
  const access = new UnionGcpAccess(scope, unit.id, {
    projectId: project.projectId,
    projectNumber: project.projectNumber,
    unionAwsAccount: byoc.unionAwsAccount,
    poolId: byoc.gcp.poolId,
    providerId: byoc.gcp.providerId,
    roleId: byoc.gcp.roleId,
    roleTitle: byoc.gcp.roleTitle,
    roleStage: byoc.gcp.roleStage,
    permissions: byoc.gcp.permissions,
    serviceAccountId: byoc.gcp.serviceAccountId,
    services: NEEDED.map((s) => project.services.get(s)).filter((s) => s !== undefined),
  });
  namedOutput(outputs, unionAccessOutput(unit), access.serviceAccountEmail);
  return access;
}
