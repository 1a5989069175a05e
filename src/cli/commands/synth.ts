// union-isolation synth: the Terraform JSON of every stack in DIR/stacks/ (cdktf's layout, so
// `cdktf deploy` and `terraform` run in it) and the files Union needs in DIR/union/, swapped in
// whole at the end (src/synth/synthesize.ts). This module reads the options and reports.
import * as path from 'node:path';
import { EXIT, MODEL_OPTION, parseOptions, UsageError, type Command } from '../context';
import { checkOutputDir, OutputDirError } from '../../synth/output-dir';
import { describeLeft, StacksLeftError } from '../../synth/stacks-left';
import { prepareSynthesis } from '../../synth/synthesize';

export const DEFAULT_OUTDIR = 'cdktf.out';

const OUTPUT_OPTION = { output: { type: 'string', short: 'o' } } as const;

export const command: Command = {
  summary: 'write the Terraform of every stack and the files Union needs',
  usage: '[-m MODEL] [-o DIR]',
  options: [
    '-m, --model MODEL  the isolation model (default stacks/isolation.yaml)',
    `-o, --output DIR   output directory (default ${DEFAULT_OUTDIR}): DIR/stacks/<stack>/cdk.tf.json, DIR/union/`,
  ],
  async run(ctx) {
    const { values } = parseOptions(ctx, { ...MODEL_OPTION, ...OUTPUT_OPTION });
    const shown = values.output ?? DEFAULT_OUTDIR;
    const outdir = path.resolve(ctx.cwd, shown);
    try {
      checkOutputDir(outdir, shown, ctx.cwd);
    } catch (err) {
      throw asUsageError(err);
    }
    // Made ready before anything else, the compiler's modules included, so that loading cdktf and the
    // providers overlaps compiling the model (src/synth/synthesize.ts).
    const synthesis = prepareSynthesis();
    let result;
    try {
      const { compileAndReport } = await import('../report');
      const compiled = compileAndReport(ctx, values.model);
      if (!compiled.plan) return EXIT.modelErrors;
      try {
        result = await synthesis.synthesize(compiled.plan, outdir, { model: compiled.file, shownAs: shown, cwd: ctx.cwd });
      } catch (err) {
        if (!(err instanceof StacksLeftError)) throw asUsageError(err);
        ctx.stderr(describeLeft(err.left, path.join(shown, 'stacks')));
        return EXIT.destructive;
      }
    } finally {
      await synthesis.close();
    }
    const { UNION_DIR } = await import('../../synth/write-union-files');
    ctx.stderr(describeLeft(result.left, path.join(shown, 'stacks')));
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    ctx.stdout(
      `Synthesized ${plural(result.stacks.length, 'stack')} (${plural(result.resources, 'resource')}) into ${path.join(shown, 'stacks')}` +
        ` and ${plural(result.unionFiles.length, 'file')} into ${path.join(shown, UNION_DIR)}.\n` +
        `Next: read ${path.join(shown, UNION_DIR, 'review.md')}, then 'npx cdktf deploy' the stacks (accounts first; README, Onboarding),` +
        ` and once the projects exist in Union run ${path.join(shown, UNION_DIR, 'apply-cluster-pool-attributes.sh')}.\n`,
    );
    return EXIT.ok;
  },
};

/** An output directory synthesis cannot use is bad usage (exit 2); anything else stays as it is. */
function asUsageError(err: unknown): unknown {
  return err instanceof OutputDirError ? new UsageError(err.message) : err;
}
