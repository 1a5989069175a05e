// The naive app: the same stacks and resources as `union-isolation synth`, built the way the cdktf
// template and most examples do it: provider packages imported from their roots, a default `App`
// (stack traces, validations), no explicit backend, and cdktf's automatic cross-stack references
// (the storage stacks use the account and project objects of the accounts stacks directly).
// Its input is the resolved plan (`union-isolation plan --json`); it writes only the stacks.
//
// Usage: node dist/bench/naive.js PLAN_JSON OUT_DIR
//
// Root imports are what this file measures; they are allowed here, in bench/, and nowhere else.
import * as fs from 'node:fs';
import {
  iamRole,
  iamRolePolicy,
  organizationsAccount,
  organizationsOrganizationalUnit,
  provider as awsProvider,
  s3Bucket,
  s3BucketCorsConfiguration,
  s3BucketLifecycleConfiguration,
  s3BucketOwnershipControls,
  s3BucketPolicy,
  s3BucketPublicAccessBlock,
  s3BucketServerSideEncryptionConfiguration,
  s3BucketVersioning,
} from '@cdktf/provider-aws';
import {
  artifactRegistryRepositoryIamMember,
  folder,
  project,
  projectIamMember,
  projectService,
  provider as googleProvider,
  serviceAccount,
  serviceAccountIamMember,
  storageBucket,
  storageBucketIamMember,
} from '@cdktf/provider-google';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { AwsUnit, ClusterIdentity, ClusterPlan, GcpUnit, Plan, StackPlan, StorageGroup, Unit } from '../src/plan/types';

interface Built {
  /** AWS account resources by unit key, in their accounts stacks. */
  readonly accounts: Map<string, organizationsAccount.OrganizationsAccount>;
  /** GCP project resources by unit key, in their projects stacks. */
  readonly projects: Map<string, project.Project>;
  readonly clusters: Map<string, ClusterPlan>;
  /** OUs and folders by their key (the domain, or `default`), in the accounts stack that creates them. */
  readonly ous: Map<string, organizationsOrganizationalUnit.OrganizationsOrganizationalUnit>;
  readonly folders: Map<string, folder.Folder>;
  readonly identities: Map<string, ClusterIdentity>;
}

/** The OUs and folders an accounts stack creates for its domain; its units, and those of other stacks, use them directly. */
function parents(stack: TerraformStack, stackPlan: StackPlan, built: Built): void {
  for (const parent of stackPlan.parents ?? []) {
    if (parent.kind === 'aws-ou') {
      built.ous.set(parent.key, new organizationsOrganizationalUnit.OrganizationsOrganizationalUnit(stack, `ou-${parent.key}`, { name: parent.name, parentId: parent.parentId }));
    } else {
      const up = parent.parent;
      const parentName = 'folderId' in up ? `folders/${up.folderId}` : `organizations/${up.orgId}`;
      built.folders.set(parent.key, new folder.Folder(stack, `folder-${parent.key}`, { displayName: parent.displayName, parent: parentName, deletionProtection: true }));
    }
  }
}

function awsAccountsStack(app: App, stackPlan: StackPlan, units: readonly AwsUnit[], plan: Plan, built: Built): void {
  const aws = plan.aws!;
  const stack = new TerraformStack(app, stackPlan.name);
  new awsProvider.AwsProvider(stack, 'aws', { region: aws.region });
  parents(stack, stackPlan, built);
  for (const unit of units) {
    let parentId: string;
    if (unit.parent.kind === 'aws-ou') {
      // The automatic cross-stack reference: the OU object of the domain's stack, used directly.
      parentId = built.ous.get(unit.parent.key)!.id;
    } else if (unit.parent.kind === 'aws-parent') {
      parentId = unit.parent.parentId;
    } else {
      throw new Error(`AWS unit ${unit.key} has a ${unit.parent.kind} parent`);
    }
    const account = new organizationsAccount.OrganizationsAccount(stack, `account-${unit.id}`, {
      name: unit.name,
      email: unit.email,
      parentId,
      roleName: aws.roleName,
      closeOnDeletion: aws.closeOnDeletion,
      lifecycle: { preventDestroy: true, ignoreChanges: ['role_name', 'iam_user_access_to_billing'] },
    });
    if (unit.existingId !== null) account.importFrom(unit.existingId);
    built.accounts.set(unit.key, account);
  }
}

