// The models the Terraform tier synthesizes: the bundled one, and one for each feature that
// changes what the AWS stacks hold. GCP stacks are synthesized too but not read by Terraform here
// (no Google provider in the mirror).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';

export interface TierModel {
  readonly name: string;
  readonly yaml: string;
}

const AWS = 'aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example"';

/** Project isolation, production on AWS and development on GCP, with one cluster per pair. */
function project(extra: { aws?: string; top?: string; accounts?: string; pools?: string } = {}): string {
  return `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { development: gcp, production: aws }
projects: [flytesnacks, analytics]
onDemand: { cloud: aws, projects: [ml-experiments] }
${AWS}${extra.aws ?? ''} }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
${extra.top ?? ''}
clusters:
  dev-flytesnacks: { account: development/flytesnacks }
  dev-analytics: { account: development/analytics }
  prod-flytesnacks: { account: production/flytesnacks, region: us-west-2 }
  prod-analytics: { account: production/analytics }
  shared: { account: default }
clusterPools:
  default: [shared]
  dev-flytesnacks-cp: [dev-flytesnacks]
  dev-analytics-cp: [dev-analytics]
${extra.pools ?? '  prod-flytesnacks-cp: [prod-flytesnacks]\n  prod-analytics-cp: [prod-analytics]\n'}${extra.accounts !== undefined ? `accounts:\n${extra.accounts}` : ''}`;
}

const withBackend = (backend: string) => project({ top: `backend: ${backend}` });

export function tierModels(): TierModel[] {
  return [
    { name: 'bundled', yaml: readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8') },
    { name: 'domain-isolation', yaml: readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed-domain-isolation.yaml'), 'utf8') },
    // BYOC: Union's access stacks and the pool stacks that create buckets (the bundled BYOC model; project isolation with `buckets: create`).
    { name: 'byoc-domain-isolation', yaml: readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8') },
    { name: 'byoc-project-isolation', yaml: readFileSync(path.join(ROOT, 'test', 'fixtures', 'byoc-project-isolation.yaml'), 'utf8') },
    { name: 'backend-s3', yaml: withBackend('{ type: s3, bucket: acme-tf-state, region: us-east-1, dynamodbTable: tf-locks }') },
    { name: 'backend-gcs', yaml: withBackend('{ type: gcs, bucket: acme-tf-state }') },
    { name: 'backend-cloud', yaml: withBackend('{ type: cloud, organization: acme, awsRunRoleArn: "arn:aws:iam::123456789012:role/hcp-terraform", gcpWorkloadProviderName: "projects/123456789012/locations/global/workloadIdentityPools/hcp-terraform/providers/hcp-terraform", gcpServiceAccountEmail: hcp-terraform@acme-admin-1.iam.gserviceaccount.com }') },
    {
      name: 'adopted',
      yaml: project({
        accounts: [
          '  production/flytesnacks: { existingId: "123456789012", roleName: UnionProvisioner }',
          '  production/analytics: { existingId: "210987654321", name: legacy-analytics, email: legacy@acme.example, manage: [parent] }',
          '  development/analytics: { existingId: legacy-analytics-dev }',
          '',
        ].join('\n'),
      }),
    },
    { name: 'organizational-units-folders', yaml: project({ aws: ', organizationalUnits: perDomain' }).replace('region: us-central1 }', 'region: us-central1, folders: perDomain }') },
    {
      name: 'on-demand-per-domain',
      yaml: project().replace('onDemand: { cloud: aws, projects: [ml-experiments] }', 'onDemand: { perDomain: true, projects: [ml-experiments] }').replace(
        '  shared: { account: default }',
        '  shared: { account: default/production }\n  shared-dev: { account: default/development }',
      ).replace('  default: [shared]\n', '  default: [shared]\n  dev-default-cp: [shared-dev]\n'),
    },
    // Queues, the cloud's secret manager, IRSA, a raw-data bucket, and one cluster on an existing ECR repository.
    {
      name: 'self-managed-aws',
      yaml: readFileSync(path.join(ROOT, 'test', 'fixtures', 'self-managed-aws.yaml'), 'utf8').replace(
        'dev: { account: development/flytesnacks }',
        'dev: { account: development/flytesnacks, ecrRepository: "arn:aws:ecr:us-east-1:444455556666:repository/team/union-images" }',
      ),
    },
    { name: 'kms', yaml: project({ aws: ', kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"' }) },
    {
      name: 'retention-fast-registration',
      yaml: project({
        pools: '  prod-flytesnacks-cp: { clusters: [prod-flytesnacks], retentionDays: 30, rawData: separate, fastRegistration: separate, bucketRegion: us-west-2 }\n  prod-analytics-cp: { clusters: [prod-analytics], retentionDays: 365, retentionPrefixes: [raw/] }\n',
      }),
    },
    {
      name: 'group-spans-accounts',
      yaml: project({
        pools: '  prod-shared-cp: { clusters: [prod-flytesnacks, prod-analytics], bucketAccount: production/analytics }\n',
        // A pool spanning two accounts is hosted by neither: each pair is sent to it explicitly.
        top:
          'poolAssignments:\n  - { project: flytesnacks, domain: production, clusterPoolName: prod-shared-cp, allowCrossIsolation: true }\n  - { project: analytics, domain: production, clusterPoolName: prod-shared-cp, allowCrossIsolation: true }',
      }),
    },
    {
      name: 'length-limits',
      yaml: project({
        top: 'naming: { aws: "an-organization-prefix-that-is-long", bucket: "{org}-{pool}-metadata-bucket-for-union-data-plane-x" }',
        accounts: `  production/flytesnacks: { name: ${'n'.repeat(50)}, email: ${'e'.repeat(51)}@acme.example }\n`,
      }),
    },
    {
      name: 'digit-names',
      yaml: `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { 1dev: aws, 2prod: aws }
projects: [3d-project]
onDemand: { perDomain: true, projects: [4later] }
${AWS}, organizationalUnits: perDomain }
clusters:
  5c: { account: 1dev/3d-project }
  6c: { account: 2prod/3d-project }
  7c: { account: default/1dev }
  10c: { account: default/2prod }
clusterPools:
  default: [7c]
  8pool: [5c]
  9pool: [6c]
  10pool: [10c]
`,
    },
  ];
}
