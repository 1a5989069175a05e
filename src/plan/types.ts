// The resolved plan: a plain, JSON-serializable value. Everything after `resolve` (stacks, files,
// review, diff) is a pure function of it. All lists are sorted by their key, so the same model
// gives the same plan whatever the order of keys in the YAML.
import type { AdoptedAttribute, AwsSettings, Backend, Cloud, GcpSettings } from '../model/schema';
import type { ByocPlan } from './byoc-types';

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
  /**
   * Stacks the model's `retired` lets leave the output with `destroy: true` (absent when none): their
   * states plan the destroy of what they hold. Kept ones are in `stacks` (kind `retired`).
   */
  readonly destroyedStacks?: readonly string[];
  /** Things a reviewer should see that do not stop synthesis (cross-isolation assignments, ...). */
  readonly warnings: readonly PlanWarning[];
  /** Warnings the model accepts under `acknowledge` (absent when none): the review still lists them. */
  readonly acknowledgedWarnings?: readonly PlanWarning[];
  /** The model's domain-wide `poolAssignments` entries (absent when none), by domain: the review states each once. */
  readonly domainWideAssignments?: readonly DomainWideAssignment[];
  readonly aws: AwsSettings | null;
  readonly gcp: GcpSettings | null;
  readonly backend: Backend;
  /** deployment: byoc only (absent otherwise, so a self-managed plan.json is unchanged). */
  readonly byoc?: ByocPlan;
  readonly deployment: 'self-managed' | 'byoc';
  /** Union control plane host for the Helm values; null: the values files name the model key to set. */
  readonly controlPlaneHost: string | null;
  /** The routing the model relies on; both forms are written either way. */
  readonly routing: 'attributes' | 'queues';
  /** One identity per cluster on self-managed deployments (none on byoc), sorted by cluster. */
  readonly identities: readonly ClusterIdentity[];
  /** Union's queue routing for the same pools and assignments. */
  readonly queues: QueueRouting;
  /** Where the data planes keep secrets: `kubernetes` (the chart's default) or `cloud` (AWS Secrets Manager, GCP Secret Manager). */
  readonly secretStore: 'kubernetes' | 'cloud';
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
  | {
      readonly kind: 'aws-ou';
      readonly name: string;
      readonly parentId: string;
      /** Its domain (or `default`): the OU's construct id, so renaming it through naming.organizationalUnit updates it in place. */
      readonly key: string;
    }
  | { readonly kind: 'gcp-folder'; readonly folderId: string }
  | { readonly kind: 'gcp-org'; readonly orgId: string }
  /** A folder created by the projects stack, one per domain (or `default`), under the folder or org. */
  | {
      readonly kind: 'gcp-new-folder';
      readonly displayName: string;
      readonly parent: { readonly folderId: string } | { readonly orgId: string };
      /** Its domain (or `default`): the folder's construct id, so a new naming.folder renames it in place. */
      readonly key: string;
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
  /**
   * Adopted units: the attributes Terraform leaves as they exist (lifecycle ignore_changes), sorted;
   * empty for created units and for attributes the model manages (`manage`, explicit name/email).
   */
  readonly keepExisting: readonly AdoptedAttribute[];
}

export interface AwsUnit extends UnitBase {
  readonly cloud: 'aws';
  /** Final account name (≤ 50), possibly shortened. */
  readonly name: string;
  /** Root email (≤ 64), unique. */
  readonly email: string;
  /** Output of `stack` that holds the account id after apply. */
  readonly accountIdOutput: string;
  /** The role the storage stacks assume in the account: accounts.<unit>.roleName, else aws.roleName. */
  readonly roleName: string;
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
  /** Bucket region (AWS) / location (GCP): a pool's `bucketRegion`, else the cloud's default region (never taken from the clusters, so a joining cluster cannot move the bucket). */
  readonly region: string;
  readonly bucket: string;
  /** Same as `bucket` unless a pool of the group asks for `fastRegistration: separate`. */
  readonly fastRegistrationBucket: string;
  /** Lifecycle expiry of noncurrent and current objects, if any pool sets it. */
  readonly retentionDays: number | null;
  readonly stack: string;
  /** A bucket for raw data only (`rawData: separate`), which retentionDays expires as a whole; else null. */
  readonly rawDataBucket: string | null;
  /** Prefixes of the metadata bucket that retentionDays expires; null when it expires nothing there. */
  readonly retentionPrefixes: readonly string[] | null;
  /** Days overwritten or deleted objects stay recoverable, in every bucket of the group. */
  readonly noncurrentVersionDays: number;
  /** AWS: the KMS key of the group's buckets (the pool's, else aws.kmsKeyId); null for SSE-S3 and on GCP. */
  readonly kmsKeyId: string | null;
}

