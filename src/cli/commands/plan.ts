// union-isolation plan: the review of what the model places where (--json: the resolved plan).
import { distance } from 'fastest-levenshtein';
import { renderPlanJson } from '../../files/plan-json';
import { renderReview } from '../../files/review-md';
import { isFiltered, unknownFilterNames, type PlanFilter } from '../../files/review-slice';
import { renderTerminalReview } from '../../files/terminal-review';
import { EXIT, JSON_OPTION, MODEL_OPTION, UsageError, parseOptions, type Command } from '../context';
import { compileAndReport } from '../report';

export const command: Command = {
  summary: 'print the review: what needs attention, a roll-up per domain and cloud, the pairs (--format md: every table; --json: the plan)',
  usage: '[-m MODEL] [--json] [--format text|md|json] [--domain NAMES] [--project NAMES] [--pool NAMES]',
  options: [
    '-m, --model MODEL  the isolation model (default stacks/isolation.yaml, or UNION_ISOLATION_MODEL)',
    '--format FORMAT    text (the default, on a terminal or piped: one screen), md (the review in Markdown, what review.md holds) or json',
    '--domain NAMES     only these domains (comma-separated) and what their pairs run on',
    '--project NAMES    only these projects (comma-separated) and what their pairs run on',
    '--pool NAMES       only the pairs on these pools (comma-separated), with the pools themselves',
    '--json             the resolved plan as JSON (what plan.json holds); same as --format json',
  ],
  run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...JSON_OPTION, format: { type: 'string' }, domain: { type: 'string' }, project: { type: 'string' }, pool: { type: 'string' } });
    // The same text whether stdout is a terminal or a pipe: a CI log shows what a person sees.
    const format = values.format ?? (values.json ? 'json' : 'text');
    if (!['text', 'md', 'json'].includes(format)) throw new UsageError(`unknown --format '${format}' (allowed: text, md, json)`);
    const filter: PlanFilter = { domains: names(values.domain, '--domain'), projects: names(values.project, '--project'), pools: names(values.pool, '--pool') };
    if (format === 'json' && isFiltered(filter)) throw new UsageError('--domain, --project and --pool filter the review (text or md); --format json prints the whole plan, as plan.json holds it');
    const compiled = compileAndReport(ctx, values.model);
    if (!compiled.plan) return EXIT.modelErrors;
    const unknown = unknownFilterNames(compiled.plan, filter);
    if (unknown.length > 0) {
      throw new UsageError(
        unknown
          .map(({ option, name, known }) => {
            const nearest = known.length === 0 ? undefined : known.reduce((a, b) => (distance(name, a) <= distance(name, b) ? a : b));
            const hint = nearest !== undefined && distance(name, nearest) <= 3 ? ` Did you mean '${nearest}'?` : '';
            return `--${option} '${name}': the model has no ${option} of that name (found ${known.length} ${option}s${known.length > 0 && known.length <= 10 ? `: ${known.join(', ')}` : ''}).${hint}`;
          })
          .join('\n'),
      );
    }
    // Same bytes as cdktf.out/union/plan.json, so automation can use either.
    if (format === 'json') ctx.stdout(renderPlanJson(compiled.plan, { model: compiled.file }));
    else if (format === 'md') ctx.stdout(renderReview(compiled.plan, isFiltered(filter) ? { filter, detail: 'inline' } : {}));
    else ctx.stdout(renderTerminalReview(compiled.plan, process.stdout.isTTY === true ? (process.stdout.columns ?? 100) : 100, filter));
    return EXIT.ok;
  },
};

function names(value: string | undefined, option: string): string[] {
  if (value === undefined) return [];
  const list = value.split(',').map((s) => s.trim());
  if (list.some((s) => s === '')) throw new UsageError(`${option} '${value}': give names separated by commas, e.g. ${option} a,b`);
  return [...new Set(list)];
}
