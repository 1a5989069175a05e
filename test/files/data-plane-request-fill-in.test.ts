// What the data-plane request still needs from the user: a customer VPC's subnets (AWS) or subnet,
// secondary ranges and control-plane /28 (GCP), the host, and values known only after apply. Each is
// **TO FILL IN** where it stands, listed once under "Before sending", and in the JSON's `toFillIn`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DATA_PLANE_REQUEST_JSON, DATA_PLANE_REQUEST_MD, TO_FILL_IN, type DataPlaneRequest } from '../../src/files/data-plane-request';
import { fillInSentence } from '../../src/files/review-byoc';
import { renderUnionFiles } from '../../src/files/union-files';
import { compileYaml, findingLines, fixtureText, planOf } from '../helpers';

const PROJECT = fixtureText('byoc-project-isolation.yaml');
/** PROJECT with its clusters' lines replaced. */
const withClusters = (dev1: string, prod1: string) =>
  PROJECT.replace('  dev-1: { account: development/project-1 }', `  dev-1: ${dev1}`).replace(
    '  prod-1:\n    account: production/project-1\n',
    `  prod-1:\n    account: production/project-1\n${prod1}`,
  );

const COMPLETE = withClusters(
  '{ account: development/project-1, vpc: shared-net, subnet: union-east, podsRange: pods, servicesRange: services, masterCidr: 172.16.0.16/28 }',
  '    vpc: vpc-0a1b2c3d\n    publicSubnets: [subnet-0a1b2c3d]\n    privateSubnets: [subnet-1a1b2c3d]\n',
);
const PARTIAL = withClusters('{ account: development/project-1, vpc: shared-net, subnet: union-east }', '    vpc: vpc-0a1b2c3d\n    publicSubnets: [subnet-0a1b2c3d]\n');

/** Findings the edit adds to PROJECT's own (its mixed clouds and shortened names), without line and column. */
function added(yaml: string): string[] {
  const strip = (l: string) => l.replace(/^model\.yaml:\d+:\d+ /, '');
  const before = new Set(findingLines(compileYaml(PROJECT)).map(strip));
  return findingLines(compileYaml(yaml))
    .map(strip)
    .filter((l) => !before.has(l));
}

function request(yaml: string): { json: DataPlaneRequest; md: string } {
  const files = renderUnionFiles(planOf({ yaml }), { model: 'model.yaml' });
  return { json: JSON.parse(files.get(DATA_PLANE_REQUEST_JSON)!) as DataPlaneRequest, md: files.get(DATA_PLANE_REQUEST_MD)! };
}

/** The value a JSON Pointer names. */
function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc);
}

/** The checklist lines under "Before sending". */
function checklist(md: string): string[] {
  const start = md.indexOf('## Before sending');
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end).split('\n').filter((l) => l.startsWith('- [ ] '));
}

