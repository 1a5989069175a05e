// Plans built by hand for the renderer tests: the seed's cluster-pool example ("Multiple Clusters")
// in domain isolation, with production assigned explicitly since its account hosts two pools.
import type { Assignment, AwsUnit, ClusterPlan, GcpUnit, Plan, PoolPlan, StorageGroup } from '../src/plan/types';

const AWS = {
  region: 'us-east-1',
  parentId: 'ou-ab12-cdefgh34',
  organizationalUnits: 'none',
  emailTemplate: 'aws+{name}@acme.example',
  closeOnDeletion: false,
  roleName: 'OrganizationAccountAccessRole',
} as const;
const GCP: NonNullable<Plan['gcp']> = {
  billingAccount: '01ABCD-23EF45-67890A',
  folderId: '1234567890',
  folders: 'none',
  region: 'us-central1',
  services: [],
  labels: {},
};

export function gcpUnit(domain: string, project: string | null = null): GcpUnit {
  const key = project === null ? domain : `${domain}/${project}`;
  const name = project === null ? `acme-${domain}` : `acme-${domain}-${project}`;
  return {
    key,
    kind: project === null ? 'domain' : 'pair',
    domain,
    project,
    id: key.replace('/', '_'),
    stack: `gcp-projects-${domain}`,
    existingId: null,
    parent: { kind: 'gcp-folder', folderId: '1234567890' },
    keepExisting: [],
    cloud: 'gcp',
    name,
    displayName: name,
    services: ['compute.googleapis.com', 'container.googleapis.com'],
    projectIdOutput: `${key.replace('/', '_')}_project_id`,
    projectNumberOutput: `${key.replace('/', '_')}_project_number`,
  };
}

export function awsUnit(domain: string | null, project: string | null = null, existingId: string | null = null): AwsUnit {
  const key = domain === null ? 'default' : project === null ? domain : `${domain}/${project}`;
  const name = domain === null ? 'acme-default' : project === null ? `acme-${domain}` : `acme-${domain}-${project}`;
  return {
    key,
    kind: domain === null ? 'default' : project === null ? 'domain' : 'pair',
    domain,
    project,
    id: key.replace('/', '_'),
    stack: `aws-accounts-${domain ?? 'default'}`,
    existingId,
    parent: { kind: 'aws-parent', parentId: 'ou-ab12-cdefgh34' },
    cloud: 'aws',
    name,
    email: `aws+${name}@acme.example`,
    accountIdOutput: `${key.replace('/', '_')}_account_id`,
    roleName: 'OrganizationAccountAccessRole',
    keepExisting: existingId === null ? [] : ['email', 'name', 'parent'],
  };
}

export function storageGroup(name: string, pools: string[], clusters: string[], homeUnit: string, cloud: 'aws' | 'gcp', region: string): StorageGroup {
  return {
    name,
    pools,
    clusters,
    cloud,
    homeUnit,
    accessUnits: [],
    region,
    bucket: `acme-${name}-metadata`,
    fastRegistrationBucket: `acme-${name}-metadata`,
    retentionDays: null,
    stack: `pool-${name}`,
    rawDataBucket: null,
    retentionPrefixes: null,
    noncurrentVersionDays: 30,
    kmsKeyId: null,
  };
}

export function cluster(name: string, unit: string, cloud: 'aws' | 'gcp', region: string, pools: string[], group: string): ClusterPlan {
  return {
    name,
    unit,
    cloud,
    region,
    pools,
    storageGroup: group,
    metadataBucket: `acme-${group}-metadata`,
    fastRegistrationBucket: `acme-${group}-metadata`,
  };
}

export function assignment(
  project: string,
  domain: string,
  pool: string,
  origin: Assignment['origin'],
  unit: string,
  workflow: string | null = null,
): Assignment {
  return {
    project,
    domain,
    workflow,
    pool,
    origin,
    unit,
    crossIsolation: false,
    file: origin === 'fallback' ? null : `${project}-${domain}${workflow === null ? '' : `-${workflow}`}.yaml`,
  };
}

