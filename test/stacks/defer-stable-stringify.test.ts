// The stand-in for json-stable-stringify must write what the package writes, byte for byte, for the
// way cdktf calls it and for the values it may meet; anything else goes to the package itself.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeStacks } from '../../stacks/write-stacks';
import { stableStringify, viaNativeStringify } from '../../stacks/defer-stable-stringify';
import { planOf, temporaryDir } from '../helpers';
import { checkProperty, runs } from '../property/runner';

type Stringify = (value: unknown, options?: unknown) => string | undefined;

const cdktfRequire = Module.createRequire(require.resolve('cdktf'));
const file = cdktfRequire.resolve('json-stable-stringify');
/** What cdktf's `require` gets: the stand-in, installed when stacks/synthesize was imported above. */
const standIn = cdktfRequire('json-stable-stringify') as Stringify;
/** The package itself, loaded beside the stand-in without disturbing it. */
const real = ((): Stringify => {
  const installed = require.cache[file];
  delete require.cache[file];
  try {
    return cdktfRequire('json-stable-stringify') as Stringify;
  } finally {
    require.cache[file] = installed;
  }
})();

const awkward = fc.constantFrom<unknown>(undefined, null, () => 1, new Date(0), { toJSON: () => ({ b: 1, a: [undefined] }) }, [], {}, [[]], { '': {} }, -0, 1e21, NaN, 'é\u2028"\\');
const values: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), awkward),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Plain JSON data, the kind the native path writes: keys now and then array indices or `__proto__`. */
const key = fc.oneof(fc.string(), fc.constantFrom('0', '7', '10', '01', '-1', '1.5', '__proto__', 'constructor', 'b', 'B', 'é', ''));
const plainValues: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { minLength: 1, maxLength: 5 }),
    fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 6 }),
  ),
})).value;

describe('the stand-in for json-stable-stringify', () => {
  it('is what cdktf loads', () => {
    assert.notEqual(standIn, real);
  });

  it('writes what the package writes, for any JSON-like value, at any indent', (t) => {
    const property = fc.property(values, fc.constantFrom<unknown>(2, 0, 4, '\t', ''), (value, space) => {
      assert.equal(standIn(value, { space }), real(value, { space }));
    });
    checkProperty(t, property, runs(400));
  });

  it("writes plain JSON data as the package does, with the engine's JSON.stringify where it can", (t) => {
    const property = fc.property(plainValues, fc.constantFrom<unknown>(2, 0, '\t', '', 'x'.repeat(12)), (value, space) => {
      assert.equal(standIn(value, { space }), real(value, { space }));
    });
    checkProperty(t, property, runs(400));
  });

  it('leaves to the walk what JSON.stringify would write differently', () => {
    const withToJSON = Object.assign([1, 2], { toJSON: () => 'X' });
    const differently: unknown[] = [withToJSON, { a: withToJSON }, { b: 1, 10: 2, 2: 3 }, { a: {} }, { a: [] }, JSON.parse('{"__proto__": {"x": 1}, "a": 1}'), { a: new Date(0) }, { a: undefined }, [1, () => 1]];
    for (const value of differently) {
      assert.equal(viaNativeStringify(value, '  '), undefined, JSON.stringify(value));
      assert.equal(standIn(value, { space: 2 }), real(value, { space: 2 }));
    }
  });

  it('takes the native path for every stack cdktf writes', () => {
    const outdir = temporaryDir();
    writeStacks(planOf({ fixture: 'synth-project-isolation.yaml' }), outdir);
    const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
    assert.ok(stacks.length >= 5);
    for (const stack of stacks) {
      const written = fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
      const document: unknown = JSON.parse(written);
      assert.equal(viaNativeStringify(document, '  '), written, stack);
      assert.equal(real(document, { space: 2 }), written, stack);
    }
  });

  it('fails on a cycle where the package does, and shares repeated values as the package does', () => {
    const shared = { x: [1] };
    assert.equal(standIn({ a: shared, b: [shared, shared] }, { space: 2 }), real({ a: shared, b: [shared, shared] }, { space: 2 }));
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    assert.throws(() => stableStringify(cycle, '  '), /circular/);
    assert.throws(() => real(cycle, { space: 2 }), /circular/);
  });

  it('leaves other options to the package', () => {
    const cmp = (a: { key: string }, b: { key: string }) => (a.key < b.key ? 1 : -1);
    assert.equal(standIn({ a: 1, b: 2 }, { cmp }), '{"b":2,"a":1}');
    assert.equal(standIn({ a: 1, b: 2 }), real({ a: 1, b: 2 }));
  });
});
