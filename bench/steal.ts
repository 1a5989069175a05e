// On a virtual machine the hypervisor may run other guests on our CPUs ("steal" time). The load
// average does not show it, yet it stretches every wall time measured meanwhile, and unevenly: it
// comes in bursts. Linux counts it in /proc/stat; the bench reports its share during each run and
// over the whole bench.
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
