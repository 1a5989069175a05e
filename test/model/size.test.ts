// The size limits: where they start, and what they count.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { checkUnitCount, exceeds, exceedsDistinct, MAX_UNITS, valuesAtLeast } from '../../src/model/size';
import type { Model } from '../../src/model/schema';
import { fixtureText, loadFixture, ROOT } from '../helpers';

const projectIsolation = loadFixture('synth-project-isolation.yaml').model!;
const withProjects = (model: Model, count: number): Model => ({ ...model, projects: Array.from({ length: count }, (_, i) => `p${i}`) });

describe('the unit limit', () => {
  it('admits exactly MAX_UNITS project-domain pairs and refuses more, counting on-demand projects', () => {
    assert.equal(Object.keys(projectIsolation.domains).length, 2);
    assert.deepEqual(projectIsolation.onDemand?.projects, ['ml-experiments']);
    const atTheLimit = withProjects(projectIsolation, MAX_UNITS / 2);
    assert.deepEqual(checkUnitCount({ ...atTheLimit, onDemand: { ...atTheLimit.onDemand!, projects: [] } }), []);
    // The same projects and the one on-demand project: two pairs more.
    const refused = checkUnitCount(atTheLimit);
    assert.equal(refused.length, 1);
    assert.deepEqual(refused[0]!.path, ['projects']);
    assert.equal(refused[0]!.found, '30,002 pairs: (15,000 projects + 1 on demand) x 2 domains');
  });

  it('counts pairs in domain isolation too: each is an attribute file and an assignment', () => {
    const model: Model = { ...withProjects(projectIsolation, MAX_UNITS / 2 + 1), isolation: 'domain', onDemand: undefined };
    assert.equal(checkUnitCount(model)[0]?.found, '30,002 pairs: 15,001 projects x 2 domains');
    assert.deepEqual(checkUnitCount({ ...model, projects: model.projects.slice(1) }), []);
  });
});

describe('the unit limit, located', () => {
  it('points at the longer of the two project lists', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `o${i}`);
    const model: Model = { ...projectIsolation, onDemand: { ...projectIsolation.onDemand!, projects: many } };
    assert.deepEqual(checkUnitCount(model)[0]?.path, ['onDemand', 'projects']);
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

  it('counts a shared node once when counting what the text holds', () => {
    const shared = { a: [1, 2] };
    const value = { x: shared, y: shared };
    // value, x, x.a, 1, 2, y (shared: not walked again)
    assert.equal(exceedsDistinct(value, 6), false);
    assert.equal(exceedsDistinct(value, 5), true);
  });
});

describe('counting values before the parse', () => {
  const texts = [
    ...readdirSync(path.join(ROOT, 'test', 'fixtures')).map((f) => fixtureText(f)),
    readFileSync(path.join(ROOT, 'stacks', 'isolation.yaml'), 'utf8'),
    'a: [x, y: 2, {c: d, e}, [1, 2,]]\nb: "x, y: - z"\nc: |\n  - a\n  : b, c\n',
    '- - - x\n- ? k\n  : v\n- {a: 1, b: [2, 3]}\n- &s [1, 2]\n- *s\n',
    "k: 'it''s: a, b'\nl: plain, with colon, - dash\n# - a comment: with, all [of {them\n",
  ];

  it('never counts more than the value holds: a bound, so a model it refuses is too big', () => {
    for (const text of texts) {
      const atLeast = valuesAtLeast(text);
      assert.ok(atLeast > 1, text);
      assert.equal(exceedsDistinct(parse(text), atLeast - 1), true, `${atLeast} values counted in:\n${text}`);
    }
  });

  it('counts block items, mapping values and flow list items, as the hostile texts write them', () => {
    assert.equal(valuesAtLeast('-\n'.repeat(1_000)), 1_001);
    assert.equal(valuesAtLeast(`projects: [${Array.from({ length: 1_000 }, (_, i) => `p${i}`).join(',')}]\n`), 1_001);
    assert.equal(valuesAtLeast('a: {b: 1, c: 2}\n'), 4);
  });
});
