#!/usr/bin/env node
// The cdktf app (cdktf.json: `node dist/stacks/cdktf-app.js`), so `npx cdktf synth` and `cdktf deploy`
// build the same stacks as `union-isolation synth`, through the same synthesis (src/synth/synthesize.ts):
// the output directory checked, staged and swapped in whole. The model comes from UNION_ISOLATION_MODEL
// (default stacks/isolation.yaml, relative to the working directory), the output directory from
// CDKTF_OUTDIR, which the cdktf CLI sets.
// It is the one module outside src/cli that imports src/cli (eslint.config.mjs): it is a second
// command-line entry, and reports findings and exits exactly as the CLI does.
import { compileFile } from '../src/compile';
import { DEFAULT_MODEL, EXIT } from '../src/cli/context';
import { formatFinding, summary, unusableModel } from '../src/cli/report';
import { OutputDirError } from '../src/synth/output-dir';
import { describeLeft, StacksLeftError } from '../src/synth/stacks-left';
import { synthesize } from '../src/synth/synthesize';

async function main(): Promise<number> {
  const model = process.env.UNION_ISOLATION_MODEL || DEFAULT_MODEL;
  const unusable = unusableModel(model, model);
  if (unusable !== null) {
    console.error(`union-isolation: ${unusable}`);
    return EXIT.usage;
  }
  const compiled = compileFile(model);
  // The cdktf CLI logs every line an app writes to stderr at its error level (`[ERROR]`): a model
  // that only has warnings synthesizes, so they go to stdout, which cdktf prints as the app's output.
  const print = compiled.plan === null ? console.error : console.log;
  for (const f of compiled.findings) print(formatFinding(f));
  if (compiled.findings.length > 0) print(summary(compiled));
  if (compiled.plan === null) return EXIT.modelErrors;
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  let result;
  try {
    result = await synthesize(compiled.plan, outdir, { model });
  } catch (err) {
    if (err instanceof StacksLeftError) {
      console.error(describeLeft(err.left, `${outdir}/stacks`).trimEnd());
      return EXIT.destructive;
    }
    if (!(err instanceof OutputDirError)) throw err;
    console.error(`union-isolation (cdktf app): ${err.message}`);
    return EXIT.usage;
  }
  const left = describeLeft(result.left, `${outdir}/stacks`);
  if (left !== '') console.error(left.trimEnd());
  console.log(`${model}: ${result.stacks.length} stacks, ${result.resources} resources, ${result.unionFiles.length} files in ${outdir}/union`);
  return EXIT.ok;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug in the tool, not a mistake in the model: say so plainly; the stack only on request.
    const e = err as Error;
    console.error(`union-isolation: internal error: ${e.message}`);
    console.error(process.env.UNION_ISOLATION_DEBUG ? e.stack : 'Set UNION_ISOLATION_DEBUG=1 to see where, and please report it.');
    process.exitCode = EXIT.internal;
  },
);