function gcpProjectsStack(app: App, stackPlan: StackPlan, units: readonly GcpUnit[], plan: Plan, built: Built): void {
  const gcp = plan.gcp!;
  const stack = new TerraformStack(app, stackPlan.name);
  new googleProvider.GoogleProvider(stack, 'google', { region: gcp.region });
  parents(stack, stackPlan, built);
  for (const unit of units) {
    let parent: { folderId: string } | { orgId: string };
    switch (unit.parent.kind) {
      case 'gcp-folder':
        parent = { folderId: unit.parent.folderId };
        break;
      case 'gcp-org':
        parent = { orgId: unit.parent.orgId };
        break;
      case 'gcp-new-folder':
        parent = { folderId: built.folders.get(unit.parent.key)!.folderId };
        break;
      default:
        throw new Error(`GCP unit ${unit.key} has a ${unit.parent.kind} parent`);
    }
    const p = new project.Project(stack, `project-${unit.id}`, {
      projectId: unit.name,
      name: unit.displayName,
      ...parent,
      billingAccount: gcp.billingAccount,
      ...(Object.keys(gcp.labels).length > 0 ? { labels: { ...gcp.labels } } : {}),
      autoCreateNetwork: false,
      deletionPolicy: 'PREVENT',
      lifecycle: { preventDestroy: true },
    });
    if (unit.existingId !== null) p.importFrom(unit.existingId);
    for (const service of unit.services) {
      new projectService.ProjectService(stack, `service-${unit.id}-${service}`, { project: p.projectId, service, disableOnDestroy: false });
    }
    built.projects.set(unit.key, p);
  }
}

type Retention = { readonly days: number; readonly prefixes: readonly string[] | 'whole-bucket' } | undefined;

/** What each bucket of a group expires (src/plan/bucket-retention.ts): the metadata bucket its listed prefixes, the raw-data bucket all of it. */
const metadataRetention = (g: StorageGroup): Retention =>
  g.retentionDays !== null && g.retentionPrefixes !== null && g.retentionPrefixes.length > 0 ? { days: g.retentionDays, prefixes: g.retentionPrefixes } : undefined;
const rawDataRetention = (g: StorageGroup): Retention => (g.retentionDays !== null ? { days: g.retentionDays, prefixes: 'whole-bucket' } : undefined);

function s3Buckets(stack: TerraformStack, id: string, bucketName: string, group: StorageGroup, retention: Retention, accessAccountIds: string[]) {
  const arn = `arn:aws:s3:::${bucketName}`;
  const bucket = new s3Bucket.S3Bucket(stack, id, { bucket: bucketName, forceDestroy: false, lifecycle: { preventDestroy: true } });
  new s3BucketOwnershipControls.S3BucketOwnershipControls(stack, `${id}-ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  const publicAccess = new s3BucketPublicAccessBlock.S3BucketPublicAccessBlock(stack, `${id}-public-access`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  const versioning = new s3BucketVersioning.S3BucketVersioningA(stack, `${id}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  new s3BucketServerSideEncryptionConfiguration.S3BucketServerSideEncryptionConfigurationA(stack, `${id}-encryption`, {
    bucket: bucket.id,
    rule: [
      group.kmsKeyId === null
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: group.kmsKeyId }, bucketKeyEnabled: true },
    ],
  });
  const statements: object[] = [
    { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ];
  if (accessAccountIds.length > 0) {
    const principals = { AWS: accessAccountIds.map((a) => `arn:aws:iam::${a}:root`) };
    statements.push(
      { Sid: 'StorageGroupObjects', Effect: 'Allow', Principal: principals, Action: ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*'], Resource: `${arn}/*` },
      { Sid: 'StorageGroupList', Effect: 'Allow', Principal: principals, Action: 's3:ListBucket', Resource: arn },
    );
  }
  new s3BucketPolicy.S3BucketPolicy(stack, `${id}-policy`, {
    bucket: bucket.id,
    policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    dependsOn: [publicAccess],
  });
  new s3BucketCorsConfiguration.S3BucketCorsConfiguration(stack, `${id}-cors`, {
    bucket: bucket.id,
    corsRule: [{ allowedMethods: ['GET', 'HEAD'], allowedOrigins: ['https://*.unionai.cloud'], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: 3600 }],
  });
  const everyObject = [{ prefix: '' }];
  const rules: s3BucketLifecycleConfiguration.S3BucketLifecycleConfigurationRule[] = [
    { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: everyObject, abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] },
    {
      id: 'noncurrent-versions',
      status: 'Enabled',
      filter: everyObject,
      noncurrentVersionExpiration: [{ noncurrentDays: group.noncurrentVersionDays }],
      expiration: [{ expiredObjectDeleteMarker: true }],
    },
  ];
  if (retention !== undefined) {
    const expire = (ruleId: string, filter: { prefix: string }[]) => ({
      id: ruleId,
      status: 'Enabled',
      filter,
      expiration: [{ days: retention.days }],
      noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
    });
    if (retention.prefixes === 'whole-bucket') rules.push(expire('raw-data-retention', everyObject));
    else for (const prefix of retention.prefixes) rules.push(expire(`raw-data-retention ${prefix}`, [{ prefix }]));
  }
  new s3BucketLifecycleConfiguration.S3BucketLifecycleConfiguration(stack, `${id}-lifecycle`, { bucket: bucket.id, rule: rules, dependsOn: [versioning] });
  return { name: bucketName, arn };
}

