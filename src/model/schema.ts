// The shape of the isolation model (README.md, The model). zod checks types and unknown keys; the
// cross-field rules live in ./rules and the derived names in ../plan.
import { z } from 'zod';

export const CLOUDS = ['aws', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];
export const cloud = z.enum(CLOUDS);

/**
 * What an adopted account or project keeps as it is unless the model says otherwise (`manage`, or an
 * explicit `name`/`email`): AWS name, email, parent; GCP display name, parent, billing account.
 */
export const ADOPTED_ATTRIBUTES = ['name', 'email', 'parent', 'billing'] as const;
export type AdoptedAttribute = (typeof ADOPTED_ATTRIBUTES)[number];

/** Keys that hold names which become file names, script arguments and cloud names are checked in rules/names.ts. */
const name = z.string();

const unitOverride = z
  .object({
    /** Explicit AWS account name or GCP project id; checked, never shortened. */
    name: name.optional(),
    /** AWS only: explicit root email; default from aws.emailTemplate. */
    email: z.string().optional(),
    /** Adopt an existing account (12 digits) or project (its id) with a Terraform import block. */
    existingId: z.string().optional(),
    /** Put this unit on another cloud than its domain's. */
    cloud: cloud.optional(),
    /**
     * AWS only: the role the storage stacks assume in this account (default aws.roleName). Accounts
     * invited into the organization usually have no OrganizationAccountAccessRole.
     */
    roleName: z.string().optional(),
    /**
     * Adopted units only: the attributes the tool takes over from what exists (default none: an
     * adopted account or project keeps its name, email, parent and billing account).
     */
    manage: z.array(z.enum(ADOPTED_ATTRIBUTES)).optional(),
  })
  .strict();

const onDemand = z
  .object({
    cloud: cloud.optional(),
    perDomain: z.boolean().default(false),
    projects: z.array(name).default([]),
  })
  .strict();

const naming = z
  .object({
    aws: z.string().default('{org}'),
    gcp: z.string().default('{org}'),
    bucket: z.string().default('{org}-{pool}-metadata'),
    /** OU names with aws.organizationalUnits: perDomain; placeholders {org}, {domain}. */
    organizationalUnit: z.string().default('{domain}'),
    /** Folder display names with gcp.folders: perDomain (at most 30 characters); placeholders {org}, {domain}. */
    folder: z.string().default('{domain}'),
  })
  .strict();

const aws = z
  .object({
    region: z.string(),
    parentId: z.string(),
    organizationalUnits: z.enum(['none', 'perDomain']).default('none'),
    emailTemplate: z.string(),
    closeOnDeletion: z.boolean().default(false),
    /** The role Organizations creates in each new account; the storage stacks assume it. */
    roleName: z.string().default('OrganizationAccountAccessRole'),
    /** Optional KMS key (ARN or alias) for the S3 metadata buckets; default SSE-S3 (AES256). */
    kmsKeyId: z.string().optional(),
  })
  .strict();

const gcp = z
  .object({
    billingAccount: z.string(),
    folderId: z.string().optional(),
    orgId: z.string().optional(),
    folders: z.enum(['none', 'perDomain']).default('none'),
    region: z.string(),
    services: z.array(z.string()).default([]),
    labels: z.record(z.string(), z.string()).default({}),
  })
  .strict();

/** BYOC: one node group of a cluster, as Union's "Configuring your data plane" asks for it. */
const nodeGroup = z
  .object({
    /** AWS instance type or GCP machine type, e.g. `m5.2xlarge`, `n2-standard-8`. */
    instanceType: z.string(),
    min: z.number().int().nonnegative().default(0),
    max: z.number().int().positive(),
    /** Spot / preemptible nodes; default on-demand. */
    interruptible: z.boolean().default(false),
    /** Kubernetes taints, `key=value:Effect`. */
    taints: z.array(z.string()).default([]),
    /** Root disk size in GiB; default Union's. */
    diskGb: z.number().int().positive().optional(),
  })
  .strict();

export const DEPLOYMENTS = ['self-managed', 'byoc'] as const;
export const BYOC_BUCKETS = ['union-provisions', 'create'] as const;

/** BYOC: how Union reaches the accounts and projects (read only when `deployment: byoc`). */
const byoc = z
  .object({
    /** The external id Union's team gives for the AWS role's trust (8-24 characters). */
    externalId: z.string().optional(),
    /** Version of Union's `union-ai-admin-role.template.yaml`; changing it updates the stacks in place. */
    templateVersion: z.string().default('v0.14'),
    /** CloudFormation parameter CrossAccountRoleName: the same in every account. */
    roleName: z.string().default('union-ai-admin'),
    /** Union's GCP role file, relative to the model file; default the copy bundled with union-isolation. */
    gcpRoleFile: z.string().optional(),
    /** `union-provisions`: Union creates the buckets (its docs); `create`: this tool does, named `union-*`. */
    buckets: z.enum(BYOC_BUCKETS).default('union-provisions'),
    /** Data-retention expectation for every cluster, in days; default the Union plan's (Teams 30, Enterprise 365). */
    dataRetentionDays: z.number().int().positive().optional(),
  })
  .strict();

