// `npm run bench [-- --quick] [-- --profile] [-- --keep] ...`: whole-process wall time, CPU time and peak memory of
// `union-isolation validate | plan | synth` (the installed bin) beside the floor (cdktf alone writing
// the same stacks with generic constructs), on generated project-isolation models of growing size,
// and of `diff` and `stacks --changed` for a one-project change at two large sizes. Medians of
// several runs, one table, the ratios and cost-curve exponents, and PASS/FAIL for the targets of
// docs/PERFORMANCE.md.
// Everything it writes goes to a temporary directory, removed at the end unless --keep.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countLoad, renderCounts } from './counts';
import { generateModel, unitsForProjects } from './model';
import { readCpuTimes, stealShare } from './steal';
import { SLOW_MS_PER_FILE, waitForFileCreation, type FileCreation } from './file-creation';
import { choosePeakMethod, measuredEnvironment, Measurer, NODE_ENVIRONMENT, type Sample } from './measure';
import { formatSummary, summarizeProfile } from './profile';
import { logLogSlope, median } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'union-isolation.js');
const FLOOR = path.join(__dirname, 'floor.js');
const HOOK = path.join(__dirname, 'peak-rss-hook.js');

type Step = 'validate' | 'plan' | 'synth' | 'floor' | 'diff' | 'changed';

/** The steps timed at every size of the sweep, floor and ours interleaved. */
const SIZE_STEPS: readonly Step[] = ['validate', 'plan', 'synth', 'floor'];
/** The steps timed for a one-project change (the model with one more project against the model). */
const CHANGE_STEPS: readonly Step[] = ['diff', 'changed'];

interface Options {
  readonly quick: boolean;
  readonly keep: boolean;
  readonly profile: boolean;
  readonly inheritEnv: boolean;
}

interface Config {
  /** Projects of the typical model (x 3 domains). */
  readonly typical: number;
  /** Projects of the cost-curve models; the last is the large (reference) model. */
  readonly sweep: readonly number[];
  readonly runs: (projects: number) => number;
  /** Projects of the models `diff` and `stacks --changed` are timed on (a one-project change each), smaller first. */
  readonly changes: readonly number[];
  readonly changeRuns: number;
}

const FULL: Config = {
  typical: 50,
  // 100, 301, 1,000 and 3,001 units (pairs + the default account): 1,000 projects is the reference load.
  sweep: [33, 100, 333, 1000],
  runs: (projects) => (projects <= 100 ? 5 : 3),
  // Issue 26's sizes: a change's cost should follow the change, not the estate.
  changes: [1000, 3000],
  changeRuns: 2,
};

const QUICK: Config = {
  typical: 50,
  sweep: [33, 333],
  runs: () => 2,
  changes: [100, 333],
  changeRuns: 1,
};

/** Above this share of CPU steal, the header warns and a missed wall-time target names the shares. */
const STEAL_WARNING = 0.05;

const USAGE = `usage: npm run bench [-- --quick] [-- --profile] [-- --keep] [-- --inherit-env] [-- --counts]
  --counts          only the counts (states touched, resources refreshed, provider downloads), no timing runs
  --quick           a short pass: typical size and a 10x sweep (100 -> 1,000 units), 2 runs; diff and stacks --changed at 100 and 333 projects, once
  --profile         also profile synth and the floor at the largest size (node --cpu-prof) and print where the time goes
  --keep            keep the temporary directory (models, outputs, profiles)
  --inherit-env     run measured processes with ${NODE_ENVIRONMENT.join(', ')} as set here
                    (by default they are removed: they add the same start-up cost to every program)`;

function parseOptions(argv: readonly string[]): Options {
  const known = new Set(['--quick', '--keep', '--profile', '--inherit-env', '--counts', '--help', '-h']);
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
  floorIdentical?: string;
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
  /** The model with one more project: the change `diff` and `stacks --changed` are timed on. */
  readonly changed: string;
  /** The first timed synth's output: the floor's input, compared byte for byte with the first floor run's. */
  readonly reference: string;
  /** The steps timed at this size, each `runs` times. */
  readonly steps: readonly Step[];
  readonly runs: number;
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
    case 'diff':
      return cli('diff', '--base', size.model, '-m', size.changed);
    case 'changed':
      return cli('stacks', '--changed', '--base', size.model, '-m', size.changed);
  }
}

