// `plan` as plain aligned text (Markdown tables wrap into noise at 80 columns), one screen at any
// size: the summary, what needs attention, the roll-up per domain and cloud, and the pairs only when
// they fit. The same text on a terminal and in a pipe; the full review is --format md, or
// cdktf.out/union/review.md after synth.
import { domainWideSentence } from './domain-wide-lines';
import { assignmentKey } from '../plan/assignment-order';
import { attention, placements, rollup, type RunsIn } from './review-rollup';
import { NO_FILTER, isFiltered, slicePlan, type PlanFilter } from './review-slice';
import type { Plan } from '../plan/types';

const CLOUD = { aws: 'AWS', gcp: 'GCP' } as const;
/** Pairs listed one per line up to this many; beyond, a filter lists them. */
export const TERMINAL_PAIRS = 20;
/** Items of each attention kind shown before the rest are counted. */
const SHOWN = 5;

export function renderTerminalReview(full: Plan, width = 100, filter: PlanFilter = NO_FILTER): string {
  const plan = isFiltered(filter) ? slicePlan(full, filter) : full;
  const cols = Math.max(width, 40);
  const fit = (text: string) => (text.length <= cols ? text : `${text.slice(0, cols - 1)}…`);
  const count = (origin: string) => plan.assignments.filter((a) => a.origin === origin).length;
  const out = [
    `Union data-plane plan for ${plan.org} (${plan.isolation} isolation)`,
    `  ${plan.units.length} accounts/projects (${plan.units.filter((u) => u.existingId !== null).length} adopted), ${plan.clusters.length} clusters in ${plan.pools.length} pools, ${plan.storageGroups.length} metadata buckets`,
    `  ${plan.assignments.length} assignments: ${count('explicit')} explicit, ${count('domain')} domain-wide, ${count('automatic')} automatic, ${count('fallback')} fallback to default`,
    `  ${plan.warnings.length} warning${plan.warnings.length === 1 ? '' : 's'}${plan.acknowledgedWarnings?.length ? ` (+${plan.acknowledgedWarnings.length} acknowledged)` : ''}, ${plan.shortenedNames.length} shortened names`,
  ];
  if (isFiltered(filter)) {
    const what = [...filter.domains.map((d) => `domain ${d}`), ...filter.projects.map((p) => `project ${p}`), ...filter.pools.map((p) => `pool ${p}`)].join(', ');
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    out.push(
      fit(`  Filtered to ${what}, with what their work runs on; the quotas are the whole model's.`),
      fit(`  Left out: ${plural(full.units.length - plan.units.length, 'account')}, ${plural(full.assignments.length - plan.assignments.length, 'assignment')}, ${plural(full.warnings.length - plan.warnings.length, 'warning')}.`),
    );
  }
  out.push('', ...attentionLines(full, plan, fit), '', 'Roll-up by domain and cloud', ...rollupLines(plan).map((l) => fit(`  ${l}`)), '');
  if (plan.assignments.length <= TERMINAL_PAIRS) out.push(...pairLines(plan).map(fit), '');
  else out.push(fit(`${plan.assignments.length} assignments: --domain, --project or --pool (names, comma-separated) lists them.`), '');
  out.push(
    fit('Every table and the diagram: union-isolation plan --format md (review.md after synth)'),
    fit("Next: 'union-isolation synth'; 'union-isolation diff --base OLD' before applying a change."),
    '',
  );
  return out.join('\n');
}

function attentionLines(full: Plan, plan: Plan, fit: (s: string) => string): string[] {
  const a = attention(plan);
  const over = attention(full).quotasOver;
  const some = <T>(items: readonly T[], show: (item: T) => string) => items.slice(0, SHOWN).map(show).join(', ') + (items.length > SHOWN ? `, and ${items.length - SHOWN} more` : '');
  const lines = [
    ...plan.warnings.slice(0, SHOWN).map((w) => `  warning ${w.path}: ${w.message}`),
    ...(plan.warnings.length > SHOWN ? [`  and ${plan.warnings.length - SHOWN} more warnings (union-isolation validate lists them all)`] : []),
    ...over.map((q) => `  raise quota: ${q.quota}: needs ${q.needed}, default ${q.limit}`),
    ...(plan.domainWideAssignments ?? []).map((d) => `  domain-wide poolAssignments[${d.index}]: ${domainWideSentence(d)}`),
    ...(a.outside.length > 0 ? [`  runs outside its own account (${a.outside.length}): ${some(a.outside, (p) => `${assignmentKey(p.assignment)} on ${p.assignment.pool}`)}`] : []),
    ...(a.fallbacks.length > 0 ? [`  falls back to default (${a.fallbacks.length}): ${some(a.fallbacks, assignmentKey)}`] : []),
    ...(a.spanning.length > 0 ? [`  pools spanning accounts (${a.spanning.length}): ${some(a.spanning, (p) => p.name)}`] : []),
    ...(a.otherCloud.length > 0 ? [`  on another cloud than their domain (${a.otherCloud.length}): ${some(a.otherCloud, (u) => u.key)}`] : []),
    ...(a.adopted.length > 0 ? [`  adopted, not created (${a.adopted.length}): ${some(a.adopted, (u) => u.key)}`] : []),
    ...(plan.byoc?.warnings ?? []).slice(0, SHOWN).map((w) => `  BYOC: ${w}`),
  ];
  return ['Needs attention', ...(lines.length === 0 ? ['  nothing: no warning, no quota to raise, every pair in its own or its default account'] : lines.map(fit))];
}

function rollupLines(plan: Plan): string[] {
  const short: Record<RunsIn, string> = { 'own account': 'own', 'default account': 'default', 'other accounts': 'other' };
  const runs = (r: Readonly<Record<RunsIn, number>>) => (Object.entries(r) as [RunsIn, number][]).filter(([, n]) => n > 0).map(([w, n]) => `${n} ${short[w]}`).join(', ') || '-';
  const rows = rollup(plan).map((r) => [
    r.domain ?? '(default account)',
    CLOUD[r.cloud],
    String(r.units),
    String(r.clusters),
    String(r.pools),
    String(r.buckets),
    String(r.pairs + r.workflows),
    `${r.origins.explicit + r.origins.domain}/${r.origins.automatic}/${r.origins.fallback}`,
    runs(r.runsIn),
  ]);
  return aligned(['DOMAIN', 'CLOUD', 'ACCOUNTS', 'CLUSTERS', 'POOLS', 'BUCKETS', 'PAIRS', 'EXP/AUTO/FALLB', 'RUNS IN'], rows);
}

function pairLines(plan: Plan): string[] {
  const where = new Map(plan.units.map((u) => [u.key, CLOUD[u.cloud]]));
  const rows = placements(plan).map(({ assignment: a, where: accounts }) => [
    `${a.project}/${a.domain}${a.workflow ? ` ${a.workflow}` : ''}`,
    a.pool,
    a.origin + (a.crossIsolation ? ', cross-isolation' : ''),
    accounts.map((k) => `${k} (${where.get(k) ?? '?'})`).join(', '),
  ]);
  return aligned(['PAIR', 'POOL', 'ORIGIN', 'RUNS IN'], rows);
}

function aligned(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [header, ...rows].map(line);
}
