// The committed JSON Schema is the one generated from zod, every key described from README's model
// reference, and it agrees with the shape check on every fixture and bundled model: valid ones pass,
// unknown keys and names the name rule refuses are rejected.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { modelJsonSchema, readmeDescriptions, renderModelJsonSchema, SCHEMA_FILE } from '../../src/model/json-schema';
import { checkShape } from '../../src/model/shape';
import { ROOT } from '../helpers';

// ajv (draft-07) comes with eslint, a development dependency: tests only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv') as new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

const models = [
  path.join(ROOT, 'stacks', 'isolation.yaml'),
  path.join(ROOT, 'stacks', 'isolation-byoc.yaml'),
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

  it('rejects names the name rule refuses, where editors can check them', () => {
    const value = parse(readFileSync(models[0]!, 'utf8')) as Record<string, unknown>;
    for (const broken of [{ ...value, org: 'Acme' }, { ...value, projects: ['has_underscore'] }, { ...value, domains: { Production: 'aws' } }]) {
      assert.equal(validate(broken), false, JSON.stringify(broken).slice(0, 80));
    }
  });

  it('describes every key, in words and in Markdown, from its row in README\'s model reference', () => {
    const schema = JSON.parse(committed) as Schema;
    const keys = propertiesOf(schema, '');
    assert.ok(keys.length >= 100, `${keys.length} keys`);
    for (const [key, property] of keys) {
      assert.ok(typeof property.description === 'string' && property.description.length > 10, `${key}: no description`);
      assert.ok(typeof property.markdownDescription === 'string' && property.markdownDescription.length > 10, `${key}: no markdownDescription`);
      assert.doesNotMatch(property.description, /`|\]\(/, `${key}: Markdown in the plain description`);
    }
    const retention = (((schema.properties!.clusterPools!.additionalProperties as Schema).anyOf![1] as Schema).properties!.retentionDays!);
    assert.match(retention.markdownDescription as string, /^Expire \*\*raw data\*\* after this many days/);
    assert.match(retention.description as string, /^Expire raw data after this many days/);
  });

  it('refuses to generate while a key has no row in README\'s model reference', () => {
    const descriptions = readmeDescriptions();
    descriptions.delete('aws.kmsKeyId');
    assert.throws(() => modelJsonSchema(descriptions), /no row in README's model reference \("## The model"\) for: aws\.kmsKeyId$/);
  });
});

interface Schema {
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  description?: unknown;
  markdownDescription?: unknown;
}

/** Every property of the schema, at every level, with its model path. */
function propertiesOf(schema: Schema, at: string): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) out.push([`${at}${key}`, property], ...propertiesOf(property, `${at}${key}.`));
  if (typeof schema.additionalProperties === 'object') out.push(...propertiesOf(schema.additionalProperties, `${at}*.`));
  if (schema.items) out.push(...propertiesOf(schema.items, `${at}[].`));
  for (const branch of schema.anyOf ?? []) out.push(...propertiesOf(branch, at));
  return out;
}
