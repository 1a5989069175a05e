// union-isolation diff --base OLD [-m NEW]: what the change does in model terms, as Markdown for a
// pull-request comment (or --json). Exit 3 when it would destroy or replace an account, project or
// bucket, unless --allow-destroy: the last check before a destructive apply.
import { destructiveChanges, diffPlans } from '../../diff/compare-plans';
import { renderDiffMarkdown } from '../../diff/diff-report';
import { poolRenameHints } from '../../diff/rename-hints';
import { diffStacks } from '../../diff/stack-changes';
import { renderStackChangesMarkdown } from '../../diff/stack-changes-report';
import { EXIT, JSON_OPTION, MODEL_OPTION, parseOptions, type Command } from '../context';
import { BASE_PLAN_OPTION, loadBase } from '../base-plan';
import { compileAndReport, modelPathOf } from '../report';

const OPTIONS = {
  ...MODEL_OPTION,
  ...JSON_OPTION,
  base: { type: 'string' },
  ...BASE_PLAN_OPTION,
  'allow-destroy': { type: 'boolean' },
} as const;

export const command: Command = {
  summary: 'what a model change creates, changes and destroys; exit 3 if it destroys or replaces anything',
  usage: '(--base OLD_MODEL | --base-plan OLD_PLAN_JSON) [-m MODEL] [--allow-destroy] [--json]',
  options: [
    '--base OLD_MODEL   the model before the change (e.g. the main branch version)',
    '--base-plan FILE   instead of --base: the plan.json of the last synth (cdktf.out/union/plan.json), which knows the stacks the states are in',
    '-m, --model MODEL  the model after the change (default stacks/isolation.yaml)',
    '--allow-destroy    accept destroyed or replaced accounts, projects and buckets (exit 0)',
    '--json             the diff as JSON instead of Markdown (Markdown is ready for a pull-request comment)',
  ],
  run(ctx) {
    const { values } = parseOptions(ctx, OPTIONS);
    // The old model's warnings are not this change's: only its errors are printed (once per command).
    const base = loadBase(ctx, values);
    const next = compileAndReport(ctx, values.model);
    if (!base.plan || !next.plan) return EXIT.modelErrors;

    const diff = diffPlans(base.plan, next.plan);
    const stacks = diffStacks(base.plan, next.plan);
    const allowDestroy = values['allow-destroy'] === true;
    const refused = diff.destructive && !allowDestroy;
    const names = { base: base.file, model: modelPathOf(ctx, values.model).display };
    if (values.json) {
      ctx.stdout(JSON.stringify({ version: 1, ...names, refused, ...diff, stacks }, null, 2) + '\n');
    } else {
      ctx.stdout(renderDiffMarkdown(diff, { ...names, allowDestroy }) + renderStackChangesMarkdown(stacks));
    }
    if (!refused) {
      // stdout is the pull-request comment (or JSON): what to do next goes beside it, to stderr.
      if (!values.json) ctx.stderr("Next: 'union-isolation synth', then plan the stacks it changes ('union-isolation stacks --changed --base OLD --ready'); apply after review.\n");
      return EXIT.ok;
    }
    const destructive = destructiveChanges(diff);
    ctx.stderr(
      `union-isolation diff: refused: ${destructive.length} destructive change${destructive.length === 1 ? '' : 's'}:\n` +
        destructive.map((d) => `  ${d}\n`).join('') +
        poolRenameHints(base.plan, next.plan).map((h) => `Fix: ${h}\n`).join('') +
        'Pass --allow-destroy if this is intended.\n',
    );
    return EXIT.destructive;
  },
};
