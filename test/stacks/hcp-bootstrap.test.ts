import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { StackPlan } from '../../src/plan/types';
import { HCP_BOOTSTRAP_STACK, RUN_TRIGGER_SOURCES_LIMIT, runTriggerSources } from '../../stacks/hcp-bootstrap-stack';
import { compileYaml, expectFindings, planOf } from '../helpers';
import { allStrings, remoteStates, resourcesOf, stackOf, synthApp, type Block, type SynthesizedApp } from './synth';

const ROOT = path.join(__dirname, '..', '..', '..');
const BUNDLED = readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8');
const ROLE = 'arn:aws:iam::123456789012:role/hcp-terraform-union';
const WIP = 'projects/123456789012/locations/global/workloadIdentityPools/hcp-terraform/providers/hcp-terraform';
const SA = 'hcp-terraform@acme-admin-1.iam.gserviceaccount.com';
const CLOUD = `{ type: cloud, organization: acme, awsRunRoleArn: "${ROLE}", gcpWorkloadProviderName: "${WIP}", gcpServiceAccountEmail: ${SA} }`;

/** The bundled model with another backend line. */
function bundledWith(backend: string): string {
  const out = BUNDLED.replace(/^backend: .*$/m, `backend: ${backend}`);
  assert.notEqual(out, BUNDLED);
  return out;
}

const app: SynthesizedApp = synthApp(planOf({ yaml: bundledWith(CLOUD) }));
const boot = stackOf(app, HCP_BOOTSTRAP_STACK);
const workspaces = resourcesOf(boot, 'tfe_workspace');
const settings = resourcesOf(boot, 'tfe_workspace_settings');
/** `${tfe_workspace.X.id}` -> workspace name. */
const nameById = new Map(Object.entries(workspaces).map(([id, w]) => [`\${tfe_workspace.${id}.id}`, String(w.name)]));
const settingsOf = (workspace: string): Block => {
  const found = Object.values(settings).filter((s) => nameById.get(String(s.workspace_id)) === workspace);
  assert.equal(found.length, 1, `settings of ${workspace}`);
  return found[0]!;
};
const others = [...app.stacks].filter(([name]) => name !== HCP_BOOTSTRAP_STACK);

