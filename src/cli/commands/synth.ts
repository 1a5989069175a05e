// union-isolation synth: the Terraform JSON of every stack in DIR/stacks/ (cdktf's layout, so
// `cdktf deploy` and `terraform` run in it) and the files Union needs in DIR/union/, swapped in
// whole at the end (stacks/synthesize.ts). This module checks DIR and reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT, MODEL_OPTION, parseOptions, UsageError, type Command } from '../context';
import { compileAndReport } from '../report';

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
    checkOutputDir(outdir, shown, ctx.cwd);
    const compiled = compileAndReport(ctx, values.model);
    if (!compiled.plan) return EXIT.modelErrors;

    // Loaded here, not at the top: validate and plan must not pay for cdktf and the providers.
    const { synthesizeInto, UNION_DIR } = await import('../../../stacks/synthesize');
    // The generated notices name the model as the user gave it (reduced to its base name if absolute).
    const result = synthesizeInto(compiled.plan, outdir, { model: compiled.file });
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    ctx.stdout(
      `Synthesized ${plural(result.stacks.length, 'stack')} (${plural(result.resources, 'resource')}) into ${path.join(shown, 'stacks')}` +
        ` and ${plural(result.unionFiles.length, 'file')} into ${path.join(shown, UNION_DIR)}.\n`,
    );
    return EXIT.ok;
  },
};

/**
 * DIR is replaced wholesale, so it must be ours to replace: missing, empty, or an earlier output
 * (it has cdktf's manifest.json). Never a file, a symlink (writing through it would land elsewhere),
 * or a directory holding the working directory.
 */
function checkOutputDir(outdir: string, shown: string, cwd: string): void {
  const inside = path.relative(outdir, path.resolve(cwd));
  const outside = inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  if (!outside) {
    throw new UsageError(`output directory '${shown}' contains the working directory; choose a directory of its own`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(outdir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (stat.isSymbolicLink()) throw new UsageError(`output directory '${shown}' is a symbolic link; give the real directory`);
  if (!stat.isDirectory()) throw new UsageError(`output directory '${shown}' is a file; remove it or choose another directory`);
  const entries = fs.readdirSync(outdir);
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new UsageError(`output directory '${shown}' is not empty and holds no earlier synth output (no manifest.json); choose another directory`);
  }
}
