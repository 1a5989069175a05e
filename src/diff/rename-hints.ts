// A renamed pool renames its storage group, and so its bucket and stack: diff refuses that as a
// destroy and create. When a destroyed group's clusters live on in a created one, the non-destructive
// fix is to pin the old group name on the new pool with `storageGroup`; the refusal says so.
import type { Plan } from '../plan/types';

export function poolRenameHints(base: Plan, next: Plan): string[] {
  const before = new Map(base.storageGroups.map((g) => [g.name, g]));
  const after = new Map(next.storageGroups.map((g) => [g.name, g]));
  const hints: string[] = [];
  for (const old of base.storageGroups) {
    if (after.has(old.name)) continue;
    const successor = next.storageGroups.find((g) => !before.has(g.name) && g.cloud === old.cloud && g.clusters.some((c) => old.clusters.includes(c)));
    if (!successor) continue;
    const pool = successor.pools.find((p) => p !== 'default') ?? successor.pools[0]!;
    hints.push(
      `storage group ${old.name} (bucket ${old.bucket}) becomes ${successor.name}: if pool ${old.pools.join(', ')} was renamed to ${successor.pools.join(', ')}, ` +
        `keep the bucket by writing the pool in the long form with storageGroup: ${old.name}:\n` +
        `    clusterPools:\n      ${pool}:\n        clusters: [${successor.clusters.join(', ')}]\n        storageGroup: ${old.name}`,
    );
  }
  return hints;
}
