// The review's diagram: clouds contain accounts, accounts contain their clusters and the buckets
// they home; pools point at their clusters and clusters at the bucket they write metadata to, so
// an edge that leaves an account box is cross-account access. Node ids derive from names through
// an injective encoding (never from positions) and labels are escaped, so any name is safe.
import type { Plan, Unit } from '../plan/types';
import { rollup } from './review-rollup';

/** Mermaid refuses to draw more than this many edges by default (`maxEdges`). */
export const MAX_DIAGRAM_EDGES = 500;
/** ... and more text than this (`maxTextSize`). */
export const MAX_DIAGRAM_TEXT = 50_000;

export type Diagram = { readonly mermaid: string } | { readonly omitted: string };

// Names of letters and digits joined by single `-` or `/` (every validated name and unit key) read
// as themselves: `-` becomes `_`, `/` becomes `__`. Anything else is spelled out as `__` followed by
// `_<hex>_` per other character. The two forms never collide (only the second starts with `_`
// after the kind), and each is reversible, so distinct names always get distinct ids.
const READABLE = /^[A-Za-z0-9]+([-/][A-Za-z0-9]+)*$/;

export function mermaidId(kind: 'cloud' | 'unit' | 'cluster' | 'pool' | 'bucket' | 'accounts' | 'pools', name: string): string {
  if (READABLE.test(name)) return `${kind}_${name.replace(/-/g, '_').replace(/\//g, '__')}`;
  let id = `${kind}__`;
  for (const ch of name) id += /[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  return id;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '"': '#34;',
  '#': '#35;',
  '&': '#38;',
  '<': '#60;',
  '>': '#62;',
  '`': '#96;',
};

/** Text for a quoted Mermaid label: quotes, entity and markdown starters escaped as entity codes. */
export function mermaidLabel(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/["#&<>`]/g, (ch) => ENTITIES[ch]!)}"`;
}

function unitTitle(unit: Unit): string {
  const what = unit.cloud === 'aws' ? 'AWS account' : 'GCP project';
  return `${unit.key}: ${what} ${unit.existingId ?? unit.name}`;
}

export function renderMermaid(plan: Plan): Diagram {
  // Known before drawing anything: one edge per pool member, one per cluster to its bucket.
  const edges = plan.pools.reduce((n, p) => n + p.clusters.length, 0) + plan.clusters.length;
  if (edges > MAX_DIAGRAM_EDGES) return { omitted: `${edges} edges, more than Mermaid draws (${MAX_DIAGRAM_EDGES})` };
  const lines = ['flowchart LR'];
  const clustersByUnit = groupBy(plan.clusters, (c) => c.unit);
  const groupsByHome = groupBy(plan.storageGroups, (g) => g.homeUnit);

  for (const cloud of ['aws', 'gcp'] as const) {
    const units = plan.units.filter((u) => u.cloud === cloud);
    if (units.length === 0) continue;
    lines.push(`  subgraph ${mermaidId('cloud', cloud)}[${mermaidLabel(cloud === 'aws' ? 'AWS' : 'GCP')}]`);
    for (const unit of units) {
      lines.push(`    subgraph ${mermaidId('unit', unit.key)}[${mermaidLabel(unitTitle(unit))}]`);
      for (const cluster of clustersByUnit.get(unit.key) ?? []) {
        lines.push(`      ${mermaidId('cluster', cluster.name)}[${mermaidLabel(`cluster ${cluster.name}`)}]`);
      }
      for (const group of groupsByHome.get(unit.key) ?? []) {
        const buckets = group.fastRegistrationBucket === group.bucket ? group.bucket : `${group.bucket} + ${group.fastRegistrationBucket}`;
        lines.push(`      ${mermaidId('bucket', group.name)}[(${mermaidLabel(`bucket ${buckets}`)})]`);
      }
      lines.push('    end');
    }
    lines.push('  end');
  }
  for (const pool of plan.pools) {
    lines.push(`  ${mermaidId('pool', pool.name)}([${mermaidLabel(`pool ${pool.name}`)}])`);
  }
  for (const pool of plan.pools) {
    for (const cluster of pool.clusters) {
      lines.push(`  ${mermaidId('pool', pool.name)} --> ${mermaidId('cluster', cluster)}`);
    }
  }
  for (const cluster of plan.clusters) {
    lines.push(`  ${mermaidId('cluster', cluster.name)} -->|metadata| ${mermaidId('bucket', cluster.storageGroup)}`);
  }
  const text = lines.join('\n') + '\n';
  if (text.length > MAX_DIAGRAM_TEXT) return { omitted: `${text.length} characters, more than Mermaid draws (${MAX_DIAGRAM_TEXT})` };
  return { mermaid: text };
}

/**
 * The diagram at the roll-up's level, for plans too large to draw whole: per cloud, each domain's
 * accounts (with their counts) and the pools they host; an edge per domain and pool home says how
 * many of the domain's pairs run there. Its size grows with domains and clouds, never with projects.
 */
export function renderRollupMermaid(plan: Plan): string {
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  const rowName = (domain: string | null, cloud: string) => `${domain ?? '(default account)'}/${cloud}`;
  const rowOf = new Map([...units.values()].map((u) => [u.key, rowName(u.domain, u.cloud)]));
  const unitRow = (key: string | null | undefined) => (key == null ? null : (rowOf.get(key) ?? null));
  const poolRow = new Map(plan.pools.map((p) => [p.name, unitRow(p.hostUnit ?? groups.get(p.storageGroup)?.homeUnit)]));
  const lines = ['flowchart LR'];
  const rows = rollup(plan);
  for (const cloud of ['aws', 'gcp'] as const) {
    const here = rows.filter((r) => r.cloud === cloud);
    if (here.length === 0) continue;
    lines.push(`  subgraph ${mermaidId('cloud', cloud)}[${mermaidLabel(cloud === 'aws' ? 'AWS' : 'GCP')}]`);
    for (const r of here) {
      const name = rowName(r.domain, r.cloud);
      const what = `${r.domain ?? 'default account'}: ${count(r.units, cloud === 'aws' ? 'account' : 'project')}, ${count(r.clusters, 'cluster')}, ${count(r.buckets, 'bucket')}`;
      lines.push(`    ${mermaidId('accounts', name)}[${mermaidLabel(what)}]`);
      if (r.pools > 0) {
        lines.push(`    ${mermaidId('pools', name)}([${mermaidLabel(`${count(r.pools, 'pool')} in ${r.domain ?? 'the default account'}`)}])`);
        lines.push(`    ${mermaidId('pools', name)} --- ${mermaidId('accounts', name)}`);
      }
    }
    lines.push('  end');
  }
  // Pairs of a domain (from their own accounts' box) to the pools they run on, by where those live.
  const edges = new Map<string, number>();
  for (const a of plan.assignments) {
    const from = unitRow(a.unit);
    const to = poolRow.get(a.pool);
    if (from === null || to == null) continue;
    const key = `${from}\u0000${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...edges].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [from, to] = key.split('\u0000') as [string, string];
    lines.push(`  ${mermaidId('accounts', from)} -->|${mermaidLabel(count(n, 'assignment'))}| ${mermaidId('pools', to)}`);
  }
  return lines.join('\n') + '\n';
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
