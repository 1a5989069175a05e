// On a virtual machine the hypervisor may run other guests on our CPUs ("steal" time). The load
// average does not show it, yet it stretches every wall time measured meanwhile, and unevenly: it
// comes in bursts. Linux counts it in /proc/stat; the bench waits for a burst to pass before each
// run, and reports steal's share during each run and over the whole bench.
import * as fs from 'node:fs';

export interface CpuTimes {
  readonly total: number;
  readonly steal: number;
}

/** The machine's CPU times in clock ticks since boot, or undefined where /proc/stat is not Linux's. */
export function readCpuTimes(stat = '/proc/stat'): CpuTimes | undefined {
  let text: string;
  try {
    text = fs.readFileSync(stat, 'utf8');
  } catch {
    return undefined;
  }
  return parseCpuLine(text.split('\n', 1)[0] ?? '');
}

/** `cpu  user nice system idle iowait irq softirq steal ...`: steal is the eighth field. */
export function parseCpuLine(line: string): CpuTimes | undefined {
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== 'cpu' || fields.length < 9) return undefined;
  const ticks = fields.slice(1).map(Number);
  if (ticks.some((n) => !Number.isFinite(n))) return undefined;
  // guest and guest_nice (fields 9 and 10) are already counted in user and nice.
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { total, steal: ticks[7]! };
}

/** Steal's share of all CPU time between two readings, 0 to 1. */
export function stealShare(before: CpuTimes | undefined, after: CpuTimes | undefined): number | undefined {
  if (before === undefined || after === undefined || after.total <= before.total) return undefined;
  return (after.steal - before.steal) / (after.total - before.total);
}

export interface QuietWait {
  /** How long it waited for a burst to pass, in milliseconds: 0 when the first probe was quiet. */
  readonly waitedMs: number;
  /** Whether the last probe found steal at or under the threshold (false: it gave up, or cannot tell). */
  readonly quiet: boolean;
}

export interface QuietOptions {
  /** The largest share of steal that counts as quiet. */
  readonly threshold: number;
  /** Give up after waiting this long. */
  readonly maxWaitMs: number;
  /** Length of one probe. */
  readonly probeMs?: number;
  readonly read?: () => CpuTimes | undefined;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Returns once a probe of `probeMs` sees steal at or under `threshold`, or after waiting `maxWaitMs`
 * beyond the first probe. Steal comes in bursts of seconds to minutes; a run started inside one
 * measures the other guests as much as the program. Returns after one probe, not quiet, where steal
 * cannot be read.
 */
export async function waitForQuiet(options: QuietOptions): Promise<QuietWait> {
  const { threshold, maxWaitMs, probeMs = 300, read = readCpuTimes, sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)) } = options;
  for (let waitedMs = 0; ; waitedMs += probeMs) {
    const before = read();
    await sleep(probeMs);
    const share = stealShare(before, read());
    if (share === undefined) return { waitedMs, quiet: false };
    if (share <= threshold) return { waitedMs, quiet: true };
    if (waitedMs + probeMs > maxWaitMs) return { waitedMs, quiet: false };
  }
}
