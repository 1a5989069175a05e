// diff's stack list and state moves (issue 17): computed from the plans alone, checked here against
// what synthesis really writes, so CI that plans only these stacks misses nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffPlans } from '../../src/diff/compare-plans';
import { applyOrder, diffStacks } from '../../src/diff/stack-changes';
import { logicalId, unitResources } from '../../src/diff/terraform-address';
import type { Plan } from '../../src/plan/types';
import { fixtureText, planOf } from '../helpers';
import { synthApp, type SynthesizedApp } from '../stacks/synth';

const BASE = fixtureText('synth-project-isolation.yaml');
const PER_DOMAIN = BASE.replace('parentId: r-ab12,', 'parentId: r-ab12, organizationalUnits: perDomain,').replace('folderId: "1234567890",', 'folderId: "1234567890", folders: perDomain,');

/** Stacks whose Terraform JSON differs between the two synths, or exists on one side only. */
function differing(a: SynthesizedApp, b: SynthesizedApp): Set<string> {
  const out = new Set<string>();
  for (const [name, tf] of b.stacks) if (JSON.stringify(a.stacks.get(name)) !== JSON.stringify(tf)) out.add(name);
  for (const name of a.stacks.keys()) if (!b.stacks.has(name)) out.add(name);
  return out;
}

const CHANGES: Record<string, (y: string) => string> = {
  // A known project comes with its clusters: without them its pairs would fall back to the default account (an error).
  'add a project': (y) =>
    y
      .replace('projects: [flytesnacks, analytics]', 'projects: [flytesnacks, analytics, billing]')
      .replace('  shared: { account: default }', '  shared: { account: default }\n  dev-billing: { account: development/billing }\n  prod-billing: { account: production/billing }')
      .replace('  default: [shared]', '  default: [shared]\n  dev-billing-cp: [dev-billing]\n  prod-billing-cp: [prod-billing]'),
  'add an on-demand project': (y) => y.replace('projects: [ml-experiments]', 'projects: [ml-experiments, forecasting]'),
  'add a domain': (y) =>
    y
      .replace('domains: { development: gcp, production: aws }', 'domains: { development: gcp, staging: gcp, production: aws }')
      .replace('  shared: { account: default }', '  shared: { account: default }\n  stg-flytesnacks: { account: staging/flytesnacks }\n  stg-analytics: { account: staging/analytics }')
      .replace('  default: [shared]', '  default: [shared]\n  stg-flytesnacks-cp: [stg-flytesnacks]\n  stg-analytics-cp: [stg-analytics]'),
  "change one pool's retention": (y) => y.replace('  prod-analytics-cp: [prod-analytics]', '  prod-analytics-cp: { clusters: [prod-analytics], retentionDays: 30, retentionPrefixes: [raw/] }'),
  "move a cluster to another region": (y) => y.replace('prod-analytics: { account: production/analytics }', 'prod-analytics: { account: production/analytics, region: eu-west-1 }'),
  'change the AWS region': (y) => y.replace('region: us-east-1', 'region: eu-west-1'),
  'adopt an account': (y) => `${y}accounts:\n  production/analytics: { existingId: "123456789012" }\n`,
};

describe('diffStacks', () => {
  for (const [model, base] of [
    ['no OU or folder', BASE],
    ['an OU and a folder per domain', PER_DOMAIN],
  ] as const) {
    const before = planOf({ yaml: base });
    const beforeApp = synthApp(before);
    for (const [what, change] of Object.entries(CHANGES)) {
      it(`lists every stack whose Terraform changes (${what}, ${model})`, () => {
        const after = planOf({ yaml: change(base) });
        const s = diffStacks(before, after);
        const listed = new Set([...s.new, ...s.changed, ...s.removed]);
        const really = differing(beforeApp, synthApp(after));
        for (const name of really) assert.ok(listed.has(name), `${name} changes but is not listed`);
        // Within one version of the tool, the list is exact.
        for (const name of listed) assert.ok(really.has(name), `${name} is listed but its Terraform is the same`);
        assert.deepEqual(s.moves, []);
      });
    }
  }

  it('adds only new stacks for a project, and says which wait on a new upstream', () => {
    const before = planOf({ yaml: PER_DOMAIN });
    const grown = CHANGES['add a project']!(PER_DOMAIN);
    const s = diffStacks(before, planOf({ yaml: grown }));
    assert.deepEqual(s.new, ['aws-accounts-production_billing', 'gcp-projects-development_billing', 'pool-dev-billing-cp', 'pool-prod-billing-cp']);
    assert.deepEqual(s.changed, []);
    // The pair reads the OU id the domain stack already outputs: it can be planned at once.
    assert.deepEqual(s.waitsOn, { 'pool-prod-billing-cp': ['aws-accounts-production_billing'] });
  });

  it('orders applies upstream first', () => {
    const plan = planOf({ yaml: PER_DOMAIN });
    const order = applyOrder(plan);
    assert.equal(order.length, plan.stacks.length);
    for (const s of plan.stacks) for (const up of [...s.dependsOn, ...(s.after ?? [])]) assert.ok(order.indexOf(up) < order.indexOf(s.name), `${up} before ${s.name}`);
  });
});

