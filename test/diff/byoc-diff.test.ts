// diff and Union's access (BYOC): a new template version is one in-place change per AWS unit;
// turning BYOC on adds access; dropping it on GCP destroys Union's identities there and is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffPlans } from '../../src/diff/compare-plans';
import { fixtureText, planOf } from '../helpers';

const BYOC = fixtureText('byoc-project-isolation.yaml');

describe('diff: Union access', () => {
  it('shows a new template version as an in-place update of each AWS unit, nothing destructive', () => {
    const d = diffPlans(planOf({ yaml: BYOC }), planOf({ yaml: BYOC.replace('buckets: create }', 'buckets: create, templateVersion: v0.15 }') }));
    assert.deepEqual(
      d.units.map((u) => [u.unit, u.change, u.details]),
      ['default', 'production/project-1', 'production/project-2'].map((k) => [k, 'changed', ["Union's template v0.14 -> v0.15: CloudFormation stack updated in place"]]),
    );
    assert.equal(d.destructive, false);
    assert.deepEqual(d.buckets, []);
  });

  it('adds access when a self-managed model turns to BYOC', () => {
    const selfManaged = BYOC.replace('deployment: byoc\n', 'controlPlaneHost: acme.unionai.cloud\n').replace(/^byoc: .*\n/m, '');
    const d = diffPlans(planOf({ yaml: selfManaged }), planOf({ yaml: BYOC }));
    const prod = d.units.find((u) => u.unit === 'production/project-1')!;
    assert.ok(prod.details.includes("Union access added: Union's CloudFormation stack (template v0.14) in stack aws-union-access-production_project-1"), prod.details.join('\n'));
    const dev = d.units.find((u) => u.unit === 'development/project-1')!;
    assert.ok(dev.details.some((l) => l.startsWith("Union access added: Union's pool, role and service account")));
    assert.equal(d.destructive, false);
  });

  it('is destructive when GCP access goes (Terraform would destroy Union\'s pool and service account)', () => {
    const selfManaged = BYOC.replace('deployment: byoc\n', 'controlPlaneHost: acme.unionai.cloud\n').replace(/^byoc: .*\n/m, '');
    const d = diffPlans(planOf({ yaml: BYOC }), planOf({ yaml: selfManaged }));
    assert.equal(d.destructive, true);
    assert.ok(d.units.find((u) => u.unit === 'development/project-1')!.destructive);
    assert.equal(d.units.find((u) => u.unit === 'production/project-1')!.destructive, false);
  });
});
