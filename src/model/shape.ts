// The `shape` rule (README "Rules and findings"): the model's shape. zod checks it; this turns every zod issue into a finding with the
// model path, what was found, what is allowed and a fix (with the nearest key for a typo).
import { z, type ZodIssue, type ZodTypeAny } from 'zod';
import type { Finding, ModelPath } from './findings';
import { describe, messages } from './messages';
import { modelSchema, type Model } from './schema';
import { nearest } from './suggest';

export interface Shaped {
  readonly model: Model | null;
  readonly findings: readonly Finding[];
}

export function checkShape(value: unknown): Shaped {
  const parsed = modelSchema.safeParse(value);
  if (parsed.success) return { model: parsed.data, findings: [] };
  const findings = parsed.error.issues.flatMap((issue) => findingsOf(issue, value));
  return { model: null, findings: dedupe(findings) };
}

function findingsOf(issue: ZodIssue, root: unknown): Finding[] {
  const path = issue.path as ModelPath;
  const here = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, root);
      return issue.keys.map((key) => messages.unknownKey([...path, key], key, allowed, nearest(key, allowed)));
    }
    case 'invalid_type':
      if (issue.received === 'undefined') return [messages.missingKey(path, expectedOf(issue.expected))];
      return [messages.wrongType(path, describe(here), expectedOf(issue.expected))];
    case 'invalid_enum_value':
      return [messages.notOneOf(path, String(issue.received), issue.options.map(String), nearest(String(issue.received), issue.options.map(String)))];
    case 'invalid_literal':
      return [messages.notOneOf(path, describe(here), [String(issue.expected)])];
    case 'invalid_union_discriminator': {
      const options = issue.options.map(String);
      if (here !== undefined) return [messages.notOneOf(path, String(here), options, nearest(String(here), options))];
      // `type` is missing, often misspelt: say so, and name the stray keys with the nearest allowed one.
      const parentPath = path.slice(0, -1);
      const parent = valueAt(root, parentPath);
      const allowed = allowedKeys(parentPath, root, true);
      const stray = parent !== null && typeof parent === 'object' ? Object.keys(parent).filter((k) => !allowed.includes(k)) : [];
      return [messages.missingKey(path, options.join(' | ')), ...stray.map((k) => messages.unknownKey([...parentPath, k], k, allowed, nearest(k, allowed)))];
    }
    case 'invalid_union': {
      // The pool forms: follow the branch that matches what the user wrote (a list or a mapping).
      const branch = issue.unionErrors.find((e) => !e.issues.some((i) => i.code === 'invalid_type' && i.path.length === path.length));
      if (branch) return branch.issues.flatMap((i) => findingsOf(i, root));
      return [messages.wrongType(path, describe(here), 'a list of cluster names, or a mapping with clusters: [...]')];
    }
    case 'too_small':
      if (issue.type === 'array') return [messages.invalidValue(path, 'an empty list', `at least ${issue.minimum} entry`, 'List at least one cluster, or remove the pool.')];
      return [messages.invalidValue(path, describe(here), issue.inclusive ? `at least ${issue.minimum}` : `more than ${issue.minimum}`, 'Use a positive whole number.')];
    default:
      return [messages.invalidValue(path, describe(here), issue.message, 'Correct the value.')];
  }
}

function expectedOf(t: string): string {
  switch (t) {
    case 'string':
      return 'a string';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    default:
      return t;
  }
}

function valueAt(root: unknown, path: ModelPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The keys the schema allows at `path`, for "unknown key" findings and their suggestion. */
function allowedKeys(path: ModelPath, root: unknown, everyBranch = false): string[] {
  let schema: ZodTypeAny | undefined = modelSchema;
  for (let i = 0; i <= path.length && schema; i++) {
    if (everyBranch && i === path.length) {
      const options = discriminatedOptions(schema);
      if (options) return [...new Set(options.flatMap((o) => Object.keys(o.shape as object)))];
    }
    schema = unwrap(schema, valueAt(root, path.slice(0, i)));
    if (i === path.length) break;
    const seg = path[i]!;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, ZodTypeAny>)[String(seg)];
    else if (schema instanceof z.ZodRecord) schema = schema._def.valueType as ZodTypeAny;
    else if (schema instanceof z.ZodArray) schema = schema._def.type as ZodTypeAny;
    else return [];
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

/** The branches of a discriminated union, through optional/default wrappers; null for any other schema. */
function discriminatedOptions(schema: ZodTypeAny): z.ZodObject<z.ZodRawShape>[] | null {
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = (schema instanceof z.ZodOptional ? schema.unwrap() : schema._def.innerType) as ZodTypeAny;
  return schema instanceof z.ZodDiscriminatedUnion ? (schema.options as z.ZodObject<z.ZodRawShape>[]) : null;
}

/** Look through optional/default/refine wrappers, and pick the union branch that fits the value. */
function unwrap(schema: ZodTypeAny, value: unknown): ZodTypeAny {
  for (;;) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) schema = schema.unwrap() as ZodTypeAny;
    else if (schema instanceof z.ZodDefault) schema = schema._def.innerType as ZodTypeAny;
    else if (schema instanceof z.ZodEffects) schema = schema._def.schema as ZodTypeAny;
    else if (schema instanceof z.ZodDiscriminatedUnion) {
      const type = (value as { type?: unknown } | undefined)?.type;
      const options = schema.options as ZodTypeAny[];
      schema = options.find((o) => o instanceof z.ZodObject && (o.shape as Record<string, ZodTypeAny>).type?._def.value === type) ?? options[0]!;
    } else if (schema instanceof z.ZodUnion) {
      const options = schema._def.options as ZodTypeAny[];
      schema = (Array.isArray(value) ? options.find((o) => o instanceof z.ZodArray) : options.find((o) => o instanceof z.ZodObject)) ?? options[0]!;
    } else return schema;
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${JSON.stringify(f.path)}|${f.problem}|${f.found}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
