// Turning a valid generated model into an invalid one, one place at a time, and knowing where:
// a reference broken, a type changed, a name made illegal, a key misspelt.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { ModelObject } from './arbitraries';
import { cloudRules } from './oracles';

export type PathSegment = string | number;
export type MutationKind = 'reference' | 'type' | 'name' | 'key';

export interface Mutation {
  readonly kind: MutationKind;
  readonly model: ModelObject;
  /** The mutated place: a finding must be located here or below it. */
  readonly path: readonly PathSegment[];
  readonly description: string;
  /** For misspelt keys: the key it was, which the fix should suggest. */
  readonly original?: string;
}

/** Names as they reach file names, script arguments and cloud names: each breaks the `names` rule. */
export const HOSTILE_NAMES: readonly string[] = [
  'Production',
  'a/b',
  '..',
  '../../etc/passwd',
  'nul\u0000byte',
  'two\nlines',
  'cr\rlf',
  'with space',
  '$(touch pwned)',
  '`id`',
  'a;rm -rf ~',
  "it's",
  'say"hi"',
  '\u0430cme', // Cyrillic a
  '\uff41cme', // full-width a
  'zero\u200bwidth',
  '\u202eevil', // right-to-left override
  '-leading',
  'trailing-',
  'x'.repeat(64),
  '',
  'under_score',
  'dot.ted',
  '${var.x}',
  '*',
  '~root',
  'a|b',
  'a&b',
  'a>b',
  'tab\there',
];

const WORKFLOW_OK = (s: string) => /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/.test(s) && !s.includes('..');

function clone(model: ModelObject): ModelObject {
  return structuredClone(model);
}

function at(model: ModelObject, path: readonly PathSegment[]): unknown {
  let v: unknown = model;
  for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
  return v;
}