export interface Assignment {
  readonly project: string;
  readonly domain: string;
  readonly workflow: string | null;
  readonly pool: string;
  /** explicit: poolAssignments; domain: a poolAssignments entry without project, for every project of the domain;
   *  automatic: the pair's account hosts exactly one pool; fallback: `default`. */
  readonly origin: 'explicit' | 'domain' | 'automatic' | 'fallback';
  /** The unit the pair belongs to. */
  readonly unit: string;
  /** The assignment said allowCrossIsolation and its pool runs outside the pair's accounts. */
  readonly crossIsolation: boolean;
  /** Attribute file name under cluster-pool-attributes/ (null for fallbacks: Union's default needs none). */
  readonly file: string | null;
}

/**
 * A `poolAssignments` entry without project: every project of its domain on one pool. Resolved by its
 * domain, never by its position: reordering the list changes no assignment, only the `index` the
 * reviews cite it by (as warnings cite entries).
 */
export interface DomainWideAssignment {
  /** The line's position in the model's `poolAssignments`, as findings cite it. */
  readonly index: number;
  readonly domain: string;
  readonly pool: string;
  readonly allowCrossIsolation: boolean;
  /** Pairs it assigns, of known and of on-demand projects; projects added later are covered as they come. */
  readonly knownProjects: number;
  readonly onDemandProjects: number;
  /** The accounts its pool's clusters run in, sorted. */
  readonly runsIn: readonly string[];
  /** Pairs it sends outside their own account (the line's allowCrossIsolation). */
  readonly crossIsolation: number;
  /** Accounts the model creates for its pairs where no cluster runs: their work runs on the pool instead. */
  readonly accountsWithoutCluster: number;
  /** Per-project entries of the domain, which win over the line for their pair (or workflow). Sorted. */
  readonly overriddenBy: readonly DomainWideOverride[];
}

export interface DomainWideOverride {
  readonly project: string;
  readonly workflow: string | null;
  readonly pool: string;
}

export interface ShortenedName {
  readonly kind: 'aws-account-name' | 'aws-email' | 'gcp-project-id' | 'bucket' | 'iam-role' | 'gcp-service-account';
  /** Unit key or storage group name. */
  readonly owner: string;
  readonly original: string;
  readonly final: string;
  readonly limit: number;
}

export interface StackPlan {
  /** `aws-accounts-production`, `gcp-projects-development`, `aws-accounts-default`, `pool-development-cp`. */
  readonly name: string;
  /** `retired`: a stack that left the model, kept to forget what its state holds (`forget`). */
  readonly kind: 'accounts' | 'storage' | 'access' | 'retired';
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
  /** Retired stacks only: the resource addresses Terraform forgets from its state without destroying them. */
  readonly forget?: readonly string[];
}

/** An OU (AWS) or folder (GCP) created by an accounts stack; units in other stacks read its id from `output`. */
export type ParentPlan =
  | { readonly kind: 'aws-ou'; readonly key: string; readonly name: string; readonly parentId: string; readonly output: string | null }
  | {
      readonly kind: 'gcp-folder';
      /** The domain (or `default`): construct id and output name, whatever naming.folder renders. */
      readonly key: string;
      readonly displayName: string;
      readonly parent: { readonly folderId: string } | { readonly orgId: string };
      readonly output: string | null;
    };

export interface PlanWarning {
  /** Model path, formatted (`poolAssignments[2]`). */
  readonly path: string;
  readonly message: string;
  /** The warning's stable code, as `acknowledge` names it. */
  readonly code?: string;
}

/** The Kubernetes service accounts of Union's data-plane chart (namespace/name) that act as the cluster's identity. */
export const CHART_SERVICE_ACCOUNTS = ['union/union-system', 'union/union'] as const;

interface ClusterIdentityBase {
  readonly cluster: string;
  /** Unit key of the account/project it is created in: the cluster's own. */
  readonly unit: string;
  readonly storageGroup: string;
  /** The storage stack that creates it (the group's). */
  readonly stack: string;
  /** Output of `stack` that holds the role ARN or service-account email after apply. */
  readonly output: string;
  /** Exactly the buckets of the cluster's storage group (metadata, and fast registration when separate). */
  readonly buckets: readonly string[];
}

