// The Terraform tier (`npm run test:terraform`): real Terraform reads what the tool synthesizes.
// Every stack that uses only the AWS provider, for each model of the matrix, is initialised and
// validated (0 errors, 0 warnings); three `-refresh=false` plans run offline against local state
// fixtures and a fake STS. Skips with one line when Terraform or the provider mirror is absent.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, temporaryDir } from '../helpers';
import { REMOVAL_BASE, REMOVAL_GONE, REMOVAL_SHRUNK } from '../removal-model';
import { MANAGEMENT_ACCOUNT, startFakeSts, type FakeSts } from './fake-sts';
import { tierModels, type TierModel } from './models';
import { offlineProviders, pinAws, providersOf, readStack, type StackJson } from './scratch-copy';
import { appliedResources, stringOutputs, writeState, type PlanJson, type ProviderSchema, type ResourceChange, type StateResource } from './state-fixture';
import { findTerraform, inParallel, terraform, type TerraformSetup } from './terraform-cli';

const ENABLED = process.env.UNION_ISOLATION_TERRAFORM_TIER === '1';
const PLAN_SCENARIOS = 4;
const WIDTH = 2;

const totals = { models: 0, validated: 0, identical: 0, notRead: 0, plans: 0, errors: 0, warnings: 0, changes: new Set<string>() };

/**
 * Synthesizes `yaml` through the CLI into `dir/<name>-out`; returns its stacks directory. Local state
 * paths are relative (`../../../terraform.<stack>.tfstate`), so every output in `dir` reads and
 * writes the state fixtures in `dir`, as re-synthesizing a changed model does.
 */
