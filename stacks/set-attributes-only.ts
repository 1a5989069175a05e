// The generated provider classes return every attribute of the provider's schema from
// synthesizeAttributes(), set or not (the Google provider has 179, an S3 bucket 22), and cdktf then
// snake-cases, merges and resolves all of them, twice, before dropping the undefined ones. While `fn`
// runs, the undefined attributes are dropped first. The JSON is the same byte for byte
// (test/stacks/stability.test.ts pins whole stacks); at 3,000 units synthesis is about a third faster.
// cdktf 0.21 is its last release, so the internal hook this relies on will not move.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself is what is patched
const util: { processDynamicAttributes: (attributes: Record<string, unknown>) => Record<string, unknown> } = require('cdktf/lib/util');

export function withSetAttributesOnly<T>(fn: () => T): T {
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
