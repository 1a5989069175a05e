// docs/GUARANTEES.md for broken models: a valid model mutated in one place (a reference broken, a type
// changed, a name made illegal, a key misspelt) gives at least one finding located at that place,
// exit 1, never a stack trace; and nothing thrown at the tool, however malformed, crashes it.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { compileText, type Compiled } from '../../src/compile';
import { formatFinding } from '../../src/cli/report';
import { formatPath, isError } from '../../src/model/findings';
import { runCli } from '../helpers';
import { buildModel, specArb, writeModel, type ModelObject, type ModelSpec, type Style } from './arbitraries';
import { mutate, offsetOf, spanOf, type Mutation, type MutationKind } from './mutations';
import { checkProperty, runs } from './runner';
import { cleanTemporaryDirs, temporaryDir } from './synth-output';

after(cleanTemporaryDirs);

const kindArb = fc.constantFrom<MutationKind>('reference', 'type', 'name', 'key');
const styleArb = fc.constantFrom<Style>('block', 'flow', 'json');
const mutationArb = fc
  .tuple(specArb, kindArb, fc.nat(), fc.nat(), styleArb)
  .map(([spec, kind, n, variant, style]) => ({ spec, style, mutation: mutate(buildModel(spec).model, kind, n, variant) }))
  .filter((x): x is { spec: ModelSpec; style: Style; mutation: Mutation } => x.mutation !== null);

const show = ([x]: [{ style: Style; mutation: Mutation }]) => `${x.mutation.description}\n${writeModel(x.mutation.model, x.style)}`;

/** The findings at the mutated place: their path starts with it and their position lies in its text. */
function findingsAtMutation(compiled: Compiled, text: string, mutation: Mutation) {
  const span = spanOf(text, mutation.path);
  assert.ok(span, `the mutated place ${formatPath(mutation.path)} is in the text`);
  return compiled.findings.filter((f) => {
    const under = mutation.path.every((seg, i) => f.path[i] === seg);
    const offset = offsetOf(text, f.line, f.col);
    return under && isError(f) && offset >= span.start && offset <= span.end;
  });
}

describe('property: a valid model mutated in one place', () => {
  it('fails with at least one error finding located at the mutated place', (t) => {
    checkProperty(
      t,
      fc.property(mutationArb, ({ mutation, style }) => {
        const text = writeModel(mutation.model, style);
        const compiled = compileText(text, 'model.yaml');
        assert.equal(compiled.plan, null, 'an invalid model gives no plan');
        const here = findingsAtMutation(compiled, text, mutation);
        assert.ok(here.length > 0, `no finding at ${formatPath(mutation.path)}; findings:\n${compiled.findings.map(formatFinding).join('\n')}`);
        for (const f of compiled.findings) {
          assert.ok(f.problem.length > 0 && f.fix.length > 0, 'every finding says what is wrong and how to fix it');
          assert.doesNotMatch(formatFinding(f), /\n/, 'one finding, one line: names with newlines are quoted');
        }
        if (mutation.kind === 'key') {
          const unknown = here.find((f) => f.problem === 'unknown key');
          assert.ok(unknown, 'a misspelt key is reported as an unknown key');
          // The fix names the key meant when it is the closest allowed one.
          const meant = mutation.original!;
          const suggested = /did you mean "([^"]+)"/.exec(unknown.fix)?.[1];
          const typo = String(mutation.path[mutation.path.length - 1]);
          if (suggested !== undefined) assert.ok(distance(typo, suggested) <= distance(typo, meant), `suggested ${suggested} for ${typo}, meant ${meant}`);
          else assert.ok(distance(typo, meant) > 2, `no suggestion for ${typo}, though ${meant} is ${distance(typo, meant)} edits away`);
        }
      }),
      runs(250),
      show,
    );
  });

  it('exits 1 through the real CLI, with the finding at its FILE:LINE:COL, no stack trace, and synth writes nothing', () => {
    // One mutation of each kind (CLI runs cost a process each).
    const pool = fc.sample(mutationArb, { numRuns: 60, seed: 11 });
    const samples = (['reference', 'type', 'name', 'key'] as const).map((kind) => pool.find((s) => s.mutation.kind === kind)!);
    for (const { mutation, style } of samples) {
      const dir = temporaryDir();
      const file = path.join(dir, 'model.yaml');
      const text = writeModel(mutation.model, style);
      writeFileSync(file, text);
      const expected = findingsAtMutation(compileText(text, file), text, mutation).map(formatFinding);
      for (const command of [['validate'], ['synth', '-o', path.join(dir, 'out')]]) {
        const r = runCli([...command, '-m', file], { cwd: dir });
        assert.equal(r.code, 1, `${command[0]} on ${mutation.description}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /internal error|\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
        assert.ok(
          expected.some((line) => r.stderr.includes(line)),
          `${command[0]} prints the located finding for ${mutation.description}:\n${r.stderr}`,
        );
        const lines = r.stderr.trimEnd().split('\n');
        assert.equal(lines.at(-1), `${file}: ${lines.length - 1} error${lines.length === 2 ? '' : 's'}, 0 warnings`);
      }
      assert.equal(existsSync(path.join(dir, 'out')), false, 'synth writes nothing for an invalid model');
    }
  });
});

describe('property: malformed input never crashes the tool', () => {
  const neverThrows = (text: string) => {
    const compiled = compileText(text, 'model.yaml');
    if (compiled.plan === null) assert.ok(compiled.findings.some(isError), 'no plan, so at least one error finding');
    for (const f of compiled.findings) {
      assert.ok(Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.col) && f.col >= 1, `a position: ${f.line}:${f.col}`);
      assert.ok(f.problem && f.fix, 'what is wrong, and the fix');
    }
  };

  it('turns any JSON value into findings or a plan', (t) => {
    checkProperty(
      t,
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => neverThrows(JSON.stringify(value))),
      runs(300),
    );
  });

  it('turns any text, binary or YAML-like, into findings', (t) => {
    const yamlish = fc
      .array(fc.constantFrom('org: acme', '\n', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '!!str ', '? ', '"', "'", '#', '|', '>', '  ', '\t', '%YAML 1.2\n', '---\n', '...\n', 'domains:', 'aws', '<<: *a'), { maxLength: 60 })
      .map((parts) => parts.join(''));
    checkProperty(
      t,
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), neverThrows),
      runs(400),
    );
  });

  it('turns a valid model with several mutations into findings', (t) => {
    // Later edits may not apply to what earlier ones left (a cluster that is no longer a mapping): those are skipped.
    const tryMutate = (model: ModelObject, kind: MutationKind, n: number, variant: number): ModelObject => {
      try {
        return mutate(model, kind, n, variant)?.model ?? model;
      } catch {
        return model;
      }
    };
    const severalArb = fc
      .tuple(specArb, fc.array(fc.tuple(kindArb, fc.nat(), fc.nat()), { minLength: 2, maxLength: 5 }), styleArb)
      .map(([spec, edits, style]) => writeModel(edits.reduce((model, [kind, n, variant]) => tryMutate(model, kind, n, variant), buildModel(spec).model), style));
    checkProperty(t, fc.property(severalArb, neverThrows), runs(150), ([text]) => text);
  });
});
