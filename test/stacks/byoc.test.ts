// BYOC in the synthesized Terraform: Union's access in every unit (AWS: Union's CloudFormation stack
// in the member account; GCP: pool, provider, role, service account, both bindings), for seed 003's
// domain-isolation table (the bundled example) and a project-isolation model with the default account.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { UNION_GCP_SERVICES } from '../../src/plan/byoc-types';
import type { Plan } from '../../src/plan/types';
import { fixtureText, planOf, ROOT } from '../helpers';
import { remoteOutput, remoteStates, resourcesByStack, resourcesOf, stackOf, synthApp, type Block, type SynthesizedApp } from './synth';

const EXAMPLE = readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8');
const PROJECT = fixtureText('byoc-project-isolation.yaml');

const models: [string, string][] = [
  ['seed 003 domain isolation (stacks/isolation-byoc.yaml)', EXAMPLE],
  ['project isolation with the default account', PROJECT],
];

function only<T>(entries: readonly T[], what: string): T {
  assert.equal(entries.length, 1, `expected exactly one ${what}, found ${entries.length}`);
  return entries[0]!;
}

function all(app: SynthesizedApp, type: string): [string, string, Block][] {
  return [...resourcesByStack(app, type)].flatMap(([stack, entries]) => entries.map(([id, block]): [string, string, Block] => [stack, id, block]));
}

