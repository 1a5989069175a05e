// The plain-value shortcut of cdktf's resolver must return exactly what cdktf's resolver returns,
// for plain values and for values holding tokens of every kind, anywhere in them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { App, Fn, Lazy, TerraformStack, Token, Tokenization, DefaultTokenResolver, StringConcat } from 'cdktf';
import { withPlainValuesCopied } from '../../src/speedups/copy-plain-values';
import { temporaryDir } from '../helpers';
import { checkProperty, runs } from '../property/runner';

// An outdir of its own: `new App()` creates ./cdktf.out, which would then block `npm start`'s synth.
const stack = new TerraformStack(new App({ stackTraces: false, outdir: temporaryDir('ui-values-') }), 'values');
const resolver = new DefaultTokenResolver(new StringConcat());
const resolveWith = (value: unknown) => Tokenization.resolve(value, { scope: stack, resolver });

/** Tokens of each encoding cdktf has: strings, lists, numbers, maps, and resolvables as they are. */
const tokens: fc.Arbitrary<unknown> = fc.constantFrom(
  Token.asString(Lazy.stringValue({ produce: () => 'lazy' })),
  `prefix-${Token.asString(Lazy.stringValue({ produce: () => 'mid' }))}-suffix`,
  Token.asList(Lazy.listValue({ produce: () => ['a', 'b'] })),
  Token.asNumber(Lazy.numberValue({ produce: () => 42 })),
  `${Token.asNumber(Lazy.numberValue({ produce: () => 7 }))}`,
  Token.asStringMap(Lazy.anyValue({ produce: () => ({ k: 'v' }) })),
  Lazy.anyValue({ produce: () => ({ nested: [1, 'two', undefined] }) }),
  Fn.upper('x'),
  { [Token.asString(Lazy.stringValue({ produce: () => 'key' }))]: 'keyed by a token' },
);

/** Strings cdktf might treat specially without a token: escapes, braces, number-like text. */
const awkwardStrings = fc.constantFrom('${aws_s3_bucket.b.id}', '$${literal}', '{}', '1e5', 'p-e-x', '-e+', '3.5e-2', 'TfToken', '#{not}', '&{x}');

const values: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), awkwardStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), tokens),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), awkwardStrings), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('copying plain values instead of resolving them', () => {
  it('gives what cdktf gives, for any mix of plain values and tokens', (t) => {
    const property = fc.property(values, (value) => {
      assert.deepEqual(withPlainValuesCopied(() => resolveWith(value)), resolveWith(value));
    });
    checkProperty(t, property, runs(300));
  });

  it('fails where cdktf fails, with its message', () => {
    const listInString = { tags: { name: `x${Token.asList(Lazy.listValue({ produce: () => ['a'] }))[0]}` } };
    const deep: Record<string, unknown> = {};
    let here = deep;
    for (let i = 0; i < 250; i++) here = (here.next = {}) as Record<string, unknown>;
    for (const bad of [listInString, deep, { f: () => 1 }]) {
      const expected = (() => {
        try {
          resolveWith(bad);
        } catch (err) {
          return (err as Error).message;
        }
        return 'no error';
      })();
      assert.notEqual(expected, 'no error');
      assert.throws(() => withPlainValuesCopied(() => resolveWith(bad)), { message: expected });
    }
  });

  it('puts cdktf’s resolver back, also when the callback throws', () => {
    const before = require('cdktf/lib/tokens/private/resolve').resolve as unknown; // eslint-disable-line @typescript-eslint/no-require-imports
    assert.throws(() => withPlainValuesCopied(() => { throw new Error('boom'); }), /boom/);
    assert.equal(require('cdktf/lib/tokens/private/resolve').resolve, before); // eslint-disable-line @typescript-eslint/no-require-imports
  });
});
