// cluster-pools.yaml: what the Union team configures in the control plane, pool -> clusters, in the
// seed's own format. `default` comes first as in the seed (it is where unassigned work runs); the
// other pools and every pool's clusters are sorted by name.
import type { Plan } from '../plan/types';
import { hashHeader, type RenderOptions } from './generated-header';
import { yamlScalar } from './yaml-scalar';

export const CLUSTER_POOLS_FILE = 'cluster-pools.yaml';

export function renderClusterPools(plan: Plan, options: RenderOptions = {}): string {
  const pools = [...plan.pools].sort((a, b) =>
    a.name === b.name ? 0 : a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name < b.name ? -1 : 1,
  );
  let out = hashHeader(options);
  for (const pool of pools) {
    const note = pool.name === 'default' ? ' # where executions run unless an attribute file maps them elsewhere' : '';
    out += `${yamlScalar(pool.name)}:${note}\n`;
    for (const cluster of [...pool.clusters].sort()) out += `  - ${yamlScalar(cluster)}\n`;
  }
  if (pools.length === 0) out += '{}\n';
  return out;
}
