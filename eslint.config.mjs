// Lint rules: typescript-eslint's recommended set; type-checking itself is `tsc` in `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CDKTF_INTERNALS = { regex: '^cdktf/lib(/|$)', message: 'cdktf internals are patched only in src/speedups/ (one file per speedup, installed by its index).' };
const CLI = { regex: '(^|/)(src/)?cli(/|$)', message: 'src/ and stacks/ do not build on the CLI: move what is shared to a module outside src/cli.' };
// The arrows between folders run one way (docs/ARCHITECTURE.md): constructs read their own props, the
// speedups patch cdktf for synthesis without building on it, and a diff compares plans without the renderers.
const UPSTREAM = (folder, above) => ({ regex: `^\\.\\./(${above.join('|')})(/|$)`, message: `src/${folder} does not import ${above.join(', ')}: they build on it, or beside it.` });
const REQUIRE_OF_CDKTF_INTERNALS = [
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^cdktf\\/lib(\\/|$)/]",
    message: CDKTF_INTERNALS.message,
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'cdktf.out/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error'],
    },
  },
  // cdktf's internals (cdktf/lib/...) are reached only by the speedups, each of which can go alone
  // (src/speedups/index.ts); and nothing outside the CLI builds on the CLI. The one exception is the
  // cdktf app's entry, stacks/cdktf-app.ts, a second command line that reports findings as the CLI does.
  {
    files: ['src/**/*.ts', 'stacks/**/*.ts'],
    ignores: ['src/speedups/**', 'src/cli/**', 'stacks/cdktf-app.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [CDKTF_INTERNALS, CLI] }],
      'no-restricted-syntax': ['error', ...REQUIRE_OF_CDKTF_INTERNALS],
    },
  },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CDKTF_INTERNALS] }], 'no-restricted-syntax': ['error', ...REQUIRE_OF_CDKTF_INTERNALS] } },
  { files: ['stacks/cdktf-app.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CDKTF_INTERNALS] }], 'no-restricted-syntax': ['error', ...REQUIRE_OF_CDKTF_INTERNALS] } },
  { files: ['src/speedups/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CLI, UPSTREAM('speedups', ['synth', 'files', 'diff', 'plan', 'constructs'])] }] } },
  {
    files: ['src/constructs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CDKTF_INTERNALS, CLI, UPSTREAM('constructs', ['plan', 'files', 'diff', 'synth', 'speedups'])] }] },
  },
  { files: ['src/diff/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CDKTF_INTERNALS, CLI, UPSTREAM('diff', ['files', 'synth', 'constructs', 'speedups'])] }] } },
  // Only the CLI, the cdktf app and the benchmark print.
  { files: ['src/cli/**/*.ts', 'stacks/cdktf-app.ts', 'bench/**/*.ts', 'test/**/*.ts'], rules: { 'no-console': 'off' } },
);
