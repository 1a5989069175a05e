// `npm run bench [-- --quick] [-- --profile] [-- --keep] ...`: whole-process wall time, CPU time and peak memory of
// `union-isolation validate | plan | synth` (the installed bin), the floor (cdktf alone writing the
// same stacks with generic constructs) and the naive app (root imports, automatic cross-stack
// references), on generated project-isolation models of growing size. Medians of several runs,
// one table, the ratios and cost-curve exponents, and PASS/FAIL for the targets of docs/PERFORMANCE.md.
// Everything it writes goes to a temporary directory, removed at the end unless --keep.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countLoad, renderCounts } from './counts';
import { generateModel, unitsForProjects } from './model';
import { readCpuTimes, stealShare } from './steal';
import { SLOW_MS_PER_FILE, waitForFileCreation, type FileCreation } from './file-creation';
import { choosePeakMethod, measuredEnvironment, Measurer, NODE_ENVIRONMENT, RunFailed, type Sample } from './measure';
import { formatSummary, summarizeProfile } from './profile';
import { logLogSlope, median } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'union-isolation.js');
const FLOOR = path.join(__dirname, 'floor.js');
const NAIVE = path.join(__dirname, 'naive.js');
const HOOK = path.join(__dirname, 'peak-rss-hook.js');

type Step = 'validate' | 'plan' | 'synth' | 'floor' | 'naive';

interface Options {
  readonly quick: boolean;
  readonly keep: boolean;
  readonly profile: boolean;
  readonly naiveLarge: boolean;
  readonly inheritEnv: boolean;
}

interface Config {
  /** Projects of the typical model (x 3 domains). */
  readonly typical: number;
  /** Projects of the cost-curve models; the last is the large (reference) model. */
  readonly sweep: readonly number[];
  readonly runs: (projects: number) => number;
  readonly naiveRuns: number;
  readonly naiveLargeRuns: number;
  readonly naiveTimeoutSeconds: number;
}

const FULL: Config = {
  typical: 50,
  // 100, 301, 1,000 and 3,001 units (pairs + the default account): 1,000 projects is the reference load.
  sweep: [33, 100, 333, 1000],
  runs: (projects) => (projects <= 100 ? 5 : 3),
  naiveRuns: 3,
  naiveLargeRuns: 1,
  naiveTimeoutSeconds: 300,
};

const QUICK: Config = {
  typical: 50,
  sweep: [33, 333],
  runs: () => 2,
  naiveRuns: 1,
  naiveLargeRuns: 0,
  naiveTimeoutSeconds: 120,
};

/** Above this share of CPU steal, the header warns and a missed wall-time target names the shares. */
const STEAL_WARNING = 0.05;

const USAGE = `usage: npm run bench [-- --quick] [-- --profile] [-- --keep] [-- --no-naive-large] [-- --inherit-env] [-- --counts]
  --counts          only the counts (states touched, resources refreshed, provider downloads), no timing runs
  --quick           a short pass: typical size and a 10x sweep (100 -> 1,000 units), 2 runs, naive once
  --profile         also profile synth and the floor at the largest size (node --cpu-prof) and print where the time goes
  --keep            keep the temporary directory (models, outputs, profiles)
  --no-naive-large  skip the naive app at the large size (one run, the slowest step of the bench)
  --inherit-env     run measured processes with ${NODE_ENVIRONMENT.join(', ')} as set here
                    (by default they are removed: they add the same start-up cost to every program)`;

function parseOptions(argv: readonly string[]): Options {
  const known = new Set(['--quick', '--keep', '--profile', '--no-naive-large', '--inherit-env', '--counts', '--help', '-h']);
  for (const a of argv) {
    if (!known.has(a)) {
      console.error(`bench: unknown option '${a}'\n${USAGE}`);
      process.exit(2);
    }
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    quick: argv.includes('--quick'),
    keep: argv.includes('--keep'),
    profile: argv.includes('--profile'),
    naiveLarge: !argv.includes('--no-naive-large'),
    inheritEnv: argv.includes('--inherit-env'),
  };
}

const progress = (text: string): void => {
  process.stderr.write(text);
};