describe('HCP Terraform bootstrap (bundled model, cloud backend)', () => {
  it('exists only with the cloud backend, and keeps its own state locally', () => {
    assert.equal(synthApp(planOf({ yaml: BUNDLED })).stacks.has(HCP_BOOTSTRAP_STACK), false);
    assert.deepEqual(boot.terraform?.backend, { local: { path: `../../../terraform.${HCP_BOOTSTRAP_STACK}.tfstate` } });
    assert.equal(boot.terraform?.cloud, undefined);
    assert.deepEqual(Object.values(resourcesOf(boot, 'tfe_project')).map((p) => p.name), ['union-isolation']);
  });

  it('gives every stack a workspace, the one its cloud block names, in the project', () => {
    assert.ok(others.length >= 5, `stacks: ${others.length}`);
    const names = Object.values(workspaces).map((w) => String(w.name)).sort();
    const expected = others.map(([, tf]) => String((tf.terraform!.cloud!.workspaces as Block).name)).sort();
    assert.deepEqual(names, expected);
    for (const w of Object.values(workspaces)) {
      assert.equal(w.project_id, '${tfe_project.project.id}');
      assert.equal(w.terraform_version, '1.11.4');
      assert.deepEqual(w.lifecycle, { prevent_destroy: true }, String(w.name));
    }
  });

  it('runs remotely, never auto-applies (accounts above all), and shares no state globally', () => {
    assert.equal(Object.keys(settings).length, others.length);
    for (const s of Object.values(settings)) {
      assert.equal(s.execution_mode, 'remote');
      assert.equal(s.auto_apply, false);
      assert.equal(s.global_remote_state, false);
    }
    for (const [name] of others.filter(([n]) => n.startsWith('aws-accounts-') || n.startsWith('gcp-projects-'))) assert.equal(settingsOf(`union-${name}`).auto_apply, false);
  });

  it('allows every remote read by a sharing rule, and nothing more', () => {
    let reads = 0;
    const allowed = new Set<string>();
    for (const [name, tf] of others) {
      for (const [id, state] of Object.entries(remoteStates(tf))) {
        reads++;
        assert.equal(state.backend, 'remote', `${name}.${id}`);
        const upstream = String(((state.config as Block).workspaces as Block).name);
        const consumers = (settingsOf(upstream).remote_state_consumer_ids as string[]).map((c) => nameById.get(c));
        assert.ok(consumers.includes(`union-${name}`), `${name} reads ${upstream}, which shares with ${consumers.join(', ')}`);
        allowed.add(`${upstream}<-union-${name}`);
      }
      // No tfe_outputs reads here: every read goes through the sharing rules above.
      assert.equal(tf.data?.tfe_outputs, undefined);
    }
    assert.ok(reads > 0);
    const granted = Object.values(settings).flatMap((s) => (s.remote_state_consumer_ids as string[]).map((c) => `${nameById.get(String(s.workspace_id))}<-${nameById.get(c)}`));
    assert.deepEqual(granted.sort(), [...allowed].sort());
  });

  it('takes credentials from variable sets of dynamic provider credentials, never from files or static keys', () => {
    const sets = resourcesOf(boot, 'tfe_variable_set');
    assert.deepEqual(Object.values(sets).map((s) => [s.name, s.parent_project_id]).sort(), [
      ['union-aws-dynamic-credentials', '${tfe_project.project.id}'],
      ['union-gcp-dynamic-credentials', '${tfe_project.project.id}'],
    ]);
    const vars = Object.values(resourcesOf(boot, 'tfe_variable')).map((v) => [v.key, v.value, v.category]);
    assert.deepEqual(vars.sort(), [
      ['TFC_AWS_PROVIDER_AUTH', 'true', 'env'],
      ['TFC_AWS_RUN_ROLE_ARN', ROLE, 'env'],
      ['TFC_GCP_PROVIDER_AUTH', 'true', 'env'],
      ['TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL', SA, 'env'],
      ['TFC_GCP_WORKLOAD_PROVIDER_NAME', WIP, 'env'],
    ]);
    // Each workspace gets the set of its cloud.
    const setCloud = new Map(Object.entries(sets).map(([id, s]) => [`\${tfe_variable_set.${id}.id}`, String(s.name).includes('-aws-') ? 'aws' : 'gcp']));
    const attached = Object.values(resourcesOf(boot, 'tfe_workspace_variable_set')).map((a) => `${nameById.get(String(a.workspace_id))}:${setCloud.get(String(a.variable_set_id))}`);
    const planStacks = planOf({ yaml: bundledWith(CLOUD) }).stacks;
    assert.deepEqual(attached.sort(), planStacks.map((s: StackPlan) => `union-${s.name}:${s.cloud}`).sort());
    // No credentials in any stack: no provider reads a key, a profile or a credentials file.
    const banned = /^(access_key|secret_key|token|profile|shared_credentials_files|shared_config_files|credentials|access_token)$/;
    for (const [name, tf] of app.stacks) {
      for (const [type, blocks] of Object.entries(tf.provider ?? {})) {
        for (const b of blocks as Block[]) assert.deepEqual(Object.keys(b).filter((k) => banned.test(k)), [], `${name}: provider ${type}`);
      }
      // Nor does any value: no access key id, key file or credentials path.
      assert.deepEqual(allStrings(tf).filter((s) => /A[KS]IA[0-9A-Z]{16}|\.json$|\.aws\/|application_default_credentials|GOOGLE_(APPLICATION_)?CREDENTIALS|AWS_SECRET/i.test(s)), [], name);
    }
  });

  it('triggers each storage workspace from the accounts workspaces it reads', () => {
    const triggers = Object.values(resourcesOf(boot, 'tfe_run_trigger')).map((t) => `${nameById.get(String(t.sourceable_id))}->${nameById.get(String(t.workspace_id))}`);
    // Every stack that is not an accounts stack, from each accounts stack it depends on (reads its outputs or needs its accounts/projects).
    const plan = planOf({ yaml: bundledWith(CLOUD) });
    const accounts = new Set(plan.stacks.filter((s) => s.kind === 'accounts').map((s) => s.name));
    const expected = plan.stacks.filter((s) => s.kind !== 'accounts').flatMap((s) => s.dependsOn.filter((d) => accounts.has(d)).map((d) => `union-${d}->union-${s.name}`));
    assert.ok(expected.length >= 5);
    assert.deepEqual(triggers.sort(), expected.sort());
    // Every remote read is from a trigger source, or between accounts stacks (the domain's OU/folder).
    for (const [name, tf] of others)
      for (const s of Object.values(remoteStates(tf))) {
        const from = String(((s.config as Block).workspaces as Block).name);
        assert.ok(triggers.includes(`${from}->union-${name}`) || name.startsWith('aws-accounts-') || name.startsWith('gcp-projects-'), `${from} -> ${name}`);
      }
  });

  it(`keeps run triggers within HCP's limit of ${RUN_TRIGGER_SOURCES_LIMIT} sources per workspace, naming the rest`, () => {
    const accounts = Array.from({ length: 23 }, (_, i): StackPlan => ({ name: `aws-accounts-p${String(i).padStart(2, '0')}`, kind: 'accounts', cloud: 'aws', units: [], storageGroup: null, dependsOn: [] }));
    const storage: StackPlan = { name: 'pool-shared-cp', kind: 'storage', cloud: 'aws', units: [], storageGroup: 'shared', dependsOn: accounts.map((a) => a.name) };
    const got = runTriggerSources([...accounts, storage]).get('pool-shared-cp')!;
    assert.equal(got.sources.length, RUN_TRIGGER_SOURCES_LIMIT);
    assert.deepEqual(got.skipped, ['aws-accounts-p20', 'aws-accounts-p21', 'aws-accounts-p22']);
  });

  it('is the same bytes for the same model', () => {
    const again = stackOf(synthApp(planOf({ yaml: bundledWith(CLOUD) })), HCP_BOOTSTRAP_STACK);
    assert.equal(JSON.stringify(again), JSON.stringify(boot));
  });
});