/** The seed's pools (default, development-cp, staging-cp, production-cp, dr-region) and flytesnacks. */
export function seedClusterPoolPlan(): Plan {
  const pools: PoolPlan[] = [
    { name: 'default', clusters: ['my-dev-cluster'], storageGroup: 'development-cp', hostUnit: 'development' },
    { name: 'development-cp', clusters: ['my-dev-cluster'], storageGroup: 'development-cp', hostUnit: 'development' },
    { name: 'dr-region', clusters: ['dr-site-cluster'], storageGroup: 'dr-region', hostUnit: 'production' },
    { name: 'production-cp', clusters: ['production-cluster-1', 'production-cluster-2'], storageGroup: 'production-cp', hostUnit: 'production' },
    { name: 'staging-cp', clusters: ['my-staging-cluster'], storageGroup: 'staging-cp', hostUnit: 'staging' },
  ];
  return {
    version: 1,
    org: 'acme',
    isolation: 'domain',
    domains: [
      { name: 'development', cloud: 'gcp' },
      { name: 'production', cloud: 'aws' },
      { name: 'staging', cloud: 'gcp' },
    ],
    projects: [{ name: 'flytesnacks', origin: 'onboarding' }],
    units: [gcpUnit('development'), awsUnit('production'), gcpUnit('staging')],
    clusters: [
      cluster('dr-site-cluster', 'production', 'aws', 'us-west-2', ['dr-region'], 'dr-region'),
      cluster('my-dev-cluster', 'development', 'gcp', 'us-central1', ['default', 'development-cp'], 'development-cp'),
      cluster('my-staging-cluster', 'staging', 'gcp', 'us-central1', ['staging-cp'], 'staging-cp'),
      cluster('production-cluster-1', 'production', 'aws', 'us-east-1', ['production-cp'], 'production-cp'),
      cluster('production-cluster-2', 'production', 'aws', 'us-east-1', ['production-cp'], 'production-cp'),
    ],
    pools,
    storageGroups: [
      storageGroup('development-cp', ['default', 'development-cp'], ['my-dev-cluster'], 'development', 'gcp', 'us-central1'),
      storageGroup('dr-region', ['dr-region'], ['dr-site-cluster'], 'production', 'aws', 'us-west-2'),
      storageGroup('production-cp', ['production-cp'], ['production-cluster-1', 'production-cluster-2'], 'production', 'aws', 'us-east-1'),
      storageGroup('staging-cp', ['staging-cp'], ['my-staging-cluster'], 'staging', 'gcp', 'us-central1'),
    ],
    assignments: [
      assignment('flytesnacks', 'development', 'development-cp', 'automatic', 'development'),
      assignment('flytesnacks', 'production', 'production-cp', 'explicit', 'production'),
      assignment('flytesnacks', 'production', 'production-cp', 'explicit', 'production', 'my_critical_wf'),
      assignment('flytesnacks', 'staging', 'staging-cp', 'automatic', 'staging'),
    ],
    shortenedNames: [],
    stacks: [
      { name: 'aws-accounts-production', kind: 'accounts', cloud: 'aws', units: ['production'], storageGroup: null, dependsOn: [] },
      { name: 'gcp-projects-development', kind: 'accounts', cloud: 'gcp', units: ['development'], storageGroup: null, dependsOn: [] },
      { name: 'gcp-projects-staging', kind: 'accounts', cloud: 'gcp', units: ['staging'], storageGroup: null, dependsOn: [] },
      { name: 'pool-development-cp', kind: 'storage', cloud: 'gcp', units: ['development'], storageGroup: 'development-cp', dependsOn: ['gcp-projects-development'] },
      { name: 'pool-dr-region', kind: 'storage', cloud: 'aws', units: ['production'], storageGroup: 'dr-region', dependsOn: ['aws-accounts-production'] },
      { name: 'pool-production-cp', kind: 'storage', cloud: 'aws', units: ['production'], storageGroup: 'production-cp', dependsOn: ['aws-accounts-production'] },
      { name: 'pool-staging-cp', kind: 'storage', cloud: 'gcp', units: ['staging'], storageGroup: 'staging-cp', dependsOn: ['gcp-projects-staging'] },
    ],
    warnings: [],
    aws: AWS,
    gcp: GCP,
    backend: { type: 'local' },
    deployment: 'self-managed',
    controlPlaneHost: null,
    routing: 'attributes',
    // Identities and queues are resolved from a model (test/stacks/cluster-identities.test.ts); none by hand here.
    identities: [],
    queues: { pools: [], clusters: [], queues: [], settings: [], org: null },
    secretStore: 'kubernetes',
  };
}
