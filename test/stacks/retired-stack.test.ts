// A retired stack's Terraform: only `removed` blocks with destroy = false, a provider that calls no
// API, the backend of every stack; and its HCP Terraform workspace stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planOf } from '../helpers';
import { HCP_BOOTSTRAP_STACK } from '../../stacks/hcp-bootstrap-stack';
import { resourcesOf, synthApp, type TfJson } from './synth';

const MODEL = (backend: string) => `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { production: aws, development: gcp }
projects: [flytesnacks]
aws: { region: eu-west-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
gcp: { billingAccount: 01ABCD-23EF45-67890A, folderId: "1234567890", region: us-central1 }
backend: ${backend}
clusters:
  prod-flytesnacks: { account: production/flytesnacks }
  dev-flytesnacks: { account: development/flytesnacks }
clusterPools:
  prod-flytesnacks-cp: [prod-flytesnacks]
  dev-flytesnacks-cp: [dev-flytesnacks]
retired:
  aws-accounts-production_analytics: { forget: [aws_organizations_account.units_production_analytics_account_94CF70BD] }
  gcp-projects-development_analytics: { forget: [google_project_service.units_b_service_1, google_project.units_a_project_2] }
  pool-prod-analytics-cp: { destroy: true }
`;

describe('retired stack', () => {
  const app = synthApp(planOf({ yaml: MODEL('{ type: s3, bucket: acme-tfstate, region: us-east-1 }') }));
  const aws = app.stacks.get('aws-accounts-production_analytics') as TfJson & { removed?: unknown; provider?: Record<string, unknown[]> };
  const gcp = app.stacks.get('gcp-projects-development_analytics') as TfJson & { removed?: unknown; provider?: Record<string, unknown[]> };

  it('forgets each address without destroying it, and holds no resource, data source or output', () => {
    assert.deepEqual(aws.removed, [{ from: 'aws_organizations_account.units_production_analytics_account_94CF70BD', lifecycle: { destroy: false } }]);
    assert.deepEqual(gcp.removed, [
      { from: 'google_project.units_a_project_2', lifecycle: { destroy: false } },
      { from: 'google_project_service.units_b_service_1', lifecycle: { destroy: false } },
    ]);
    for (const stack of [aws, gcp]) {
      assert.equal(stack.resource, undefined);
      assert.equal(stack.data, undefined);
      assert.equal(stack.output, undefined);
    }
  });

  it('configures the provider of its cloud so that forgetting calls no API and needs no role in an account that may be gone', () => {
    assert.deepEqual(aws.provider, { aws: [{ region: 'us-east-1', skip_credentials_validation: true, skip_metadata_api_check: 'true', skip_requesting_account_id: true }] });
    assert.deepEqual(Object.keys(gcp.provider ?? {}), ['google']);
  });

  it('keeps its state where it was: the backend every stack of the model has', () => {
    assert.deepEqual((aws.terraform as { backend: unknown }).backend, { s3: { bucket: 'acme-tfstate', key: 'union-isolation/aws-accounts-production_analytics.tfstate', region: 'us-east-1', encrypt: true } });
  });

  it('a stack retired with destroy: true is not synthesized', () => {
    assert.equal(app.stacks.has('pool-prod-analytics-cp'), false);
  });

  it('keeps its HCP Terraform workspace, on its cloud', () => {
    const cloud = synthApp(
      planOf({
        yaml: MODEL(
          '{ type: cloud, organization: acme, awsRunRoleArn: "arn:aws:iam::123456789012:role/hcp", gcpWorkloadProviderName: "projects/123456789012/locations/global/workloadIdentityPools/hcp-terraform/providers/hcp-terraform", gcpServiceAccountEmail: hcp-terraform@acme-admin-1.iam.gserviceaccount.com }',
        ),
      }),
    );
    const names = Object.values(resourcesOf(cloud.stacks.get(HCP_BOOTSTRAP_STACK)!, 'tfe_workspace')).map((w) => String(w.name));
    assert.ok(names.includes('union-aws-accounts-production_analytics'), names.join());
    assert.ok(names.includes('union-gcp-projects-development_analytics'));
    assert.ok(!names.includes('union-pool-prod-analytics-cp'));
  });
});
