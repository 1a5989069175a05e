// docs/GUARANTEES.md: adding a project, domain, pool, cluster or assignment never changes or removes an
// existing resource; removing or renaming one is reported by `diff` as destructive exactly when
// Terraform would destroy or replace an account, project or bucket.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { compileText } from '../../src/compile';
import { formatFinding } from '../../src/cli/report';
import { diffPlans } from '../../src/diff/compare-plans';
import type { Plan } from '../../src/plan/types';
import { runCli } from '../helpers';
import { additionArb, buildModel, grow, specArb, writeModel, type Addition, type ModelObject, type ModelSpec } from './arbitraries';
import { rename } from './mutations';
import { checkProperty, runs } from './runner';
import { cleanTemporaryDirs, synthesizeFresh, temporaryDir, terraformParts } from './synth-output';

after(cleanTemporaryDirs);

function planOf(model: ModelObject): Plan {
  const compiled = compileText(writeModel(model), 'model.yaml');
  assert.ok(compiled.plan, `expected a valid model:\n${compiled.findings.map(formatFinding).join('\n')}\n${writeModel(model)}`);
  return compiled.plan;
}

/** The attributes whose change makes Terraform replace the resource (the rest change in place). */
const REPLACED_BY: Record<string, readonly string[]> = {
  aws_organizations_account: ['email'],
  google_project: ['project_id'],
  aws_s3_bucket: ['bucket'],
  google_storage_bucket: ['name', 'location', 'project'],
};

/**
 * Accounts, projects and buckets of `before` that Terraform would destroy or replace to reach
 * `after`: gone from their address, or changed in an attribute that forces replacement (for an S3
 * bucket, also its stack's provider: another region or account).
 */
function destroyedOrReplaced(before: string, after: string): string[] {
  const [a, b] = [terraformParts(before), terraformParts(after)];
  const out: string[] = [];
  for (const [address, json] of a.protectedResources) {
    const now = b.protectedResources.get(address);
    if (now === undefined) {
      out.push(`${address} destroyed`);
      continue;
    }
    const [stack, typeAndId] = address.split(' ') as [string, string];
    const type = typeAndId.split('.')[0]!;
    const [was, is] = [JSON.parse(json) as Record<string, unknown>, JSON.parse(now) as Record<string, unknown>];
    for (const attribute of REPLACED_BY[type] ?? []) if (JSON.stringify(was[attribute]) !== JSON.stringify(is[attribute])) out.push(`${address} replaced (${attribute})`);
    if (type === 'aws_s3_bucket' && a.parts.get(`${stack} provider.aws`) !== b.parts.get(`${stack} provider.aws`)) out.push(`${address} replaced (provider)`);
  }
  return out;
}

const growthArb = fc
  .tuple(specArb, fc.array(additionArb, { minLength: 1, maxLength: 2 }))
  .map(([spec, additions]) => {
    let grown: ModelSpec = spec;
    const applied: Addition[] = [];
    for (const a of additions) {
      const next = grow(grown, a);
      if (next) [grown, applied[applied.length]] = [next, a];
    }
    return { spec, grown, applied };
  })
  .filter((x) => x.applied.length > 0);

const showGrowth = ([x]: [{ spec: ModelSpec; grown: ModelSpec; applied: Addition[] }]) =>
  `added: ${JSON.stringify(x.applied)}\n--- before\n${writeModel(buildModel(x.spec).model)}--- after\n${writeModel(buildModel(x.grown).model)}`;

describe('property: growing and shrinking a model', () => {
  it('adding a project, domain, pool, cluster or assignment changes or removes nothing that was synthesized, and diff says so', (t) => {
    checkProperty(
      t,
      fc.property(growthArb, ({ spec, grown }) => {
        const [small, big] = [planOf(buildModel(spec).model), planOf(buildModel(grown).model)];
        const [before, after] = [synthesizeFresh(small), synthesizeFresh(big)];
        const [a, b] = [terraformParts(before).parts, terraformParts(after).parts];
        for (const [part, json] of a) {
          assert.ok(b.has(part), `${part} disappeared`);
          assert.equal(b.get(part), json, `${part} changed`);
        }
        assert.equal(diffPlans(small, big).destructive, false, 'diff calls an addition destructive');
        // Removing what was added is the reverse edit: destructive exactly when it destroys or replaces.
        assert.equal(diffPlans(big, small).destructive, destroyedOrReplaced(after, before).length > 0, destroyedOrReplaced(after, before).join('; '));
      }),
      runs(20),
      showGrowth,
    );
  });

  it('renaming an org, domain, project, cluster, pool or workflow is destructive in diff exactly when Terraform would destroy or replace', (t) => {
    const renameArb = fc
      .tuple(specArb, fc.nat(), fc.nat(999))
      .map(([spec, n, k]) => {
        const model = buildModel(spec).model;
        return { model, renamed: rename(model, n, `${n % 7 === 6 ? 'wf_' : ''}rnm${k}`) };
      })
      .filter((x) => x.renamed !== null && compileText(writeModel(x.renamed.model), 'm.yaml').plan !== null);
    checkProperty(
      t,
      fc.property(renameArb, ({ model, renamed }) => {
        const [a, b] = [planOf(model), planOf(renamed!.model)];
        const gone = destroyedOrReplaced(synthesizeFresh(a), synthesizeFresh(b));
        assert.equal(diffPlans(a, b).destructive, gone.length > 0, `${renamed!.description}: ${gone.join('; ') || 'nothing destroyed'}`);
      }),
      runs(15),
      ([x]) => `${x.renamed!.description}\n${writeModel(x.model)}`,
    );
  });

  it('refuses a removal through the real CLI with exit 3, and accepts the addition with exit 0', () => {
    // A sample where the removal destroys something: a domain (its accounts and buckets go with it).
    const [spec] = fc.sample(specArb, { numRuns: 1, seed: 21 }) as ModelSpec[];
    const grown = grow(spec!, { kind: 'domain', name: 'extra', cloud: 'aws' })!;
    const dir = temporaryDir();
    const [small, big] = [path.join(dir, 'small.yaml'), path.join(dir, 'big.yaml')];
    writeFileSync(small, writeModel(buildModel(spec!).model));
    writeFileSync(big, writeModel(buildModel(grown).model));
    const adding = runCli(['diff', '--base', small, '-m', big], { cwd: dir });
    assert.equal(adding.code, 0, adding.stderr);
    const removing = runCli(['diff', '--base', big, '-m', small], { cwd: dir });
    assert.equal(removing.code, 3, removing.stderr);
    assert.match(removing.stderr, /refused: \d+ destructive changes?:\n( {2}.*extra.*\n)+Pass --allow-destroy/);
    assert.equal(runCli(['diff', '--base', big, '-m', small, '--allow-destroy'], { cwd: dir }).code, 0);
    assert.equal(readFileSync(small, 'utf8'), writeModel(buildModel(spec!).model), 'diff writes nothing');
  });
});
