// The shape of the isolation model (DESIGN section 2). zod checks types and unknown keys; the
// cross-field rules live in ./rules and the derived names in ../plan.
import { z } from 'zod';

export const CLOUDS = ['aws', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];
export const cloud = z.enum(CLOUDS);

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

const cluster = z
  .object({
    /** A unit key: `development`, `development/project-1`, `default`, `default/development`. */
    account: z.string(),
    region: z.string().optional(),
  })
  .strict();

export const FAST_REGISTRATION = ['shared', 'separate'] as const;

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
  })
  .strict();

/** The seed's short form (`pool: [cluster, ...]`) or the long form. */
const pool = z.union([z.array(name).min(1), poolLong]);

const assignment = z
  .object({
    project: name,
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
    /** Warnings the model accepts, by code and model path (plan/acknowledge.ts). */
    acknowledge: z.array(acknowledgement).default([]),
    /** Short forms of long project ids, used in derived account names, emails and project ids (never in Flyte). */
    shortNames: z.record(name, name).default({}),
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