describe('cloud backend settings', () => {
  it('requires the run role and the GCP identity unless runs are local', () => {
    expectFindings(compileYaml(bundledWith('{ type: cloud, organization: acme }')), 'backend.awsRunRoleArn', 'backend.gcpWorkloadProviderName', 'backend.gcpServiceAccountEmail');
    const local = synthApp(planOf({ yaml: bundledWith('{ type: cloud, organization: acme, executionMode: local }') }));
    const b = stackOf(local, HCP_BOOTSTRAP_STACK);
    assert.deepEqual(resourcesOf(b, 'tfe_variable_set'), {});
    assert.ok(Object.values(resourcesOf(b, 'tfe_workspace_settings')).every((s) => s.execution_mode === 'local'));
  });

  it('rejects a role name for an ARN, a project id in the provider name, and an agent pool without agent mode', () => {
    expectFindings(
      compileYaml(bundledWith(`{ type: cloud, organization: acme, awsRunRoleArn: hcp-terraform, gcpWorkloadProviderName: "projects/acme/locations/global/workloadIdentityPools/p0ol/providers/pr0v", gcpServiceAccountEmail: ${SA}, agentPoolId: apool-abc }`)),
      'backend.awsRunRoleArn',
      'backend.gcpWorkloadProviderName',
      'backend.agentPoolId',
    );
    expectFindings(compileYaml(bundledWith(`{ type: cloud, organization: acme, executionMode: agent, awsRunRoleArn: "${ROLE}", gcpWorkloadProviderName: "${WIP}", gcpServiceAccountEmail: ${SA} }`)), 'backend.agentPoolId');
  });

  it('uses the project, Terraform version and agent pool the model names', () => {
    const a = synthApp(planOf({ yaml: bundledWith(`{ type: cloud, organization: acme, project: data-planes, terraformVersion: "~> 1.11.0", executionMode: agent, agentPoolId: apool-123abc, awsRunRoleArn: "${ROLE}", gcpWorkloadProviderName: "${WIP}", gcpServiceAccountEmail: ${SA} }`) }));
    const b = stackOf(a, HCP_BOOTSTRAP_STACK);
    assert.deepEqual(Object.values(resourcesOf(b, 'tfe_project')).map((p) => p.name), ['data-planes']);
    assert.ok(Object.values(resourcesOf(b, 'tfe_workspace')).every((w) => w.terraform_version === '~> 1.11.0'));
    assert.ok(Object.values(resourcesOf(b, 'tfe_workspace_settings')).every((s) => s.execution_mode === 'agent' && s.agent_pool_id === 'apool-123abc'));
  });
});