function synth(dir: string, name: string, yaml: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.yaml`), yaml);
  const r = runCli(['synth', '-m', `${name}.yaml`, '-o', `${name}-out`], { cwd: dir });
  assert.equal(r.code, 0, `synth of ${name}: ${r.stderr}`);
  return path.join(dir, `${name}-out`, 'stacks');
}

/** Stack contents already validated (without cdktf's metadata): an identical stack of another model is counted, not re-run. */
const validatedContents = new Set<string>();
const withoutMetadata = (file: string) => JSON.stringify({ ...readStack(file), '//': undefined });

const stackFile = (stacks: string, stack: string) => path.join(stacks, stack, 'cdk.tf.json');

function must(r: { code: number | null; stdout: string; stderr: string }, what: string): string {
  assert.equal(r.code, 0, `${what} failed:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

async function validateModel(setup: TerraformSetup, scratch: string, model: TierModel): Promise<string[]> {
  const stacks = synth(path.join(scratch, 'validate', model.name), model.name, model.yaml);
  const names = readdirSync(stacks).sort();
  const awsOnly = names.filter((s) => providersOf(readStack(stackFile(stacks, s))).join() === 'aws');
  totals.notRead += names.length - awsOnly.length;
  const problems = await inParallel(awsOnly, WIDTH, async (stack) => {
    for (const c of pinAws(stackFile(stacks, stack), setup.awsVersion)) totals.changes.add(c);
    const content = withoutMetadata(stackFile(stacks, stack));
    if (validatedContents.has(content)) {
      totals.identical++;
      return [];
    }
    validatedContents.add(content);
    const dir = path.join(stacks, stack);
    must(await terraform(setup, dir, ['init', '-backend=false', '-input=false', '-no-color']), `${model.name}/${stack}: terraform init -backend=false`);
    const r = await terraform(setup, dir, ['validate', '-json', '-no-color']);
    const result = JSON.parse(r.stdout) as { error_count: number; warning_count: number; diagnostics: { severity: string; summary: string; detail?: string; range?: { start: { line: number } } }[] };
    totals.validated++;
    totals.errors += result.error_count;
    totals.warnings += result.warning_count;
    return result.diagnostics.map((d) => `${model.name}/${stack}: ${d.severity}: ${d.summary}${d.detail ? ` (${d.detail.replace(/\s+/g, ' ')})` : ''}${d.range ? ` at cdk.tf.json:${d.range.start.line}` : ''}`);
  });
  return problems.flat();
}

interface PlannedStack {
  readonly ok: boolean;
  readonly output: string;
  readonly plan: PlanJson | null;
}

/** init (local backend: the state fixture beside the output) and `plan -refresh=false`, offline. */
async function planStack(setup: TerraformSetup, sts: FakeSts, stacks: string, stack: string): Promise<PlannedStack> {
  const file = stackFile(stacks, stack);
  for (const c of [...pinAws(file, setup.awsVersion), ...offlineProviders(file, sts.endpoint)]) totals.changes.add(c);
  const dir = path.join(stacks, stack);
  must(await terraform(setup, dir, ['init', '-input=false', '-no-color']), `${stack}: terraform init`);
  const r = await terraform(setup, dir, ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color', '-out=tier.tfplan']);
  totals.plans++;
  if (r.code !== 0) return { ok: false, output: r.stderr + r.stdout, plan: null };
  const shown = must(await terraform(setup, dir, ['show', '-json', 'tier.tfplan']), `${stack}: terraform show -json`);
  return { ok: true, output: r.stdout, plan: JSON.parse(shown) as PlanJson };
}

const managed = (plan: PlanJson): ResourceChange[] => (plan.resource_changes ?? []).filter((c) => c.mode === 'managed');
const actionsOf = (plan: PlanJson) => Object.fromEntries(managed(plan).map((c) => [c.address, c.change.actions.join('+')]));

/** The address (`type.name`) of the resource of `type` in `stack` whose `attribute` is `value`. */
function addressWhere(stack: StackJson, type: string, attribute: string, value: string): string {
  const resources = (stack.resource as Record<string, Record<string, Record<string, unknown>>>)[type] ?? {};
  const names = Object.entries(resources).filter(([, b]) => b[attribute] === value).map(([n]) => n);
  assert.equal(names.length, 1, `one ${type} with ${attribute} = ${value}`);
  return `${type}.${names[0]}`;
}

if (!ENABLED) {
  it('Terraform tier', { skip: 'run by `npm run test:terraform`' }, () => {});
} else {
  const scratch = temporaryDir('ui-terraform-');
  const found = findTerraform(scratch);
  if ('missing' in found) {
    console.log(`terraform: skipped (${found.missing}): not validated: the AWS stacks of ${tierModels().length} models; not run: ${PLAN_SCENARIOS} plans`);
    it('Terraform tier', { skip: found.missing }, () => {});
  } else {
    const setup = found;
    let sts: FakeSts;
    before(async () => {
      sts = await startFakeSts();
    });
    after(async () => {
      await sts.close();
      console.log(`terraform ${setup.version}, hashicorp/aws ${setup.awsVersion} from the mirror ${setup.mirror}; scratch copies changed: ${[...totals.changes].sort().join('; ')}`);
      console.log(
        `terraform: ${totals.validated} stacks validated (${totals.models} models; ${totals.identical} more AWS stacks identical to a validated one; ${totals.notRead} GCP or mixed stacks not read: no Google provider), ${totals.plans} plans run, ${totals.errors} errors, ${totals.warnings} warnings`,
      );
    });

    describe('terraform validate: every AWS-only stack of every model', () => {
      for (const model of tierModels())
        it(model.name, async () => {
          totals.models++;
          const problems = await validateModel(setup, scratch, model);
          assert.deepEqual(problems, [], problems.join('\n'));
        });
    });

    const adopted = tierModels().find((m) => m.name === 'adopted')!;

    describe('terraform plan -refresh=false', () => {
      it('a storage stack whose accounts state holds the account id: role ARN and allowed_account_ids resolved', async () => {
        const dir = path.join(scratch, 'plan-storage');
        const stacks = synth(dir, 'adopted', adopted.yaml);
        // What the accounts stack's state holds after its apply: the adopted account's id.
        writeState(path.join(dir, 'terraform.aws-accounts-production_flytesnacks.tfstate'), [], { production_flytesnacks_account_id: '123456789012' });
        const before = sts.assumedRoles.length;
        const planned = await planStack(setup, sts, stacks, 'pool-prod-flytesnacks-cp');
        assert.ok(planned.ok, planned.output);
        // The provider assumed the model's role (accounts.<unit>.roleName) in the account from remote state,
        // and the fake STS then answered as that account, which allowed_account_ids accepted.
        assert.deepEqual([...new Set(sts.assumedRoles.slice(before))], ['arn:aws:iam::123456789012:role/UnionProvisioner']);
        const plan = planned.plan!;
        assert.ok(managed(plan).length > 0);
        assert.deepEqual([...new Set(Object.values(actionsOf(plan)))], ['create']);
        const outputs = (plan as { planned_values: { outputs: Record<string, { value: { global: Record<string, string> } }> } }).planned_values.outputs;
        assert.equal(outputs['helm_values_prod-flytesnacks']!.value.global.AWS_ACCOUNT_ID, '123456789012');
      });

      it('adopted accounts whose real name, email and parent differ from the template: no replacement, rename or move unless the model asks', async () => {
        const dir = path.join(scratch, 'plan-adopted');
        const stacks = synth(dir, 'adopted', adopted.yaml);
        // One accounts stack per project-domain pair: the kept account and the moved one live in two.
        const KEPT = 'aws-accounts-production_flytesnacks';
        const MOVED = 'aws-accounts-production_analytics';
        const kept = addressWhere(readStack(stackFile(stacks, KEPT)), 'aws_organizations_account', 'name', 'acme-production-flytesnacks');
        const moved = addressWhere(readStack(stackFile(stacks, MOVED)), 'aws_organizations_account', 'name', 'legacy-analytics');
        const real = (address: string, id: string, values: Record<string, unknown>): StateResource => ({
          type: 'aws_organizations_account',
          name: address.split('.')[1]!,
          schemaVersion: 0,
          attributes: {
            id,
            arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:account/o-legacy0000/${id}`,
            close_on_deletion: false,
            create_govcloud: false,
            govcloud_id: '',
            iam_user_access_to_billing: 'ALLOW',
            joined_method: 'INVITED',
            joined_timestamp: '2019-04-01T00:00:00Z',
            role_name: null,
            status: 'ACTIVE',
            tags: {},
            tags_all: {},
            timeouts: null,
            ...values,
          },
        });
        // The states after the imports: what exists in the organization.
        writeState(path.join(dir, `terraform.${KEPT}.tfstate`), [real(kept, '123456789012', { name: 'Legacy Production', email: 'root-prod@legacy.example', parent_id: 'ou-ab12-legacy000' })], {
          production_flytesnacks_account_id: '123456789012',
        });
        writeState(path.join(dir, `terraform.${MOVED}.tfstate`), [real(moved, '210987654321', { name: 'legacy-analytics', email: 'legacy@acme.example', parent_id: 'ou-ab12-elsewhere' })], {
          production_analytics_account_id: '210987654321',
        });
        const planned = await planStack(setup, sts, stacks, KEPT);
        assert.ok(planned.ok, planned.output);
        const plannedMove = await planStack(setup, sts, stacks, MOVED);
        assert.ok(plannedMove.ok, plannedMove.output);
        const changes = new Map([...managed(planned.plan!), ...managed(plannedMove.plan!)].map((c) => [c.address, c]));
        assert.equal(changes.get(kept)!.change.actions.join(), 'no-op', 'kept: no replacement, no rename, no move');
        // manage: [parent] asks for the move, and nothing else changes.
        const move = changes.get(moved)!;
        assert.equal(move.change.actions.join(), 'update');
        const [b, a] = [move.change.before as Record<string, unknown>, move.change.after as Record<string, unknown>];
        assert.deepEqual(Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])), ['parent_id']);
        assert.equal(a.parent_id, 'r-ab12');

        // Control: without the ignore_changes the fix adds, the same state plans a replacement of the
        // kept account (its email differs), which prevent_destroy refuses: the fixture exposes the defect.
        const file = stackFile(stacks, KEPT);
        const stack = readStack(file) as { resource: Record<string, Record<string, { lifecycle: { ignore_changes: string[] } }>> };
        for (const block of Object.values(stack.resource.aws_organizations_account!)) block.lifecycle.ignore_changes = ['role_name', 'iam_user_access_to_billing'];
        writeFileSync(file, JSON.stringify(stack, null, 2));
        const control = await terraform(setup, path.join(stacks, KEPT), ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color']);
        totals.plans++;
        assert.notEqual(control.code, 0);
        assert.match(control.stderr, /Instance cannot be destroyed/);
      });

      it('a model with one project added: the existing stacks plan only additions', async () => {
        const base = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { production: aws }
projects: [flytesnacks]
${'aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }'}
clusters:
  prod-flytesnacks: { account: production/flytesnacks }
clusterPools:
  prod-flytesnacks-cp: [prod-flytesnacks]
`;
        const grown = base
          .replace('projects: [flytesnacks]', 'projects: [flytesnacks, analytics]')
          .replace('clusterPools:', '  prod-analytics: { account: production/analytics }\nclusterPools:')
          .concat('  prod-analytics-cp: [prod-analytics]\n');
        const dir = path.join(scratch, 'plan-growth');
        const schema = { value: null as ProviderSchema | null };
        // Apply the base model's accounts stack in a state fixture, from its own plan.
        const baseStacks = synth(dir, 'base', base);
        for (const stack of ['aws-accounts-production_flytesnacks']) {
          const planned = await planStack(setup, sts, baseStacks, stack);
          assert.ok(planned.ok, `${stack}: ${planned.output}`);
          schema.value ??= JSON.parse(must(await terraform(setup, path.join(baseStacks, stack), ['providers', 'schema', '-json']), 'providers schema')) as ProviderSchema;
          const resources = appliedResources(planned.plan!, schema.value);
          writeState(path.join(dir, `terraform.${stack}.tfstate`), resources, stringOutputs(planned.plan!, resources));
        }
        const grownStacks = synth(dir, 'grown', grown);
        const existing = readdirSync(baseStacks).sort();
        const added = readdirSync(grownStacks).filter((s) => !existing.includes(s));
        const unchanged: string[] = [];
        // Stacks per project-domain pair: the new project gets stacks of its own.
        assert.deepEqual(added, ['aws-accounts-production_analytics', 'pool-prod-analytics-cp']);
        for (const stack of [...existing, ...added]) {
          // A stack whose Terraform is unchanged (cdktf's metadata aside) plans nothing against its state: the synthesized files say so.
          if (existing.includes(stack) && withoutMetadata(stackFile(baseStacks, stack)) === withoutMetadata(stackFile(grownStacks, stack))) {
            unchanged.push(stack);
            continue;
          }
          const planned = await planStack(setup, sts, grownStacks, stack);
          assert.ok(planned.ok, `${stack}: ${planned.output}`);
          const actions = actionsOf(planned.plan!);
          const changed = Object.entries(actions).filter(([, a]) => a !== 'no-op' && a !== 'create');
          assert.deepEqual(changed, [], `${stack} changes or destroys what exists`);
          if (existing.includes(stack)) assert.deepEqual([...new Set(Object.values(actions))], ['no-op'], `${stack} existed: adding a project plans nothing in it`);
          if (stack === 'aws-accounts-production_analytics') {
            assert.equal(Object.values(actions).filter((a) => a === 'create').length, 1, 'one new account');
            // The new storage stack reads the new account's id: it is planned after this apply (issue 8's order).
            const resources = appliedResources(planned.plan!, schema.value!);
            writeState(path.join(dir, `terraform.${stack}.tfstate`), resources, stringOutputs(planned.plan!, resources));
          }
          if (stack === 'pool-prod-analytics-cp') assert.deepEqual([...new Set(Object.values(actions))], ['create']);
        }
        // The existing accounts stack was planned above (its scratch copy rewritten), so it is planned again, not compared.
        assert.deepEqual(unchanged, ['pool-prod-flytesnacks-cp']);
      });

      it('a model shrunk to drop a project: no state plans a destroy unless the model opts in (retired)', async () => {
        const dir = path.join(scratch, 'plan-removal');
        mkdirSync(dir, { recursive: true });
        // Every synth goes into the same output directory, as re-synthesizing a changed model does.
        const synthInto = (name: string, yaml: string) => {
          writeFileSync(path.join(dir, `${name}.yaml`), yaml);
          return runCli(['synth', '-m', `${name}.yaml`, '-o', 'out'], { cwd: dir });
        };
        const stacks = path.join(dir, 'out', 'stacks');
        assert.equal(synthInto('base', REMOVAL_BASE).code, 0);
        // The applied states of the two stacks the shrunk model drops, from their own plans.
        let schema: ProviderSchema | null = null;
        const held = new Map<string, string[]>();
        for (const stack of REMOVAL_GONE) {
          const planned = await planStack(setup, sts, stacks, stack);
          assert.ok(planned.ok, `${stack}: ${planned.output}`);
          schema ??= JSON.parse(must(await terraform(setup, path.join(stacks, stack), ['providers', 'schema', '-json']), 'providers schema')) as ProviderSchema;
          const resources = appliedResources(planned.plan!, schema);
          writeState(path.join(dir, `terraform.${stack}.tfstate`), resources, stringOutputs(planned.plan!, resources));
          held.set(stack, resources.map((r) => `${r.type}.${r.name}`).sort());
        }
        assert.ok(held.get('pool-prod-analytics-cp')!.length > 5, 'the storage state holds the bucket and its settings');

        // Unrecorded: refused, the previous output left as it was.
        const refused = synthInto('shrunk', REMOVAL_SHRUNK);
        assert.equal(refused.code, 3, refused.stderr);
        assert.deepEqual(readdirSync(stacks).filter((s) => REMOVAL_GONE.includes(s)), REMOVAL_GONE);
        // The record synth prints is the model text that keeps them.
        const record = refused.stderr.slice(refused.stderr.indexOf('retired:\n'), refused.stderr.indexOf('\nThen synth writes'));
        for (const [stack, addresses] of held) for (const a of addresses) assert.ok(record.includes(`      - ${a}\n`) || record.endsWith(`      - ${a}`), `${stack}: ${a} in the printed record`);

        // Against no configuration at all (a workspace whose JSON is gone), each state plans the destroy of all it holds:
        // that is what dropping the stacks would do.
        const planEmpty = async (stack: string) => {
          const empty = path.join(dir, 'empty', stack);
          mkdirSync(empty, { recursive: true });
          const config = {
            terraform: { backend: { local: { path: `../../terraform.${stack}.tfstate` } }, required_providers: { aws: { source: 'hashicorp/aws', version: setup.awsVersion } } },
            provider: { aws: [{ region: 'us-east-1', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: 'true' }] },
          };
          writeFileSync(path.join(empty, 'main.tf.json'), JSON.stringify(config, null, 2));
          must(await terraform(setup, empty, ['init', '-input=false', '-no-color']), `${stack}: terraform init (empty)`);
          const r = await terraform(setup, empty, ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color', '-out=tier.tfplan']);
          totals.plans++;
          assert.equal(r.code, 0, r.stderr);
          return JSON.parse(must(await terraform(setup, empty, ['show', '-json', 'tier.tfplan']), 'show')) as PlanJson;
        };
        for (const stack of REMOVAL_GONE) {
          const actions = actionsOf(await planEmpty(stack));
          assert.deepEqual(Object.keys(actions).sort(), held.get(stack), `${stack}: every resource of its state is planned`);
          assert.deepEqual([...new Set(Object.values(actions))], ['delete'], `${stack}: without configuration, the state plans the destroy`);
        }

        // Recorded as forget (what synth printed): the stacks stay, and their states plan 0 to destroy.
        const kept = `${REMOVAL_SHRUNK}${record}\n`;
        const keptRun = synthInto('kept', kept);
        assert.equal(keptRun.code, 0, keptRun.stderr);
        for (const stack of REMOVAL_GONE) {
          const planned = await planStack(setup, sts, stacks, stack);
          assert.ok(planned.ok, `${stack}: ${planned.output}`);
          const actions = actionsOf(planned.plan!);
          assert.deepEqual(Object.keys(actions).sort(), held.get(stack));
          assert.deepEqual([...new Set(Object.values(actions))], ['forget'], `${stack}: 0 to destroy, every resource forgotten`);
        }

        // Opted in (destroy: true): the stacks leave the output, and only now is their destroy planned.
        const destroyed = `${REMOVAL_SHRUNK}retired:\n${REMOVAL_GONE.map((s) => `  ${s}: { destroy: true }\n`).join('')}`;
        const destroyRun = synthInto('destroyed', destroyed);
        assert.equal(destroyRun.code, 0, destroyRun.stderr);
        assert.deepEqual(readdirSync(stacks).filter((s) => REMOVAL_GONE.includes(s)), []);
        for (const s of REMOVAL_GONE) assert.match(destroyRun.stderr, new RegExp(`Left the output: ${s} \\(retired with destroy: true\\)`));
        for (const stack of REMOVAL_GONE) assert.deepEqual([...new Set(Object.values(actionsOf(await planEmpty(stack))))], ['delete'], `${stack}: the opt-in plans the destroy`);
      });
    });
  }
}
