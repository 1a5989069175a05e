// The size limits: where they start, and what they count.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUnitCount, exceeds, MAX_UNITS } from '../../src/model/size';
import type { Model } from '../../src/model/schema';
import { loadFixture } from '../helpers';

const projectIsolation = loadFixture('synth-project-isolation.yaml').model!;
const withProjects = (model: Model, count: number): Model => ({ ...model, projects: Array.from({ length: count }, (_, i) => `p${i}`) });

describe('the unit limit', () => {
  it('admits exactly MAX_UNITS units and refuses one more, counting the default account', () => {
    assert.equal(Object.keys(projectIsolation.domains).length, 2);
    assert.equal(projectIsolation.onDemand?.perDomain, false);
    const atTheLimit = withProjects(projectIsolation, MAX_UNITS / 2);
    assert.deepEqual(checkUnitCount({ ...atTheLimit, onDemand: undefined }), []);
    // The same projects and the shared default account: one unit more.
    const refused = checkUnitCount(atTheLimit);
    assert.equal(refused.length, 1);
    assert.deepEqual(refused[0]!.path, ['projects']);
    assert.equal(refused[0]!.found, '30,001 units: 15000 projects x 2 domains + 1 default unit');
  });

  it('counts a default account per domain with perDomain', () => {
    const model: Model = { ...withProjects(projectIsolation, 15_000), onDemand: { perDomain: true, projects: [] } };
    assert.equal(checkUnitCount(model)[0]?.found, '30,002 units: 15000 projects x 2 domains + 2 default units');
  });

  it('counts domains only in domain isolation, however many projects', () => {
    const model: Model = { ...withProjects(projectIsolation, 100_000), isolation: 'domain', onDemand: undefined };
    assert.deepEqual(checkUnitCount(model), []);
  });
});

describe('counting values', () => {
  it('counts scalars, lists and mappings, and repeated nodes each time', () => {
    const shared = { a: [1, 2] };
    const value = { x: shared, y: shared };
    // value, x, x.a, 1, 2, y, y.a, 1, 2
    assert.equal(exceeds(value, 9), false);
    assert.equal(exceeds(value, 8), true);
  });
});
