// One measured run of a whole process: wall time from spawn to exit, its CPU time, and its peak
// resident set size (high-water mark, VmHWM / ru_maxrss). GNU time reports both when present
// (`/usr/bin/time -f '%M %U %S'`); otherwise a preloaded hook writes them from
// `process.resourceUsage()` at exit.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCpuTimes, stealShare } from './steal';

export interface Sample {
  /** Wall time from spawn to exit. */
  readonly seconds: number;
  /** User + system CPU time of the process: steadier than wall time when other work shares the machine. */
  readonly cpuSeconds: number;
  /** Peak resident set size in MiB. */
  readonly peakMiB: number;
  /** Share of the machine's CPU time the hypervisor gave other guests while the process ran, where Linux tells. */
  readonly steal?: number;
}

export type PeakMethod = 'gnu-time' | 'preload-hook';

/** Peak RSS in KiB, user and system CPU seconds: what GNU time prints with FORMAT and the hook writes. */
const FORMAT = '%M %U %S';
const LINE = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/m;

/** GNU time if it works here (busybox `time` has no -o), else the preload hook. */
export function choosePeakMethod(): PeakMethod {
  const probe = spawnSync('/usr/bin/time', ['-f', FORMAT, 'true'], { encoding: 'utf8' });
  return probe.status === 0 && LINE.test(probe.stderr ?? '') ? 'gnu-time' : 'preload-hook';
}

export interface RunSpec {
  /** The program and its arguments, e.g. ['node', 'dist/src/cli/union-isolation.js', 'validate', '-m', FILE]. */
  readonly argv: readonly string[];
  readonly cwd: string;
  /** Where the process's stdout goes (a file: a pipe would make the parent part of the measurement). */
  readonly stdoutFile: string;
  /** Kill the process after this long and report it as timed out. */
  readonly timeoutSeconds?: number;
}

export class RunFailed extends Error {}

/**
 * Variables that change what a node process does before or beside the program: flags and preloaded
 * modules (NODE_OPTIONS), coverage and debug output, a compile cache, and extra CA certificates, which
 * Node 20 parses at every start whether or not the program opens a TLS connection. Where
 * NODE_EXTRA_CA_CERTS names a whole CA bundle (as on the machines this was built on), that is 80-100 ms
 * and about 400 million instructions added to every process: a constant that is neither program's
 * work, and weighs most on the fastest one.
 */
export const NODE_ENVIRONMENT = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'NODE_V8_COVERAGE', 'NODE_DEBUG', 'NODE_DEBUG_NATIVE', 'NODE_COMPILE_CACHE'] as const;

export interface Environment {
  readonly env: NodeJS.ProcessEnv;
  /** The variables of NODE_ENVIRONMENT set here and not passed on. */
  readonly removed: readonly string[];
}

/** The environment measured processes run in: this one, less NODE_ENVIRONMENT unless `inherit`. */
export function measuredEnvironment(inherit: boolean, from: NodeJS.ProcessEnv = process.env): Environment {
  const env: NodeJS.ProcessEnv = { ...from, CHECKPOINT_DISABLE: '1' };
  const removed = inherit ? [] : NODE_ENVIRONMENT.filter((name) => from[name] !== undefined);
  for (const name of removed) delete env[name];
  return { env, removed };
}

export class Measurer {
  constructor(
    readonly method: PeakMethod,
    private readonly hookFile: string,
    private readonly scratch: string,
    readonly environment: Environment = measuredEnvironment(true),
  ) {}

  /** Runs `spec` once; rejects with RunFailed (and the end of its stderr) if it does not exit 0. */
  async run(spec: RunSpec): Promise<Sample> {
    const rssFile = path.join(this.scratch, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
    const stderrFile = `${rssFile}.stderr`;
    const [program, ...args] = spec.argv;
    let argv: string[];
    const env: NodeJS.ProcessEnv = { ...this.environment.env };
    if (this.method === 'gnu-time') {
      argv = ['/usr/bin/time', '-f', FORMAT, '-o', rssFile, program!, ...args];
    } else {
      if (program !== 'node') throw new Error(`the preload hook only measures node processes (got ${program})`);
      argv = [program, '--require', this.hookFile, ...args];
      env.BENCH_PEAK_RSS_FILE = rssFile;
    }
    const out = fs.openSync(spec.stdoutFile, 'w');
    const err = fs.openSync(stderrFile, 'w');
    const cpuBefore = readCpuTimes();
    const started = process.hrtime.bigint();
    try {
      const { code, signal, timedOut } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean }>((resolve, reject) => {
        // Its own process group, so a timeout kills the measured process too, not only GNU time.
        const child = spawn(argv[0]!, argv.slice(1), { cwd: spec.cwd, env, stdio: ['ignore', out, err], detached: true });
        let timedOut = false;
        const timer =
          spec.timeoutSeconds === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
              }, spec.timeoutSeconds * 1000);
        // Ctrl-C reaches only the bench's own process group: take the measured process down with it.
        const interrupt = (signal: NodeJS.Signals) => {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          process.exit(signal === 'SIGINT' ? 130 : 143);
        };
        process.once('SIGINT', interrupt);
        process.once('SIGTERM', interrupt);
        child.on('error', reject);
        child.on('exit', (c, s) => {
          if (timer !== undefined) clearTimeout(timer);
          process.off('SIGINT', interrupt);
          process.off('SIGTERM', interrupt);
          resolve({ code: c, signal: s, timedOut });
        });
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const steal = stealShare(cpuBefore, readCpuTimes());
      if (timedOut) throw new RunFailed(`timed out after ${spec.timeoutSeconds} s: ${spec.argv.join(' ')}`);
      if (code !== 0) {
        const tail = fs.readFileSync(stderrFile, 'utf8').split('\n').slice(-15).join('\n');
        throw new RunFailed(`exit ${code ?? signal}: ${spec.argv.join(' ')}\n${tail}`);
      }
      return { seconds, ...readUsage(rssFile), ...(steal === undefined ? {} : { steal }) };
    } finally {
      fs.closeSync(out);
      fs.closeSync(err);
      fs.rmSync(rssFile, { force: true });
      fs.rmSync(stderrFile, { force: true });
    }
  }
}

/** The usage line is the last one (GNU time may first say that the command failed). */
function readUsage(file: string): { cpuSeconds: number; peakMiB: number } {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const match = LINE.exec(lines[lines.length - 1] ?? '');
  if (!match) throw new Error(`no resource usage in ${file}: ${lines.join(' | ')}`);
  return { peakMiB: Number(match[1]) / 1024, cpuSeconds: Number(match[2]) + Number(match[3]) };
}