const cluster = z
  .object({
    /** A unit key: `development`, `development/project-1`, `default`, `default/development`. */
    account: z.string(),
    region: z.string().optional(),
    /** BYOC: the VPC Union deploys into (AWS `vpc-...`, GCP the network); default Union provisions one. */
    vpc: z.string().optional(),
    /** BYOC, AWS, with `vpc`: the VPC's public subnets (`subnet-...`), one per availability zone. */
    publicSubnets: z.array(z.string()).optional(),
    /** BYOC, AWS, with `vpc`: the VPC's private subnets (`subnet-...`), one per availability zone. */
    privateSubnets: z.array(z.string()).optional(),
    /** BYOC, GCP, with `vpc`: the network's subnet for the cluster, in the cluster's region. */
    subnet: z.string().optional(),
    /** BYOC, GCP, with `vpc`: the subnet's secondary range name for pods. */
    podsRange: z.string().optional(),
    /** BYOC, GCP, with `vpc`: the subnet's secondary range name for services. */
    servicesRange: z.string().optional(),
    /** BYOC, GCP, with `vpc`: a free /28 for the cluster's control plane (`172.16.0.0/28`). */
    masterCidr: z.string().optional(),
    /** BYOC: the data-retention expectation sent to Union, in days; default `byoc.dataRetentionDays`. */
    dataRetentionDays: z.number().int().positive().optional(),
    /** BYOC: node groups Union creates in this cluster, by name. */
    nodeGroups: z.record(name, nodeGroup).optional(),
    /** AWS: the cluster's OIDC issuer URL; its role then trusts IRSA instead of EKS Pod Identity. */
    oidcIssuer: z.string().optional(),
    /** GCP: the project's workload identity pool exists (a GKE cluster with workload identity runs there); bind the chart's service accounts. */
    workloadIdentity: z.boolean().default(false),
    /** GCP: `projects/P/locations/L/repositories/R`, an Artifact Registry repository the cluster's service account may write. */
    artifactRepository: z.string().optional(),
    /** AWS: `arn:aws:ecr:REGION:ACCOUNT:repository/NAME`, an existing ECR repository the cluster's role may push to and pull from. */
    ecrRepository: z.string().optional(),
  })
  .strict();

export const FAST_REGISTRATION = ['shared', 'separate'] as const;
export const ROUTING = ['attributes', 'queues'] as const;
export const RAW_DATA = ['shared', 'separate'] as const;
/** Days an overwritten or deleted object stays recoverable without `noncurrentVersionDays`: applied per storage group by the plan (its pools must agree), and the buckets' own default. */
export const DEFAULT_NONCURRENT_VERSION_DAYS = 30;
export const SECRET_STORES = ['kubernetes', 'cloud'] as const;

const poolLong = z
  .object({
    clusters: z.array(name).min(1),
    bucketAccount: z.string().optional(),
    retentionDays: z.number().int().positive().optional(),
    fastRegistration: z.enum(FAST_REGISTRATION).optional(),
    /** Pin the storage group's name (its stack and bucket): default the group's first pool by name. */
    storageGroup: z.string().optional(),
    /** Region (AWS) / location (GCP) of the group's buckets: default the cloud's region. */
    bucketRegion: z.string().optional(),
    /** AWS: KMS key ARN for the group's buckets, in bucketRegion; default aws.kmsKeyId, else SSE-S3. */
    kmsKeyId: z.string().optional(),
    /** `separate`: a raw-data bucket of its own, which retentionDays expires as a whole. */
    rawData: z.enum(RAW_DATA).optional(),
    /** Raw-data prefixes of the metadata bucket that retentionDays expires (nothing else expires). */
    retentionPrefixes: z.array(z.string()).optional(),
    /** Days an overwritten or deleted object stays recoverable: default 30. */
    noncurrentVersionDays: z.number().int().positive().optional(),
    /** The pool's queue: runs active at once (flyte's --run-concurrency); default 100. */
    runConcurrency: z.number().int().positive().optional(),
    /** The pool's queue: actions active at once (flyte's --action-concurrency); default 1000. */
    actionConcurrency: z.number().int().positive().optional(),
  })
  .strict();

/** The seed's short form (`pool: [cluster, ...]`) or the long form. */
const pool = z.union([z.array(name).min(1), poolLong]);

const assignment = z
  .object({
    /** Omitted: every project of the domain, known, on-demand and added later (a domain-wide assignment). */
    project: name.optional(),
    domain: name,
    workflow: z.string().optional(),
    clusterPoolName: name,
    /** Let this pair run on a pool outside its own account; shown in the review. */
    allowCrossIsolation: z.boolean().default(false),
  })
  .strict();