interface SizeResult {
  readonly projects: number;
  readonly units: number;
  readonly label: string;
  readonly samples: Map<Step, Sample[]>;
  /** Steps that could not complete (timed out), with why. */
  readonly failures: Map<Step, string>;
  floorIdentical?: string;
  naiveSameResources?: string;
}

/** Resources, data sources, providers and outputs over every stack of a synth output. */
function countOutput(dir: string): { stacks: number; resources: number; dataSources: number; providers: number; outputs: number } {
  const counts = { stacks: 0, resources: 0, dataSources: 0, providers: 0, outputs: 0 };
  const sum = (o: unknown) => Object.values((o ?? {}) as Record<string, object>).reduce((n, v) => n + Object.keys(v).length, 0);
  for (const stack of fs.readdirSync(path.join(dir, 'stacks'))) {
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>;
    counts.stacks++;
    counts.resources += sum(tf.resource);
    counts.dataSources += sum(tf.data);
    counts.providers += Object.values((tf.provider ?? {}) as Record<string, unknown[]>).reduce((n, v) => n + v.length, 0);
    counts.outputs += Object.keys((tf.output ?? {}) as object).length;
  }
  return counts;
}

/** Byte-for-byte comparison of every stack's cdk.tf.json and the manifest. */
function compareStacks(ours: string, floor: string): string {
  const stacks = fs.readdirSync(path.join(ours, 'stacks')).sort();
  const theirs = new Set(fs.readdirSync(path.join(floor, 'stacks')));
  const differing = stacks.filter(
    (s) => !theirs.has(s) || !fs.readFileSync(path.join(ours, 'stacks', s, 'cdk.tf.json')).equals(fs.readFileSync(path.join(floor, 'stacks', s, 'cdk.tf.json'))),
  );
  const manifestSame = fs.readFileSync(path.join(ours, 'manifest.json')).equals(fs.readFileSync(path.join(floor, 'manifest.json')));
  const extra = [...theirs].filter((s) => !stacks.includes(s)).length;
  if (differing.length === 0 && manifestSame && extra === 0) return `identical (${stacks.length} stacks, manifest)`;
  return `DIFFERS: ${differing.length} of ${stacks.length} stacks (${differing.slice(0, 3).join(', ')}), manifest ${manifestSame ? 'same' : 'differs'}, ${extra} extra`;
}

/** One size's model, files and run counts. */
interface SizeRuns {
  readonly result: SizeResult;
  readonly dir: string;
  readonly model: string;
  /** `plan --json` of the model: the naive app's input. */
  readonly planJson: string;
  /** The first timed synth's output: the floor's input, compared byte for byte with the first floor run's. */
  readonly reference: string;
  readonly runs: number;
  readonly naiveRuns: number;
}

const cli = (...args: string[]): string[] => ['node', CLI, ...args];

function argvOf(size: SizeRuns, step: Step, out: string): string[] {
  switch (step) {
    case 'validate':
      return cli('validate', '-m', size.model);
    case 'plan':
      return cli('plan', '-m', size.model);
    case 'synth':
      return cli('synth', '-m', size.model, '-o', out);
    case 'floor':
      return ['node', FLOOR, size.reference, out];
    case 'naive':
      return ['node', NAIVE, size.planJson, out];
  }
}

