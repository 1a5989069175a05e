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
import { folder, project, projectService, provider as googleProvider, storageBucket } from '@cdktf/provider-google';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { AwsUnit, ClusterPlan, GcpUnit, Plan, StorageGroup, Unit } from '../src/plan/types';

interface Built {
  /** AWS account resources by unit key, in their accounts stacks. */
  readonly accounts: Map<string, organizationsAccount.OrganizationsAccount>;
  /** GCP project resources by unit key, in their projects stacks. */
  readonly projects: Map<string, project.Project>;
  readonly clusters: Map<string, ClusterPlan>;
}

function awsAccountsStack(app: App, name: string, units: readonly AwsUnit[], plan: Plan, built: Built): void {
  const aws = plan.aws!;
  const stack = new TerraformStack(app, name);
  new awsProvider.AwsProvider(stack, 'aws', { region: aws.region });
  const ous = new Map<string, organizationsOrganizationalUnit.OrganizationsOrganizationalUnit>();
  for (const unit of units) {
    let parentId: string;
    if (unit.parent.kind === 'aws-ou') {
      const { name: ouName, parentId: ouParent } = unit.parent;
      let ou = ous.get(ouName);
      if (ou === undefined) {
        ou = new organizationsOrganizationalUnit.OrganizationsOrganizationalUnit(stack, `ou-${ouName}`, { name: ouName, parentId: ouParent });
        ous.set(ouName, ou);
      }
      parentId = ou.id;
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

function gcpProjectsStack(app: App, name: string, units: readonly GcpUnit[], plan: Plan, built: Built): void {
  const gcp = plan.gcp!;
  const stack = new TerraformStack(app, name);
  new googleProvider.GoogleProvider(stack, 'google', { region: gcp.region });
  const folders = new Map<string, folder.Folder>();
  for (const unit of units) {
    let parent: { folderId: string } | { orgId: string };
    switch (unit.parent.kind) {
      case 'gcp-folder':
        parent = { folderId: unit.parent.folderId };
        break;
      case 'gcp-org':
        parent = { orgId: unit.parent.orgId };
        break;
      case 'gcp-new-folder': {
        const { displayName, parent: up } = unit.parent;
        let f = folders.get(displayName);
        if (f === undefined) {
          const parentName = 'folderId' in up ? `folders/${up.folderId}` : `organizations/${up.orgId}`;
          f = new folder.Folder(stack, `folder-${displayName}`, { displayName, parent: parentName, deletionProtection: true });
          folders.set(displayName, f);
        }
        parent = { folderId: f.folderId };
        break;
      }
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

function s3Buckets(stack: TerraformStack, id: string, bucketName: string, group: StorageGroup, plan: Plan, accessAccountIds: string[]) {
  const aws = plan.aws!;
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
      aws.kmsKeyId === undefined
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: aws.kmsKeyId }, bucketKeyEnabled: true },
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
    corsRule: [{ allowedMethods: ['GET', 'HEAD'], allowedOrigins: ['https://*.unionai.cloud'], allowedHeaders: ['*'], maxAgeSeconds: 3000 }],
  });
  if (group.retentionDays !== null) {
    new s3BucketLifecycleConfiguration.S3BucketLifecycleConfiguration(stack, `${id}-lifecycle`, {
      bucket: bucket.id,
      rule: [
        {
          id: 'retention',
          status: 'Enabled',
          filter: [{}],
          expiration: [{ days: group.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: group.retentionDays }],
        },
      ],
      dependsOn: [versioning],
    });
  }
  return { name: bucketName, arn };
}

function awsStorageStack(app: App, name: string, group: StorageGroup, plan: Plan, units: Map<string, Unit>, built: Built): void {
  const aws = plan.aws!;
  const stack = new TerraformStack(app, name);
  // The automatic cross-stack reference: the account object of another stack, used directly.
  const accountId = (key: string): string => built.accounts.get(key)!.id;
  const home = accountId(group.homeUnit);
  new awsProvider.AwsProvider(stack, 'aws', {
    region: group.region,
    assumeRole: [{ roleArn: `arn:aws:iam::${home}:role/${aws.roleName}`, sessionName: 'union-isolation' }],
    allowedAccountIds: [home],
  });
  const access = group.accessUnits.map(accountId);
  const metadata = s3Buckets(stack, 'metadata-bucket', group.bucket, group, plan, access);
  const fast = group.fastRegistrationBucket === group.bucket ? metadata : s3Buckets(stack, 'fast-registration-bucket', group.fastRegistrationBucket, group, plan, access);
  for (const pool of group.pools) {
    new TerraformOutput(stack, `pool_${pool}`, {
      value: { metadata_bucket: metadata.name, metadata_bucket_arn: metadata.arn, fast_registration_bucket: fast.name, fast_registration_bucket_arn: fast.arn },
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
  const bucket = (id: string, bucketName: string) =>
    new storageBucket.StorageBucket(stack, id, {
      name: bucketName,
      project: home.projectId,
      location: group.region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      forceDestroy: false,
      ...(group.retentionDays !== null
        ? {
            lifecycleRule: [
              { action: { type: 'Delete' }, condition: { age: group.retentionDays, withState: 'LIVE' } },
              { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: group.retentionDays, withState: 'ARCHIVED' } },
            ],
          }
        : {}),
      lifecycle: { preventDestroy: true },
    });
  const metadata = bucket('metadata-bucket', group.bucket);
  const fast = group.fastRegistrationBucket === group.bucket ? metadata : bucket('fast-registration-bucket', group.fastRegistrationBucket);
  for (const pool of group.pools) {
    new TerraformOutput(stack, `pool_${pool}`, {
      value: { metadata_bucket: metadata.name, metadata_bucket_url: metadata.url, fast_registration_bucket: fast.name, fast_registration_bucket_url: fast.url },
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
  const built: Built = { accounts: new Map(), projects: new Map(), clusters: new Map(plan.clusters.map((c) => [c.name, c])) };
  // Accounts stacks first: the storage stacks refer to their objects.
  for (const stack of plan.stacks.filter((s) => s.kind === 'accounts')) {
    const stackUnits = stack.units.map((k) => units.get(k)!);
    if (stack.cloud === 'aws') awsAccountsStack(app, stack.name, stackUnits as AwsUnit[], plan, built);
    else gcpProjectsStack(app, stack.name, stackUnits as GcpUnit[], plan, built);
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
