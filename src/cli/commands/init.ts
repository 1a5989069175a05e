// union-isolation init [DIR]: a starter model, cdktf.json and .gitignore in a repository of the
// user's own, where the package is installed (npm install -D). Never overwrites a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MODEL, EXIT, parseOptions, UsageError, type Command } from '../context';

/** The package root, from dist/src/cli/commands. */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** What init writes, relative to DIR. The app runs the installed package's cdktf app. */
export function starterFiles(): Map<string, string> {
  const bundled = fs.readFileSync(path.join(PACKAGE_ROOT, 'stacks', 'isolation.yaml'), 'utf8');
  const model = bundled
    .replace(/^# yaml-language-server: \$schema=.*$/m, '# yaml-language-server: $schema=../node_modules/union-isolation/schema/isolation.schema.json')
    .replace(/^# The bundled isolation model:.*$/m, '# Your isolation model, from `union-isolation init`: edit it, then `npx union-isolation validate`.')
    // The example's accepted warnings are not yours: a new model hears every warning.
    .replace(/^# Warnings accepted after review[\s\S]*?\n\n/m, '');
  const cdktf = {
    language: 'typescript',
    app: 'node node_modules/union-isolation/dist/stacks/cdktf-app.js',
    projectId: 'union-isolation',
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  };
  return new Map([
    [DEFAULT_MODEL, model],
    ['cdktf.json', JSON.stringify(cdktf, null, 2) + '\n'],
    ['.gitignore', ['node_modules/', 'cdktf.out/', '*.tfstate', '*.tfstate.*', '.terraform/', ''].join('\n')],
  ]);
}

export const command: Command = {
  summary: 'write a starter model, cdktf.json and .gitignore into a directory (default: here)',
  usage: '[DIR]',
  options: ['DIR  the repository to set up (default the current directory); existing files are never overwritten'],
  run(ctx) {
    const { positionals } = parseOptions(ctx, {}, { min: 0, max: 1, names: 'DIR' });
    const shown = positionals[0] ?? '.';
    const dir = path.resolve(ctx.cwd, shown);
    const files = starterFiles();
    const existing = [...files.keys()].filter((f) => fs.existsSync(path.join(dir, f)));
    if (existing.length > 0) throw new UsageError(`${existing.map((f) => path.join(shown, f)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; init writes into a directory without them and never overwrites`);
    for (const [file, text] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text, { flag: 'wx' });
    }
    ctx.stdout(
      [...files.keys()].map((f) => `wrote ${path.join(shown, f)}\n`).join('') +
        `Next: edit ${path.join(shown, DEFAULT_MODEL)} (org, domains, projects, aws/gcp, clusters), then run 'npx union-isolation validate' and 'npx union-isolation plan'.\n`,
    );
    return EXIT.ok;
  },
};
