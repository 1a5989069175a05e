// Union's access to one GCP project in BYOC, as Union's GCP page lists it: workload identity
// federation from Union's AWS account (pool `unionai`, provider `unionai-aws`), the custom role
// `UnionaiAdministrator`, the service account `unionai-administrator` bound to it on the project, and
// the pool's identities allowed to impersonate that service account.
import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { Construct } from 'constructs';

export interface UnionGcpAccessProps {
  /** The project id (a token of the project resource, so everything waits for the project). */
  readonly projectId: string;
  /** The project number (a token, known once the project exists): the pool's principal set names it. */
  readonly projectNumber: string;
  /** Union's AWS account, the one the pool's provider trusts. */
  readonly unionAwsAccount: string;
  readonly poolId: string;
  readonly providerId: string;
  readonly roleId: string;
  readonly roleTitle: string;
  readonly roleStage: string;
  readonly permissions: readonly string[];
  readonly serviceAccountId: string;
  /**
   * Enabled APIs the resources wait for (IAM, STS, ...): a resource created before its API is on fails with 403.
   * @default - none
   */
  readonly services?: readonly ProjectService[];
}

export class UnionGcpAccess extends Construct {
  readonly serviceAccountEmail: string;
  /** `projects/<number>/locations/global/workloadIdentityPools/<pool>`. */
  readonly poolName: string;

  constructor(scope: Construct, id: string, props: UnionGcpAccessProps) {
    super(scope, id);
    const project = props.projectId;
    const dependsOn = [...(props.services ?? [])];
    const pool = new IamWorkloadIdentityPool(this, 'pool', {
      project,
      workloadIdentityPoolId: props.poolId,
      displayName: 'Union',
      description: "Union's control plane (AWS account " + props.unionAwsAccount + ')',
      dependsOn,
      // A deleted pool keeps its id for 30 days: a replacement could not be created under it.
      lifecycle: { preventDestroy: true },
    });
    new IamWorkloadIdentityPoolProvider(this, 'provider', {
      project,
      workloadIdentityPoolId: pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: props.providerId,
      aws: { accountId: props.unionAwsAccount },
    });
    const role = new ProjectIamCustomRole(this, 'role', {
      project,
      roleId: props.roleId,
      title: props.roleTitle,
      stage: props.roleStage,
      permissions: [...props.permissions],
      dependsOn,
      // Likewise a deleted custom role keeps its id for weeks.
      lifecycle: { preventDestroy: true },
    });
    const account = new ServiceAccount(this, 'service-account', {
      project,
      accountId: props.serviceAccountId,
      displayName: 'Union administrator',
      dependsOn,
    });
    new ProjectIamMember(this, 'role-binding', { project, role: role.name, member: account.member });
    new ServiceAccountIamMember(this, 'workload-identity-user', {
      serviceAccountId: account.name,
      role: 'roles/iam.workloadIdentityUser',
      // Written as Union's page writes it; dependsOn orders it after the pool it names.
      member: `principalSet://iam.googleapis.com/projects/${props.projectNumber}/locations/global/workloadIdentityPools/${props.poolId}/*`,
      dependsOn: [pool],
    });
    this.serviceAccountEmail = account.email;
    this.poolName = pool.name;
  }
}
