// Turning findings into lines: `FILE:LINE:COL path: problem (found X; allowed Y). Fix: ...`.
import * as path from 'node:path';
import { compileFile, type Compiled, type LocatedFinding } from '../compile';
import { formatPath, isError } from '../model/findings';
import type { CommandContext } from './context';
import { DEFAULT_MODEL } from './context';

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

/** The model path as the user gave it (relative paths stay relative, so messages read as typed). */
export function modelPathOf(ctx: CommandContext, given: string | undefined): { display: string; absolute: string } {
  const display = given ?? DEFAULT_MODEL;
  return { display, absolute: path.resolve(ctx.cwd, display) };
}

/** Compile the model and print its findings to stderr; returns the compiled model either way. */
export function compileAndReport(ctx: CommandContext, given: string | undefined): Compiled {
  const { display, absolute } = modelPathOf(ctx, given);
  const compiled = compileFile(absolute);
  const shown: Compiled = { ...compiled, file: display, findings: compiled.findings.map((f) => ({ ...f, file: display })) };
  reportFindings(ctx, shown);
  return shown;
}

export function reportFindings(ctx: CommandContext, compiled: Compiled): void {
  for (const f of compiled.findings) ctx.stderr(formatFinding(f) + '\n');
  if (compiled.findings.length > 0) ctx.stderr(summary(compiled) + '\n');
}
