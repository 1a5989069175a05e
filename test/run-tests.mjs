// Runs the compiled test files, and nothing else. Node 20's `node --test DIR` runs every .js file
// under a folder named `test`, so helper modules would report as passing tests; it has no globs.
// Usage: node test/run-tests.mjs [node --test options] DIR... [!DIR...]
// Runs each `*.test.js` under the DIRs (in dist/, compiled from test/) but not under a `!DIR`, and
// only where its TypeScript source still exists: a test deleted from test/ may linger in dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith('--'));
const dirs = args.filter((a) => !a.startsWith('--') && !a.startsWith('!'));
const skipped = args.filter((a) => a.startsWith('!')).map((a) => path.resolve(a.slice(1)));

/** The TypeScript source of a compiled file: dist/test/x.test.js -> test/x.test.ts. */
const sourceOf = (file) => path.relative('dist', file).replace(/\.js$/, '.ts');

function testFiles(dir) {
  if (skipped.includes(path.resolve(dir))) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(file);
      return entry.name.endsWith('.test.js') && existsSync(sourceOf(file)) ? [file] : [];
    });
}

const files = dirs.flatMap(testFiles);
if (files.length === 0) {
  console.error(`run-tests: no *.test.js with a source under ${dirs.join(', ')}`);
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', ...options, ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
