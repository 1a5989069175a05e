// The stand-in for json-stable-stringify must write what the package writes, byte for byte, for the
// way cdktf calls it and for the values it may meet; anything else goes to the package itself.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import '../../stacks/synthesize';
import { stableStringify } from '../../stacks/defer-stable-stringify';
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