/** Measures run `run` of `step` at one size and records it (a naive app that times out is recorded as failed). */
async function record(measurer: Measurer, size: SizeRuns, step: Step, run: number, timeoutSeconds?: number): Promise<void> {
  const { result, dir, reference } = size;
  // A fresh output directory each run, kept until the bench ends; the first synth's is the floor's
  // input. Removing each run's output at once made the next runs slower: on a file system without a
  // journal (this project's machine), ext4 passes over the inodes deleted in the last minutes when it
  // allocates new ones, so a run that creates files right after thousands were deleted pays for the
  // deletion, and synth, which creates twice the naive app's files, pays most (bench/README.md).
  const out = step === 'synth' && run === 1 ? reference : path.join(dir, `out-${step}-${run}`);
  try {
    const sample = await measurer.run({ argv: argvOf(size, step, out), cwd: dir, stdoutFile: path.join(dir, 'stdout.txt'), ...(timeoutSeconds ? { timeoutSeconds } : {}) });
    result.samples.set(step, [...(result.samples.get(step) ?? []), sample]);
    progress(` ${step} ${sample.seconds.toFixed(2)}s`);
    if (step === 'floor' && run === 1) result.floorIdentical = compareStacks(reference, out);
    if (step === 'naive' && result.naiveSameResources === undefined) {
      const a = countOutput(reference);
      const b = countOutput(out);
      result.naiveSameResources =
        a.resources === b.resources && a.providers === b.providers && a.stacks === b.stacks
          ? `same ${b.stacks} stacks, ${b.resources} resources, ${b.providers} providers (${b.dataSources} data sources, ${b.outputs} outputs vs our ${a.dataSources}, ${a.outputs})`
          : `DIFFERENT: ${JSON.stringify(b)} vs ours ${JSON.stringify(a)}`;
    }
  } catch (err) {
    if (!(err instanceof RunFailed) || step !== 'naive') throw err;
    result.failures.set(step, err.message.split('\n')[0]!);
    progress(` ${step} FAILED`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (process.argv.includes('--counts')) {
    console.log(renderCounts((options.quick ? [FULL.typical] : [FULL.typical, 1000]).map(countLoad)));
    return;
  }
  const config = options.quick ? QUICK : FULL;
  for (const f of [CLI, FLOOR, NAIVE, HOOK]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run 'npm run bench' (it compiles first)`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'union-isolation-bench-'));
  // Also when interrupted (the measurer exits on Ctrl-C after stopping the measured process).
  if (!options.keep) process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const started = Date.now();
  const loadBefore = os.loadavg();
  const cpuBefore = readCpuTimes();
  const environment = measuredEnvironment(options.inheritEnv);
  const measurer = new Measurer(choosePeakMethod(), HOOK, work, environment);
  progress(`bench: working in ${work} (peak memory by ${measurer.method})\n`);
  const startUp = await measureStartUp(measurer, work, environment.removed);
  const fileCreation = await waitForFileCreation(work, FILE_CREATION_MAX_WAIT_SECONDS, 15, (msPerFile) =>
    progress(`bench: creating a file takes ${msPerFile.toFixed(2)} ms now (files deleted recently?); waiting for it to settle\n`),
  );

  const sizes = [...new Set([config.typical, ...config.sweep])].sort((a, b) => a - b);
  const large = config.sweep[config.sweep.length - 1]!;
  const results = new Map<number, SizeResult>();
  let profileText = '';
  try {
    const sized: SizeRuns[] = [];
    for (const projects of sizes) {
      const units = unitsForProjects(projects);
      const labels = [projects === config.typical ? 'typical' : '', !options.quick && projects === large ? 'large' : ''].filter(Boolean);
      const result: SizeResult = { projects, units, label: labels.join('+') || 'sweep', samples: new Map(), failures: new Map() };
      results.set(projects, result);
      const dir = path.join(work, `p${projects}`);
      fs.mkdirSync(dir);
      const model = path.join(dir, 'model.yaml');
      fs.writeFileSync(model, generateModel(projects).yaml);
      const planJson = path.join(dir, 'plan.json');
      // Untimed: the plan is the naive app's input (this also warms the disk cache).
      progress(`${projects} projects x 3 domains = ${units} units: preparing\n`);
      await measurer.run({ argv: cli('plan', '--json', '-m', model), cwd: dir, stdoutFile: planJson });
      const naiveRuns = projects === config.typical ? config.naiveRuns : projects === large && options.naiveLarge ? config.naiveLargeRuns : 0;
      sized.push({ result, dir, model, planJson, reference: path.join(dir, 'cdktf.out'), runs: config.runs(projects), naiveRuns });
    }
    // Sizes and steps interleaved run by run, so a burst of load on the machine, or a drift over the
    // bench's minutes, falls on every size and step alike rather than on the last sizes measured.
    const rounds = Math.max(...sized.map((s) => Math.max(s.runs, s.naiveRuns)));
    for (let run = 1; run <= rounds; run++) {
      progress(`\nrun ${run}:`);
      for (const size of sized) {
        if (run > size.runs && run > size.naiveRuns) continue;
        progress(`\n  ${String(size.result.units).padStart(5)} units:`);
        if (run <= size.runs) for (const step of ['validate', 'plan', 'synth', 'floor'] as Step[]) await record(measurer, size, step, run);
        if (run <= size.naiveRuns) await record(measurer, size, 'naive', run, config.naiveTimeoutSeconds);
      }
    }
    const largest = sized.find((s) => s.result.projects === large)!;
    if (options.profile) {
      profileText = await profile(measurer, largest.dir, cli('synth', '-m', largest.model, '-o', path.join(largest.dir, 'prof-out')), ['node', FLOOR, largest.reference, path.join(largest.dir, 'prof-floor')]);
    }
    for (const size of sized) fs.rmSync(size.reference, { recursive: true, force: true });
  } finally {
    if (!options.keep) fs.rmSync(work, { recursive: true, force: true });
  }
  progress('\n\n');
  const steal = stealShare(cpuBefore, readCpuTimes());
  report(results, config, options, { started, loadBefore, steal, method: measurer.method, work, removed: environment.removed, startUp, fileCreation });
  if (profileText) console.log('\n' + profileText);
}

async function profile(measurer: Measurer, dir: string, synth: string[], floor: string[]): Promise<string> {
  progress('\n  profiling synth and floor (node --cpu-prof)');
  const texts: string[] = [];
  for (const [name, argv] of [
    ['synth', synth],
    ['floor', floor],
  ] as const) {
    const profDir = path.join(dir, `profile-${name}`);
    await measurer.run({ argv: [argv[0], '--cpu-prof', `--cpu-prof-dir=${profDir}`, ...argv.slice(1)], cwd: dir, stdoutFile: path.join(dir, 'stdout.txt') });
    const file = path.join(profDir, fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!);
    const own = [path.join(ROOT, 'dist', 'src'), path.join(ROOT, 'dist', 'stacks'), path.join(ROOT, 'dist', 'bench')];
    texts.push(formatSummary(`Profile of ${name} at the largest size`, summarizeProfile(file, ROOT, own, 20)));
  }
  return texts.join('\n\n');
}

interface RunInfo {
  readonly started: number;
  readonly loadBefore: number[];
  /** Share of CPU time the hypervisor gave other guests during the run, where Linux reports it. */
  readonly steal: number | undefined;
  readonly method: string;
  readonly work: string;
  /** Variables of NODE_ENVIRONMENT removed from the measured processes' environment. */
  readonly removed: readonly string[];
  readonly startUp: StartUp;
  readonly fileCreation: FileCreation;
}

/** How long the bench waits, at most, for file creation to be fast before it starts (bench/file-creation.ts). */
const FILE_CREATION_MAX_WAIT_SECONDS = 180;

function fileCreationLine(f: FileCreation): string {
  const probe = `${f.msPerFile.toFixed(3)} ms per file before the runs`;
  const waited = f.waitedSeconds >= 1 ? ` after waiting ${f.waitedSeconds.toFixed(0)} s for it to settle` : '';
  return f.settled
    ? `File creation: ${probe}${waited}.`
    : `WARNING: file creation was still slow after ${f.waitedSeconds.toFixed(0)} s (${probe}, above ${SLOW_MS_PER_FILE} ms): synth, which creates about twice the naive app's files, is inflated most (bench/README.md, File creation).`;
}

/** Median wall seconds of `node -e 0` as measured, and with the removed variables put back (if any were). */
interface StartUp {
  readonly measured: number;
  readonly inherited?: number;
}

const START_UP_RUNS = 5;

/** What starting node costs here, before any program: the constant under every figure of the table. */
async function measureStartUp(measurer: Measurer, work: string, removed: readonly string[]): Promise<StartUp> {
  const inheriting = new Measurer(measurer.method, HOOK, work, measuredEnvironment(true));
  const spec = { argv: ['node', '-e', '0'], cwd: work, stdoutFile: path.join(work, 'start-up.txt') };
  const measured: number[] = [];
  const inherited: number[] = [];
  for (let run = 0; run < START_UP_RUNS; run++) {
    measured.push((await measurer.run(spec)).seconds);
    if (removed.length > 0) inherited.push((await inheriting.run(spec)).seconds);
  }
  return { measured: median(measured), ...(inherited.length > 0 ? { inherited: median(inherited) } : {}) };
}

function startUpLine(info: RunInfo): string {
  const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
  const base = `Node start-up (node -e 0, median of ${START_UP_RUNS}): ${ms(info.startUp.measured)}`;
  if (info.startUp.inherited === undefined) return `${base}; environment as inherited.`;
  return (
    `${base}; ${ms(info.startUp.inherited)} with ${info.removed.join(', ')} as set here, ` +
    `which every measured process runs without (--inherit-env keeps it).`
  );
}

/** Median share of steal during `samples`, where it was read. */
function stealOf(samples: readonly Sample[]): number | undefined {
  const shares = samples.flatMap((s) => (s.steal === undefined ? [] : [s.steal]));
  return shares.length > 0 ? median(shares) : undefined;
}

function report(results: Map<number, SizeResult>, config: Config, options: Options, info: RunInfo): void {
  const sizes = [...results.values()];
  const med = (r: SizeResult | undefined, step: Step, what: 'seconds' | 'cpuSeconds' | 'peakMiB'): number | undefined => {
    const samples = r?.samples.get(step);
    return samples && samples.length > 0 ? median(samples.map((s) => s[what])) : undefined;
  };
  const lines: string[] = [];
  const cpus = os.cpus();
  lines.push(
    `union-isolation benchmark${options.quick ? ' (--quick)' : ''}: node ${process.version}, ${cpus.length} x ${cpus[0]?.model.trim() ?? 'cpu'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; peak memory by ${info.method}; load average ${info.loadBefore[0]!.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`,
  );
  if (info.loadBefore[0]! > cpus.length / 2 || os.loadavg()[0]! > cpus.length / 2) {
    lines.push(`WARNING: the machine was busy (load average above ${cpus.length / 2}): times are inflated and noisier than usual.`);
  }
  if (info.steal !== undefined) {
    const share = `${(100 * info.steal).toFixed(1)}%`;
    lines.push(
      info.steal > STEAL_WARNING
        ? `WARNING: CPU steal ${share} of the run: the hypervisor ran other guests on these CPUs; wall times are inflated, unevenly: compare ratios and CPU time.`
        : `CPU steal during the run: ${share} (time the hypervisor gave other guests).`,
    );
  }
  lines.push(
    'Whole processes: wall time from spawn to exit (min-max in brackets), CPU time (user+sys), peak RSS (VmHWM); medians of the runs.',
    'validate/plan/synth: node dist/src/cli/union-isolation.js; floor: cdktf alone, generic constructs, rebuilding our cdk.tf.json;',
    'naive: root provider imports, default App, automatic cross-stack references, reading `plan --json`.',
    startUpLine(info),
    fileCreationLine(info.fileCreation),
    '',
  );
  const header = ['size', 'projects', 'units', 'step', 'runs', 'wall s (median)', '[min-max]', 'cpu s', 'peak MiB', 'steal %'];
  const rows: string[][] = [];
  for (const r of sizes) {
    for (const step of ['validate', 'plan', 'synth', 'floor', 'naive'] as Step[]) {
      const samples = r.samples.get(step) ?? [];
      const failure = r.failures.get(step);
      if (samples.length === 0 && failure === undefined) continue;
      const secs = samples.map((s) => s.seconds);
      const steal = stealOf(samples);
      rows.push([
        r.label,
        String(r.projects),
        String(r.units),
        step,
        String(samples.length),
        samples.length ? median(secs).toFixed(2) : failure!.slice(0, 30),
        samples.length ? `[${Math.min(...secs).toFixed(2)}-${Math.max(...secs).toFixed(2)}]` : '',
        samples.length ? median(samples.map((s) => s.cpuSeconds)).toFixed(2) : '',
        samples.length ? median(samples.map((s) => s.peakMiB)).toFixed(0) : '',
        steal === undefined ? '' : (100 * steal).toFixed(0),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => (i >= 1 && i !== 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), '');

  lines.push('Checks:');
  for (const r of sizes) {
    lines.push(`  ${r.units} units: floor output vs ours: ${r.floorIdentical}`);
    if (r.naiveSameResources) lines.push(`  ${r.units} units: naive output vs ours: ${r.naiveSameResources}`);
  }
  lines.push('');

  const typical = results.get(config.typical);
  const largeProjects = config.sweep[config.sweep.length - 1]!;
  const large = options.quick ? undefined : results.get(largeProjects);
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : undefined);
  const x = (v: number | undefined, digits = 2) => (v === undefined ? 'n/a' : `${v.toFixed(digits)}x`);

  lines.push('Ratios (medians; the targets are on wall time, CPU time is the steadier measure on a busy machine):');
  for (const r of sizes) {
    const three = (a: Step, b: Step, digits: number) =>
      `wall ${x(ratio(med(r, a, 'seconds'), med(r, b, 'seconds')), digits)}, cpu ${x(ratio(med(r, a, 'cpuSeconds'), med(r, b, 'cpuSeconds')), digits)}, ` +
      `memory ${x(ratio(med(r, a, 'peakMiB'), med(r, b, 'peakMiB')), digits)}`;
    const parts = [`synth/floor ${three('synth', 'floor', 2)}`];
    if (r.samples.has('naive')) parts.push(`naive/synth ${three('naive', 'synth', 1)}`);
    lines.push(`  ${r.label.padEnd(13)} ${String(r.units).padStart(5)} units: ${parts.join('; ')}`);
  }
  lines.push('');

  // Cost curve over the sweep: the exponent k of time ~ units^k, and the growth over each 10x step.
  const sweep = config.sweep.map((p) => results.get(p)!);
  const tenfold: Array<[SizeResult, SizeResult]> = [];
  for (const a of sweep) {
    const b = sweep.find((s) => Math.abs(s.units / a.units - 10) < 0.2);
    if (b) tenfold.push([a, b]);
  }
  lines.push(`Cost curve over ${sweep.map((s) => s.units).join(', ')} units (exponent k of time ~ units^k; 1 is linear; whole-process times include start-up, which lowers k at small sizes):`);
  const growth = new Map<Step, number[]>();
  for (const step of ['validate', 'plan', 'synth', 'floor'] as Step[]) {
    const points = sweep.map((s) => [s.units, med(s, step, 'seconds')] as [number, number | undefined]).filter((p): p is [number, number] => p[1] !== undefined);
    const k = logLogSlope(points);
    const last = points.slice(-2);
    const kTop = logLogSlope(last);
    const steps = tenfold.map(([a, b]) => ratio(med(b, step, 'seconds'), med(a, step, 'seconds'))!);
    const cpuSteps = tenfold.map(([a, b]) => ratio(med(b, step, 'cpuSeconds'), med(a, step, 'cpuSeconds'))!);
    growth.set(step, steps);
    lines.push(
      `  ${step.padEnd(9)} k = ${k.toFixed(2)} overall, ${kTop.toFixed(2)} from ${last[0]?.[0]} to ${last[1]?.[0]} units; ` +
        tenfold.map(([a, b], i) => `${a.units}->${b.units} units: ${steps[i]!.toFixed(1)}x time (cpu ${cpuSteps[i]!.toFixed(1)}x)`).join(', '),
    );
  }
  lines.push('');

  // A target missed while the hypervisor took a large share of the CPUs says so, with the shares.
  const underSteal = (...runs: Array<[SizeResult | undefined, Step]>): string => {
    const shares = new Set(
      runs.flatMap(([r, step]) => {
        const share = stealOf(r?.samples.get(step) ?? []);
        return share === undefined || r === undefined ? [] : [`${step} at ${r.units} units ${(100 * share).toFixed(0)}%`];
      }),
    );
    const stolen = runs.some(([r, step]) => (stealOf(r?.samples.get(step) ?? []) ?? 0) > STEAL_WARNING);
    return stolen ? `; measured under CPU steal (median during these runs: ${[...shares].join(', ')}), which stretches wall times unevenly (bench/README.md, Steal)` : '';
  };
  /** Each target: the claim, whether it holds (undefined: not measured), the figures, and the runs it rests on. */
  const targets: Array<[string, boolean | undefined, string, Array<[SizeResult | undefined, Step]>]> = [];
  const largeSynthFloor = ratio(med(large, 'synth', 'seconds'), med(large, 'floor', 'seconds'));
  const largeMem = ratio(med(large, 'synth', 'peakMiB'), med(large, 'floor', 'peakMiB'));
  targets.push([
    `large synth within 1.3x of the floor's time`,
    largeSynthFloor === undefined ? undefined : largeSynthFloor <= 1.3,
    large
      ? `${med(large, 'synth', 'seconds')!.toFixed(2)} s vs ${med(large, 'floor', 'seconds')!.toFixed(2)} s = ${x(largeSynthFloor)} ` +
        `(cpu ${x(ratio(med(large, 'synth', 'cpuSeconds'), med(large, 'floor', 'cpuSeconds')))})`
      : 'not measured in --quick',
    [
      [large, 'synth'],
      [large, 'floor'],
    ],
  ]);
  targets.push([
    `large synth peak memory within 1.5x of the floor's`,
    largeMem === undefined ? undefined : largeMem <= 1.5,
    large ? `${med(large, 'synth', 'peakMiB')!.toFixed(0)} MiB vs ${med(large, 'floor', 'peakMiB')!.toFixed(0)} MiB = ${x(largeMem)}` : 'not measured in --quick',
    [], // memory: steal does not change it
  ]);
  const naiveTypical = ratio(med(typical, 'naive', 'seconds'), med(typical, 'synth', 'seconds'));
  targets.push([
    'typical synth at least 8x faster than the naive app',
    naiveTypical === undefined ? undefined : naiveTypical >= 8,
    naiveTypical === undefined
      ? (typical?.failures.get('naive') ?? 'naive not run')
      : `${med(typical, 'naive', 'seconds')!.toFixed(2)} s vs ${med(typical, 'synth', 'seconds')!.toFixed(2)} s = ${x(naiveTypical, 1)} ` +
        `(cpu ${x(ratio(med(typical, 'naive', 'cpuSeconds'), med(typical, 'synth', 'cpuSeconds')), 1)})`,
    [
      [typical, 'synth'],
      [typical, 'naive'],
    ],
  ]);
  const biggest = sweep[sweep.length - 1]!;
  for (const step of ['validate', 'plan'] as Step[]) {
    const t = med(biggest, step, 'seconds');
    const claim = `${step} for 3,000 units under 1 s`;
    const detail = `${t!.toFixed(2)} s at ${biggest.units} units (cpu ${med(biggest, step, 'cpuSeconds')!.toFixed(2)} s)`;
    targets.push(biggest.units >= 3000 ? [claim, t! < 1, detail, [[biggest, step]]] : [claim, undefined, `largest size measured: ${biggest.units} units (--quick)`, []]);
  }
  for (const step of ['validate', 'plan', 'synth'] as Step[]) {
    const g = growth.get(step)!;
    targets.push([
      `${step} linear: 10x the units within 12x the time`,
      g.length === 0 ? undefined : g.every((v) => v <= 12),
      g.length === 0 ? 'no 10x pair measured' : tenfold.map(([a, b], i) => `${a.units}->${b.units}: ${g[i]!.toFixed(1)}x`).join(', '),
      tenfold.flatMap(([a, b]) => [[a, step], [b, step]] as Array<[SizeResult, Step]>),
    ]);
  }
  if (large?.floorIdentical !== undefined && !large.floorIdentical.startsWith('identical')) {
    targets[0]![2] += ' (WARNING: the floor did not rebuild our output exactly; see Checks)';
  }
  lines.push('Targets (docs/PERFORMANCE.md):');
  for (const [claim, ok, detail, runs] of targets) {
    lines.push(`  ${ok === undefined ? 'n/a ' : ok ? 'PASS' : 'FAIL'}  ${claim}: ${detail}${ok === false ? underSteal(...runs) : ''}`);
  }
  lines.push('', `Bench took ${((Date.now() - info.started) / 1000).toFixed(0)} s${options.keep ? `; files kept in ${info.work}` : ''}.`);
  console.log(lines.join('\n'));
  // The counts need no timing; in-process, after every measured run.
  console.log(renderCounts([...new Set([config.typical, 1000])].map(countLoad)));
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
