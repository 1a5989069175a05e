// What a command receives: its arguments and where to write. Commands return an exit code; only
// src/cli prints or exits, so everything below it stays testable as plain functions.
import { parseArgs } from 'node:util';

export const EXIT = { ok: 0, modelErrors: 1, usage: 2, destructive: 3, internal: 70 } as const;

export interface CommandContext {
  /** Arguments after the command name. */
  readonly args: readonly string[];
  /** Directory relative paths resolve against. */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Command {
  readonly summary: string;
  /** Usage lines after `union-isolation <command>`, e.g. `[-m MODEL] [--json]`. */
  readonly usage: string;
  /** Option lines for --help. */
  readonly options: readonly string[];
  run(ctx: CommandContext): Promise<number> | number;
}

/** Bad usage (unknown option, missing argument): the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** node:util parseArgs, with its errors turned into UsageError. `-m/--model` and `--json` are common to all. */
export function parseOptions<T extends OptionSpec>(
  ctx: CommandContext,
  options: T,
  positionals: { min: number; max: number; names: string } = { min: 0, max: 0, names: '' },
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...ctx.args], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.names}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument '${parsed.positionals[positionals.max]}'`);
  return parsed;
}

export const MODEL_OPTION = { model: { type: 'string', short: 'm' } } as const;
export const JSON_OPTION = { json: { type: 'boolean' } } as const;
export const DEFAULT_MODEL = 'stacks/isolation.yaml';
