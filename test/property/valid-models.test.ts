// docs/GUARANTEES.md for models nobody wrote by hand: any valid model validates, resolves to valid and
// unique names, keeps the seed's sharing rule and isolation, and synthesizes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { compileText } from '../../src/compile';
import { formatFinding } from '../../src/cli/report';
import { isError } from '../../src/model/findings';
import { renderUnionFiles } from '../../src/files/union-files';
import { runCli } from '../helpers';
import { buildModel, specArb, wildSpecArb, writeModel, type ModelSpec, type Style } from './arbitraries';
import { isolationViolations, nameViolations, sharingViolations } from './oracles';
import { checkProperty, runs } from './runner';
import { cleanTemporaryDirs, synthesizeFresh, temporaryDir, terraformParts, treeOf } from './synth-output';

after(cleanTemporaryDirs);

const styleArb = fc.constantFrom<Style>('block', 'flow', 'json');
const showSpec = ([spec, style]: [ModelSpec, Style?]) => writeModel(buildModel(spec).model, style ?? 'block');

/** Compiles a generated model and fails with its findings when it is not valid. */
function compileValid(spec: ModelSpec, style: Style = 'block') {
  const built = buildModel(spec);
  const compiled = compileText(writeModel(built.model, style), style === 'json' ? 'model.json' : 'model.yaml');
  const errors = compiled.findings.filter(isError);
  assert.deepEqual(errors.map(formatFinding), [], 'a valid model must have no error findings');
  assert.ok(compiled.plan, 'a valid model must resolve to a plan');
  return { built, plan: compiled.plan };
}

describe('property: any valid model', () => {
  it('validates and resolves, with every derived name valid for its cloud and unique', (t) => {
    checkProperty(
      t,
      fc.property(specArb, styleArb, (spec, style) => {
        const { plan } = compileValid(spec, style);
        assert.deepEqual(nameViolations(plan), []);
      }),
      runs(150),
      showSpec,
    );
  });

  it("keeps the seed's sharing rule: one bucket per storage group, in its clusters' account", (t) => {
    checkProperty(
      t,
      fc.property(specArb, (spec) => {
        const { built, plan } = compileValid(spec);
        assert.deepEqual(sharingViolations(built.model, plan), []);
      }),
      runs(150),
      ([spec]) => showSpec([spec]),
    );
  });

  it('never sends a pair outside its isolation unit unless the assignment says allowCrossIsolation', (t) => {
    checkProperty(
      t,
      fc.property(specArb, (spec) => {
        const { built, plan } = compileValid(spec);
        assert.deepEqual(isolationViolations(spec, built.model, plan), []);
        // Each cross-isolation assignment is shown to the reviewer.
        assert.equal(plan.warnings.filter((w) => w.path.startsWith('poolAssignments')).length, plan.assignments.filter((a) => a.crossIsolation).length);
      }),
      runs(150),
      ([spec]) => showSpec([spec]),
    );
  });

  it('synthesizes: every planned stack, parseable Terraform JSON with valid identifiers, and the union files', (t) => {
    checkProperty(
      t,
      fc.property(specArb, (spec) => {
        const { plan } = compileValid(spec);
        const out = synthesizeFresh(plan);
        const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
        // The cloud backend adds the stack that creates the HCP Terraform workspaces.
        const hcp = plan.backend.type === 'cloud' ? ['hcp-bootstrap'] : [];
        assert.deepEqual(Object.keys(manifest.stacks).sort(), [...plan.stacks.map((s) => s.name), ...hcp].sort());
        const { identifiers, protectedResources } = terraformParts(out);
        for (const id of identifiers) assert.match(id, /^[A-Za-z_][A-Za-z0-9_-]*$/, 'Terraform identifiers');
        // Every account, project and bucket of the plan is a protected resource.
        const buckets = new Set(plan.storageGroups.flatMap((g) => [g.bucket, g.fastRegistrationBucket]));
        const created = plan.units.length + buckets.size;
        assert.ok(protectedResources.size >= created, `${protectedResources.size} protected resources for ${created} accounts, projects and buckets`);
        const union = treeOf(path.join(out, 'union'));
        const expected = renderUnionFiles(plan);
        assert.deepEqual([...union.keys()].sort(), [...expected.keys()].sort());
        for (const [rel, text] of expected) assert.equal(union.get(rel), Buffer.from(text, 'utf8').toString('latin1'), rel);
      }),
      runs(20),
      ([spec]) => showSpec([spec]),
    );
  });
});

describe('property: any model with names that may collide', () => {
  it('is planned only when every derived name is valid and unique, the sharing rule holds and isolation is kept', (t) => {
    const seen = { planned: 0, refused: 0 };
    checkProperty(
      t,
      fc.property(wildSpecArb, (spec) => {
        const built = buildModel(spec);
        const compiled = compileText(writeModel(built.model), 'model.yaml');
        if (compiled.plan === null) {
          seen.refused++;
          assert.ok(compiled.findings.some(isError), 'refused with at least one error');
          return;
        }
        seen.planned++;
        assert.deepEqual(nameViolations(compiled.plan), []);
        assert.deepEqual(sharingViolations(built.model, compiled.plan), []);
        assert.deepEqual(isolationViolations(spec, built.model, compiled.plan), []);
        // A planned model renders: the renderers re-check file names and throw on a bad one.
        renderUnionFiles(compiled.plan);
      }),
      runs(250),
      ([spec]) => showSpec([spec]),
    );
    // Both sides were exercised: some models planned, some refused.
    assert.ok(seen.planned > 0 && seen.refused > 0, JSON.stringify(seen));
  });

  it('synthesizes whenever it is planned', (t) => {
    checkProperty(
      t,
      fc.property(wildSpecArb, (spec) => {
        const plan = compileText(writeModel(buildModel(spec).model), 'model.yaml').plan;
        if (plan !== null) assert.ok(treeOf(synthesizeFresh(plan)).size > 0);
      }),
      runs(25),
      ([spec]) => showSpec([spec]),
    );
  });
});

describe('property: any valid model through the real CLI (a sample)', () => {
  it('validate exits 0 and synth writes the output, without a finding or a stack trace', () => {
    const samples = fc.sample(specArb, { numRuns: runs(3), seed: 7 });
    for (const spec of samples) {
      const dir = temporaryDir();
      const model = path.join(dir, 'isolation.yaml');
      writeFileSync(model, writeModel(buildModel(spec).model));
      const validate = runCli(['validate', '-m', model], { cwd: dir });
      assert.equal(validate.code, 0, validate.stderr);
      // Only placement warnings (bucket regions, allowed cross-isolation) and their summary, never a finding.
      for (const line of validate.stderr.split('\n').filter(Boolean)) assert.match(line, /: warning: |: 0 errors, \d+ warnings?$/);
      const synth = runCli(['synth', '-m', model, '-o', 'out'], { cwd: dir });
      assert.equal(synth.code, 0, synth.stderr);
      assert.ok(existsSync(path.join(dir, 'out', 'manifest.json')));
    }
  });
});
