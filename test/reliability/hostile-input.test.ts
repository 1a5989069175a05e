// Hostile model files (docs/GUARANTEES.md): alias bombs, deep nesting, huge files, binary garbage and
// names built to escape: each gets a located finding and exit 1, quickly, and nothing is written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compileText } from '../../src/compile';
import { formatPath } from '../../src/model/findings';
import { MAX_MODEL_BYTES } from '../../src/model/read';
import { CLI, type CliResult, compileYaml, expectFindings, findingLines, MINIMAL_DOMAIN, runCli, temporaryDir } from '../helpers';

const sandbox = (): string => temporaryDir('ui-hostile-');

/** Runs validate (and synth, with `synth: true`) on a model file in a fresh directory: exit 1, a located finding, nothing written. */
function refusedByCli(content: string | Buffer, pattern: RegExp, { budgetMs = 5_000, synth = false } = {}): CliResult {
  const dir = sandbox();
  const file = path.join(dir, 'model.yaml');
  writeFileSync(file, content);
  let last: CliResult | undefined;
  for (const command of synth ? [['validate'], ['synth', '-o', 'out']] : [['validate']]) {
    const started = Date.now();
    const r = runCli([...command, '-m', file], { cwd: dir });
    const took = Date.now() - started;
    assert.equal(r.code, 1, `${command[0]}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.match(r.stderr, new RegExp(`^${escape(file)}:\\d+:\\d+ `, 'm'), 'the finding is located');
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, 'no stack trace');
    assert.ok(took < budgetMs, `${command[0]} took ${took} ms`);
    last = r;
  }
  assert.deepEqual(readdirSync(dir), ['model.yaml'], 'nothing is written');
  return last!;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('hostile YAML', () => {
  it('fails on a billion-laughs alias bomb before expanding it', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    refusedByCli(lines.join('\n') + '\n', /the model expands YAML aliases too many times/, { synth: true });
  });

  it('fails when few aliases repeat a big node: the expansion, not the alias count, is bounded', () => {
    // 99 aliases are within yaml's alias count, but each repeats 20,000 names: 2 million references.
    const names = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    const text = `${MINIMAL_DOMAIN.replace('projects: [flytesnacks]', `projects: &many [${names.join(',')}]`).replace(/clusterPools:\n(.*\n)*/, '')}clusterPools:\n${Array.from({ length: 99 }, (_, i) => `  p${i}: *many`).join('\n')}\n`;
    const started = Date.now();
    expectFindings(compileYaml(text), /the model expands YAML aliases too many times \(found aliases expand the model to more than 600,000 values/);
    assert.ok(Date.now() - started < 5_000, 'refused quickly');
  });

  it('fails at once, with one finding, on a model of more values than any model needs', () => {
    // 700,000 projects in 5 MB: each would be a unit, a name to check and a finding to locate.
    const names = Array.from({ length: 700_000 }, (_, i) => `p${i}`);
    const text = MINIMAL_DOMAIN.replace('projects: [flytesnacks]', `projects: [${names.join(',')}]`);
    const lines = findingLines(compileYaml(text));
    assert.deepEqual(lines, [
      'model.yaml:1:1 (model): the model holds more values than union-isolation checks (found more than 600,000 values (scalars, lists and mappings); ' +
        'allowed at most 600,000: about 20 for each of 30,000 project-domain pairs with every key written out). ' +
        'Fix: Point -m at the isolation model; if it is one, split the organization across several models, each with its own output directory.',
    ]);
    refusedByCli(text, /the model holds more values than union-isolation checks/, { synth: true });
    // The same at 1:1 after a comment, and for the densest text there is, two characters a value.
    assert.deepEqual(findingLines(compileYaml(`# 100% hostile, see *.yaml\n${text}`)), lines);
    assert.deepEqual(findingLines(compileYaml(`org: acme\nprojects:\n${'-\n'.repeat(700_000)}`)), lines);
  });

  it('fails at once on a short model whose lists multiply into a million project-domain pairs', () => {
    // 1,000 projects x 1,000 domains: 15 KB asking for a million attribute files, in either isolation.
    const domains = Array.from({ length: 1_000 }, (_, i) => `d${i}: aws`).join(', ');
    const projects = Array.from({ length: 1_000 }, (_, i) => `p${i}`).join(', ');
    const domainIsolation = MINIMAL_DOMAIN.replace('domains: { development: gcp, production: aws }', `domains: { ${domains} }`).replace(
      'projects: [flytesnacks]',
      `projects: [${projects}]`,
    );
    for (const text of [domainIsolation, domainIsolation.replace('isolation: domain', 'isolation: project')]) {
      const findings = expectFindings(
        compileYaml(text),
        /^model\.yaml:4:11 projects: the model has more project-domain pairs than union-isolation handles \(found 1,000,000 pairs: 1,000 projects x 1,000 domains; allowed at most 30,000/,
      );
      assert.equal(findings.length, 1, 'the rules that cost time per pair do not run');
    }
    refusedByCli(domainIsolation, /found 1,000,000 pairs/, { synth: true });
  });

  it('fails on deep nesting in every form YAML has for it', () => {
    for (const deep of [
      'org: ' + '['.repeat(5_000) + ']'.repeat(5_000),
      'org: ' + '{a: '.repeat(5_000) + '1' + '}'.repeat(5_000),
      '- '.repeat(5_000) + 'x',
      '? '.repeat(5_000) + 'x',
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' x',
    ]) {
      const lines = findingLines(compileYaml(deep + '\n'));
      assert.match(lines[0]!, /^model\.yaml:1:1 \(model\): the model is nested too deeply \(found \d+ levels; allowed at most 64 levels\)/, deep.slice(0, 40));
    }
    refusedByCli('- '.repeat(100_000) + 'x\n', /the model is nested too deeply/);
  });

  it('fails on a file of tens of megabytes without reading it, and on a device or pipe that never ends', () => {
    const big = Buffer.alloc(32 * 1024 * 1024, '# padding\n');
    refusedByCli(Buffer.concat([Buffer.from(MINIMAL_DOMAIN), big]), /the model file is too large \(found 33554\d+ bytes; allowed at most 8388608 bytes\)/, { budgetMs: 3_000, synth: true });
    // A device has no size to check first: the read itself stops at the cap.
    const zero = runCli(['validate', '-m', '/dev/zero']);
    assert.equal(zero.code, 1, zero.stderr);
    assert.match(zero.stderr, /^\/dev\/zero:1:1 \(model\): the model file is too large \(found 8388609 bytes; allowed at most 8388608 bytes\)/);
    // In-process too, for text that arrives by other means.
    expectFindings(compileText(MINIMAL_DOMAIN + '#'.repeat(MAX_MODEL_BYTES), 'model.yaml'), 'the model file is too large');
  });

  it('reads a model from a pipe, up to the cap', () => {
    const dir = sandbox();
    const fifo = path.join(dir, 'model.fifo');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here: the device case above covers the bounded read
    const script = `cat > ${JSON.stringify(fifo)} <<'EOF' &\n${MINIMAL_DOMAIN}EOF\n${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} validate -m ${JSON.stringify(fifo)}`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 errors, 0 warnings: domain isolation/);
  });

  it('fails on binary garbage, UTF-16 and invalid UTF-8 as "not UTF-8 text"', () => {
    const garbage = randomBytes(64 * 1024);
    garbage[100] = 0; // random bytes may lack a NUL; invalid UTF-8 alone must be enough, but make sure
    refusedByCli(garbage, /the model file is not UTF-8 text/, { synth: true });
    refusedByCli(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL_DOMAIN, 'utf16le')]), /the model file is not UTF-8 text/);
    refusedByCli(Buffer.from([0x6f, 0x72, 0x67, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), /the model file is not UTF-8 text/);
    refusedByCli(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), /the model file is not UTF-8 text/);
  });

  it('accepts a UTF-8 byte-order mark, as editors on Windows write it', () => {
    const dir = sandbox();
    const file = path.join(dir, 'model.yaml');
    writeFileSync(file, '\uFEFF' + MINIMAL_DOMAIN);
    const r = runCli(['validate', '-m', file]);
    assert.equal(r.code, 0, r.stderr);
  });

  it('fails on keys that are lists or mappings, with the key located and no warning from Node', () => {
    const r = refusedByCli('? [a, b]\n: x\n' + MINIMAL_DOMAIN, /model\.yaml:1:3 \(model\): a key is a list or a mapping \(found \["a","b"\]/);
    assert.doesNotMatch(r.stderr, /Warning/);
  });

  it('fails on duplicate keys anywhere, at the second one, in linear time', () => {
    // 20,000 keys: seconds with a set, minutes with yaml's pairwise check.
    const keys = Array.from({ length: 20_000 }, (_, i) => `  c${i}: { account: development }`);
    const text = MINIMAL_DOMAIN.replace('clusters:\n', `clusters:\n${keys.join('\n')}\n  c7: { account: production }\n`);
    const started = Date.now();
    const [f] = expectFindings(compileYaml(text), 'a key is written twice in the same mapping (found "c7";');
    assert.equal(f!.line, 8 + keys.length);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  it('reports more findings than a function call takes arguments, without crashing', () => {
    // Numbers where names belong: each is a shape finding, within the size a model may have.
    const numbers = Array.from({ length: 140_000 }, (_, i) => i);
    const compiled = compileYaml(MINIMAL_DOMAIN.replace('projects: [flytesnacks]', `projects: [${numbers.join(',')}]`));
    assert.equal(compiled.plan, null);
    assert.ok(compiled.findings.length >= numbers.length, `${compiled.findings.length} findings`);
  });
});

/** Names that become file names, script arguments and cloud names, each built to escape or deceive. */
const HOSTILE = {
  slash: 'prod/../../etc',
  dots: '..',
  nul: 'nul\u0000byte',
  newline: 'two\nlines',
  escape: 'red\u001b[31mtext',
  shell: '$(touch pwned)',
  backticks: '`touch pwned`',
  semicolon: 'a;touch pwned',
  quote: "it's",
  cyrillic: '\u0430cme', // looks like "acme"
  fullwidth: '\uff41cme',
  zeroWidth: 'ac\u200bme',
  rtl: '\u202eemca',
  upper: 'Production',
} as const;

/** The model with one name replaced, written as JSON (any string survives JSON escaping). */
function withName(kind: 'org' | 'domain' | 'project' | 'cluster' | 'pool' | 'workflow', name: string): string {
  const model = compileYaml(MINIMAL_DOMAIN).model! as unknown as Record<string, unknown> & {
    domains: Record<string, string>;
    clusters: Record<string, { account: string }>;
    clusterPools: Record<string, unknown>;
  };
  switch (kind) {
    case 'org':
      return JSON.stringify({ ...model, org: name });
    case 'domain':
      return JSON.stringify({
        ...model,
        domains: { [name]: 'aws', development: 'gcp' },
        clusters: { dev: { account: 'development' }, prod: { account: name } },
      });
    case 'project':
      return JSON.stringify({ ...model, projects: [name] });
    case 'cluster':
      return JSON.stringify({ ...model, clusters: { dev: { account: 'development' }, [name]: { account: 'production' } }, clusterPools: { 'development-cp': ['dev'], 'production-cp': [name] } });
    case 'pool':
      return JSON.stringify({ ...model, clusterPools: { 'development-cp': ['dev'], [name]: ['prod'] } });
    case 'workflow':
      return JSON.stringify({ ...model, poolAssignments: [{ project: 'flytesnacks', domain: 'production', workflow: name, clusterPoolName: 'production-cp' }] });
  }
}

const at = (path: (string | number)[], what: string) => new RegExp(`^model\\.json:\\d+:\\d+ ${escape(formatPath(path))}: ${what} is not a valid name`);
const EXPECTED_PATH: Record<Parameters<typeof withName>[0], (name: string) => RegExp> = {
  org: () => at(['org'], 'the org'),
  domain: (n) => at(['domains', n], 'domain'),
  project: () => at(['projects', 0], 'project'),
  cluster: (n) => at(['clusters', n], 'cluster'),
  pool: (n) => at(['clusterPools', n], 'cluster pool'),
  workflow: () => at(['poolAssignments', 0, 'workflow'], 'workflow'),
};

describe('hostile names', () => {
  for (const [label, name] of Object.entries(HOSTILE)) {
    it(`fails when a name has ${label === 'upper' ? 'upper case' : label === 'nul' ? 'a NUL' : `${label} characters`}, wherever it is, with a located finding`, () => {
      for (const kind of ['org', 'domain', 'project', 'cluster', 'pool', 'workflow'] as const) {
        if (kind === 'workflow' && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) && !name.includes('..')) continue; // a valid workflow name
        const compiled = compileText(withName(kind, name), 'model.json');
        assert.equal(compiled.plan, null, `${kind} ${JSON.stringify(name)} must be refused`);
        const lines = findingLines(compiled);
        assert.ok(lines.some((l) => EXPECTED_PATH[kind](name).test(l)), `${kind} ${JSON.stringify(name)}:\n${lines.join('\n')}`);
        // Findings quote the name: no raw control character reaches the terminal.
        for (const l of lines) assert.ok(![...l].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), `raw control character in: ${JSON.stringify(l)}`);
      }
    });
  }

  it('writes nothing, runs nothing and exits 1 when synth gets a model full of hostile names', () => {
    const dir = sandbox();
    const model = compileYaml(MINIMAL_DOMAIN).model! as unknown as Record<string, unknown>;
    const file = path.join(dir, 'model.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...model,
        org: HOSTILE.shell,
        projects: [HOSTILE.slash, HOSTILE.backticks, HOSTILE.newline],
        clusters: { [HOSTILE.dots]: { account: 'development' }, prod: { account: 'production' } },
        clusterPools: { [HOSTILE.semicolon]: [HOSTILE.dots], [HOSTILE.cyrillic]: ['prod'] },
        poolAssignments: [{ project: HOSTILE.slash, domain: 'production', workflow: '../../x', clusterPoolName: HOSTILE.cyrillic }],
      }),
    );
    const r = runCli(['synth', '-m', file, '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.trimEnd().split('\n');
    assert.ok(lines.length >= 9, r.stderr);
    for (const l of lines.slice(0, -1)) assert.match(l, /^\/.*model\.json:\d+:\d+ \S.*: .+\. Fix: .+$/, 'one located finding per line');
    assert.deepEqual(readdirSync(dir), ['model.json']);
    assert.equal(existsSync(path.join(tmpdir(), 'pwned')), false);
  });
});