/** Each cluster's role in its own account: S3 on its group's buckets only (src/constructs/cluster-identity-aws.ts). */
function awsIdentities(stack: TerraformStack, group: StorageGroup, units: Map<string, Unit>, built: Built, home: awsProvider.AwsProvider, accountId: (key: string) => string): Map<string, string> {
  const providers = new Map([[group.homeUnit, home]]);
  const arns = new Map<string, string>();
  for (const name of group.clusters) {
    const identity = built.identities.get(name);
    if (identity === undefined) continue;
    if (identity.cloud !== 'aws') throw new Error(`cluster ${name}: not an AWS identity`);
    let provider = providers.get(identity.unit);
    if (provider === undefined) {
      const id = accountId(identity.unit);
      const unit = units.get(identity.unit) as AwsUnit;
      provider = new awsProvider.AwsProvider(stack, `aws-${unit.id}`, {
        alias: unit.id,
        region: group.region,
        assumeRole: [{ roleArn: `arn:aws:iam::${id}:role/${unit.roleName}`, sessionName: 'union-isolation' }],
        allowedAccountIds: [id],
      });
      providers.set(identity.unit, provider);
    }
    const trust =
      identity.oidcIssuer === null
        ? { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }
        : {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${accountId(identity.unit)}:oidc-provider/${identity.oidcIssuer}` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { [`${identity.oidcIssuer}:aud`]: 'sts.amazonaws.com', [`${identity.oidcIssuer}:sub`]: ['system:serviceaccount:union:union-system', 'system:serviceaccount:union:union'] } },
          };
    const role = new iamRole.IamRole(stack, `role-${name}`, { provider, name: identity.roleName, assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [trust] }) });
    const bucketArns = identity.buckets.map((b) => `arn:aws:s3:::${b}`);
    new iamRolePolicy.IamRolePolicy(stack, `role-${name}-buckets`, {
      provider,
      name: 'union-storage-group-buckets',
      role: role.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*'], Resource: bucketArns.map((a) => `${a}/*`) },
          { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: bucketArns },
        ],
      }),
    });
    arns.set(name, role.arn);
  }
  return arns;
}

function awsStorageStack(app: App, name: string, group: StorageGroup, plan: Plan, units: Map<string, Unit>, built: Built): void {
  const aws = plan.aws!;
  const stack = new TerraformStack(app, name);
  // The automatic cross-stack reference: the account object of another stack, used directly.
  const accountId = (key: string): string => built.accounts.get(key)!.id;
  const home = accountId(group.homeUnit);
  const provider = new awsProvider.AwsProvider(stack, 'aws', {
    region: group.region,
    assumeRole: [{ roleArn: `arn:aws:iam::${home}:role/${aws.roleName}`, sessionName: 'union-isolation' }],
    allowedAccountIds: [home],
  });
  const access = group.accessUnits.map(accountId);
  const metadata = s3Buckets(stack, 'metadata-bucket', group.bucket, group, metadataRetention(group), access);
  const fast = group.fastRegistrationBucket === group.bucket ? metadata : s3Buckets(stack, 'fast-registration-bucket', group.fastRegistrationBucket, group, undefined, access);
  const rawData = group.rawDataBucket === null ? null : s3Buckets(stack, 'raw-data-bucket', group.rawDataBucket, group, rawDataRetention(group), access);
  for (const [cluster, arn] of awsIdentities(stack, group, units, built, provider, accountId)) new TerraformOutput(stack, `role_${cluster}`, { value: arn });
  for (const pool of group.pools) {
    new TerraformOutput(stack, `pool_${pool}`, {
      value: {
        metadata_bucket: metadata.name,
        metadata_bucket_arn: metadata.arn,
        fast_registration_bucket: fast.name,
        fast_registration_bucket_arn: fast.arn,
        ...(rawData !== null ? { raw_data_bucket: rawData.name, raw_data_bucket_arn: rawData.arn } : {}),
      },
    });
  }
  for (const clusterName of group.clusters) {
    const cluster = built.clusters.get(clusterName)!;
    const unit = units.get(cluster.unit)!;
    new TerraformOutput(stack, `helm_values_${clusterName}`, {
      value: {
        global: {
          CLUSTER_NAME: cluster.name,
          ORG_NAME: plan.org,
          METADATA_BUCKET: cluster.metadataBucket,
          FAST_REGISTRATION_BUCKET: cluster.fastRegistrationBucket,
          AWS_ACCOUNT_ID: accountId(unit.key),
          AWS_REGION: cluster.region,
        },
        storage: { provider: 'aws' },
      },
    });
  }
}

function gcpStorageStack(app: App, name: string, group: StorageGroup, plan: Plan, units: Map<string, Unit>, built: Built): void {
  const stack = new TerraformStack(app, name);
  const home = built.projects.get(group.homeUnit)!;
  // The automatic cross-stack reference: the project id of the projects stack's object.
  new googleProvider.GoogleProvider(stack, 'google', { project: home.projectId, region: group.region });
  const bucket = (id: string, bucketName: string, retention: Retention) => {
    const prefixes = retention === undefined || retention.prefixes === 'whole-bucket' ? {} : { matchesPrefix: [...retention.prefixes] };
    return new storageBucket.StorageBucket(stack, id, {
      name: bucketName,
      project: home.projectId,
      location: group.region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      forceDestroy: false,
      lifecycleRule: [
        { action: { type: 'AbortIncompleteMultipartUpload' }, condition: { age: 7 } },
        { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: group.noncurrentVersionDays, withState: 'ARCHIVED' } },
        ...(retention !== undefined
          ? [
              { action: { type: 'Delete' }, condition: { age: retention.days, withState: 'LIVE', ...prefixes } },
              { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: 1, withState: 'ARCHIVED', ...prefixes } },
            ]
          : []),
      ],
      cors: [{ origin: ['https://*.unionai.cloud'], method: ['GET', 'HEAD'], responseHeader: ['ETag'], maxAgeSeconds: 3600 }],
      lifecycle: { preventDestroy: true },
    });
  };
  const metadata = bucket('metadata-bucket', group.bucket, metadataRetention(group));
  const fast = group.fastRegistrationBucket === group.bucket ? metadata : bucket('fast-registration-bucket', group.fastRegistrationBucket, undefined);
  const rawData = group.rawDataBucket === null ? null : bucket('raw-data-bucket', group.rawDataBucket, rawDataRetention(group));
  const bucketObjects = new Map([[group.bucket, metadata], [group.fastRegistrationBucket, fast]]);
  // Each cluster's service account, bound to its group's buckets (src/constructs/cluster-identity-gcp.ts).
  for (const clusterName of group.clusters) {
    const identity = built.identities.get(clusterName);
    if (identity === undefined) continue;
    if (identity.cloud !== 'gcp') throw new Error(`cluster ${clusterName}: not a GCP identity`);
    const sa = new serviceAccount.ServiceAccount(stack, `sa-${clusterName}`, { project: identity.project, accountId: identity.accountId, displayName: `Union data plane ${clusterName}`.slice(0, 100) });
    const member = `serviceAccount:${sa.email}`;
    for (const b of identity.buckets) {
      for (const role of ['roles/storage.objectAdmin', 'roles/storage.legacyBucketReader']) {
        new storageBucketIamMember.StorageBucketIamMember(stack, `sa-${clusterName}-${b}-${role}`, { bucket: bucketObjects.get(b)?.name ?? b, role, member });
      }
    }
    new projectIamMember.ProjectIamMember(stack, `sa-${clusterName}-token-creator`, { project: identity.project, role: 'roles/iam.serviceAccountTokenCreator', member });
    if (identity.workloadIdentity) {
      for (const k8s of ['union/union-system', 'union/union']) {
        new serviceAccountIamMember.ServiceAccountIamMember(stack, `sa-${clusterName}-wi-${k8s}`, { serviceAccountId: sa.name, role: 'roles/iam.workloadIdentityUser', member: `serviceAccount:${identity.project}.svc.id.goog[${k8s}]` });
      }
    }
    if (identity.artifactRepository !== null) {
      new artifactRegistryRepositoryIamMember.ArtifactRegistryRepositoryIamMember(stack, `sa-${clusterName}-artifact-registry-writer`, {
        ...identity.artifactRepository,
        role: 'roles/artifactregistry.writer',
        member,
      });
    }
    new TerraformOutput(stack, `sa_${clusterName}`, { value: sa.email });
  }
  for (const pool of group.pools) {
    new TerraformOutput(stack, `pool_${pool}`, {
      value: {
        metadata_bucket: metadata.name,
        metadata_bucket_url: metadata.url,
        fast_registration_bucket: fast.name,
        fast_registration_bucket_url: fast.url,
        ...(rawData !== null ? { raw_data_bucket: rawData.name, raw_data_bucket_url: rawData.url } : {}),
      },
    });
  }
  for (const clusterName of group.clusters) {
    const cluster = built.clusters.get(clusterName)!;
    const unit = units.get(cluster.unit)!;
    new TerraformOutput(stack, `helm_values_${clusterName}`, {
      value: {
        global: {
          CLUSTER_NAME: cluster.name,
          ORG_NAME: plan.org,
          METADATA_BUCKET: cluster.metadataBucket,
          FAST_REGISTRATION_BUCKET: cluster.fastRegistrationBucket,
          GOOGLE_PROJECT_ID: built.projects.get(unit.key)!.projectId,
          GCP_REGION: cluster.region,
        },
        storage: { provider: 'gcs' },
      },
    });
  }
}

function main(): void {
  const [planFile, outDir] = process.argv.slice(2);
  if (planFile === undefined || outDir === undefined) {
    console.error('usage: node dist/bench/naive.js PLAN_JSON OUT_DIR');
    process.exit(2);
  }
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as Plan;
  const app = new App({ outdir: outDir });
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  const built: Built = {
    accounts: new Map(),
    projects: new Map(),
    clusters: new Map(plan.clusters.map((c) => [c.name, c])),
    ous: new Map(),
    folders: new Map(),
    identities: new Map(plan.identities.map((i) => [i.cluster, i])),
  };
  // Union's BYOC access and the HCP bootstrap are not built here: the bench's models are
  // self-managed with the default backend, and another model would be compared with less than ours.
  if (plan.deployment !== 'self-managed' || plan.backend.type === 'cloud') {
    throw new Error(`naive: builds self-managed models without the HCP backend (this one: ${plan.deployment}, backend ${plan.backend.type})`);
  }
  // Accounts stacks first: the storage stacks refer to their objects.
  // The stacks that create OUs and folders before those whose units sit in them.
  const accountsStacks = plan.stacks.filter((s) => s.kind === 'accounts');
  for (const stack of [...accountsStacks.filter((s) => s.parents !== undefined), ...accountsStacks.filter((s) => s.parents === undefined)]) {
    const stackUnits = stack.units.map((k) => units.get(k)!);
    if (stack.cloud === 'aws') awsAccountsStack(app, stack, stackUnits as AwsUnit[], plan, built);
    else gcpProjectsStack(app, stack, stackUnits as GcpUnit[], plan, built);
  }
  for (const stack of plan.stacks.filter((s) => s.kind === 'storage')) {
    const group = groups.get(stack.storageGroup!)!;
    if (stack.cloud === 'aws') awsStorageStack(app, stack.name, group, plan, units, built);
    else gcpStorageStack(app, stack.name, group, plan, units, built);
  }
  app.synth();
  console.log(`naive: ${plan.stacks.length} stacks`);
}

main();
