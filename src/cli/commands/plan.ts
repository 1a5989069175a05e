// union-isolation plan: the review of what the model places where (--json: the resolved plan).
import { renderPlanJson } from '../../files/plan-json';
import { renderReview } from '../../files/review-md';
import { renderTerminalReview } from '../../files/terminal-review';
import { EXIT, JSON_OPTION, MODEL_OPTION, UsageError, parseOptions, type Command } from '../context';
import { compileAndReport } from '../report';

export const command: Command = {
  summary: 'print the review: accounts, pools, buckets, assignments (--json: the plan)',
  usage: '[-m MODEL] [--json] [--format text|md|json]',
  options: [
    '-m, --model MODEL  the isolation model (default stacks/isolation.yaml, or UNION_ISOLATION_MODEL)',
    '--json             the resolved plan as JSON (what plan.json holds)',
    '--format FORMAT    text (a summary: the default on a terminal), md (the review in Markdown: the default when piped) or json',
  ],
  run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...JSON_OPTION, format: { type: 'string' } });
    const format = values.format ?? (values.json ? 'json' : process.stdout.isTTY === true ? 'text' : 'md');
    if (!['text', 'md', 'json'].includes(format)) throw new UsageError(`unknown --format '${format}' (allowed: text, md, json)`);
    const compiled = compileAndReport(ctx, values.model);
    if (!compiled.plan) return EXIT.modelErrors;
    // Same bytes as cdktf.out/union/plan.json, so automation can use either.
    if (format === 'json') ctx.stdout(renderPlanJson(compiled.plan, { model: compiled.file }));
    else if (format === 'md') ctx.stdout(renderReview(compiled.plan));
    else ctx.stdout(renderTerminalReview(compiled.plan, process.stdout.columns ?? 100));
    return EXIT.ok;
  },
};
