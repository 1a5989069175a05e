// The generated provider classes return every attribute of the provider's schema from
// synthesizeAttributes(), set or not (the Google provider has 179, an S3 bucket 22), and cdktf then
// snake-cases, merges and resolves all of them, twice, before dropping the undefined ones. While `fn`
// runs, the undefined attributes are dropped first. The JSON is the same byte for byte
// (test/speedups/on-off.test.ts compares whole outputs with the speedups off).
// The hook is cdktf/lib/util's exported processDynamicAttributes, an internal of cdktf 0.21: a cdktf
// upgrade, or the move to the cdktn fork, is checked by that test, and this file can simply go.
type Util = { processDynamicAttributes: (attributes: Record<string, unknown>) => Record<string, unknown> };

export function withSetAttributesOnly<T>(fn: () => T): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself is what is patched
  const util: Util = require('cdktf/lib/util');
  const process = util.processDynamicAttributes;
  util.processDynamicAttributes = (attributes) => process(setOnly(attributes));
  try {
    return fn();
  } finally {
    util.processDynamicAttributes = process;
  }
}

function setOnly(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in attributes) if (attributes[key] !== undefined) out[key] = attributes[key];
  return out;
}