function set(model: ModelObject, path: readonly PathSegment[], value: unknown): void {
  const parent = at(model, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

/** Renames a mapping key in place, keeping its position among the keys. */
function renameKey(obj: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

const record = (model: ModelObject, key: string) => (model[key] ?? {}) as Record<string, unknown>;
const assignments = (model: ModelObject) => (model.poolAssignments ?? []) as Record<string, unknown>[];
const poolPath = (model: ModelObject, pool: string): PathSegment[] =>
  Array.isArray(record(model, 'clusterPools')[pool]) ? ['clusterPools', pool] : ['clusterPools', pool, 'clusters'];

function unitKeysOf(model: ModelObject): Set<string> {
  const domains = Object.keys(record(model, 'domains'));
  const keys = new Set<string>();
  if (model.isolation === 'domain') for (const d of domains) keys.add(d);
  else {
    for (const d of domains) for (const p of (model.projects ?? []) as string[]) keys.add(`${d}/${p}`);
    const onDemand = model.onDemand as { perDomain?: boolean } | undefined;
    if (onDemand) for (const k of onDemand.perDomain ? domains.map((d) => `default/${d}`) : ['default']) keys.add(k);
  }
  return keys;
}

/** Every place a reference can be broken, with the names it must not become. */
function referenceSites(model: ModelObject): { path: PathSegment[]; known: ReadonlySet<string> }[] {
  const units = unitKeysOf(model);
  const clusters = new Set(Object.keys(record(model, 'clusters')));
  const pools = new Set(Object.keys(record(model, 'clusterPools')));
  const projects = new Set([...((model.projects ?? []) as string[]), ...(((model.onDemand as { projects?: string[] }) ?? {}).projects ?? [])]);
  const domains = new Set(Object.keys(record(model, 'domains')));
  const sites: { path: PathSegment[]; known: ReadonlySet<string> }[] = [];
  for (const c of clusters) sites.push({ path: ['clusters', c, 'account'], known: units });
  for (const p of pools) {
    const base = poolPath(model, p);
    (at(model, base) as string[]).forEach((_, i) => sites.push({ path: [...base, i], known: clusters }));
    const spec = record(model, 'clusterPools')[p] as { bucketAccount?: string };
    if (!Array.isArray(spec) && spec.bucketAccount !== undefined) sites.push({ path: ['clusterPools', p, 'bucketAccount'], known: units });
  }
  assignments(model).forEach((_, i) => {
    sites.push({ path: ['poolAssignments', i, 'project'], known: projects });
    sites.push({ path: ['poolAssignments', i, 'domain'], known: domains });
    sites.push({ path: ['poolAssignments', i, 'clusterPoolName'], known: pools });
  });
  return sites;
}

/** Every value in the model, by path (the root excluded). */
function valuePaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...valuePaths(v, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...valuePaths(v, [...path, k]));
  return out;
}

/** Mappings whose keys the schema fixes (so a misspelt key is unknown), by path. */
function fixedKeyObjects(model: ModelObject): PathSegment[][] {
  const out: PathSegment[][] = [[]];
  for (const key of ['onDemand', 'naming', 'aws', 'gcp', 'backend']) if (model[key] !== undefined) out.push([key]);
  for (const k of Object.keys(record(model, 'accounts'))) out.push(['accounts', k]);
  for (const c of Object.keys(record(model, 'clusters'))) out.push(['clusters', c]);
  for (const [p, spec] of Object.entries(record(model, 'clusterPools'))) if (!Array.isArray(spec)) out.push(['clusterPools', p]);
  assignments(model).forEach((_, i) => out.push(['poolAssignments', i]));
  return out;
}

const misspellings = (key: string): string[] => [
  key.length > 1 ? key[1]! + key[0]! + key.slice(2) : `${key}${key}`,
  key.slice(0, -1),
  key.slice(0, 1) + key.slice(1, 2) + key.slice(1),
  key[0]!.toUpperCase() + key.slice(1),
  `${key}s`,
];

const wrongValues = (v: unknown): unknown[] =>
  typeof v === 'string'
    ? [42, true, ['x'], { x: 1 }, null]
    : typeof v === 'number'
      ? ['ninety', true, [1]]
      : typeof v === 'boolean'
        ? ['yes', 1, null]
        : Array.isArray(v)
          ? ['x', { x: 1 }, 3]
          : ['x', ['x'], 3];

/** The n-th possible mutation of `kind` (n modulo how many there are), or null when the model has none. */
export function mutate(model: ModelObject, kind: MutationKind, n: number, variant: number): Mutation | null {
  const m = clone(model);
  switch (kind) {
    case 'reference': {
      const sites = referenceSites(m);
      if (sites.length === 0) return null;
      const site = sites[n % sites.length]!;
      const old = String(at(m, site.path));
      const candidates = [`${old}x`, old.slice(0, -1), 'nowhere', `${old}/extra`].filter((c) => !site.known.has(c));
      const value = candidates[variant % candidates.length]!;
      set(m, site.path, value);
      return { kind, model: m, path: site.path, description: `reference ${site.path.join('.')} ${JSON.stringify(old)} -> ${JSON.stringify(value)}` };
    }
    case 'type': {
      const paths = valuePaths(m);
      const path = paths[n % paths.length]!;
      const old = at(m, path);
      const options = wrongValues(old);
      const value = options[variant % options.length];
      set(m, path, value);
      return { kind, model: m, path, description: `type of ${path.join('.')} ${JSON.stringify(old)} -> ${JSON.stringify(value)}` };
    }
    case 'name':
      return renameAt(m, n, (valid) => {
        const bad = HOSTILE_NAMES.filter((s) => !valid(s));
        return bad[variant % bad.length]!;
      });
    case 'key': {
      const objects = fixedKeyObjects(m);
      const objPath = objects[n % objects.length]!;
      const obj = at(m, objPath) as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => !(objPath[0] === 'backend' && k === 'type'));
      if (keys.length === 0) return null;
      const key = keys[variant % keys.length]!;
      const typo = misspellings(key).find((t) => t !== key && t !== '' && !(t in obj) && !ALLOWED_KEYS.has(t));
      if (typo === undefined) return null;
      renameKey(obj, key, typo);
      return { kind, model: m, path: [...objPath, typo], description: `key ${[...objPath, key].join('.')} misspelt ${JSON.stringify(typo)}`, original: key };
    }
  }
}

/** Every key the schema knows anywhere: a misspelling that lands on one is not a misspelling. */
const ALLOWED_KEYS = new Set(
  'org isolation domains projects onDemand naming accounts aws gcp clusters clusterPools poolAssignments backend cloud perDomain name email existingId region parentId organizationalUnits emailTemplate closeOnDeletion roleName kmsKeyId billingAccount folderId orgId folders services labels account bucketAccount retentionDays fastRegistration project domain workflow clusterPoolName allowCrossIsolation type bucket keyPrefix dynamodbTable prefix organization workspacePrefix hostname bucket'.split(' '),
);

/** A valid model with its n-th name (org, a domain, project, cluster, pool or workflow) renamed to `to`, everywhere it is used. */
export function rename(model: ModelObject, n: number, to: string): Mutation | null {
  return renameAt(clone(model), n, () => to);
}

/** Renames the n-th name of `m` (in place) to `name(rule its kind must follow)`, with every reference to it. */
function renameAt(m: ModelObject, n: number, name: (valid: (s: string) => boolean) => string): Mutation | null {
  const sites: (() => Mutation | null)[] = [];
  const label = () => name(cloudRules.dnsLabel);
  sites.push(() => {
    const to = label();
    m.org = to;
    return { kind: 'name', model: m, path: ['org'], description: `org -> ${JSON.stringify(to)}` };
  });
  for (const d of Object.keys(record(m, 'domains'))) {
    sites.push(() => {
      const to = label();
      if (to in record(m, 'domains')) return null;
      renameKey(record(m, 'domains'), d, to);
      const unit = (k: string) =>
        m.isolation === 'domain' ? (k === d ? to : k) : k.replace(new RegExp(`^(default/)?${d}(/|$)`), (_m: string, a: string | undefined, b: string) => `${a ?? ''}${to}${b}`);
      for (const c of Object.values(record(m, 'clusters')) as { account: string }[]) c.account = unit(c.account);
      if (m.accounts) for (const k of Object.keys(record(m, 'accounts'))) renameKey(record(m, 'accounts'), k, unit(k));
      for (const spec of Object.values(record(m, 'clusterPools')) as { bucketAccount?: string }[]) if (!Array.isArray(spec) && spec.bucketAccount) spec.bucketAccount = unit(spec.bucketAccount);
      for (const a of assignments(m)) if (a.domain === d) a.domain = to;
      return { kind: 'name', model: m, path: ['domains', to], description: `domain ${d} -> ${JSON.stringify(to)}` };
    });
  }
  const projectLists: PathSegment[][] = [['projects'], ['onDemand', 'projects']];
  for (const listPath of projectLists) {
    const list = (listPath.length === 1 ? m.projects : (m.onDemand as { projects?: string[] } | undefined)?.projects) as string[] | undefined;
    (list ?? []).forEach((p, i) =>
      sites.push(() => {
        const to = label();
        list![i] = to;
        for (const c of Object.values(record(m, 'clusters')) as { account: string }[]) c.account = c.account.replace(new RegExp(`/${p}$`), `/${to}`);
        if (m.accounts) for (const k of Object.keys(record(m, 'accounts'))) renameKey(record(m, 'accounts'), k, k.replace(new RegExp(`/${p}$`), `/${to}`));
        for (const a of assignments(m)) if (a.project === p) a.project = to;
        return { kind: 'name', model: m, path: [...listPath, i], description: `project ${p} -> ${JSON.stringify(to)}` };
      }),
    );
  }
  for (const c of Object.keys(record(m, 'clusters'))) {
    sites.push(() => {
      const to = label();
      if (to in record(m, 'clusters')) return null;
      renameKey(record(m, 'clusters'), c, to);
      for (const p of Object.keys(record(m, 'clusterPools'))) {
        const members = at(m, poolPath(m, p)) as string[];
        members.forEach((x, i) => (x === c ? (members[i] = to) : undefined));
      }
      return { kind: 'name', model: m, path: ['clusters', to], description: `cluster ${c} -> ${JSON.stringify(to)}` };
    });
  }
  for (const p of Object.keys(record(m, 'clusterPools'))) {
    sites.push(() => {
      const to = label();
      if (to in record(m, 'clusterPools')) return null;
      renameKey(record(m, 'clusterPools'), p, to);
      for (const a of assignments(m)) if (a.clusterPoolName === p) a.clusterPoolName = to;
      return { kind: 'name', model: m, path: ['clusterPools', to], description: `pool ${p} -> ${JSON.stringify(to)}` };
    });
  }
  assignments(m).forEach((a, i) => {
    if (a.workflow === undefined) return;
    sites.push(() => {
      const [from, to] = [a.workflow, name(WORKFLOW_OK)];
      a.workflow = to;
      return { kind: 'name', model: m, path: ['poolAssignments', i, 'workflow'], description: `workflow ${String(from)} -> ${JSON.stringify(to)}` };
    });
  });
  return sites[n % sites.length]!();
}

/**
 * The text span of the node at `path` in `text`: for a mapping entry, from its key to the end of its
 * value; for a list item, the item. Found with the YAML parser, independently of src/model/load.ts.
 */
export function spanOf(text: string, path: readonly PathSegment[]): { start: number; end: number } | null {
  const doc = parseDocument(text, { uniqueKeys: false, version: '1.2' });
  let node: unknown = doc.contents;
  let span: { start: number; end: number } | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return null;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      span = { start: key.range![0], end: (value ?? key).range![1] };
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return null;
      span = { start: item.range![0], end: item.range![1] };
      node = item;
    } else return null;
  }
  return span;
}

/** The text offset of a 1-based line and column. */
export function offsetOf(text: string, line: number, col: number): number {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') counter.addNewLine(i + 1);
  return (counter.lineStarts[line - 1] ?? 0) + col - 1;
}
