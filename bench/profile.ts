// Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: functions by self time,
// and the project's own functions by inclusive time, so a slow step points at a line of ours.
import * as fs from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly self: readonly ProfileEntry[];
  /** Functions in the project's own compiled code (under `ownPrefix`), by inclusive time. */
  readonly ownInclusive: readonly ProfileEntry[];
}

/** `functionName file:line` with node_modules and the project's root shortened. */
function frameName(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(root + '/', '');
  return `${frame.functionName || '(anonymous)'} ${url}${url ? `:${frame.lineNumber + 1}` : ''}`;
}

export function summarizeProfile(file: string, root: string, ownPrefixes: readonly string[], top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeOf = new Map<number, number>();
  profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of timeOf) {
    total += us;
    const node = byId.get(id)!;
    const name = frameName(node.callFrame, root);
    self.set(name, (self.get(name) ?? 0) + us);
    // Each function once per sample, however deep its recursion.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const url = frame.url.replace(/^file:\/\//, '');
      if (!ownPrefixes.some((p) => url.startsWith(p))) continue;
      const n = frameName(frame, root);
      if (seen.has(n)) continue;
      seen.add(n);
      inclusive.set(n, (inclusive.get(n) ?? 0) + us);
    }
  }
  const rank = (m: Map<string, number>): ProfileEntry[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, self: rank(self), ownInclusive: rank(inclusive) };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const row = (e: ProfileEntry) => `  ${e.ms.toFixed(0).padStart(7)} ms ${(100 * e.share).toFixed(1).padStart(5)}%  ${e.name}`;
  return [
    `${title}: ${(s.totalMs / 1000).toFixed(1)} s sampled`,
    ' self time:',
    ...s.self.map(row),
    ' our code, inclusive time:',
    ...s.ownInclusive.map(row),
  ].join('\n');
}
