// What users wait for, counted rather than timed (issue 17): for typical changes at the typical and
// reference loads, the Terraform states a change touches and the resources and data sources a plan
// of those states refreshes, counted from the synthesized JSON of exactly those stacks; and the
// provider downloads of a full `terraform init` of every stack, with and without a plugin cache.
// `npm run bench -- --counts` prints this alone; a full `npm run bench` prints it after the timings.
import { Testing, TerraformStack } from 'cdktf';
import { buildApp } from '../stacks/app';
import { compileText } from '../src/compile';
import { diffStacks } from '../src/diff/stack-changes';
import type { Plan } from '../src/plan/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BENCH_DOMAINS, generateModel } from './model';

export interface ChangeCount {
  readonly change: string;
  readonly statesTouched: number;
  /** Of those, states that exist before the change (the others are new). */
  readonly existingStatesTouched: number;
  /** Resources + data sources in the touched stacks (new JSON; removed stacks: old JSON). */
  readonly resourcesRefreshed: number;
  readonly existingResourcesRefreshed: number;
}

export interface LoadCounts {
  readonly projects: number;
  readonly stacks: number;
  readonly resources: number;
  readonly changes: readonly ChangeCount[];
  /** Distinct providers of all stacks: downloads of a full init with TF_PLUGIN_CACHE_DIR and committed lock files. */
  readonly initDownloadsCached: number;
  /** One download per provider per stack: a full init without a cache. */
  readonly initDownloadsUncached: number;
}

function planOf(yaml: string): Plan {
  const compiled = compileText(yaml, 'bench.yaml');
  if (!compiled.plan) throw new Error(`bench model does not validate: ${compiled.findings.length} findings`);
  return compiled.plan;
}

type Json = Record<string, Record<string, Record<string, unknown>> | undefined>;

/** Synthesizes the named stacks of a plan (all are constructed; only these are rendered). */
function synthStacks(plan: Plan, names: ReadonlySet<string> | null): Map<string, Json> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ui-counts-'));
  try {
    const app = buildApp(plan, path.join(dir, 'out'));
    const out = new Map<string, Json>();
    for (const child of app.node.children) {
      if (!TerraformStack.isStack(child) || (names !== null && !names.has(child.node.id))) continue;
      out.set(child.node.id, JSON.parse(Testing.synth(child)) as Json);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function blocks(tf: Json): number {
  let n = 0;
  for (const kind of ['resource', 'data'] as const) for (const byType of Object.values(tf[kind] ?? {})) n += Object.keys(byType).length;
  return n;
}

/** The model with one more domain, every project getting a pair, a cluster and a pool there. */
function withDomain(yaml: string, projects: number): string {
  const width = Math.max(4, String(projects).length);
  const names = Array.from({ length: projects }, (_, i) => `p${String(i + 1).padStart(width, '0')}`);
  return yaml
    .replace('domains:\n', 'domains:\n  qa: gcp\n')
    .replace('clusterPools:\n', `${names.map((p) => `  qa-${p}: { account: qa/${p} }\n`).join('')}clusterPools:\n`)
    .replace('poolAssignments:\n', `${names.map((p) => `  qa-${p}-cp: [qa-${p}]\n`).join('')}poolAssignments:\n`);
}

export function countLoad(projects: number): LoadCounts {
  const baseYaml = generateModel(projects).yaml;
  const base = planOf(baseYaml);
  const changes: [string, string][] = [
    ['add a project', generateModel(projects + 1).yaml],
    ['add an on-demand project', baseYaml.replace('projects: [later-1, later-2]', 'projects: [later-1, later-2, later-3]')],
    ['add a domain', withDomain(baseYaml, projects)],
    ["change one pool's retention", baseYaml.replace('retentionDays: 90', 'retentionDays: 30')],
  ];
  const baseAll = synthStacks(base, null);
  let resources = 0;
  const providers = new Set<string>();
  let perStack = 0;
  for (const tf of baseAll.values()) {
    resources += Object.values(tf.resource ?? {}).reduce((n, byType) => n + Object.keys(byType).length, 0);
    const required = (tf.terraform as Record<string, unknown> | undefined)?.required_providers as Record<string, { source: string; version: string }> | undefined;
    for (const p of Object.values(required ?? {})) {
      providers.add(`${p.source}@${p.version}`);
      perStack++;
    }
  }
  const counted: ChangeCount[] = [];
  for (const [change, yaml] of changes) {
    const next = planOf(yaml);
    const s = diffStacks(base, next);
    const touched = new Set([...s.new, ...s.changed]);
    const nextJson = synthStacks(next, touched);
    let refreshed = 0;
    let existing = 0;
    for (const [name, tf] of nextJson) {
      refreshed += blocks(tf);
      if (!s.new.includes(name)) existing += blocks(tf);
    }
    for (const name of s.removed) {
      const n = blocks(baseAll.get(name) ?? {});
      refreshed += n;
      existing += n;
    }
    counted.push({
      change,
      statesTouched: touched.size + s.removed.length,
      existingStatesTouched: s.changed.length + s.removed.length,
      resourcesRefreshed: refreshed,
      existingResourcesRefreshed: existing,
    });
  }
  return { projects, stacks: base.stacks.length, resources, changes: counted, initDownloadsCached: providers.size, initDownloadsUncached: perStack };
}

export function renderCounts(loads: readonly LoadCounts[]): string {
  const lines = ['', 'What a change costs Terraform (counted from the synthesized JSON, no timings):', ''];
  for (const l of loads) {
    lines.push(`${l.projects} projects x ${BENCH_DOMAINS.length} domains: ${l.stacks} stacks, ${l.resources} resources`);
    for (const c of l.changes) {
      lines.push(
        `  ${c.change.padEnd(28)} states touched ${String(c.statesTouched).padStart(5)} (existing ${String(c.existingStatesTouched).padStart(4)})   resources+data refreshed ${String(c.resourcesRefreshed).padStart(6)} (in existing states ${String(c.existingResourcesRefreshed).padStart(5)})`,
      );
    }
    lines.push(`  full init: provider downloads ${l.initDownloadsCached} with TF_PLUGIN_CACHE_DIR and lock files, ${l.initDownloadsUncached} without`, '');
  }
  return lines.join('\n');
}

if (require.main === module) {
  const sizes = process.argv.includes('--quick') ? [50] : [50, 1000];
  process.stdout.write(renderCounts(sizes.map(countLoad)) + '\n');
}
