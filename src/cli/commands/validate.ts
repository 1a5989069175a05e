// union-isolation validate: check the model, print every finding, exit 1 on errors.
import { EXIT, JSON_OPTION, MODEL_OPTION, parseOptions, type Command } from '../context';
import { compileAndReport, summary } from '../report';

export const command: Command = {
  summary: 'check the model and print every finding',
  usage: '[-m MODEL] [--json]',
  options: ['-m, --model MODEL  the isolation model (default stacks/isolation.yaml)', '--json             findings as JSON on stdout'],
  run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...JSON_OPTION });
    const compiled = compileAndReport(values.json ? { ...ctx, stderr: () => {} } : ctx, values.model);
    if (values.json) ctx.stdout(JSON.stringify({ file: compiled.file, ok: compiled.plan !== null, findings: compiled.findings }, null, 2) + '\n');
    else if (compiled.plan) {
      const p = compiled.plan;
      ctx.stdout(
        `${summary(compiled)}: ${p.isolation} isolation, ${p.units.length} units, ${p.storageGroups.length} buckets, ${p.pools.length} pools, ${p.assignments.length} assignments.\n`,
      );
    }
    return compiled.plan ? EXIT.ok : EXIT.modelErrors;
  },
};
