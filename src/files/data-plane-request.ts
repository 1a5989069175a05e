// union/data-plane-request.md and .json (BYOC only): everything Union's "Configuring your data plane"
// asks for, per cluster. Every value the user must still supply (known only after apply, or not in
// the model) is null in the JSON and **TO FILL IN** in the Markdown, with how to get it, and both
// files list them first, from one list, so nothing unfilled reaches Union's team unnoticed.
// A reviewer reads the Markdown in a pull request; Union's team can act on either.
import type { ByocCluster, ByocPlan, CustomerVpc, UnitAccess } from '../plan/byoc-types';
import type { Plan, StorageGroup, Unit } from '../plan/types';
import { generatedNotice, type RenderOptions } from './generated-header';
import { cell, code, table } from '../markdown';
import { sortKeys } from './plan-json';

export const DATA_PLANE_REQUEST_MD = 'data-plane-request.md';
export const DATA_PLANE_REQUEST_JSON = 'data-plane-request.json';

/** A value known now, or the Terraform output that holds it after apply. */
export interface LaterValue {
  readonly value: string | null;
  readonly stack: string;
  readonly output: string;
  /** Run in the synth output directory once the stack is applied. */
  readonly command: string;
}

export interface RequestCluster {
  readonly name: string;
  readonly cloud: 'aws' | 'gcp';
  readonly unit: string;
  /** AWS account name or GCP project id. */
  readonly accountName: string;
  /** AWS only. */
  readonly accountId?: LaterValue;
  readonly roleArn?: LaterValue;
  /** GCP only. */
  readonly projectId?: string;
  readonly projectNumber?: LaterValue;
  readonly serviceAccount?: string;
  readonly region: string;
  /** Customer: the model's VPC keys, a null one to be filled in (listed in `toFillIn`). */
  readonly vpc: ({ readonly provisionedBy: 'customer' } & DistributiveOmit<CustomerVpc, 'cloud'>) | { readonly provisionedBy: 'union' };
  readonly dataRetentionDays: number | null;
  readonly nodeGroups: ByocCluster['nodeGroups'];
  readonly pools: readonly string[];
}

