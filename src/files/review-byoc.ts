// The review's BYOC section (deployment: byoc): the access Union gets in each unit, a summary of the
// request for Union's team, and the order of the steps. Nothing for a self-managed plan.
import type { Plan } from '../plan/types';
import { DATA_PLANE_REQUEST_MD, TO_FILL_IN, dataPlaneRequest } from './data-plane-request';
import { cell, code, table } from '../markdown';

export function renderByocReview(plan: Plan): string[] {
  const byoc = plan.byoc;
  if (byoc === undefined) return [];
  const units = new Map(plan.units.map((u) => [u.key, u]));
  const rows = byoc.access.map((a) => {
    const unit = units.get(a.unit)!;
    return a.cloud === 'aws'
      ? [
          code(a.unit),
          'AWS',
          code(unit.name),
          `role ${code(byoc.aws?.roleName ?? '')} from Union's template ${code(byoc.aws?.templateVersion ?? '')} (stack ${code(byoc.aws?.stackName ?? '')}), trusting ${code(`arn:aws:iam::${byoc.unionAwsAccount}:root`)} with the external id`,
          `${code(a.stack)}, output ${code(a.roleArnOutput)}`,
        ]
      : [
          code(a.unit),
          'GCP',
          code(unit.name),
          `pool ${code(byoc.gcp?.poolId ?? '')} + provider ${code(byoc.gcp?.providerId ?? '')} (AWS ${code(byoc.unionAwsAccount)}), role ${code(byoc.gcp?.roleId ?? '')} (${byoc.gcp?.permissions.length ?? 0} permissions), service account ${code(a.serviceAccountEmail)}, workload identity user for the pool`,
          `${code(a.stack)}, output ${code(a.projectNumberOutput)}`,
        ];
  });
  const request = dataPlaneRequest(plan, byoc);
  const vpcs = request.clusters.filter((c) => c.vpc.provisionedBy === 'customer').length;
  const nodeGroups = request.clusters.reduce((n, c) => n + c.nodeGroups.length, 0);
  const accessStacks = plan.stacks.filter((s) => s.kind === 'access').map((s) => code(s.name));
  return [
    [
      '## BYOC: Union\'s access and the request',
      '',
      'Union provisions the data plane (clusters, node groups' + (byoc.buckets === 'union-provisions' ? ', buckets' : '') + ') in these accounts and projects. Access Union gets in each:',
      '',
      table(['Unit', 'Cloud', 'Account / project', 'Union\'s access', 'Stack and output'], rows),
      `Request for Union's team (${code(`union/${DATA_PLANE_REQUEST_MD}`)}, and .json): ${request.clusters.length} clusters on ${request.providers.map((p) => p.toUpperCase()).join(' and ')}, ${request.pools.length} pools, ${nodeGroups} node groups, ${vpcs} own VPCs; buckets: ${byoc.buckets === 'union-provisions' ? 'provisioned by Union (names suggested)' : 'created by the storage stacks, named for Union\'s role'}. ${fillInSentence(request.toFillIn.length)}`,
      '',
      ...(byoc.buckets === 'union-provisions' ? ['The storage groups above are not synthesized (no `pool-*` stacks): Union creates the buckets; the request names them.', ''] : []),
      ...(byoc.warnings.length > 0 ? ['BYOC warnings:', '', ...byoc.warnings.map((w) => `- ${cell(w)}`), ''] : []),
      ...(byoc.gcp !== null ? identityPoolBreadth(byoc.unionAwsAccount, byoc.gcp.poolId, byoc.gcp.providerId) : []),
      'Order of steps:',
      '',
      '1. Apply the accounts and projects stacks (`aws-accounts-*`, `gcp-projects-*`): accounts, projects and, on GCP, Union\'s access.',
      `2. Apply the Union access stacks${accessStacks.length > 0 ? ` (${accessStacks.join(', ')}), with ${code('TF_VAR_union_external_id')} set to the external id Union's team gave (a CI secret; it is in no synthesized file)` : ' (none: no AWS unit)'}: Union's role in every AWS account.`,
      '3. Fill in the account ids, role ARNs and project numbers with the commands in the request, and send it to Union\'s team.',
      '4. Union provisions the clusters' + (byoc.buckets === 'union-provisions' ? ' and buckets' : '') + ' and confirms they can assume the roles.',
      '5. Apply the cluster-pool attribute files (`union/apply-cluster-pool-attributes.sh`) once the projects exist in Union.',
      '',
    ].join('\n'),
  ];
}

/**
 * Union's GCP setup creates the pool's AWS provider without an attribute condition: every principal of
 * Union's AWS account can then act as the service account. The review says so, and how to narrow it.
 */
function identityPoolBreadth(account: string, pool: string, provider: string): string[] {
  return [
    `GCP trust: the provider ${code(provider)} of pool ${code(pool)} trusts every principal of Union's AWS account ${code(account)} (Union's documented setup sets no attribute condition), and any of them can act as the service account. To narrow it once Union's team names the role its control plane uses, add to the provider an attribute condition such as ${code(`attribute.aws_role == "arn:aws:sts::${account}:assumed-role/<ROLE>"`)} and confirm with Union's team before applying.`,
    '',
  ];
}

/** How many values the request still needs before it is sent: its "Before sending" list. */
export function fillInSentence(n: number): string {
  if (n === 0) return 'Every value in it is known: it can be sent as written.';
  return `**${n} ${n === 1 ? 'value' : 'values'} to fill in before sending**, each marked ${TO_FILL_IN} and listed under "Before sending".`;
}