export interface AwsClusterIdentity extends ClusterIdentityBase {
  readonly cloud: 'aws';
  /** IAM role name (≤ 64), possibly shortened. */
  readonly roleName: string;
  /** pod-identity: trusts `pods.eks.amazonaws.com` (needs no cluster); irsa: the cluster's OIDC issuer. */
  readonly trust: 'pod-identity' | 'irsa';
  /** The issuer without `https://` (irsa only). */
  readonly oidcIssuer: string | null;
  /** The storage group's KMS key when its buckets use SSE-KMS. */
  readonly kmsKeyId: string | null;
  /**
   * The image builder's ECR repository: the storage group's, in its home account (`unit`) and region,
   * or the model's `ecrRepository` (`existing`: its account id and ARN, known before apply).
   */
  readonly ecr: { readonly repository: string; readonly region: string; readonly unit: string; readonly existing: { readonly accountId: string; readonly arn: string } | null };
}

export interface GcpClusterIdentity extends ClusterIdentityBase {
  readonly cloud: 'gcp';
  /** The project id the service account lives in (the cluster's). */
  readonly project: string;
  /** Service account id (6-30), possibly shortened. */
  readonly accountId: string;
  /** Known before apply: `<accountId>@<project>.iam.gserviceaccount.com`. */
  readonly email: string;
  /** Bind the chart's service accounts through `<project>.svc.id.goog` (the pool exists only with a GKE cluster). */
  readonly workloadIdentity: boolean;
  /** The image builder's repository: the model's `artifactRepository`, else the storage group's. */
  readonly artifactRepository: ArtifactRepository | null;
  /** The storage stack creates `artifactRepository` (it is the group's), rather than the model naming an existing one. */
  readonly artifactRepositoryCreated?: boolean;
}

/** An Artifact Registry repository (the model's `projects/P/locations/L/repositories/R`). */
export interface ArtifactRepository {
  readonly project: string;
  readonly location: string;
  readonly repository: string;
}

export type ClusterIdentity = AwsClusterIdentity | GcpClusterIdentity;

export interface QueuePool {
  readonly name: string;
  readonly storageGroup: string;
  readonly cloud: Cloud;
  /** `s3://bucket` or `gs://bucket`. */
  readonly objectStore: string;
  /** What every cluster of the pool reports: the chart's default, Kubernetes secrets (no locator), unless the model asks for the cloud's. */
  readonly secretStore: { readonly type: 'KUBERNETES'; readonly locator: null } | { readonly type: 'AWS_SECRETS_MANAGER' | 'GCP_SECRET_MANAGER'; readonly locator: string };
  readonly imageRegistry: string | null;
  /** An ECR repository in an account created by its accounts stack: the registry is `<account id><suffix>`, the id read from that stack's output when the pool is created. */
  readonly imageRegistryAfterApply: { readonly stack: string; readonly output: string; readonly suffix: string } | null;
  /** `default` exists in every Union org and is not created; its file is for comparison. */
  readonly exists: boolean;
}

export interface QueueRouting {
  /** Pools that have clusters registered in them, sorted by name. */
  readonly pools: readonly QueuePool[];
  /** `flyte create cluster NAME --pool POOL`: each cluster in exactly one pool. Sorted by cluster. */
  readonly clusters: readonly { readonly cluster: string; readonly pool: string }[];
  /** `flyte create queue NAME --cluster-pool POOL --run-concurrency N --action-concurrency M`, for pools whose queue is not there already. Sorted. */
  readonly queues: readonly QueuePlan[];
  /** Per project-domain pair, sorted by project, domain: `run.default_queue` and, with `rawData: separate`, `storage.raw_data_path`. */
  readonly settings: readonly QueueSettings[];
  /** Org-level settings for work the model does not name (null: Union's own default, queue `default` in pool `default`, has clusters). */
  readonly org: { readonly queue: string | null; readonly rawDataPath: string | null } | null;
}

export interface QueuePlan {
  readonly name: string;
  readonly pool: string;
  /** Runs active at once (the pool's `runConcurrency`). */
  readonly runConcurrency: number;
  /** Actions active at once (the pool's `actionConcurrency`). */
  readonly actionConcurrency: number;
}

export interface QueueSettings {
  readonly project: string;
  readonly domain: string;
  /** `run.default_queue`; null when the pair's pool has no queue of its own form (its raw data path is still set). */
  readonly queue: string | null;
  /** `storage.raw_data_path`: the raw-data bucket of the pair's storage group when it has one, else null. */
  readonly rawDataPath: string | null;
}
