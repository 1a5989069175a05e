// union-isolation stacks [--changed --base OLD] [--ready | --waiting]: the stacks to plan or apply,
// one per line in apply order (every upstream first), so CI runs Terraform in those alone.
import { applyOrder, diffStacks } from '../../diff/stack-changes';
import { EXIT, JSON_OPTION, MODEL_OPTION, UsageError, parseOptions, type Command } from '../context';
import { BASE_PLAN_OPTION, loadBase } from '../base-plan';
import { compileAndReport } from '../report';

const OPTIONS = {
  ...MODEL_OPTION,
  ...JSON_OPTION,
  base: { type: 'string' },
  ...BASE_PLAN_OPTION,
  changed: { type: 'boolean' },
  ready: { type: 'boolean' },
  waiting: { type: 'boolean' },
} as const;

export const command: Command = {
  summary: 'the Terraform stacks, in apply order; --changed --base OLD: only those a change touches',
  usage: '[-m MODEL] [--changed (--base OLD_MODEL | --base-plan OLD_PLAN_JSON) [--ready | --waiting]] [--json]',
  options: [
    '-m, --model MODEL  the isolation model (default stacks/isolation.yaml)',
    '--changed          only the new and changed stacks (needs --base)',
    '--base OLD_MODEL   the model before the change (e.g. the main branch version)',
    '--base-plan FILE   instead of --base: the plan.json of the last synth (cdktf.out/union/plan.json)',
    '--ready            of those, the ones that can be planned now (they read no output that does not exist yet)',
    '--waiting          of those, the ones that wait on an upstream apply',
    '--json             {new, changed, removed, waitsOn, moves} (with --changed), else the list as JSON',
  ],
  run(ctx) {
    const { values } = parseOptions(ctx, OPTIONS);
    if ((values.ready || values.waiting) && !values.changed) throw new UsageError('--ready and --waiting need --changed');
    if (values.ready && values.waiting) throw new UsageError('--ready and --waiting exclude each other');
    if (!values.changed && (values.base !== undefined || values['base-plan'] !== undefined)) throw new UsageError('--base and --base-plan need --changed');
    const next = compileAndReport(ctx, values.model);
    if (!values.changed) {
      if (!next.plan) return EXIT.modelErrors;
      const order = applyOrder(next.plan);
      ctx.stdout(values.json ? JSON.stringify(order, null, 2) + '\n' : order.map((s) => `${s}\n`).join(''));
      return EXIT.ok;
    }
    const base = loadBase(ctx, values);
    if (!base.plan || !next.plan) return EXIT.modelErrors;
    const changes = diffStacks(base.plan, next.plan);
    if (values.json) {
      ctx.stdout(JSON.stringify(changes, null, 2) + '\n');
      return EXIT.ok;
    }
    const touched = new Set([...changes.new, ...changes.changed].filter((s) => (values.ready ? !(s in changes.waitsOn) : values.waiting ? s in changes.waitsOn : true)));
    const order = applyOrder(next.plan, touched);
    ctx.stdout(order.map((s) => `${s}\n`).join(''));
    // An empty stdout is what CI loops over; stderr says the command ran and found nothing to do.
    if (order.length === 0) ctx.stderr(`union-isolation stacks: no stack ${values.ready ? 'ready to plan' : values.waiting ? 'waiting on an upstream apply' : 'changed'} against ${base.file}.\n`);
    if (changes.moves.length > 0) ctx.stderr(`union-isolation stacks: ${changes.moves.length} accounts/projects move to another state: run the commands of \`union-isolation diff\` before applying.\n`);
    return EXIT.ok;
  },
};
