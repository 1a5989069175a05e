// The model's JSON Schema, generated from the zod schema (schema.ts) so editors can complete keys
// and flag mistakes while the model is written (YAML language server: the bundled models name it in
// a `# yaml-language-server: $schema=...` line). It checks shape only: the rules need the tool.
// schema/isolation.schema.json is this function's output; a test keeps the two equal.
import { zodToJsonSchema } from 'zod-to-json-schema';
import { modelSchema } from './schema';

export const SCHEMA_FILE = 'schema/isolation.schema.json';

export function modelJsonSchema(): Record<string, unknown> {
  // Cast: zod-to-json-schema's types name its own copy of zod's types, equal at run time.
  const schema = modelSchema as unknown as Parameters<typeof zodToJsonSchema>[0];
  const generated = zodToJsonSchema(schema, { target: 'jsonSchema7', $refStrategy: 'none' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: 'union-isolation model',
    description: 'The isolation model of union-isolation (README.md, "The model"). Shape only: run `union-isolation validate` for the rules.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

export function renderModelJsonSchema(): string {
  return JSON.stringify(modelJsonSchema(), null, 2) + '\n';
}

// `node dist/src/model/json-schema.js` rewrites the committed schema (npm run schema).
if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  fs.writeFileSync(path.join(__dirname, '..', '..', '..', SCHEMA_FILE), renderModelJsonSchema());
}
