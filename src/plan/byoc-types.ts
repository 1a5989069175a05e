// The BYOC part of the plan (deployment: byoc): how Union gets into each account and project, and
// everything Union's team asks for per cluster. Absent from a self-managed plan, so its plan.json
// and everything made from it stay as they were.
import type { Cloud } from '../model/schema';

/** Union's AWS account, trusted by the role and named by the GCP pool's provider. */
export const UNION_AWS_ACCOUNT = '479331373192';
/** The Terraform variable of every access stack holding the external id: set TF_VAR_union_external_id. */
export const EXTERNAL_ID_VARIABLE = 'union_external_id';
/** Union's documented stack name: its team and its docs look for this one. */
export const UNION_CFN_STACK = 'UnionCloudAccess';
export const UNION_TEMPLATE_BASE = 'https://union-public.s3.amazonaws.com/templates';
export const UNION_GCP_POOL = 'unionai';
export const UNION_GCP_PROVIDER = 'unionai-aws';
export const UNION_GCP_ROLE_ID = 'UnionaiAdministrator';
/** "The setup process used by the Union team depends on the ID being this precise string." */
export const UNION_GCP_SERVICE_ACCOUNT = 'unionai-administrator';
/** The APIs Union's GCP page lists, sorted. */
export const UNION_GCP_SERVICES = [
  'artifactregistry',
  'autoscaling',
  'cloudkms',
  'cloudresourcemanager',
  'compute',
  'container',
  'containerfilesystem',
  'containerregistry',
  'iam',
  'iamcredentials',
  'logging',
  'monitoring',
  'secretmanager',
  'servicenetworking',
  'sqladmin',
  'storage-api',
  'sts',
].map((s) => `${s}.googleapis.com`);

export interface ByocPlan {
  readonly unionAwsAccount: string;
  /** `union-provisions`: Union creates the buckets, no storage stacks; `create`: the storage stacks do, named `union-*`. */
  readonly buckets: 'union-provisions' | 'create';
  /** Days, or null: set by the Union plan (Teams 30, Enterprise 365). */
  readonly dataRetentionDays: number | null;
  /** Null when the model has no AWS unit. */
  readonly aws: ByocAws | null;
  /** Null when the model has no GCP unit. */
  readonly gcp: ByocGcp | null;
  /** One per unit, sorted by unit key. */
  readonly access: readonly UnitAccess[];
  /** One per cluster, sorted by name. */
  readonly clusters: readonly ByocCluster[];
  /** The BYOC rules' warnings, also printed as findings: the review repeats them. */
  readonly warnings: readonly string[];
}

export interface ByocAws {
  readonly templateVersion: string;
  readonly templateUrl: string;
  readonly stackName: string;
  /** CrossAccountRoleName: the same in every account. */
  readonly roleName: string;
  /**
   * A digest of the model's external id, so `diff` sees a new one: the value itself stays out of
   * plan.json, the stacks and the request (Terraform reads it from TF_VAR_union_external_id).
   */
  readonly externalIdDigest: string;
}

export interface ByocGcp {
  readonly poolId: string;
  readonly providerId: string;
  readonly roleId: string;
  readonly roleTitle: string;
  readonly roleStage: string;
  readonly permissions: readonly string[];
  /** Where the permission list came from: the bundled copy's origin, or the file the model names. */
  readonly roleSource: string;
  readonly serviceAccountId: string;
}

export type UnitAccess =
  | {
      readonly unit: string;
      readonly cloud: 'aws';
      /** The stack that creates Union's role in the account. */
      readonly stack: string;
      /** Its output holding the role ARN. */
      readonly roleArnOutput: string;
      /** Known before apply only for an adopted account. */
      readonly roleArn: string | null;
      /** Where UnionCloudAccess lives: the region of the unit's data plane (its first cluster by name), else aws.region. Union updates it there. */
      readonly region: string;
    }
  | {
      readonly unit: string;
      readonly cloud: 'gcp';
      /** The projects stack, which also creates the pool, role and service account. */
      readonly stack: string;
      readonly projectId: string;
      readonly projectNumberOutput: string;
      readonly serviceAccountEmail: string;
    };

export interface ByocCluster {
  readonly name: string;
  readonly unit: string;
  readonly cloud: Cloud;
  readonly region: string;
  /** The customer's VPC (AWS) or network (GCP) and what Union asks with it, or null: Union provisions one. */
  readonly vpc: CustomerVpc | null;
  /** Days, or null: the Union plan's. */
  readonly dataRetentionDays: number | null;
  readonly nodeGroups: readonly NodeGroup[];
}

/** A customer's own network as Union's BYOC pages ask for it; null: not in the model, to be filled in. */
export type CustomerVpc =
  | {
      readonly cloud: 'aws';
      /** `vpc-...` */
      readonly id: string;
      /** One subnet id per availability zone. */
      readonly publicSubnets: readonly string[] | null;
      readonly privateSubnets: readonly string[] | null;
    }
  | {
      readonly cloud: 'gcp';
      /** The network, as the model names it. */
      readonly id: string;
      readonly subnet: string | null;
      /** The cluster's region: a GKE cluster's subnet is in its region. */
      readonly subnetRegion: string;
      /** Names of the subnet's secondary ranges. */
      readonly podsRange: string | null;
      readonly servicesRange: string | null;
      /** The control plane's /28. */
      readonly masterCidr: string | null;
    };

export interface NodeGroup {
  readonly name: string;
  readonly instanceType: string;
  readonly min: number;
  readonly max: number;
  readonly interruptible: boolean;
  readonly taints: readonly string[];
  /** GiB, or null: Union's default. */
  readonly diskGb: number | null;
}
