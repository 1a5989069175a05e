// resolve's BYOC part: Union's access per unit, the request's per-cluster facts, and the bucket
// names Union's role can reach. Called only for `deployment: byoc`; pure like the rest of resolve.
import { createHash } from 'node:crypto';
import { formatPath, type Finding } from '../model/findings';
import { byocMessages } from '../model/messages';
import { checkByoc } from '../model/rules/byoc';
import { applyAcknowledgements } from './acknowledge';
import type { Model } from '../model/schema';
import type { GcpRole } from '../model/union-gcp-role';
import {
  UNION_AWS_ACCOUNT,
  UNION_CFN_STACK,
  UNION_GCP_POOL,
  UNION_GCP_PROVIDER,
  UNION_GCP_ROLE_ID,
  UNION_GCP_SERVICE_ACCOUNT,
  UNION_GCP_SERVICES,
  UNION_TEMPLATE_BASE,
  type ByocCluster,
  type ByocPlan,
  type CustomerVpc,
  type UnitAccess,
} from './byoc-types';
import type { ClusterPlan, StorageGroup, Unit } from './types';
import { compareStrings } from '../order';

/** S3 names union-ai-admin's policy covers. */
const UNION_BUCKET_PREFIXES = ['union-', 'opta-'] as const;

export function accessStackName(accountsStack: string): string {
  return accountsStack.startsWith('aws-accounts-') ? `aws-union-access-${accountsStack.slice('aws-accounts-'.length)}` : `${accountsStack}-union-access`;
}

export function roleArnOutput(unit: Pick<Unit, 'id'>): string {
  return `${unit.id}_union_role_arn`;
}

/** In BYOC every GCP project also gets the APIs Union lists. */
export function withUnionServices(units: readonly Unit[]): Unit[] {
  return units.map((u) => (u.cloud === 'gcp' ? { ...u, services: [...new Set([...u.services, ...UNION_GCP_SERVICES])].sort() } : u));
}

export interface ByocInputs {
  readonly units: readonly Unit[];
  readonly clusters: readonly ClusterPlan[];
  readonly groups: readonly StorageGroup[];
  /** Null when the model has no GCP unit (load reads the file only then). */
  readonly gcpRole: GcpRole | null;
}

export function resolveByoc(model: Model, inputs: ByocInputs, findings: Finding[]): ByocPlan {
  const settings = model.byoc;
  const roleName = settings?.roleName ?? 'union-ai-admin';
  const templateVersion = settings?.templateVersion ?? 'v0.14';
  const buckets = settings?.buckets ?? 'union-provisions';
  const hasAws = inputs.units.some((u) => u.cloud === 'aws');
  const hasGcp = inputs.units.some((u) => u.cloud === 'gcp');
  if (hasGcp && inputs.gcpRole === null) throw new Error('inconsistent plan: a BYOC model with GCP units was resolved without its GCP role');

  if (buckets === 'create') {
    for (const g of inputs.groups) {
      for (const name of new Set([g.bucket, g.fastRegistrationBucket])) {
        if (g.cloud === 'aws' && !UNION_BUCKET_PREFIXES.some((p) => name.startsWith(p))) findings.push(byocMessages.bucketUnreachable(['naming', 'bucket'], name, g.name));
      }
    }
  }

  // Union's docs update the stack "in the region within which your data plane is deployed".
  const dataPlaneRegion = new Map<string, string>();
  for (const c of [...inputs.clusters].sort((a, b) => compareStrings(a.name, b.name))) if (!dataPlaneRegion.has(c.unit)) dataPlaneRegion.set(c.unit, c.region);
  const access: UnitAccess[] = inputs.units.map((u) =>
    u.cloud === 'aws'
      ? {
          unit: u.key,
          cloud: 'aws',
          stack: accessStackName(u.stack),
          roleArnOutput: roleArnOutput(u),
          roleArn: u.existingId !== null ? `arn:aws:iam::${u.existingId}:role/${roleName}` : null,
          region: dataPlaneRegion.get(u.key) ?? model.aws?.region ?? '',
        }
      : {
          unit: u.key,
          cloud: 'gcp',
          stack: u.stack,
          projectId: u.name,
          projectNumberOutput: u.projectNumberOutput,
          serviceAccountEmail: `${UNION_GCP_SERVICE_ACCOUNT}@${u.name}.iam.gserviceaccount.com`,
        },
  );

  const clusters: ByocCluster[] = inputs.clusters.map((c) => {
    const spec = model.clusters[c.name];
    const groups = spec?.nodeGroups ?? {};
    return {
      name: c.name,
      unit: c.unit,
      cloud: c.cloud,
      region: c.region,
      vpc: customerVpc(spec, c.cloud, c.region),
      dataRetentionDays: spec?.dataRetentionDays ?? settings?.dataRetentionDays ?? null,
      nodeGroups: Object.keys(groups)
        .sort()
        .map((name) => {
          const g = groups[name]!;
          return { name, instanceType: g.instanceType, min: g.min, max: g.max, interruptible: g.interruptible, taints: [...g.taints], diskGb: g.diskGb ?? null };
        }),
    };
  });

  const role = inputs.gcpRole;
  return {
    unionAwsAccount: UNION_AWS_ACCOUNT,
    buckets,
    dataRetentionDays: settings?.dataRetentionDays ?? null,
    aws: hasAws
      ? {
          templateVersion,
          templateUrl: `${UNION_TEMPLATE_BASE}/${templateVersion}/union-ai-admin-role.template.yaml`,
          stackName: UNION_CFN_STACK,
          roleName,
          // checkByoc makes it required with AWS units; resolve runs only without rule errors.
          externalIdDigest: createHash('sha256').update(settings?.externalId ?? '').digest('hex').slice(0, 12),
        }
      : null,
    gcp:
      hasGcp && role !== null
        ? {
            poolId: UNION_GCP_POOL,
            providerId: UNION_GCP_PROVIDER,
            roleId: UNION_GCP_ROLE_ID,
            roleTitle: role.title,
            roleStage: role.stage,
            permissions: role.permissions,
            roleSource: role.source,
            serviceAccountId: UNION_GCP_SERVICE_ACCOUNT,
          }
        : null,
    access,
    clusters,
    // The same warnings validate prints, for the review; acknowledged ones stay quiet there too.
    warnings: applyAcknowledgements(model, checkByoc(model).filter((f) => f.severity === 'warning'))
      .kept.filter((f) => f.severity === 'warning' && f.path[0] !== 'acknowledge')
      .map((f) => `${formatPath(f.path)}: ${f.problem} (found ${f.found ?? ''}). ${f.fix}`),
  };
}

/** The model's VPC keys as the request carries them; a subnet key left out stays null (to be filled in). */
function customerVpc(spec: Model['clusters'][string] | undefined, cloud: 'aws' | 'gcp', region: string): CustomerVpc | null {
  if (spec?.vpc === undefined) return null;
  if (cloud === 'aws') return { cloud, id: spec.vpc, publicSubnets: spec.publicSubnets ? [...spec.publicSubnets] : null, privateSubnets: spec.privateSubnets ? [...spec.privateSubnets] : null };
  return { cloud, id: spec.vpc, subnet: spec.subnet ?? null, subnetRegion: region, podsRange: spec.podsRange ?? null, servicesRange: spec.servicesRange ?? null, masterCidr: spec.masterCidr ?? null };
}
