// union-isolation plan: the review of what the model places where (--json: the resolved plan).
import { renderPlanJson } from '../../outputs/plan-json';
import { renderReview } from '../../outputs/review';
import { EXIT, JSON_OPTION, MODEL_OPTION, parseOptions, type Command } from '../context';
import { compileAndReport } from '../report';

export const command: Command = {
  summary: 'print the review: accounts, pools, buckets, assignments (--json: the plan)',
  usage: '[-m MODEL] [--json]',
  options: ['-m, --model MODEL  the isolation model (default stacks/isolation.yaml)', '--json             the resolved plan as JSON (what plan.json holds)'],
  run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...JSON_OPTION });
    const compiled = compileAndReport(ctx, values.model);
    if (!compiled.plan) return EXIT.modelErrors;
    // Same bytes as cdktf.out/union/plan.json, so automation can use either.
    ctx.stdout(values.json ? renderPlanJson(compiled.plan, { model: compiled.file }) : renderReview(compiled.plan));
    return EXIT.ok;
  },
};
