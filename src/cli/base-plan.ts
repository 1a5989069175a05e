// The "before" side of `diff` and `stacks`: a base model compiled by this version, or the plan.json
// of the last synth (`cdktf.out/union/plan.json`), which records the stacks the estate's states
// really are in, even when an older version of the tool laid them out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plan } from '../plan/types';
import { UsageError, type CommandContext } from './context';
import { compileAndReport } from './report';

export const BASE_PLAN_OPTION = { 'base-plan': { type: 'string' } } as const;

export interface Base {
  readonly plan: Plan | null;
  /** As the user gave it, for the report's title. */
  readonly file: string;
}

export function loadBase(ctx: CommandContext, values: { base?: string; 'base-plan'?: string }): Base {
  const file = values['base-plan'];
  if (file === undefined) {
    if (values.base === undefined) throw new UsageError('missing --base OLD_MODEL (or --base-plan OLD_PLAN_JSON)');
    const compiled = compileAndReport(ctx, values.base, { errorsOnly: true });
    return { plan: compiled.plan, file: compiled.file };
  }
  if (values.base !== undefined) throw new UsageError('give --base or --base-plan, not both');
  let text: string;
  try {
    text = readFileSync(path.resolve(ctx.cwd, file), 'utf8');
  } catch (err) {
    ctx.stderr(`${file}: cannot read the base plan (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Fix: give the plan.json of the last synth, e.g. cdktf.out/union/plan.json.\n`);
    return { plan: null, file };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    ctx.stderr(`${file}: not JSON (${(err as Error).message}). Fix: give the plan.json that \`union-isolation synth\` writes (cdktf.out/union/plan.json).\n`);
    return { plan: null, file };
  }
  const p = parsed as Partial<Plan> | null;
  if (p === null || typeof p !== 'object' || p.version !== 1 || !Array.isArray(p.units) || !Array.isArray(p.stacks) || !Array.isArray(p.storageGroups)) {
    ctx.stderr(`${file}: not a union-isolation plan.json of version 1 (found no version 1 with units, stacks and storageGroups). Fix: give the plan.json that \`union-isolation synth\` writes (cdktf.out/union/plan.json).\n`);
    return { plan: null, file };
  }
  return { plan: p as Plan, file };
}