/** Measures run `run` of `step` at one size and records it. */
async function record(measurer: Measurer, size: SizeRuns, step: Step, run: number): Promise<void> {
  const { result, dir, reference } = size;
  // A fresh output directory each run, kept until the bench ends; the first synth's is the floor's
  // input. Removing each run's output at once made the next runs slower: on a file system without a
  // journal (this project's machine), ext4 passes over the inodes deleted in the last minutes when it
  // allocates new ones, so a run that creates files right after thousands were deleted pays for the
  // deletion, and synth, which creates the most files, pays most (bench/README.md).
  const out = step === 'synth' && run === 1 ? reference : path.join(dir, `out-${step}-${run}`);
  const sample = await measurer.run({ argv: argvOf(size, step, out), cwd: dir, stdoutFile: path.join(dir, 'stdout.txt') });
  result.samples.set(step, [...(result.samples.get(step) ?? []), sample]);
  progress(` ${step} ${sample.seconds.toFixed(2)}s`);
  if (step === 'floor' && run === 1) result.floorIdentical = compareStacks(reference, out);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (process.argv.includes('--counts')) {
    console.log(renderCounts((options.quick ? [FULL.typical] : [FULL.typical, 1000]).map(countLoad)));
    return;
  }
  const config = options.quick ? QUICK : FULL;
  for (const f of [CLI, FLOOR, HOOK]) {
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

  const swept = new Set([config.typical, ...config.sweep]);
  const sizes = [...new Set([...swept, ...config.changes])].sort((a, b) => a - b);
  const large = config.sweep[config.sweep.length - 1]!;
  const results = new Map<number, SizeResult>();
  let profileText = '';
  try {
    const sized: SizeRuns[] = [];
    for (const projects of sizes) {
      const units = unitsForProjects(projects);
      const labels = [projects === config.typical ? 'typical' : '', !options.quick && projects === large ? 'large' : ''].filter(Boolean);
      const result: SizeResult = { projects, units, label: labels.join('+') || (swept.has(projects) ? 'sweep' : 'change'), samples: new Map() };
      results.set(projects, result);
      const dir = path.join(work, `p${projects}`);
      fs.mkdirSync(dir);
      const model = path.join(dir, 'model.yaml');
      fs.writeFileSync(model, generateModel(projects).yaml);
      // The one-project change: the same model with one more project (names keep their width).
      const changed = path.join(dir, 'model-changed.yaml');
      fs.writeFileSync(changed, generateModel(projects + 1).yaml);
      const steps = [...(swept.has(projects) ? SIZE_STEPS : []), ...(config.changes.includes(projects) ? CHANGE_STEPS : [])];
      // Untimed: both models validate (a failure stops the bench here), and the disk cache is warm.
      progress(`${projects} projects x 3 domains = ${units} units: preparing\n`);
      for (const m of [model, changed]) await measurer.run({ argv: cli('validate', '-m', m), cwd: dir, stdoutFile: path.join(dir, 'stdout.txt') });
      const runs = swept.has(projects) ? config.runs(projects) : config.changeRuns;
      sized.push({ result, dir, model, changed, reference: path.join(dir, 'cdktf.out'), steps, runs });
    }
    // Sizes and steps interleaved run by run, so a burst of load on the machine, or a drift over the
    // bench's minutes, falls on every size and step alike rather than on the last sizes measured;
    // each floor run comes right after the synth it is compared with.
    const rounds = Math.max(...sized.map((s) => s.runs));
    for (let run = 1; run <= rounds; run++) {
      progress(`\nrun ${run}:`);
      for (const size of sized) {
        if (run > size.runs) continue;
        progress(`\n  ${String(size.result.units).padStart(5)} units:`);
        for (const step of size.steps) await record(measurer, size, step, run);
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
    : `WARNING: file creation was still slow after ${f.waitedSeconds.toFixed(0)} s (${probe}, above ${SLOW_MS_PER_FILE} ms): synth, which creates the Union files besides the stacks, is inflated most (bench/README.md, File creation).`;
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
    'diff / changed: `diff --base MODEL -m MODEL+1` and `stacks --changed --base MODEL -m MODEL+1`, MODEL+1 the model with one more project.',
    startUpLine(info),
    fileCreationLine(info.fileCreation),
    '',
  );
  const header = ['size', 'projects', 'units', 'step', 'runs', 'wall s (median)', '[min-max]', 'cpu s', 'peak MiB', 'steal %'];
  const rows: string[][] = [];
  for (const r of sizes) {
    for (const step of [...SIZE_STEPS, ...CHANGE_STEPS]) {
      const samples = r.samples.get(step) ?? [];
      if (samples.length === 0) continue;
      const secs = samples.map((s) => s.seconds);
      const steal = stealOf(samples);
      rows.push([
        r.label,
        String(r.projects),
        String(r.units),
        step,
        String(samples.length),
        median(secs).toFixed(2),
        `[${Math.min(...secs).toFixed(2)}-${Math.max(...secs).toFixed(2)}]`,
        median(samples.map((s) => s.cpuSeconds)).toFixed(2),
        median(samples.map((s) => s.peakMiB)).toFixed(0),
        steal === undefined ? '' : (100 * steal).toFixed(0),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => (i >= 1 && i !== 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), '');

  lines.push('Checks:');
  for (const r of sizes) if (r.floorIdentical !== undefined) lines.push(`  ${r.units} units: floor output vs ours: ${r.floorIdentical}`);
  lines.push('');

  const typical = results.get(config.typical);
  const largeProjects = config.sweep[config.sweep.length - 1]!;
  const large = options.quick ? undefined : results.get(largeProjects);
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : undefined);
  const x = (v: number | undefined, digits = 2) => (v === undefined ? 'n/a' : `${v.toFixed(digits)}x`);

  lines.push('Ratios (medians; the targets are on wall time, CPU time is the steadier measure on a busy machine):');
  for (const r of sizes.filter((s) => s.samples.has('floor'))) {
    const three = (a: Step, b: Step, digits: number) =>
      `wall ${x(ratio(med(r, a, 'seconds'), med(r, b, 'seconds')), digits)}, cpu ${x(ratio(med(r, a, 'cpuSeconds'), med(r, b, 'cpuSeconds')), digits)}, ` +
      `memory ${x(ratio(med(r, a, 'peakMiB'), med(r, b, 'peakMiB')), digits)}`;
    lines.push(`  ${r.label.padEnd(13)} ${String(r.units).padStart(5)} units: synth/floor ${three('synth', 'floor', 2)}`);
  }
  lines.push('');

  // A change's cost against the estate's size: the larger model's time over the smaller's.
  const [smaller, larger] = [config.changes[0]!, config.changes[config.changes.length - 1]!].map((p) => results.get(p)!);
  const changeGrowth = new Map<Step, number | undefined>();
  lines.push(`A one-project change at ${smaller!.projects} and ${larger!.projects} projects (${(larger!.projects / smaller!.projects).toFixed(0)}x the estate):`);
  for (const step of CHANGE_STEPS) {
    const wall = ratio(med(larger, step, 'seconds'), med(smaller, step, 'seconds'));
    changeGrowth.set(step, wall);
    lines.push(
      `  ${(step === 'changed' ? 'stacks --changed' : step).padEnd(16)} ${med(smaller, step, 'seconds')!.toFixed(2)} s -> ${med(larger, step, 'seconds')!.toFixed(2)} s: ` +
        `${x(wall, 1)} time (cpu ${x(ratio(med(larger, step, 'cpuSeconds'), med(smaller, step, 'cpuSeconds')), 1)}), memory ${med(smaller, step, 'peakMiB')!.toFixed(0)} -> ${med(larger, step, 'peakMiB')!.toFixed(0)} MiB`,
    );
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
  const typicalSynthFloor = ratio(med(typical, 'synth', 'seconds'), med(typical, 'floor', 'seconds'));
  targets.push([
    `typical synth within 1.3x of the floor's time`,
    typicalSynthFloor === undefined ? undefined : typicalSynthFloor <= 1.3,
    typical
      ? `${med(typical, 'synth', 'seconds')!.toFixed(2)} s vs ${med(typical, 'floor', 'seconds')!.toFixed(2)} s = ${x(typicalSynthFloor)} ` +
        `(cpu ${x(ratio(med(typical, 'synth', 'cpuSeconds'), med(typical, 'floor', 'cpuSeconds')))})`
      : 'not measured',
    [
      [typical, 'synth'],
      [typical, 'floor'],
    ],
  ]);
  for (const step of ['validate', 'plan', 'synth'] as Step[]) {
    const g = growth.get(step)!;
    targets.push([
      `${step} linear: 10x the units within 12x the time`,
      g.length === 0 ? undefined : g.every((v) => v <= 12),
      g.length === 0 ? 'no 10x pair measured' : tenfold.map(([a, b], i) => `${a.units}->${b.units}: ${g[i]!.toFixed(1)}x`).join(', '),
      tenfold.flatMap(([a, b]) => [[a, step], [b, step]] as Array<[SizeResult, Step]>),
    ]);
  }
  for (const step of CHANGE_STEPS) {
    const g = changeGrowth.get(step);
    targets.push([
      `${step === 'changed' ? 'stacks --changed' : step} of a one-project change: ${(larger!.projects / smaller!.projects).toFixed(0)}x the projects within 3.5x the time`,
      g === undefined ? undefined : g <= 3.5,
      `${smaller!.projects} -> ${larger!.projects} projects: ${x(g, 1)}`,
      [
        [smaller, step],
        [larger, step],
      ],
    ]);
  }
  // A floor that did not rebuild our output exactly measured other work: its ratios say nothing.
  for (const [r, index] of [
    [large, 0],
    [large, 1],
    [typical, 2],
  ] as const) {
    if (r?.floorIdentical !== undefined && !r.floorIdentical.startsWith('identical')) targets[index]![2] += ' (WARNING: the floor did not rebuild our output exactly; see Checks)';
  }
  // No longer targets (DESIGN section 6 retired the absolute times), but what a user waits for.
  const biggest = sweep[sweep.length - 1]!;
  lines.push(
    `At ${biggest.units} units: ` +
      (['validate', 'plan'] as Step[]).map((step) => `${step} ${med(biggest, step, 'seconds')!.toFixed(2)} s (cpu ${med(biggest, step, 'cpuSeconds')!.toFixed(2)} s)`).join(', ') +
      '.',
    '',
  );
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
