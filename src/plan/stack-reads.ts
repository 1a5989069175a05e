// Which outputs of which stacks each stack reads through remote state: the one source of a stack's
// upstreams. The stacks check every read they synthesize against it (stacks/accounts-outputs.ts), and
// `diff` and `stacks` use it to say which stacks must wait for an upstream's apply.
import { parentOutputName, parentStackOf } from './stack-layout';
import type { Plan } from './types';

export interface StackRead {
  readonly stack: string;
  readonly output: string;
}

/** Every stack of the plan, with the outputs it reads (empty when it reads none). Linear in the plan. */
export function stackReads(plan: Plan): Map<string, StackRead[]> {
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const groups = new Map(plan.storageGroups.map((g) => [g.name, g]));
  const clusters = new Map(plan.clusters.map((c) => [c.name, c]));
  const out = new Map<string, StackRead[]>();
  for (const s of plan.stacks) {
    const reads: StackRead[] = [];
    const accountIdOf = (key: string) => {
      const u = units.get(key);
      if (u !== undefined && u.cloud === 'aws') reads.push({ stack: u.stack, output: u.accountIdOutput });
    };
    if (s.kind === 'accounts') {
      // A unit under an OU or folder another stack creates reads that parent's id.
      for (const key of s.units) {
        const u = units.get(key);
        if (u === undefined || (u.parent.kind !== 'aws-ou' && u.parent.kind !== 'gcp-new-folder')) continue;
        const owner = parentStackOf(u);
        if (owner !== s.name) reads.push({ stack: owner, output: parentOutputName(u.parent) });
      }
    } else if (s.kind === 'access') {
      // Union's role goes into each account through a provider that needs the account's id.
      for (const key of s.units) accountIdOf(key);
    } else if (s.cloud === 'aws' && s.storageGroup !== null) {
      // The bucket's home, the accounts granted access and the clusters' accounts (their identities).
      const g = groups.get(s.storageGroup);
      if (g !== undefined) for (const key of [g.homeUnit, ...g.accessUnits, ...g.clusters.map((c) => clusters.get(c)?.unit ?? '')]) accountIdOf(key);
    }
    out.set(s.name, unique(reads));
  }
  return out;
}

function unique(reads: StackRead[]): StackRead[] {
  const seen = new Set<string>();
  return reads.filter((r) => {
    const k = `${r.stack}\0${r.output}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
