// union-isolation validate: check the model, print every finding, exit 1 on errors.
import { EXIT, JSON_OPTION, MODEL_OPTION, UsageError, parseOptions, type Command } from '../context';
import { compileAndReport, summary } from '../report';

export const command: Command = {
  summary: 'check the model and print every finding',
  usage: '[-m MODEL] [--json]',
  options: [
    '-m, --model MODEL  the isolation model (default stacks/isolation.yaml, or UNION_ISOLATION_MODEL)',
    '--json             findings as JSON on stdout (errors and warnings, with their codes)',
    '--format FORMAT    text (default), json, sarif (SARIF 2.1.0 for code scanning) or github (annotations in GitHub Actions)',
  ],
  run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...JSON_OPTION, format: { type: 'string' } });
    const format = values.format ?? (values.json ? 'json' : 'text');
    if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown --format '${format}' (allowed: text, json, sarif, github)`);
    const compiled = compileAndReport(format !== 'text' ? { ...ctx, stderr: () => {} } : ctx, values.model);
    if (format === 'sarif' || format === 'github') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- only these formats need it
      const { renderGithub, renderSarif } = require('../finding-formats') as typeof import('../finding-formats');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- read at run time, outside rootDir
      ctx.stdout(format === 'sarif' ? renderSarif(compiled, require('../../../../package.json').version) : renderGithub(compiled));
    } else if (format === 'json') ctx.stdout(JSON.stringify({ file: compiled.file, ok: compiled.plan !== null, findings: compiled.findings }, null, 2) + '\n');
    else if (compiled.plan) {
      const p = compiled.plan;
      ctx.stdout(
        `${summary(compiled)}: ${p.isolation} isolation, ${p.units.length} units, ${p.storageGroups.length} buckets, ${p.pools.length} pools, ${p.assignments.length} assignments.\n` +
          "Next: 'union-isolation plan' to review where everything runs, then 'union-isolation synth'.\n",
      );
    }
    return compiled.plan ? EXIT.ok : EXIT.modelErrors;
  },
};
