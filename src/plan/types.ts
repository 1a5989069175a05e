// The resolved plan: a plain, JSON-serializable value. Everything after `resolve` (stacks, files,
// review, diff) is a pure function of it. All lists are sorted by their key, so the same model
// gives the same plan whatever the order of keys in the YAML.
import type { AwsSettings, Backend, Cloud, GcpSettings } from '../model/schema';

export type { Cloud };

export interface Plan {
  /** Bumped when the plan's shape changes; plan.json consumers check it. */
  readonly version: 1;
  readonly org: string;
  readonly isolation: 'domain' | 'project';
  /** Flyte domains in the model, sorted by name. */
  readonly domains: readonly DomainPlan[];
  /** Every project that gets attribute files: known at onboarding, then on demand. Sorted. */
  readonly projects: readonly ProjectPlan[];
  /** Isolation units (accounts / projects), sorted by key. */
  readonly units: readonly Unit[];
  readonly clusters: readonly ClusterPlan[];
  readonly pools: readonly PoolPlan[];
  readonly storageGroups: readonly StorageGroup[];
  /** One per project-domain pair, plus one per workflow assignment. Sorted by project, domain, workflow. */
  readonly assignments: readonly Assignment[];
  /** Names the tool shortened to fit a cloud's limit; shown in the review. Sorted by kind, then original. */
  readonly shortenedNames: readonly ShortenedName[];
  /** The Terraform stacks, sorted by name: accounts stacks first in dependency order is not implied; see `dependsOn`. */
  readonly stacks: readonly StackPlan[];
  /** Things a reviewer should see that do not stop synthesis (cross-isolation assignments, ...). */
  readonly warnings: readonly PlanWarning[];
  readonly aws: AwsSettings | null;
  readonly gcp: GcpSettings | null;
  readonly backend: Backend;
}

export interface DomainPlan {
  readonly name: string;
  readonly cloud: Cloud;
}

export interface ProjectPlan {
  readonly name: string;
  /** `onboarding`: listed in `projects`; `onDemand`: in `onDemand.projects` (lives in the default unit). */
  readonly origin: 'onboarding' | 'onDemand';
}

/** Where a unit's account/project sits in the hierarchy. */
export type UnitParent =
  | { readonly kind: 'aws-parent'; readonly parentId: string }
  /** An OU created by the accounts stack under aws.parentId, one per domain (or `default`). */
  | { readonly kind: 'aws-ou'; readonly name: string; readonly parentId: string }
  | { readonly kind: 'gcp-folder'; readonly folderId: string }
  | { readonly kind: 'gcp-org'; readonly orgId: string }
  /** A folder created by the projects stack, one per domain (or `default`), under the folder or org. */
  | {
      readonly kind: 'gcp-new-folder';
      readonly displayName: string;
      readonly parent: { readonly folderId: string } | { readonly orgId: string };
    };

interface UnitBase {
  /** The model key: `development`, `development/project-1`, `default`, `default/development`. */
  readonly key: string;
  readonly kind: 'domain' | 'pair' | 'default';
  /** The unit's domain (null for the shared default unit). */
  readonly domain: string | null;
  /** The unit's project (pairs only). */
  readonly project: string | null;
  /** A Terraform-safe identifier from the key (`/` becomes `_`): construct ids and output names. */
  readonly id: string;
  /** The accounts stack that creates or adopts it. */
  readonly stack: string;
  /** Adopt this existing account id / project id with an import block instead of creating it. */
  readonly existingId: string | null;
  readonly parent: UnitParent;
}

export interface AwsUnit extends UnitBase {
  readonly cloud: 'aws';
  /** Final account name (≤ 50), possibly shortened. */
  readonly name: string;
  /** Root email (≤ 64), unique. */
  readonly email: string;
  /** Output of `stack` that holds the account id after apply. */
  readonly accountIdOutput: string;
}

export interface GcpUnit extends UnitBase {
  readonly cloud: 'gcp';
  /** Final project id (6–30), possibly shortened. */
  readonly name: string;
  /** Display name (4–30). */
  readonly displayName: string;
  /** APIs to enable: the product's own plus gcp.services, sorted, unique. */
  readonly services: readonly string[];
  /** Output of `stack` that holds the project id (known before apply; output for scripts). */
  readonly projectIdOutput: string;
  /** Output of `stack` that holds the project number after apply. */
  readonly projectNumberOutput: string;
}

