// The model's JSON Schema, generated from the zod schema (schema.ts) so editors can complete keys,
// flag mistakes and show what each key means while the model is written (YAML language server: the
// bundled models name it in a `# yaml-language-server: $schema=...` line). It checks shape only: the
// rules need the tool. Every key's description is its row in README's model reference ("The model"),
// so the reference users read and the hover they see are one text: a key gets its description by
// getting its row, and a key without one fails `npm run schema` and the test.
// schema/isolation.schema.json is this function's output; a test keeps the two equal.
//
// The walk over zod's schema is ours rather than zod 4's toJSONSchema: the model's schema is written
// against zod 3's API, whose issues shape.ts turns into findings word for word, and moving it to zod 4
// would change every issue it reads. It is the same walk shape.ts makes to find allowed keys.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z, type ZodTypeAny } from 'zod';
import { DNS_LABEL, WORKFLOW } from './rules/names';
import { modelSchema } from './schema';

export const SCHEMA_FILE = 'schema/isolation.schema.json';
const README = path.join(__dirname, '..', '..', '..', 'README.md');

type JsonSchema = Record<string, unknown>;

/** A key's place in the model: keys, `*` for any key of a map, `[]` for any list item. */
type SchemaPath = readonly string[];

/** What editors can check of names before the tool does (rules/names.ts; the rule's finding says more). */
const PATTERNS: Record<string, { pattern: string; keys?: true }> = {
  org: { pattern: DNS_LABEL.source },
  domains: { pattern: DNS_LABEL.source, keys: true },
  'projects.[]': { pattern: DNS_LABEL.source },
  'onDemand.projects.[]': { pattern: DNS_LABEL.source },
  clusters: { pattern: DNS_LABEL.source, keys: true },
  clusterPools: { pattern: DNS_LABEL.source, keys: true },
  'poolAssignments.[].workflow': { pattern: WORKFLOW.source },
};

export interface KeyDescription {
  readonly description: string;
  readonly markdownDescription: string;
}

export function modelJsonSchema(descriptions: ReadonlyMap<string, KeyDescription> = readmeDescriptions()): JsonSchema {
  const missing: string[] = [];
  const schema = toJsonSchema(modelSchema, [], descriptions, missing);
  if (missing.length > 0) throw new Error(`no row in README's model reference ("## The model") for: ${missing.join(', ')}`);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'union-isolation model',
    description: 'The isolation model of union-isolation (README.md, "The model"). Shape only: run `union-isolation validate` for the rules.',
    ...schema,
  };
}

export function renderModelJsonSchema(): string {
  return JSON.stringify(modelJsonSchema(), null, 2) + '\n';
}

function toJsonSchema(schema: ZodTypeAny, at: SchemaPath, descriptions: ReadonlyMap<string, KeyDescription>, missing: string[]): JsonSchema {
  const inner = (s: ZodTypeAny, p: SchemaPath = at) => toJsonSchema(s, p, descriptions, missing);
  const pattern = PATTERNS[at.join('.')];
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return inner(schema.unwrap() as ZodTypeAny);
  if (schema instanceof z.ZodDefault) return { ...inner(schema._def.innerType as ZodTypeAny), default: schema._def.defaultValue() as unknown };
  if (schema instanceof z.ZodEffects) return inner(schema._def.schema as ZodTypeAny);
  if (schema instanceof z.ZodString) return { type: 'string', ...(pattern && !pattern.keys ? { pattern: pattern.pattern } : {}) };
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodNumber) {
    const out: JsonSchema = { type: schema.isInt ? 'integer' : 'number' };
    for (const check of schema._def.checks) if (check.kind === 'min') out[check.inclusive ? 'minimum' : 'exclusiveMinimum'] = check.value;
    return out;
  }
  if (schema instanceof z.ZodEnum) return { type: 'string', enum: [...(schema.options as string[])] };
  if (schema instanceof z.ZodLiteral) return { type: typeof schema.value, const: schema.value as unknown };
  if (schema instanceof z.ZodArray) {
    const min = schema._def.minLength?.value;
    return { type: 'array', items: inner(schema.element as ZodTypeAny, [...at, '[]']), ...(min !== undefined ? { minItems: min } : {}) };
  }
  if (schema instanceof z.ZodRecord) {
    return {
      type: 'object',
      ...(pattern?.keys ? { propertyNames: { pattern: pattern.pattern } } : {}),
      additionalProperties: inner(schema._def.valueType as ZodTypeAny, [...at, '*']),
    };
  }
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) return { anyOf: (schema.options as ZodTypeAny[]).map((o) => inner(o)) };
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, ZodTypeAny>;
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(shape)) {
      const described = descriptions.get([...at, key].join('.'));
      if (!described) missing.push([...at, key].join('.'));
      properties[key] = { ...described, ...inner(value, [...at, key]) };
    }
    const required = Object.keys(shape).filter((key) => !shape[key]!.isOptional());
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }
  throw new Error(`json-schema.ts: no JSON Schema for zod's ${schema.constructor.name} at ${at.join('.') || '(model)'}`);
}

