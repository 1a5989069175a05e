// Issue 26: over generated models, self-managed and BYOC, and additions to them (a project, an
// on-demand project, a cluster, a pool, a domain, an assignment, a BYOC setting, the backend), the stacks
// `stacks --changed` and `diff` list are exactly those whose synthesized Terraform differs, and no
// stack they list as ready reads the state of a new one (test/diff/synthesized-changes.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileText } from '../../src/compile';
import { formatFinding } from '../../src/cli/report';
import type { Plan } from '../../src/plan/types';
import { checkStackChanges } from '../diff/synthesized-changes';
import { synthApp } from '../stacks/synth';
import { additionArb, buildModel, grow, specArb, writeModel, type Addition, type ModelObject, type ModelSpec } from './arbitraries';
import { buildByocModel, byocAdditionArb, byocSpecArb, growByoc, type ByocAddition, type ByocSpec } from './byoc-models';
import { checkProperty, runs } from './runner';

interface Version {
  readonly spec: ModelSpec;
  readonly byoc: ByocSpec | null;
}

/** Additions, BYOC settings, and a move to another backend (arbitraries.ts: backendChoice). */
type Change = { readonly model: Addition } | { readonly byoc: ByocAddition } | { readonly backend: number };

const modelOf = (v: Version): ModelObject => (v.byoc ? buildByocModel(v.spec, v.byoc) : buildModel(v.spec).model);

function planOf(v: Version): Plan {
  const text = writeModel(modelOf(v));
  const compiled = compileText(text, 'model.yaml');
  assert.ok(compiled.plan, `expected a valid model:\n${compiled.findings.map(formatFinding).join('\n')}\n${text}`);
  return compiled.plan;
}

/** The version with `change` made, or null when it does not apply (a BYOC setting on a self-managed model, a name taken). */
function apply(v: Version, change: Change): Version | null {
  if ('model' in change) {
    const spec = grow(v.spec, change.model);
    return spec && { ...v, spec };
  }
  if ('backend' in change) return change.backend === v.spec.backendChoice % 6 ? null : { ...v, spec: { ...v.spec, backendChoice: change.backend } };
  const byoc = v.byoc && growByoc(v.spec, v.byoc, change.byoc);
  return byoc && { ...v, byoc };
}

const changesArb = fc
  .tuple(
    specArb,
    fc.option(byocSpecArb, { nil: null, freq: 2 }),
    fc.array(
      fc.oneof(
        { arbitrary: additionArb.map((a): Change => ({ model: a })), weight: 3 },
        { arbitrary: byocAdditionArb.map((b): Change => ({ byoc: b })), weight: 2 },
        { arbitrary: fc.nat(5).map((b): Change => ({ backend: b })), weight: 1 },
      ),
      { minLength: 1, maxLength: 2 },
    ),
  )
  .map(([spec, byoc, changes]) => {
    const before: Version = { spec, byoc };
    let after = before;
    const applied: Change[] = [];
    for (const c of changes) {
      const next = apply(after, c);
      if (next) [after, applied[applied.length]] = [next, c];
    }
    return { before, after, applied };
  })
  .filter((x) => x.applied.length > 0);

describe('property: the stacks a change touches', () => {
  it('stacks --changed lists exactly the stacks whose synthesized Terraform differs, and none ready that reads a new one', (t) => {
    checkProperty(
      t,
      fc.property(changesArb, ({ before, after }) => {
        const [a, b] = [planOf(before), planOf(after)];
        checkStackChanges(a, synthApp(a), b);
      }),
      runs(40),
      ([x]) => `changes: ${JSON.stringify(x.applied)}\n--- before\n${writeModel(modelOf(x.before))}--- after\n${writeModel(modelOf(x.after))}`,
    );
  });
});
