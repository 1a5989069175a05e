// Turning findings into lines: `FILE:LINE:COL path: problem (found X; allowed Y). Fix: ...`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileFile, type Compiled, type LocatedFinding } from '../compile';
import { formatPath, isError } from '../model/findings';
import type { CommandContext } from './context';
import { DEFAULT_MODEL, UsageError } from './context';

export function formatFinding(f: LocatedFinding): string {
  const detail = [f.found !== undefined ? `found ${f.found}` : '', f.allowed !== undefined ? `allowed ${f.allowed}` : ''].filter(Boolean).join('; ');
  const level = isError(f) ? '' : 'warning: ';
  return `${f.file}:${f.line}:${f.col} ${formatPath(f.path)}: ${level}${f.problem}${detail ? ` (${detail})` : ''}. Fix: ${f.fix}`;
}

export function summary(compiled: Compiled): string {
  const errors = compiled.findings.filter(isError).length;
  // Every warning is a finding (the plan's warnings are the same ones, for the review).
  const warnings = compiled.findings.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${compiled.file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** The model path as the user gave it (relative paths stay relative, so messages read as typed): -m, else UNION_ISOLATION_MODEL as the cdktf app reads it, else the default. */
export function modelPathOf(ctx: CommandContext, given: string | undefined): { display: string; absolute: string } {
  const display = given ?? (process.env.UNION_ISOLATION_MODEL || DEFAULT_MODEL);
  return { display, absolute: path.resolve(ctx.cwd, display) };
}

/**
 * A model path that names nothing readable is bad usage (exit 2), not a model with errors: the user
 * mistyped -m or ran the command in another directory. Null when the file can be read.
 */
export function unusableModel(display: string, absolute: string): string | null {
  const where = `${display === DEFAULT_MODEL ? ' (the default; pass -m MODEL or set UNION_ISOLATION_MODEL)' : ''}`;
  try {
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) return `model '${display}' is a directory${where}; give the model file, e.g. ${path.join(display, 'isolation.yaml')}`;
    fs.accessSync(absolute, fs.constants.R_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is a file' : (code ?? (err as Error).message);
    return `cannot read model '${display}': ${reason}${where}${code === 'ENOENT' ? "; 'union-isolation init' writes a starter model" : ''}`;
  }
}

/** Compile the model and print its findings to stderr; returns the compiled model either way. */
export function compileAndReport(ctx: CommandContext, given: string | undefined, opts: { errorsOnly?: boolean } = {}): Compiled {
  const { display, absolute } = modelPathOf(ctx, given);
  const unusable = unusableModel(display, absolute);
  if (unusable !== null) throw new UsageError(unusable);
  const compiled = compileFile(absolute);
  const shown: Compiled = { ...compiled, file: display, findings: compiled.findings.map((f) => ({ ...f, file: display })) };
  reportFindings(ctx, opts.errorsOnly ? { ...shown, findings: shown.findings.filter(isError) } : shown);
  return shown;
}

export function reportFindings(ctx: CommandContext, compiled: Compiled): void {
  for (const f of compiled.findings) ctx.stderr(formatFinding(f) + '\n');
  if (compiled.findings.length > 0) ctx.stderr(summary(compiled) + '\n');
}