/**
 * Each key's row in README's model reference: under a `###` heading naming a place in the model (`Top
 * level`, `` `aws` ``, `` `clusters.<name>` ``, `` `poolAssignments[]` ``), a table whose first column
 * is `key` names one or more keys in backticks; the meaning (the column whose header says `meaning`
 * or `produces`) is the description, the other columns follow it (`Default: ...`).
 */
export function readmeDescriptions(readme: string = readFileSync(README, 'utf8')): Map<string, KeyDescription> {
  const section = readme.slice(readme.indexOf('\n## The model\n'), readme.indexOf('\n## ', readme.indexOf('\n## The model\n') + 1));
  const out = new Map<string, KeyDescription>();
  let place: string[] | null = null;
  let header: string[] | null = null;
  for (const line of section.split('\n')) {
    const heading = /^#{3,4} (.*)$/.exec(line);
    if (heading) {
      place = placeOf(heading[1]!);
      header = null;
    } else if (!line.startsWith('|')) header = null;
    else if (header === null) header = cells(line);
    else if (place !== null && header[0] === 'key' && !/^\|\s*-/.test(line)) {
      const row = cells(line);
      const meaning = header.findIndex((h) => /meaning|produces/.test(h));
      const rest = row.map((cell, i) => (i === 0 || i === meaning || cell === '' ? '' : `${capitalize(header![i]!)}: ${cell}`)).filter((s) => s !== '');
      const markdown = [row[meaning] ?? '', ...rest].filter((s) => s !== '').join('\n\n');
      for (const key of keysOf(row[0]!)) out.set([...place, key].join('.'), { description: plain(markdown), markdownDescription: markdown });
    }
  }
  return out;
}

/** `Top level` -> []; `` `clusters.<name>` `` -> clusters.*; `` `poolAssignments[]` `` -> poolAssignments.[]; other headings: none. */
function placeOf(heading: string): string[] | null {
  if (heading === 'Top level') return [];
  const m = /^`([^`]+)`( keys)?$/.exec(heading.trim());
  if (!m) return null;
  return m[1]!.split('.').flatMap((part) => {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    return [/^<.*>$/.test(key) ? '*' : key, ...(list ? ['[]'] : [])];
  });
}

/** `` `folderId` / `orgId` `` -> folderId, orgId; `` `nodeGroups.<name>` `` -> nodeGroups. */
function keysOf(cell: string): string[] {
  return [...cell.matchAll(/`([A-Za-z][A-Za-z0-9]*)[^`]*`/g)].map((m) => m[1]!);
}

function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Markdown as plain text, for editors that show `description` only: links become their text, emphasis and code marks go. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

// `node dist/src/model/json-schema.js` rewrites the committed schema (npm run schema).
if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  fs.writeFileSync(path.join(__dirname, '..', '..', '..', SCHEMA_FILE), renderModelJsonSchema());
}