/** The plan an earlier version wrote: every pair in its domain's stack, which also made its OU. */
function oldLayout(plan: Plan): Plan {
  const stackOf = (u: Plan['units'][number]) => (u.kind === 'pair' ? (u.cloud === 'aws' ? `aws-accounts-${u.domain}` : `gcp-projects-${u.domain}`) : u.stack);
  const units = plan.units.map((u) => ({ ...u, stack: stackOf(u) }));
  const names = [...new Set(units.map((u) => u.stack))];
  const accounts = names.map((name) => ({ name, kind: 'accounts' as const, cloud: units.find((u) => u.stack === name)!.cloud, units: units.filter((u) => u.stack === name).map((u) => u.key), storageGroup: null, dependsOn: [] }));
  const storage = plan.stacks.filter((s) => s.kind === 'storage').map((s) => ({ ...s, dependsOn: [...new Set(s.units.map((k) => stackOf(units.find((u) => u.key === k)!)))].sort() }));
  return { ...plan, units, stacks: [...accounts, ...storage].sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

describe('state moves from the per-domain layout', () => {
  const next = planOf({ yaml: BASE });
  const base = oldLayout(next);
  const s = diffStacks(base, next);

  it('moves each pair, with import and state rm commands for exactly the resources its new stack holds', () => {
    assert.deepEqual(
      s.moves.map((m) => `${m.unit}: ${m.from} -> ${m.to}`),
      [
        'development/analytics: gcp-projects-development -> gcp-projects-development_analytics',
        'development/flytesnacks: gcp-projects-development -> gcp-projects-development_flytesnacks',
        'production/analytics: aws-accounts-production -> aws-accounts-production_analytics',
        'production/flytesnacks: aws-accounts-production -> aws-accounts-production_flytesnacks',
      ],
    );
    const app = synthApp(next);
    for (const m of s.moves) {
      const tf = app.stacks.get(m.to)!;
      const addresses = Object.entries(tf.resource ?? {}).flatMap(([type, blocks]) => Object.keys(blocks).map((id) => `${type}.${id}`));
      assert.deepEqual([...m.addresses].sort(), addresses.sort(), m.unit);
      for (const a of m.addresses) {
        assert.ok(m.commands.includes(`terraform -chdir=cdktf.base/stacks/${m.from} state rm '${a}'`), a);
        const imp = m.commands.findIndex((c) => c.startsWith(`terraform -chdir=cdktf.out/stacks/${m.to} import -input=false '${a}' `));
        assert.ok(imp >= 0 && imp < m.commands.findIndex((c) => c.includes(`state rm '${a}'`)), `${a}: imported before it is forgotten`);
      }
    }
    const aws = s.moves.find((m) => m.unit === 'production/analytics')!;
    assert.ok(aws.commands.some((c) => c.endsWith(`"$(terraform -chdir=cdktf.base/stacks/aws-accounts-production output -raw production_analytics_account_id)"`)), aws.commands.join('\n'));
    const gcp = s.moves.find((m) => m.unit === 'development/analytics')!;
    const project = next.units.find((u) => u.key === 'development/analytics')!;
    assert.ok(gcp.commands.some((c) => c.endsWith(`"${project.name}/storage.googleapis.com"`)));
  });

  it('calls the move what it is: nothing destroyed', () => {
    const d = diffPlans(base, next);
    assert.equal(d.destructive, false);
    assert.deepEqual(d.units.filter((u) => u.change === 'moved').map((u) => u.unit).length, 4);
  });

  it('lists the old stacks that no longer exist as removed', () => {
    assert.deepEqual(s.removed, ['aws-accounts-production', 'gcp-projects-development']);
  });
});

describe('terraform addresses', () => {
  it('are the logical ids cdktf gives', () => {
    const plan = planOf({ yaml: BASE });
    const app = synthApp(plan);
    for (const u of plan.units) {
      const tf = app.stacks.get(u.stack)!;
      for (const r of unitResources(u)) {
        const [type, id] = r.address.split('.') as [string, string];
        assert.ok(tf.resource?.[type]?.[id], `${u.key}: ${r.address} not in ${u.stack}`);
      }
    }
    assert.equal(logicalId(['only']), 'only');
  });
});