for (const [name, yaml] of models) {
  describe(`BYOC stacks: ${name}`, () => {
    const plan: Plan = planOf({ yaml });
    const app = synthApp(plan);
    const awsUnits = plan.units.filter((u) => u.cloud === 'aws');
    const gcpUnits = plan.units.filter((u) => u.cloud === 'gcp');

    it('has both clouds, so both kinds of access are tested', () => {
      assert.ok(awsUnits.length > 0 && gcpUnits.length > 0);
    });

    it('gives every AWS unit exactly one Union CloudFormation stack, inside its own account', () => {
      const stacks = all(app, 'aws_cloudformation_stack');
      assert.equal(stacks.length, awsUnits.length);
      for (const unit of awsUnits) {
        const [stackName, , block] = only(
          stacks.filter(([, id]) => id.startsWith(`units_${unit.id}_stack`)),
          `Union stack for ${unit.key}`,
        );
        assert.equal(stackName, `aws-union-access-${unit.stack.slice('aws-accounts-'.length)}`);
        assert.equal(block['name'], 'UnionCloudAccess');
        assert.equal(block['template_url'], 'https://union-public.s3.amazonaws.com/templates/v0.14/union-ai-admin-role.template.yaml');
        // The external id from a sensitive variable, never in clear text; NoEcho's `****` ignored.
        assert.deepEqual(block['parameters'], { CrossAccountRoleName: 'union-ai-admin', ExternalId: '${var.union_external_id}' });
        assert.deepEqual(block['lifecycle'], { ignore_changes: ['parameters["ExternalId"]'] });
        assert.deepEqual(block['capabilities'], ['CAPABILITY_NAMED_IAM']);
        assert.equal(block['provider'], `aws.${unit.id}`);

        const tf = stackOf(app, stackName);
        assert.equal((tf as { variable?: Record<string, { sensitive?: boolean }> }).variable?.['union_external_id']?.sensitive, true);
        assert.ok(!JSON.stringify(tf).includes('acme-union-7f3k') && !JSON.stringify(tf).includes('ext-0123456789'), `${stackName} holds the external id in clear text`);
        // UnionCloudAccess in the region of the unit's data plane, where Union updates it.
        const region = plan.clusters.filter((c) => c.unit === unit.key).sort((a, b) => (a.name < b.name ? -1 : 1))[0]?.region ?? plan.aws!.region;
        const stateId = only(Object.keys(remoteStates(tf)).filter((id) => id.includes(unit.stack)), `remote state of ${unit.stack}`);
        const accountId = remoteOutput(stateId, unit.accountIdOutput);
        const provider = only((tf.provider?.['aws'] ?? []).filter((p) => p['alias'] === unit.id), `provider for ${unit.key}`);
        assert.deepEqual(provider['assume_role'], [{ role_arn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, session_name: 'union-isolation' }]);
        assert.deepEqual(provider['allowed_account_ids'], [accountId]);
        assert.equal(provider['region'], region);
        const output = tf.output?.[`${unit.id}_union_role_arn`] as { value: unknown; depends_on?: unknown } | undefined;
        assert.equal(output?.value, `arn:aws:iam::${accountId}:role/union-ai-admin`);
        assert.deepEqual(output?.depends_on, [`aws_cloudformation_stack.units_${unit.id}_stack_${/_([0-9A-F]{8})$/.exec(only(stacks.filter(([, id]) => id.startsWith(`units_${unit.id}_stack`)), 'stack')[1])![1]}`]);
        assert.ok(app.dependencies.get(stackName)?.includes(unit.stack), `${stackName} must depend on ${unit.stack}`);
      }
    });

    it('gives every GCP unit the pool, provider, role, service account and both bindings', () => {
      for (const unit of gcpUnits) {
        const tf = stackOf(app, unit.stack);
        const mine = (type: string) => Object.entries(resourcesOf(tf, type)).filter(([id]) => id.startsWith(`union-access_${unit.id}_`));
        const project = Object.keys(resourcesOf(tf, 'google_project')).find((id) => id.startsWith(`units_${unit.id}_`))!;
        const projectId = `\${google_project.${project}.project_id}`;
        const [poolId, pool] = only(mine('google_iam_workload_identity_pool'), 'pool');
        assert.equal(pool['workload_identity_pool_id'], 'unionai');
        assert.equal(pool['project'], projectId);
        // Soft-deleted pools and roles keep their ids: never replaced by accident.
        assert.deepEqual(pool['lifecycle'], { prevent_destroy: true });
        const [, provider] = only(mine('google_iam_workload_identity_pool_provider'), 'provider');
        assert.equal(provider['workload_identity_pool_provider_id'], 'unionai-aws');
        assert.deepEqual(provider['aws'], { account_id: '479331373192' });
        const [roleId, role] = only(mine('google_project_iam_custom_role'), 'custom role');
        assert.equal(role['role_id'], 'UnionaiAdministrator');
        assert.equal((role['permissions'] as string[]).length, 603);
        assert.deepEqual(role['lifecycle'], { prevent_destroy: true });
        const [saId, sa] = only(mine('google_service_account'), 'service account');
        assert.equal(sa['account_id'], 'unionai-administrator');
        const [, binding] = only(mine('google_project_iam_member'), 'project binding');
        assert.equal(binding['role'], `\${google_project_iam_custom_role.${roleId}.name}`);
        assert.equal(binding['member'], `\${google_service_account.${saId}.member}`);
        const [, wi] = only(mine('google_service_account_iam_member'), 'workload identity binding');
        assert.equal(wi['role'], 'roles/iam.workloadIdentityUser');
        assert.equal(wi['service_account_id'], `\${google_service_account.${saId}.name}`);
        assert.equal(wi['member'], `principalSet://iam.googleapis.com/projects/\${google_project.${project}.number}/locations/global/workloadIdentityPools/unionai/*`);
        assert.deepEqual(wi['depends_on'], [`google_iam_workload_identity_pool.${poolId}`]);
        const services = Object.values(resourcesOf(tf, 'google_project_service')).filter((s) => s['project'] === projectId).map((s) => s['service']);
        for (const s of UNION_GCP_SERVICES) assert.ok(services.includes(s), `${unit.key} lacks ${s}`);
        assert.equal(UNION_GCP_SERVICES.length, 17);
        // The project number is an output already: the request names it.
        assert.ok(tf.output?.[unit.projectNumberOutput]);
      }
    });

    it('has storage stacks only when the model asks this tool to create the buckets', () => {
      const storage = plan.stacks.filter((s) => s.kind === 'storage').length;
      assert.equal(storage, plan.byoc!.buckets === 'create' ? plan.storageGroups.length : 0);
    });
  });
}

describe('BYOC template version', () => {
  it('is a one-line model change that updates each Union stack in place (same address, new template_url)', () => {
    const before = synthApp(planOf({ yaml: PROJECT }));
    const after = synthApp(planOf({ yaml: PROJECT.replace('buckets: create }', 'buckets: create, templateVersion: v0.15 }') }));
    assert.deepEqual([...after.stacks.keys()], [...before.stacks.keys()]);
    for (const [name, tf] of before.stacks) {
      const next = after.stacks.get(name)!;
      if (!name.startsWith('aws-union-access-')) {
        assert.deepEqual(next, tf, `${name} must not change`);
        continue;
      }
      const a = resourcesOf(tf, 'aws_cloudformation_stack');
      const b = resourcesOf(next, 'aws_cloudformation_stack');
      assert.deepEqual(Object.keys(b), Object.keys(a));
      for (const id of Object.keys(a)) {
        assert.equal(b[id]!['template_url'], 'https://union-public.s3.amazonaws.com/templates/v0.15/union-ai-admin-role.template.yaml');
        assert.deepEqual({ ...b[id], template_url: null }, { ...a[id], template_url: null });
      }
    }
  });
});