export type Unit = AwsUnit | GcpUnit;

export interface ClusterPlan {
  readonly name: string;
  /** Unit key of the account it runs in. */
  readonly unit: string;
  readonly cloud: Cloud;
  readonly region: string;
  /** Pools that list it, sorted. */
  readonly pools: readonly string[];
  readonly storageGroup: string;
  readonly metadataBucket: string;
  readonly fastRegistrationBucket: string;
}

export interface PoolPlan {
  readonly name: string;
  readonly clusters: readonly string[];
  readonly storageGroup: string;
  /** Unit key of the account that hosts it when all its clusters run in one account, else null. */
  readonly hostUnit: string | null;
}

export interface StorageGroup {
  /** Named after its first pool by name, `default` last. Also the storage stack's suffix. */
  readonly name: string;
  readonly pools: readonly string[];
  readonly clusters: readonly string[];
  readonly cloud: Cloud;
  /** Unit key of the account/project where the bucket lives. */
  readonly homeUnit: string;
  /** Other units whose clusters use the bucket and get access to it. Sorted. */
  readonly accessUnits: readonly string[];
  /** Bucket region (AWS) / location (GCP): the home unit's clusters' region, else the cloud default. */
  readonly region: string;
  readonly bucket: string;
  /** Same as `bucket` unless a pool of the group asks for `fastRegistration: separate`. */
  readonly fastRegistrationBucket: string;
  /** Lifecycle expiry of noncurrent and current objects, if any pool sets it. */
  readonly retentionDays: number | null;
  readonly stack: string;
}

export interface Assignment {
  readonly project: string;
  readonly domain: string;
  readonly workflow: string | null;
  readonly pool: string;
  /** explicit: poolAssignments; automatic: the pair's account hosts exactly one pool; fallback: `default`. */
  readonly origin: 'explicit' | 'automatic' | 'fallback';
  /** The unit the pair belongs to. */
  readonly unit: string;
  /** The assignment said allowCrossIsolation and its pool runs outside the pair's accounts. */
  readonly crossIsolation: boolean;
  /** Attribute file name under cluster-pool-attributes/ (null for fallbacks: Union's default needs none). */
  readonly file: string | null;
}

export interface ShortenedName {
  readonly kind: 'aws-account-name' | 'aws-email' | 'gcp-project-id' | 'bucket';
  /** Unit key or storage group name. */
  readonly owner: string;
  readonly original: string;
  readonly final: string;
  readonly limit: number;
}

export interface StackPlan {
  /** `aws-accounts-production`, `gcp-projects-development`, `aws-accounts-default`, `pool-development-cp`. */
  readonly name: string;
  readonly kind: 'accounts' | 'storage';
  readonly cloud: Cloud;
  /** accounts: unit keys; storage: the storage group name. */
  readonly units: readonly string[];
  readonly storageGroup: string | null;
  /** Stacks whose outputs it reads (storage stacks depend on the accounts stacks of their units). */
  readonly dependsOn: readonly string[];
  /** Accounts stacks only: the OUs / folders it creates for its domain's units (absent when none). */
  readonly parents?: readonly ParentPlan[];
  /**
   * Stacks to apply before this one without reading their outputs (absent when none): AWS account
   * creations are serialized across stacks, since Organizations rejects concurrent ones. Only
   * `cdktf deploy` and the apply order read it; it is not in any stack's Terraform.
   */
  readonly after?: readonly string[];
}

/** An OU (AWS) or folder (GCP) created by an accounts stack; units in other stacks read its id from `output`. */
export type ParentPlan =
  | { readonly kind: 'aws-ou'; readonly name: string; readonly parentId: string; readonly output: string | null }
  | {
      readonly kind: 'gcp-folder';
      readonly displayName: string;
      readonly parent: { readonly folderId: string } | { readonly orgId: string };
      readonly output: string | null;
    };

export interface PlanWarning {
  /** Model path, formatted (`poolAssignments[2]`). */
  readonly path: string;
  readonly message: string;
}
