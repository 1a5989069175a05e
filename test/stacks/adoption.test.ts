// Fixes 2 and 3 of issue 18: an adopted account or project (existingId) is imported and keeps what
// exists (name, email, parent, billing) unless the model takes an attribute over, and the storage
// stacks assume the role the model names for an adopted AWS account.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileYaml, expectFindings, fixtureText, planOf } from '../helpers';
import { resourcesOf, stackOf, synthApp, type Block, type TfJson } from './synth';

const projectModel = (accounts: string) => `${fixtureText('synth-project-isolation.yaml')}accounts:\n${accounts}`;
const appOf = (accounts: string) => synthApp(planOf({ yaml: projectModel(accounts) }));

/** The resource of `type` whose `attribute` is `value`. */
function resourceWhere(tf: TfJson, type: string, attribute: string, value: string): Block {
  const found = Object.values(resourcesOf(tf, type)).filter((b) => b[attribute] === value);
  assert.equal(found.length, 1, `expected one ${type} with ${attribute} = ${value}`);
  return found[0]!;
}
const ignored = (block: Block) => ((block.lifecycle as Block).ignore_changes as string[] | undefined) ?? [];

describe('adopting an AWS account', () => {
  it('keeps its email, name and parent: Terraform ignores them, so the import plans no replacement, rename or move', () => {
    const app = appOf('  production/flytesnacks: { existingId: "123456789012" }\n');
    const tf = stackOf(app, 'aws-accounts-production_flytesnacks');
    const adopted = resourceWhere(tf, 'aws_organizations_account', 'name', 'acme-production-flytesnacks');
    assert.deepEqual(ignored(adopted), ['role_name', 'iam_user_access_to_billing', 'email', 'name', 'parent_id']);
    assert.equal((adopted.lifecycle as Block).prevent_destroy, true);
    // A created account (in its own pair's stack) is managed entirely.
    assert.deepEqual(ignored(resourceWhere(stackOf(app, 'aws-accounts-production_analytics'), 'aws_organizations_account', 'name', 'acme-production-analytics')), ['role_name', 'iam_user_access_to_billing']);
  });

  it('manages what the model names: an explicit name or email, or manage: [...]', () => {
    const app = appOf('  production/flytesnacks: { existingId: "123456789012", name: legacy-prod, email: root@acme.example, manage: [parent] }\n');
    const adopted = resourceWhere(stackOf(app, 'aws-accounts-production_flytesnacks'), 'aws_organizations_account', 'name', 'legacy-prod');
    assert.deepEqual(ignored(adopted), ['role_name', 'iam_user_access_to_billing']);
    const onlyName = appOf('  production/flytesnacks: { existingId: "123456789012", manage: [name] }\n');
    assert.deepEqual(ignored(resourceWhere(stackOf(onlyName, 'aws-accounts-production_flytesnacks'), 'aws_organizations_account', 'name', 'acme-production-flytesnacks')), [
      'role_name',
      'iam_user_access_to_billing',
      'email',
      'parent_id',
    ]);
  });

  it('is reached through the role the model names (accounts.<unit>.roleName), in its storage stack', () => {
    const app = appOf('  production/flytesnacks: { existingId: "123456789012", roleName: UnionProvisioner }\n');
    const roleArn = (stack: string) => ((stackOf(app, stack).provider?.aws?.[0]?.assume_role as Block[])[0]!.role_arn as string);
    assert.match(roleArn('pool-prod-flytesnacks-cp'), /:role\/UnionProvisioner$/);
    assert.match(roleArn('pool-prod-analytics-cp'), /:role\/OrganizationAccountAccessRole$/, 'other accounts keep aws.roleName');
  });

  it('rejects manage without existingId, attributes of the other cloud, roleName on GCP and an invalid role name', () => {
    expectFindings(
      compileYaml(
        projectModel(
          '  production/analytics: { manage: [name] }\n  production/flytesnacks: { existingId: "123456789012", manage: [billing], roleName: "arn:aws:iam::1:role/x" }\n  development/analytics: { roleName: X }\n',
        ),
      ),
      'accounts["production/analytics"].manage: manage applies to adopted units only',
      'accounts["production/flytesnacks"].manage[0]: "billing" cannot be managed on an AWS account',
      'accounts["production/flytesnacks"].roleName: invalid value',
      'accounts["development/analytics"].roleName: roleName applies to AWS accounts only',
    );
  });
});

describe('adopting a GCP project', () => {
  it('keeps its display name, folder and billing account unless the model manages them', () => {
    const app = appOf('  development/analytics: { existingId: legacy-analytics-dev }\n');
    const tf = stackOf(app, 'gcp-projects-development_analytics');
    const adopted = resourceWhere(tf, 'google_project', 'project_id', 'legacy-analytics-dev');
    assert.deepEqual(ignored(adopted), ['billing_account', 'name', 'folder_id', 'org_id']);
    assert.equal((adopted.lifecycle as Block).prevent_destroy, true);
    assert.deepEqual(ignored(resourceWhere(stackOf(app, 'gcp-projects-development_flytesnacks'), 'google_project', 'project_id', 'acme-development-flytesnacks')), []);
    const managed = stackOf(appOf('  development/analytics: { existingId: legacy-analytics-dev, manage: [billing, parent] }\n'), 'gcp-projects-development_analytics');
    assert.deepEqual(ignored(resourceWhere(managed, 'google_project', 'project_id', 'legacy-analytics-dev')), ['name']);
  });

  it('is still imported under its own id', () => {
    const tf = stackOf(appOf('  development/analytics: { existingId: legacy-analytics-dev }\n'), 'gcp-projects-development_analytics');
    const { id } = { id: Object.entries(resourcesOf(tf, 'google_project')).find(([, b]) => b.project_id === 'legacy-analytics-dev')![0] };
    assert.deepEqual(tf.import, [{ id: 'legacy-analytics-dev', to: `google_project.${id}` }]);
  });
});

describe('the review of adopted units', () => {
  it('says what each adopted unit keeps and which role the storage stacks assume', async () => {
    const { renderReview } = await import('../../src/files/review-md');
    const review = renderReview(planOf({ yaml: projectModel('  production/flytesnacks: { existingId: "123456789012", roleName: UnionProvisioner, manage: [name] }\n  development/analytics: { existingId: legacy-analytics-dev }\n') }));
    assert.match(review, /## Adopted accounts and projects/);
    assert.match(review, /\| `production\/flytesnacks` \| `123456789012` \| email, parent \(OU or folder\) \| `UnionProvisioner` \|/);
    assert.match(review, /\| `development\/analytics` \| `legacy-analytics-dev` \| billing account, name, parent \(OU or folder\) \|/);
    assert.doesNotMatch(renderReview(planOf({ yaml: fixtureText('synth-project-isolation.yaml') })), /Adopted accounts/);
  });
});