export interface RequestPool {
  readonly name: string;
  readonly clusters: readonly string[];
  readonly metadataBucket: string;
  readonly fastRegistrationBucket: string;
  /** `union`: Union provisions it under this name (a suggestion); `customer`: the storage stack creates it. */
  readonly bucketProvisionedBy: 'union' | 'customer';
  readonly bucketStack: string | null;
  readonly bucketCloud: 'aws' | 'gcp';
  readonly bucketRegion: string;
  /** The unit whose account or project holds the bucket (for a pool spanning accounts, the one the model chose). */
  readonly bucketHome: string;
  /** The other units whose clusters need access to it; empty when the bucket is its clusters' own. */
  readonly bucketReaders: readonly string[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A value the user must supply before sending: null at `path` in the JSON, **TO FILL IN** in the Markdown. */
export interface ToFillIn {
  /** JSON Pointer (RFC 6901) into the request. */
  readonly path: string;
  /** What the value is, in words. */
  readonly what: string;
  /** The command that prints it, or the model key that sets it. */
  readonly how: string;
}

export interface DataPlaneRequest {
  /** Every null the user must replace, in the order the Markdown shows them. */
  readonly toFillIn: readonly ToFillIn[];
  readonly org: string;
  /** Union's control plane host (`controlPlaneHost`), or null: to be filled in. */
  readonly controlPlaneHost: string | null;
  readonly providers: readonly ('aws' | 'gcp')[];
  readonly multiCluster: boolean;
  readonly isolation: 'domain' | 'project';
  readonly access: {
    readonly aws: ByocPlan['aws'] | null;
    readonly gcp: { readonly pool: string; readonly provider: string; readonly role: string; readonly serviceAccountId: string; readonly roleSource: string } | null;
    readonly unionAwsAccount: string;
  };
  readonly clusters: readonly RequestCluster[];
  readonly mapping: readonly { readonly project: string; readonly domain: string; readonly workflow: string | null; readonly pool: string; readonly clusters: readonly string[] }[];
  readonly pools: readonly RequestPool[];
}

function later(stack: string, output: string, value: string | null): LaterValue {
  return { value, stack, output, command: `terraform -chdir=stacks/${stack} output -raw ${output}` };
}

export function dataPlaneRequest(plan: Plan, byoc: ByocPlan): DataPlaneRequest {
  const units = new Map<string, Unit>(plan.units.map((u) => [u.key, u]));
  const access = new Map<string, UnitAccess>(byoc.access.map((a) => [a.unit, a]));
  const byocClusters = new Map(byoc.clusters.map((c) => [c.name, c]));
  const groups = new Map<string, StorageGroup>(plan.storageGroups.map((g) => [g.name, g]));
  const poolClusters = new Map(plan.pools.map((p) => [p.name, p.clusters]));
  const clusters = plan.clusters.map((c): RequestCluster => {
    const unit = units.get(c.unit)!;
    const b = byocClusters.get(c.name)!;
    const a = access.get(c.unit)!;
    const common = {
      name: c.name,
      cloud: c.cloud,
      unit: c.unit,
      accountName: unit.name,
      region: c.region,
      vpc: b.vpc === null ? ({ provisionedBy: 'union' } as const) : { provisionedBy: 'customer' as const, ...withoutCloud(b.vpc) },
      dataRetentionDays: b.dataRetentionDays,
      nodeGroups: b.nodeGroups,
      pools: c.pools,
    };
    if (unit.cloud === 'aws' && a.cloud === 'aws') {
      return { ...common, accountId: later(unit.stack, unit.accountIdOutput, unit.existingId), roleArn: later(a.stack, a.roleArnOutput, a.roleArn) };
    }
    if (unit.cloud === 'gcp' && a.cloud === 'gcp') {
      return { ...common, projectId: unit.name, projectNumber: later(unit.stack, unit.projectNumberOutput, null), serviceAccount: a.serviceAccountEmail };
    }
    throw new Error(`inconsistent plan: cluster '${c.name}' has no Union access for unit '${c.unit}'`);
  });
  const pools = plan.pools.map((p): RequestPool => {
    const g = groups.get(p.storageGroup)!;
    const union = byoc.buckets === 'union-provisions';
    return {
      name: p.name,
      clusters: p.clusters,
      metadataBucket: g.bucket,
      fastRegistrationBucket: g.fastRegistrationBucket,
      bucketProvisionedBy: union ? 'union' : 'customer',
      bucketStack: union ? null : g.stack,
      bucketCloud: g.cloud,
      bucketRegion: g.region,
      bucketHome: g.homeUnit,
      bucketReaders: [...g.accessUnits],
    };
  });
  const partial = {
    org: plan.org,
    controlPlaneHost: plan.controlPlaneHost,
    providers: [...new Set(plan.clusters.map((c) => c.cloud))].sort(),
    multiCluster: plan.clusters.length > 1,
    isolation: plan.isolation,
    access: {
      unionAwsAccount: byoc.unionAwsAccount,
      aws: byoc.aws,
      gcp: byoc.gcp && { pool: byoc.gcp.poolId, provider: byoc.gcp.providerId, role: byoc.gcp.roleId, serviceAccountId: byoc.gcp.serviceAccountId, roleSource: byoc.gcp.roleSource },
    },
    clusters,
    mapping: plan.assignments.map((a) => ({ project: a.project, domain: a.domain, workflow: a.workflow, pool: a.pool, clusters: poolClusters.get(a.pool) ?? [] })),
    pools,
  };
  return { toFillIn: toFillIn(partial), ...partial };
}

function withoutCloud(vpc: CustomerVpc): DistributiveOmit<CustomerVpc, 'cloud'> {
  return Object.fromEntries(Object.entries(vpc).filter(([key]) => key !== 'cloud')) as DistributiveOmit<CustomerVpc, 'cloud'>;
}

/** What the model's VPC keys hold for Union, per cloud: the key, and what to write there. */
const VPC_KEYS = {
  aws: [
    ['publicSubnets', 'public subnet ids, one per availability zone'],
    ['privateSubnets', 'private subnet ids, one per availability zone'],
  ],
  gcp: [
    ['subnet', 'subnet of the network, in the cluster\'s region'],
    ['podsRange', 'name of the subnet\'s secondary range for pods'],
    ['servicesRange', 'name of the subnet\'s secondary range for services'],
    ['masterCidr', 'a free /28 for the control plane'],
  ],
} as const;

function laterHow(v: LaterValue): string {
  return `run ${code(v.command)} once stack ${code(v.stack)} is applied`;
}

function vpcHow(cluster: string, key: string): string {
  return `set ${code(`clusters.${cluster}.${key}`)} in the model`;
}

/** Every null value the user must supply, found from the request itself so the list cannot drift from it. */
function toFillIn(r: Omit<DataPlaneRequest, 'toFillIn'>): ToFillIn[] {
  const out: ToFillIn[] = [];
  if (r.controlPlaneHost === null)
    out.push({ path: '/controlPlaneHost', what: 'control plane host', how: `the host of your Union URL, or set ${code('controlPlaneHost')} in the model` });
  r.clusters.forEach((c, i) => {
    const at = `/clusters/${i}`;
    const later = (key: 'accountId' | 'roleArn' | 'projectNumber', what: string) => {
      const v = c[key];
      if (v !== undefined && v.value === null) out.push({ path: `${at}/${key}/value`, what: `${code(c.name)}: ${what}`, how: laterHow(v) });
    };
    later('accountId', 'AWS account id');
    later('roleArn', 'role ARN');
    later('projectNumber', 'GCP project number');
    if (c.vpc.provisionedBy === 'customer') {
      const vpc = c.vpc as Record<string, unknown>;
      for (const [key, what] of VPC_KEYS[c.cloud]) if (vpc[key] === null) out.push({ path: `${at}/vpc/${key}`, what: `${code(c.name)}: ${what}`, how: vpcHow(c.name, key) });
    }
  });
  return out;
}


/** Both files for a BYOC plan; none for a self-managed one. */
export function renderDataPlaneRequest(plan: Plan, options: RenderOptions = {}): [string, string][] {
  if (plan.byoc === undefined) return [];
  const request = dataPlaneRequest(plan, plan.byoc);
  const json = JSON.stringify({ $comment: generatedNotice(options), ...(sortKeys(request) as object) }, null, 2) + '\n';
  return [
    [DATA_PLANE_REQUEST_JSON, json],
    [DATA_PLANE_REQUEST_MD, `<!-- ${generatedNotice(options)} -->\n${renderRequestMarkdown(request)}`],
  ];
}

const CLOUD = { aws: 'AWS', gcp: 'GCP' } as const;

/** The one marker of a value still to supply, with how to get it. */
export const TO_FILL_IN = '**TO FILL IN**';
const fillIn = (how: string) => `${TO_FILL_IN}: ${how}`;

function laterText(v: LaterValue): string {
  return v.value !== null ? code(v.value) : fillIn(laterHow(v));
}

/** A VPC key's value, or the marker with the model key that sets it. */
function vpcValue(cluster: string, key: string, value: string | readonly string[] | null): string {
  if (value === null) return fillIn(vpcHow(cluster, key));
  return typeof value === 'string' ? code(value) : value.map(code).join(', ');
}

/** Right after the title: every value still to fill in, where it is and how to get it. */
function beforeSending(r: DataPlaneRequest): string[] {
  if (r.toFillIn.length === 0) return ['## Before sending', '', 'Nothing to fill in: every value below is known.', ''];
  const n = r.toFillIn.length;
  return [
    '## Before sending',
    '',
    `${n} ${n === 1 ? 'value' : 'values'} to fill in, each marked ${TO_FILL_IN} below (${sectionsOf(r.toFillIn)}):`,
    '',
    ...r.toFillIn.map((f) => `- [ ] ${f.what} (${SECTION[sectionOf(f)]}): ${f.how}`),
    '',
  ];
}

const SECTION = { top: 'summary', clusters: 'Clusters', vpc: 'Customer VPCs' } as const;

function sectionOf(f: ToFillIn): keyof typeof SECTION {
  return f.path === '/controlPlaneHost' ? 'top' : /^\/clusters\/\d+\/vpc\//.test(f.path) ? 'vpc' : 'clusters';
}

function sectionsOf(list: readonly ToFillIn[]): string {
  const counts = new Map<keyof typeof SECTION, number>();
  for (const f of list) counts.set(sectionOf(f), (counts.get(sectionOf(f)) ?? 0) + 1);
  return (Object.keys(SECTION) as (keyof typeof SECTION)[])
    .filter((k) => counts.has(k))
    .map((k) => `${counts.get(k)} in ${SECTION[k]}`)
    .join(', ');
}

function retention(days: number | null): string {
  return days === null ? 'per our Union plan (Teams 30 days, Enterprise 1 year)' : `${days} days`;
}

export function renderRequestMarkdown(r: DataPlaneRequest): string {
  const out: string[] = [
    `# Data-plane request for Union: ${code(r.org)}`,
    '',
    ...beforeSending(r),
    '## Summary',
    '',
    'What Union\'s "Configuring your data plane" asks for, for every cluster. Commands run in the synth output directory.',
    '',
    `- Union org: ${code(r.org)}; control plane host: ${r.controlPlaneHost === null ? fillIn(`the host of your Union URL, or set ${code('controlPlaneHost')} in the model`) : code(r.controlPlaneHost)}`,
    `- Cloud provider: ${r.providers.map((p) => CLOUD[p]).join(' and ')}${r.providers.length > 1 ? ' (mixed, per Union\'s multi-cluster page: please confirm)' : ''}`,
    `- Multi-cluster: ${r.multiCluster ? `yes, ${r.clusters.length} clusters` : 'no, one cluster'}`,
    `- Isolation: ${r.isolation === 'domain' ? 'one account or project per domain' : 'one account or project per project-domain pair, plus the default for projects created later'}`,
    `- Cluster pools: ${r.pools.length}, each with its own metadata bucket`,
    '',
    '## Access',
    '',
  ];
  if (r.access.aws)
    out.push(
      `- AWS: role ${code(r.access.aws.roleName)} in every account, from Union's template ${code(r.access.aws.templateUrl)} (CloudFormation stack ${code(r.access.aws.stackName)}), trusting ${code(`arn:aws:iam::${r.access.unionAwsAccount}:root`)} with the external id your team gave us (not written here).`,
    );
  if (r.access.gcp)
    out.push(
      `- GCP: workload identity pool ${code(r.access.gcp.pool)} with AWS provider ${code(r.access.gcp.provider)} (account ${code(r.access.unionAwsAccount)}), custom role ${code(r.access.gcp.role)} (from ${cell(r.access.gcp.roleSource)}), service account ${code(r.access.gcp.serviceAccountId)} in every project.`,
    );
  out.push('', '## Clusters', '');
  out.push(
    table(
      ['Cluster', 'Cloud', 'Account / project', 'Account id / project number', 'Role ARN / service account', 'Region', 'VPC', 'Data retention', 'Pools'],
      r.clusters.map((c) => [
        code(c.name),
        CLOUD[c.cloud],
        `${code(c.unit)} (${code(c.accountName)})`,
        c.accountId ? laterText(c.accountId) : c.projectNumber ? `${code(c.projectId ?? '')}, number ${laterText(c.projectNumber)}` : '',
        c.roleArn ? laterText(c.roleArn) : code(c.serviceAccount ?? ''),
        code(c.region),
        c.vpc.provisionedBy === 'customer' ? `${code(c.vpc.id)} (ours, see Customer VPCs)` : 'Union provisions one',
        retention(c.dataRetentionDays),
        c.pools.map(code).join(', '),
      ]),
    ),
  );
  out.push(...customerVpcs(r.clusters));
  out.push('## Node groups', '');
  const groups = r.clusters.flatMap((c) =>
    c.nodeGroups.map((g) => [
      code(c.name),
      code(g.name),
      code(g.instanceType),
      String(g.min),
      String(g.max),
      g.interruptible ? 'interruptible' : 'on-demand',
      g.taints.length === 0 ? 'none' : g.taints.map(code).join(', '),
      g.diskGb === null ? "Union's default" : `${g.diskGb} GiB`,
    ]),
  );
  out.push(
    groups.length === 0
      ? "None given in the model: Union's defaults (minimum 0) for every cluster.\n"
      : table(['Cluster', 'Node group', 'Node type', 'Min', 'Max', 'Capacity', 'Taints', 'Disk'], groups),
  );
  out.push('## Cluster pools and metadata buckets', '');
  out.push(
    table(
      ['Pool', 'Clusters', 'Metadata bucket', 'Fast-registration bucket', 'Provisioned by', 'Location', 'Held by (also read by)'],
      r.pools.map((p) => [
        code(p.name),
        p.clusters.map(code).join(', '),
        code(p.metadataBucket),
        p.fastRegistrationBucket === p.metadataBucket ? 'same' : code(p.fastRegistrationBucket),
        p.bucketProvisionedBy === 'union' ? 'Union (name suggested)' : `us, stack ${code(p.bucketStack ?? '')}`,
        `${CLOUD[p.bucketCloud]} ${code(p.bucketRegion)}`,
        `${code(p.bucketHome)}${p.bucketReaders.length > 0 ? ` (${p.bucketReaders.map(code).join(', ')})` : ''}`,
      ]),
    ),
  );
  out.push('## Domains and projects to clusters', '');
  out.push(
    table(
      ['Project', 'Domain', 'Workflow', 'Pool', 'Clusters'],
      r.mapping.map((m) => [code(m.project), code(m.domain), m.workflow === null ? '' : code(m.workflow), code(m.pool), m.clusters.map(code).join(', ')]),
    ),
  );
  return out.join('\n');
}

/** Clusters in our own VPC or network, with what Union's BYOC pages ask for with it, per cloud. */
function customerVpcs(clusters: readonly RequestCluster[]): string[] {
  const own = clusters.filter((c) => c.vpc.provisionedBy === 'customer');
  if (own.length === 0) return [];
  const out = ['## Customer VPCs', ''];
  const aws = own.flatMap((c) => (c.vpc.provisionedBy === 'customer' && 'publicSubnets' in c.vpc ? [[c.name, c.vpc] as const] : []));
  const gcp = own.flatMap((c) => (c.vpc.provisionedBy === 'customer' && 'subnet' in c.vpc ? [[c.name, c.vpc] as const] : []));
  if (aws.length > 0)
    out.push(
      table(
        ['Cluster', 'VPC', 'Public subnets (one per availability zone)', 'Private subnets (one per availability zone)'],
        aws.map(([name, v]) => [code(name), code(v.id), vpcValue(name, 'publicSubnets', v.publicSubnets), vpcValue(name, 'privateSubnets', v.privateSubnets)]),
      ),
    );
  if (gcp.length > 0)
    out.push(
      table(
        ['Cluster', 'Network', 'Subnet', 'Subnet region', 'Pods range', 'Services range', 'Control plane /28'],
        gcp.map(([name, v]) => [
          code(name),
          code(v.id),
          vpcValue(name, 'subnet', v.subnet),
          code(v.subnetRegion),
          vpcValue(name, 'podsRange', v.podsRange),
          vpcValue(name, 'servicesRange', v.servicesRange),
          vpcValue(name, 'masterCidr', v.masterCidr),
        ]),
      ),
    );
  return out;
}
