// `plan` on a terminal: the review's summary and where each pair's work runs, as plain aligned
// text (Markdown tables wrap into noise at 80 columns). The full review is Markdown: --format md,
// a pipe, or cdktf.out/union/review.md after synth.
import type { Plan } from '../plan/types';

const CLOUD = { aws: 'AWS', gcp: 'GCP' } as const;

export function renderTerminalReview(plan: Plan, width = 100): string {
  const clusters = new Map(plan.clusters.map((c) => [c.name, c]));
  const runsIn = new Map(
    plan.pools.map((p) => [p.name, [...new Set(p.clusters.map((c) => `${clusters.get(c)?.unit} (${CLOUD[clusters.get(c)?.cloud ?? 'aws']})`))].join(', ')]),
  );
  const rows = plan.assignments.map((a) => [`${a.project}/${a.domain}${a.workflow ? ` ${a.workflow}` : ''}`, a.pool, a.origin + (a.crossIsolation ? ', cross-isolation' : ''), runsIn.get(a.pool) ?? '']);
  const header = ['PAIR', 'POOL', 'ORIGIN', 'RUNS IN'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').slice(0, Math.max(width, 40)).trimEnd();
  const count = (origin: string) => plan.assignments.filter((a) => a.origin === origin).length;
  return [
    `Union data-plane plan for ${plan.org} (${plan.isolation} isolation)`,
    `  ${plan.units.length} accounts/projects (${plan.units.filter((u) => u.existingId !== null).length} adopted), ${plan.clusters.length} clusters in ${plan.pools.length} pools, ${plan.storageGroups.length} metadata buckets`,
    `  ${plan.assignments.length} assignments: ${count('explicit')} explicit, ${count('automatic')} automatic, ${count('fallback')} fallback to default`,
    `  ${plan.warnings.length} warnings${plan.acknowledgedWarnings?.length ? ` (+${plan.acknowledgedWarnings.length} acknowledged)` : ''}, ${plan.shortenedNames.length} shortened names`,
    '',
    line(header),
    ...rows.map(line),
    '',
    'Full review (accounts, buckets, shortened names, diagram): union-isolation plan --format md > review.md',
    "Next: 'union-isolation synth' writes the stacks and cdktf.out/union/review.md; 'union-isolation diff --base OLD' before applying a change.",
    '',
  ].join('\n');
}