const backend = z.discriminatedUnion('type', [
  z.object({ type: z.literal('local') }).strict(),
  z
    .object({
      type: z.literal('s3'),
      bucket: z.string(),
      region: z.string(),
      keyPrefix: z.string().default('union-isolation/'),
      dynamodbTable: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('gcs'), bucket: z.string(), prefix: z.string().default('union-isolation') }).strict(),
  z
    .object({
      type: z.literal('cloud'),
      organization: z.string(),
      workspacePrefix: z.string().default('union-'),
      hostname: z.string().default('app.terraform.io'),
      // The HCP bootstrap stack (stacks/hcp-bootstrap-stack.ts) reads the keys below; all optional,
      // so adding them never changes the plan of a model that has none.
      /** HCP Terraform project holding the workspaces: default `union-isolation`. */
      project: z.string().optional(),
      /** Terraform version of every workspace (exact or a constraint): default 1.11.4. */
      terraformVersion: z.string().optional(),
      /** Where runs execute: default `remote`; `agent` needs agentPoolId; `local` runs on your machine (no dynamic credentials). */
      executionMode: z.enum(['remote', 'agent', 'local']).optional(),
      /** The agent pool of `executionMode: agent`. */
      agentPoolId: z.string().optional(),
      /** IAM role ARN AWS runs assume by dynamic provider credentials (TFC_AWS_RUN_ROLE_ARN); required with AWS units unless executionMode is local. */
      awsRunRoleArn: z.string().optional(),
      /** Workload identity provider GCP runs use (TFC_GCP_WORKLOAD_PROVIDER_NAME): projects/N/locations/global/workloadIdentityPools/P/providers/R. */
      gcpWorkloadProviderName: z.string().optional(),
      /** Service account GCP runs impersonate (TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL). */
      gcpServiceAccountEmail: z.string().optional(),
    })
    .strict(),
]);

const acknowledgement = z
  .object({
    /** A warning code: pool-unused, unit-without-cluster, bucket-unreachable, cross-isolation, bucket-region, name-shortened. */
    warning: z.string(),
    /** The warning's model path as printed (`clusterPools.dev-cp`); without it, every warning of that code. */
    at: z.string().optional(),
    /** Why it is fine: for the reviewer. */
    because: z.string().optional(),
  })
  .strict();

/**
 * A stack the model no longer synthesizes, recorded so that removing what it held never destroys it
 * (src/plan/retired.ts): `forget` lists the resource addresses its state holds, which synth writes as
 * Terraform `removed` blocks with `destroy = false`; `destroy: true` is the explicit opt-in that lets
 * the stack leave the output and its state plan the destroy.
 */
const retiredStack = z
  .object({
    forget: z.array(z.string()).optional(),
    destroy: z.boolean().optional(),
  })
  .strict();

export const modelSchema = z
  .object({
    org: name,
    isolation: z.enum(['domain', 'project']),
    domains: z.record(name, cloud).refine((d) => Object.keys(d).length > 0, { message: 'at least one domain is required' }),
    projects: z.array(name).default([]),
    onDemand: onDemand.optional(),
    naming: naming.default({}),
    accounts: z.record(z.string(), unitOverride).default({}),
    aws: aws.optional(),
    gcp: gcp.optional(),
    clusters: z.record(name, cluster).default({}),
    clusterPools: z.record(name, pool).default({}),
    poolAssignments: z.array(assignment).default([]),
    backend: backend.default({ type: 'local' }),
    /** `self-managed`: the customer runs the data plane; `byoc`: Union provisions it in these accounts. */
    deployment: z.enum(DEPLOYMENTS).default('self-managed'),
    byoc: byoc.optional(),
    /** Union control plane host (`acme.unionai.cloud`) for the Helm values' CONTROLPLANE_HOST. */
    controlPlaneHost: z.string().optional(),
    /** Which routing the model relies on: cluster-pool attribute files (Union v1) or queues (one pool per cluster). */
    routing: z.enum(ROUTING).default('attributes'),
    /** Where the data plane keeps secrets: the chart's default, Kubernetes secrets, or the cloud's secret manager. */
    secretStore: z.enum(SECRET_STORES).default('kubernetes'),
    /** Warnings the model accepts, by code and model path (plan/acknowledge.ts). */
    acknowledge: z.array(acknowledgement).default([]),
    /** Short forms of long project ids, used in derived account names, emails and project ids (never in Flyte). */
    shortNames: z.record(name, name).default({}),
    /** Stacks that left the model, by stack name: what their states keep (forget) or the opt-in to destroy. */
    retired: z.record(z.string(), retiredStack).default({}),
  })
  .strict();

/** The model as the user wrote it, with defaults filled in. */
export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type UnitOverride = z.infer<typeof unitOverride>;
export type PoolSpec = z.infer<typeof pool>;
export type PoolAssignmentSpec = z.infer<typeof assignment>;
export type AwsSettings = z.infer<typeof aws>;
export type GcpSettings = z.infer<typeof gcp>;
export type Backend = z.infer<typeof backend>;
export type ByocSettings = z.infer<typeof byoc>;
export type NodeGroupSpec = z.infer<typeof nodeGroup>;
export type RetiredStackSpec = z.infer<typeof retiredStack>;
