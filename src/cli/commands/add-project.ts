// union-isolation add-project NAME: the day-two path for a project created after onboarding. Appends
// it to the model (onDemand.projects in project isolation, projects in domain isolation) with the
// file's comments and layout kept, checks the edited model, writes it atomically, and prints what
// changes: in the intended case no account or bucket, only new attribute files.
import { renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { compileText } from '../../compile';
import { addProject } from '../../model/add-project';
import { formatPath, isError } from '../../model/findings';
import { attributeFilePath } from '../../files/attribute-files';
import { destructiveChanges, diffPlans, type PlanDiff } from '../../diff/compare-plans';
import { EXIT, JSON_OPTION, MODEL_OPTION, parseOptions, type Command } from '../context';
import { compileAndReport, formatFinding, modelPathOf, reportFindings } from '../report';

export const command: Command = {
  summary: 'append a project (onDemand.projects or projects), keeping the file, and print what it adds',
  usage: 'NAME [-m MODEL] [--json]',
  options: [
    '-m, --model MODEL  the isolation model to edit (default stacks/isolation.yaml)',
    '--json             print the change as JSON (the diff of the plans before and after)',
  ],
  run(ctx) {
    const { values, positionals } = parseOptions(ctx, { ...MODEL_OPTION, ...JSON_OPTION }, { min: 1, max: 1, names: 'the project NAME' });
    const name = positionals[0]!;
    const before = compileAndReport(ctx, values.model);
    if (!before.plan) {
      ctx.stderr(`union-isolation add-project: ${before.file} has errors; fix them before adding a project.\n`);
      return EXIT.modelErrors;
    }

    const edit = addProject(before.text, name);
    if (!edit.ok) {
      for (const f of edit.findings) ctx.stderr(formatFinding({ ...f, file: before.file, ...(f.position ?? { line: 1, col: 1 }) }) + '\n');
      return EXIT.modelErrors;
    }
    const after = compileText(edit.text, before.file);
    if (!after.plan) {
      ctx.stderr(`union-isolation add-project: not written: with ${name} added, ${before.file} would have errors:\n`);
      reportFindings(ctx, { ...after, findings: after.findings.filter(isError) });
      return EXIT.modelErrors;
    }
    const diff = diffPlans(before.plan, after.plan);
    // Adding a project never takes anything away; if the plans say otherwise, write nothing.
    if (diff.destructive) {
      ctx.stderr(`union-isolation add-project: not written: adding ${name} would destroy or replace:\n${destructiveChanges(diff).map((d) => `  ${d}\n`).join('')}`);
      return EXIT.destructive;
    }

    writeAtomically(modelPathOf(ctx, values.model).absolute, edit.text);
    ctx.stdout(values.json ? JSON.stringify({ version: 1, project: name, model: before.file, addedTo: formatPath(edit.target), ...diff }, null, 2) + '\n' : describe(name, before.file, formatPath(edit.target), diff));
    return EXIT.ok;
  },
};

/** Write a sibling temporary file and rename it over the model, so a crash never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode: statSync(file).mode & 0o777 });
    renameSync(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was left behind.
    }
    throw err;
  }
}

function describe(name: string, file: string, target: string, diff: PlanDiff): string {
  const lines = [`Added ${name} to ${target} in ${file}.`];
  const created = diff.units.filter((u) => u.change === 'created' || u.change === 'adopted');
  lines.push(
    created.length === 0
      ? 'Accounts and projects: none added or changed.'
      : `Accounts and projects: ${created.length} new: ${created.map((u) => `${u.unit} (${u.after})`).join(', ')}.`,
  );
  const buckets = diff.buckets.filter((b) => b.change === 'created');
  lines.push(buckets.length === 0 ? 'Buckets: none added or changed.' : `Buckets: ${buckets.map((b) => b.after).join(', ')}.`);
  const files = diff.assignments.filter((a) => a.after?.file != null && a.after.file !== a.before?.file);
  if (files.length === 0) {
    lines.push('New attribute files: none (the project falls back to the default pool).');
  } else {
    lines.push(`New attribute files (run 'union-isolation synth', then apply-cluster-pool-attributes.sh once the project exists in Union):`);
    for (const a of files) {
      lines.push(`  ${attributeFilePath(a.after!.file!)}  ${a.project}/${a.domain}${a.workflow ? `/${a.workflow}` : ''} -> ${a.after!.pool} (${a.after!.origin})`);
    }
  }
  const fallbacks = diff.assignments.filter((a) => a.change === 'added' && a.after?.file === null);
  for (const a of fallbacks) lines.push(`  ${a.project}/${a.domain}: no file, runs on the default pool`);
  lines.push(
    `Next: a pull request ('union-isolation diff --base OLD' shows the change), 'union-isolation synth', and once ${name} exists in Union` +
      ` 'apply-cluster-pool-attributes.sh --project ${name}'.`,
  );
  return lines.join('\n') + '\n';
}
