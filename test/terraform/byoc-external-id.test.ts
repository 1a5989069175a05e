// Union's template declares ExternalId NoEcho, so CloudFormation (and with it the AWS provider's
// state) holds `****` for it. An access stack planned offline against such a state, with the real
// value in TF_VAR_union_external_id, must show no change: before issue 26 it showed one on every plan.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureText, runCli, temporaryDir } from '../helpers';
import { startFakeSts, type FakeSts } from './fake-sts';
import { offlineProviders, pinAws } from './scratch-copy';
import { appliedResources, writeState, type PlanJson, type ProviderSchema, type ResourceChange } from './state-fixture';
import { findTerraform, terraform, type TerraformSetup } from './terraform-cli';

const ENABLED = process.env.UNION_ISOLATION_TERRAFORM_TIER === '1';
const STACK = 'aws-union-access-default';
const EXTERNAL_ID = 'ext-0123456789';

async function must(p: Promise<{ code: number | null; stdout: string; stderr: string }>, what: string): Promise<string> {
  const r = await p;
  assert.equal(r.code, 0, `${what} failed:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** `plan -refresh=false` of the access stack, offline; the plan as `terraform show -json` gives it. */
async function plan(setup: TerraformSetup, dir: string): Promise<PlanJson> {
  await must(terraform(setup, dir, ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color', '-out=tier.tfplan']), 'plan');
  return JSON.parse(await must(terraform(setup, dir, ['show', '-json', 'tier.tfplan']), 'show')) as PlanJson;
}

const managed = (p: PlanJson): ResourceChange[] => (p.resource_changes ?? []).filter((c) => c.mode === 'managed');

if (!ENABLED) {
  it('Terraform tier: BYOC external id', { skip: 'run by `npm run test:terraform`' }, () => {});
} else {
  const scratch = temporaryDir('ui-terraform-byoc-');
  const found = findTerraform(scratch);
  if ('missing' in found) {
    it('Terraform tier: BYOC external id', { skip: found.missing }, () => {});
  } else {
    const setup: TerraformSetup = { ...found, env: { ...found.env, TF_VAR_union_external_id: EXTERNAL_ID } };
    let sts: FakeSts;
    before(async () => {
      sts = await startFakeSts();
    });
    after(async () => {
      await sts.close();
    });

    describe('terraform plan -refresh=false of a BYOC access stack', () => {
      it('against a state in which CloudFormation returned **** for the external id: no change', async () => {
        mkdirSync(scratch, { recursive: true });
        writeFileSync(path.join(scratch, 'model.yaml'), fixtureText('byoc-project-isolation.yaml'));
        const r = runCli(['synth', '-m', 'model.yaml', '-o', 'out'], { cwd: scratch });
        assert.equal(r.code, 0, r.stderr);
        const dir = path.join(scratch, 'out', 'stacks', STACK);
        const file = path.join(dir, 'cdk.tf.json');
        assert.ok(!readFileSync(file, 'utf8').includes(EXTERNAL_ID), 'the external id is in the synthesized stack');
        pinAws(file, setup.awsVersion);
        offlineProviders(file, sts.endpoint);
        // The accounts stack is applied: its state holds the default account's id.
        writeState(path.join(scratch, 'terraform.aws-accounts-default.tfstate'), [], { default_account_id: '123456789012' });
        await must(terraform(setup, dir, ['init', '-input=false', '-no-color']), 'init');

        const first = await plan(setup, dir);
        assert.deepEqual(managed(first).map((c) => c.change.actions), [['create']]);
        // What the apply leaves in state once the provider has read the stack back: NoEcho's mask.
        const schema = JSON.parse(await must(terraform(setup, dir, ['providers', 'schema', '-json']), 'providers schema')) as ProviderSchema;
        const applied = appliedResources(first, schema).map((res) =>
          res.type === 'aws_cloudformation_stack' ? { ...res, attributes: { ...res.attributes, parameters: { ...(res.attributes['parameters'] as object), ExternalId: '****' } } } : res,
        );
        assert.equal(applied.length, 1);
        writeState(path.join(scratch, `terraform.${STACK}.tfstate`), applied, {});

        const second = await plan(setup, dir);
        assert.deepEqual(
          managed(second).map((c) => [c.address, c.change.actions]),
          [[managed(first)[0]!.address, ['no-op']]],
          'the plan against **** changes the stack',
        );
        // The value Terraform holds is sensitive: never printed in the plan's output.
        const shown = await must(terraform(setup, dir, ['show', '-no-color', 'tier.tfplan']), 'show');
        assert.ok(!shown.includes(EXTERNAL_ID));
      });
    });
  }
}