describe('data-plane request: values to fill in', () => {
  it('a customer VPC with every key the page asks for: carried as given, nothing of it to fill in', () => {
    assert.deepEqual(added(COMPLETE), []);
    const { json, md } = request(COMPLETE);
    const dev = json.clusters.find((c) => c.name === 'dev-1')!;
    assert.deepEqual(dev.vpc, { provisionedBy: 'customer', id: 'shared-net', subnet: 'union-east', subnetRegion: 'us-east1', podsRange: 'pods', servicesRange: 'services', masterCidr: '172.16.0.16/28' });
    assert.deepEqual(json.clusters.find((c) => c.name === 'prod-1')!.vpc, { provisionedBy: 'customer', id: 'vpc-0a1b2c3d', publicSubnets: ['subnet-0a1b2c3d'], privateSubnets: ['subnet-1a1b2c3d'] });
    assert.ok(json.toFillIn.every((f) => !f.path.includes('/vpc/')));
    assert.ok(md.includes('| `prod-1` | `vpc-0a1b2c3d` | `subnet-0a1b2c3d` | `subnet-1a1b2c3d` |'), md);
    assert.ok(md.includes('| `dev-1` | `shared-net` | `union-east` | `us-east1` | `pods` | `services` | `172.16.0.16/28` |'), md);
  });

  it('missing subnet keys: one warning per cluster at its vpc, and each key TO FILL IN with the model key that sets it', () => {
    const warnings = added(PARTIAL);
    assert.ok(warnings.every((l) => l.includes('byoc-vpc-subnets')), warnings.join('\n'));
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.ok(warnings.some((l) => l.includes('clusters.dev-1.vpc') && l.includes('podsRange') && l.includes('servicesRange') && l.includes('masterCidr') && !l.includes('no subnet,')));
    assert.ok(warnings.some((l) => l.includes('clusters.prod-1.vpc') && l.includes('privateSubnets') && !l.includes('publicSubnets,')));
    const { json, md } = request(PARTIAL);
    const vpcPaths = json.toFillIn.filter((f) => f.path.includes('/vpc/'));
    assert.deepEqual(
      vpcPaths.map((f) => f.path.replace(/\/clusters\/\d+/, (p) => `/clusters/${json.clusters[Number(p.split('/')[2])]!.name}`)).sort(),
      ['/clusters/dev-1/vpc/masterCidr', '/clusters/dev-1/vpc/podsRange', '/clusters/dev-1/vpc/servicesRange', '/clusters/prod-1/vpc/privateSubnets'],
    );
    for (const f of vpcPaths) {
      assert.equal(at(json, f.path), null, f.path);
      assert.match(f.how, /set `clusters\.(dev-1|prod-1)\.(masterCidr|podsRange|servicesRange|privateSubnets)` in the model/);
    }
    assert.ok(md.includes(`| \`prod-1\` | \`vpc-0a1b2c3d\` | \`subnet-0a1b2c3d\` | ${TO_FILL_IN}: set \`clusters.prod-1.privateSubnets\` in the model |`), md);
  });

  it('the checklist, the markers and the JSON list name the same values, each null in the JSON', () => {
    for (const yaml of [PROJECT, PARTIAL, PROJECT.replace('org: acme\n', 'org: acme\ncontrolPlaneHost: acme.unionai.cloud\n')]) {
      const { json, md } = request(yaml);
      assert.ok(json.toFillIn.length > 0);
      for (const f of json.toFillIn) assert.equal(at(json, f.path), null, f.path);
      const items = checklist(md);
      assert.equal(items.length, json.toFillIn.length);
      json.toFillIn.forEach((f, i) => assert.ok(items[i]!.includes(f.how), `${items[i]} / ${f.how}`));
      // Below the checklist, one marker per value: none hidden, none extra.
      const body = md.slice(md.indexOf('\n## ', md.indexOf('## Before sending') + 1));
      assert.equal(body.split(TO_FILL_IN).length - 1, json.toFillIn.length, body);
      assert.ok(!md.includes('ext-0123456789') && !JSON.stringify(json).includes('ext-0123456789'), 'the external id stays out');
      // The review says how many before anyone opens the request.
      const review = renderUnionFiles(planOf({ yaml }), { model: 'model.yaml' }).get('review.md')!;
      assert.ok(review.includes(`**${json.toFillIn.length} values to fill in before sending**`), review);
    }
  });

  it("the review's count reads right for none, one and several", () => {
    assert.equal(fillInSentence(0), 'Every value in it is known: it can be sent as written.');
    assert.match(fillInSentence(1), /^\*\*1 value to fill in before sending\*\*/);
    assert.match(fillInSentence(3), /^\*\*3 values to fill in before sending\*\*, each marked \*\*TO FILL IN\*\*/);
  });

  it('the control plane host is to fill in only when the model has none', () => {
    const without = request(PROJECT).json.toFillIn.filter((f) => f.path === '/controlPlaneHost');
    assert.equal(without.length, 1);
    assert.equal(request(PROJECT.replace('org: acme\n', 'org: acme\ncontrolPlaneHost: acme.unionai.cloud\n')).json.toFillIn.filter((f) => f.path === '/controlPlaneHost').length, 0);
  });

  it('bad VPC keys: located findings, at the key', () => {
    const bad = withClusters(
      '{ account: development/project-1, vpc: shared-net, subnet: "Bad Subnet", podsRange: "10.0.0.0/16", servicesRange: services, masterCidr: 172.16.0.8/28, publicSubnets: [subnet-0a1b2c3d] }',
      '    publicSubnets: [subnet-0a1b2c3d, sub-1]\n    privateSubnets: [subnet-0a1b2c3d]\n    masterCidr: 172.16.0.0/28\n',
    );
    const lines = findingLines(compileYaml(bad)).join('\n');
    for (const path of [
      'clusters.dev-1.subnet',
      'clusters.dev-1.podsRange',
      'clusters.dev-1.masterCidr',
      'clusters.dev-1.publicSubnets',
      'clusters.prod-1.publicSubnets',
      'clusters.prod-1.publicSubnets[1]',
      'clusters.prod-1.privateSubnets',
      'clusters.prod-1.masterCidr',
    ])
      assert.match(lines, new RegExp(`^model\\.yaml:\\d+:\\d+ ${path.replace(/[.[\]]/g, '\\$&')}: `, 'm'), `${path}\n${lines}`);
  });
});
