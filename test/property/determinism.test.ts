// docs/GUARANTEES.md, "same model, same bytes": reordering keys and the lists that carry no meaning,
// writing the model in another style, or synthesizing from another directory gives byte-identical output.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { compileText } from '../../src/compile';
import { formatFinding } from '../../src/cli/report';
import { renderUnionFiles } from '../../src/files/union-files';
import type { Plan } from '../../src/plan/types';
import { runCli } from '../helpers';
import { buildModel, reorder, seeded, shuffleAssignments, specArb, writeModel, type ModelSpec, type Style } from './arbitraries';
import { checkProperty, runs } from './runner';
import { cleanTemporaryDirs, synthesizeFresh, temporaryDir, treeOf } from './synth-output';

after(cleanTemporaryDirs);

const styleArb = fc.constantFrom<Style>('block', 'flow', 'json');
/** A model, and the same model with keys and unordered lists shuffled, written in another style. */
const pairArb = fc.tuple(specArb, fc.nat(), styleArb, styleArb, fc.integer({ min: 1, max: 4 })).map(([spec, seed, styleA, styleB, indent]) => {
  const model = buildModel(spec).model;
  return { spec, a: writeModel(model, styleA), b: writeModel(reorder(model, seeded(seed)), styleB, indent) };
});
const show = ([x]: [{ a: string; b: string }]) => `--- as written\n${x.a}--- reordered\n${x.b}`;

function planOf(text: string): Plan {
  const compiled = compileText(text, 'model.yaml');
  assert.ok(compiled.plan, compiled.findings.map(formatFinding).join('\n'));
  return compiled.plan;
}

describe('property: the same model gives the same bytes', () => {
  it('gives the same plan JSON and union files whatever the order of keys and unordered lists', (t) => {
    checkProperty(
      t,
      fc.property(pairArb, ({ a, b }) => {
        const [planA, planB] = [planOf(a), planOf(b)];
        // What `plan --json` prints, byte for byte.
        assert.equal(JSON.stringify(planB, null, 2), JSON.stringify(planA, null, 2));
        assert.deepEqual([...renderUnionFiles(planB)], [...renderUnionFiles(planA)]);
      }),
      runs(120),
      show,
    );
  });

  it('changes nothing but the positions warnings cite when poolAssignments are reordered', (t) => {
    const assignmentsArb = fc.tuple(specArb, fc.nat()).map(([spec, seed]) => {
      const model = buildModel(spec).model;
      return { a: writeModel(model), b: writeModel(shuffleAssignments(model, seeded(seed))) };
    });
    const cited = (plan: Plan) => ({ ...plan, warnings: plan.warnings.map((w) => ({ ...w, path: w.path.replace(/\[\d+\]/, '[N]') })).sort((x, y) => (x.message < y.message ? -1 : 1)) });
    checkProperty(
      t,
      fc.property(assignmentsArb, ({ a, b }) => {
        const [planA, planB] = [planOf(a), planOf(b)];
        assert.equal(JSON.stringify(cited(planB)), JSON.stringify(cited(planA)));
        const [filesA, filesB] = [renderUnionFiles(planA), renderUnionFiles(planB)];
        for (const [file, text] of filesA) if (file !== 'review.md' && file !== 'plan.json') assert.equal(filesB.get(file), text, file);
      }),
      runs(60),
      show,
    );
  });

  it('synthesizes byte-identical Terraform and files whatever the order', (t) => {
    checkProperty(
      t,
      fc.property(pairArb, ({ a, b }) => {
        const [outA, outB] = [synthesizeFresh(planOf(a)), synthesizeFresh(planOf(b))];
        assert.deepEqual(treeOf(outB), treeOf(outA));
      }),
      runs(12),
      show,
    );
  });

  it('synthesizes byte-identical output through the CLI from another directory, time zone and locale', () => {
    for (const spec of fc.sample(specArb, { numRuns: runs(2), seed: 5 }) as ModelSpec[]) {
      const home = temporaryDir();
      const elsewhere = path.join(temporaryDir(), 'some', 'where else');
      mkdirSync(elsewhere, { recursive: true });
      writeFileSync(path.join(home, 'isolation.yaml'), writeModel(buildModel(spec).model));
      const here = runCli(['synth', '-m', 'isolation.yaml', '-o', 'out'], { cwd: home });
      assert.equal(here.code, 0, here.stderr);
      const there = runCli(['synth', '-m', path.join(home, 'isolation.yaml'), '-o', path.join(elsewhere, 'cdktf.out')], {
        cwd: elsewhere,
        env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      });
      assert.equal(there.code, 0, there.stderr);
      const [a, b] = [treeOf(path.join(home, 'out')), treeOf(path.join(elsewhere, 'cdktf.out'))];
      assert.ok(a.size > 3, 'the output is not empty');
      assert.deepEqual(b, a);
      // No machine path in any file.
      for (const [file, text] of a) assert.ok(!text.includes(home) && !text.includes(elsewhere), `${file} holds a machine path`);
    }
  });

  it(
    'synthesizes byte-identical output when the model is named by another relative path',
    () => {
      const [spec] = fc.sample(specArb, { numRuns: 1, seed: 5 }) as ModelSpec[];
      const root = temporaryDir();
      mkdirSync(path.join(root, 'a'));
      mkdirSync(path.join(root, 'b'));
      writeFileSync(path.join(root, 'a', 'isolation.yaml'), writeModel(buildModel(spec!).model));
      assert.equal(runCli(['synth', '-m', 'isolation.yaml', '-o', 'out'], { cwd: path.join(root, 'a') }).code, 0);
      assert.equal(runCli(['synth', '-m', '../a/isolation.yaml', '-o', 'out'], { cwd: path.join(root, 'b') }).code, 0);
      assert.deepEqual(treeOf(path.join(root, 'b', 'out')), treeOf(path.join(root, 'a', 'out')));
    },
  );
});
