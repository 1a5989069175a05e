// The committed JSON Schema is the one generated from zod, and it agrees with the shape check on
// every fixture and the bundled model: valid ones pass, unknown keys are rejected.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { renderModelJsonSchema, SCHEMA_FILE } from '../../src/model/json-schema';
import { checkShape } from '../../src/model/shape';
import { ROOT } from '../helpers';

// ajv (draft-07) comes with eslint, a development dependency: tests only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv') as new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

const models = [
  path.join(ROOT, 'stacks', 'isolation.yaml'),
  ...readdirSync(path.join(ROOT, 'test', 'fixtures'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(ROOT, 'test', 'fixtures', f)),
];

describe('the JSON Schema of the model', () => {
  const committed = readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8');
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(committed) as object);

  it('is the one generated from the zod schema (npm run schema rewrites it)', () => {
    assert.equal(committed, renderModelJsonSchema());
  });

  it('accepts every fixture and the bundled model that the shape check accepts; the bundled model names it', () => {
    for (const file of models) {
      const text = readFileSync(file, 'utf8');
      const value = parse(text) as unknown;
      assert.ok(checkShape(value).model, `${file} is shape-valid`);
      assert.ok(validate(value), `${file}: ${JSON.stringify(validate.errors)}`);
    }
    assert.match(readFileSync(models[0]!, 'utf8'), /^# yaml-language-server: \$schema=\.\.\/schema\/isolation\.schema\.json$/m);
  });

  it('rejects unknown keys at every level, as the shape check does', () => {
    const value = parse(readFileSync(models[0]!, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const broken of [
      { ...value, clusterPool: {} },
      { ...value, aws: { ...value.aws, regoin: 'us-east-1' } },
      { ...value, clusters: { ...value.clusters, x: { account: 'default', zone: 'a' } } },
      { ...value, isolation: 'projects' },
    ]) {
      assert.equal(checkShape(broken).model, null);
      assert.equal(validate(broken), false, JSON.stringify(Object.keys(broken)));
    }
  });
});
