#!/usr/bin/env node
// union-isolation <command> [options]. The only place that exits; commands return exit codes.
import { distance } from 'fastest-levenshtein';
import { EXIT, UsageError, type Command, type CommandContext } from './context';

// Commands load lazily: `validate` must not pay for cdktf and the providers that `synth` needs.
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading is the point here */
const COMMANDS: Record<string, () => Command> = {
  validate: () => require('./commands/validate').command,
  plan: () => require('./commands/plan').command,
  synth: () => require('./commands/synth').command,
  diff: () => require('./commands/diff').command,
  'add-project': () => require('./commands/add-project').command,
  stacks: () => require('./commands/stacks').command,
  init: () => require('./commands/init').command,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, load]) => `  ${name.padEnd(12)} ${load().summary}`);
  return [
    'union-isolation: Union data-plane isolation (accounts, projects, metadata buckets, pool mappings)',
    '',
    'Usage: union-isolation <command> [-m MODEL] [--json]',
    '',
    'Commands:',
    ...lines,
    '',
    `MODEL defaults to stacks/isolation.yaml. Exit codes: 0 ok, 1 model errors, 2 bad usage, 3 destructive change refused.`,
    `Run 'union-isolation <command> --help' for a command's options.`,
  ].join('\n');
}

function commandHelp(name: string, cmd: Command): string {
  return [`${cmd.summary}`, '', `Usage: union-isolation ${name} ${cmd.usage}`, '', 'Options:', ...cmd.options.map((o) => `  ${o}`)].join('\n');
}

export async function main(argv: readonly string[], io: Pick<CommandContext, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- read at run time, outside rootDir
    io.stdout(require('../../../package.json').version + '\n');
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    const known = Object.keys(COMMANDS);
    const nearest = known.reduce((a, b) => (distance(name, a) <= distance(name, b) ? a : b));
    const hint = distance(name, nearest) <= 3 ? ` Did you mean '${nearest}'?` : '';
    io.stderr(`union-isolation: unknown command '${name}' (allowed: ${known.join(', ')}).${hint}\n`);
    return EXIT.usage;
  }
  const cmd = load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(commandHelp(name, cmd) + '\n');
    return EXIT.ok;
  }
  try {
    return await cmd.run({ ...io, args });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`union-isolation ${name}: ${err.message}\nUsage: union-isolation ${name} ${cmd.usage}\n`);
      return EXIT.usage;
    }
    // A bug in the tool, not a mistake in the model: say so plainly; the stack only on request.
    const e = err as Error;
    io.stderr(`union-isolation ${name}: internal error: ${e.message}\n`);
    io.stderr(process.env.UNION_ISOLATION_DEBUG ? `${e.stack}\n` : 'Set UNION_ISOLATION_DEBUG=1 to see where, and please report it.\n');
    return EXIT.internal;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
