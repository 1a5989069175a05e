// BYOC rules (deployment: byoc), from Union's "Configuring your data plane" and its AWS template:
// each cluster in its own account, the regions Union lists, one cloud (a warning: the seed allows
// mixing), and the settings Union's template takes. A self-managed model is never checked here.
import type { Finding } from '../findings';
import { byocMessages, DNS_LABEL_RULE, messages } from '../messages';
import type { Model } from '../schema';
import { unitKeys } from '../unit-keys';
import { checkCustomerVpc } from './customer-vpc';

/** sts:ExternalId's characters; Union's template takes 8-24 of them. */
export const EXTERNAL_ID = /^[\w+=,.@:/-]{8,24}$/;
const TEMPLATE_VERSION = /^v\d+\.\d+(\.\d+)?$/;
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const AWS_VPC = /^vpc-[0-9a-f]{8,17}$/;
/** A GCP network name, or its self link / `projects/P/global/networks/N` path. */
const GCP_NETWORK = /^([a-z]([-a-z0-9]{0,61}[a-z0-9])?|(https:\/\/www\.googleapis\.com\/compute\/v1\/)?projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/global\/networks\/[a-z]([-a-z0-9]{0,61}[a-z0-9])?)$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** `key=value:Effect` or `key:Effect`, as kubectl taint writes them. */
const TAINT = /^[A-Za-z0-9]([-A-Za-z0-9_./]{0,251}[A-Za-z0-9])?(=[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?:(NoSchedule|PreferNoSchedule|NoExecute)$/;
/** The regions "Configuring your data plane" lists (us-west, us-east, eu-west, eu-central), per cloud. */
const OFFERED_REGION = { aws: /^(us-west|us-east|eu-west|eu-central)-\d+$/, gcp: /^(us-west|us-east|europe-west|europe-central)\d+$/ } as const;

export function checkByoc(model: Model): Finding[] {
  if (model.deployment !== 'byoc') return model.byoc === undefined ? [] : [byocMessages.byocWithoutDeployment()];
  const out: Finding[] = [];
  const byoc = model.byoc;
  const units = new Map(unitKeys(model).map((u) => [u.key, u]));
  const awsUnits = [...units.values()].filter((u) => u.cloud === 'aws').map((u) => u.key);

  if (byoc?.externalId === undefined) {
    if (awsUnits.length > 0) out.push(byocMessages.externalIdMissing(awsUnits));
  } else if (!EXTERNAL_ID.test(byoc.externalId)) out.push(byocMessages.externalIdMalformed(byoc.externalId));
  if (byoc && !TEMPLATE_VERSION.test(byoc.templateVersion)) out.push(byocMessages.templateVersionMalformed(byoc.templateVersion));
  if (byoc && !IAM_ROLE_NAME.test(byoc.roleName))
    out.push(messages.invalidValue(['byoc', 'roleName'], JSON.stringify(byoc.roleName), 'an IAM role name: 1-64 of letters, digits and + = , . @ _ -', 'Use Union\'s default "union-ai-admin" unless Union\'s team asks otherwise.'));

  const firstInUnit = new Map<string, string>();
  const byCloud = { aws: [] as string[], gcp: [] as string[] };
  const onDefault = { aws: [] as string[], gcp: [] as string[] };
  for (const name of Object.keys(model.clusters).sort()) {
    const c = model.clusters[name]!;
    const unit = units.get(c.account);
    // An unknown account is references.ts's finding.
    if (unit === undefined) continue;
    byCloud[unit.cloud].push(name);
    const other = firstInUnit.get(c.account);
    if (other !== undefined) out.push(byocMessages.clusterSharesAccount(['clusters', name, 'account'], name, other, c.account));
    else firstInUnit.set(c.account, name);
    const region = c.region ?? (unit.cloud === 'aws' ? model.aws?.region : model.gcp?.region);
    if (region !== undefined && !OFFERED_REGION[unit.cloud].test(region)) {
      // Clusters on the cloud's default region get one warning there, not one each.
      if (c.region !== undefined) out.push(byocMessages.regionNotOffered(['clusters', name, 'region'], [name], region));
      else onDefault[unit.cloud].push(name);
    }
    if (c.vpc !== undefined && !(unit.cloud === 'aws' ? AWS_VPC : GCP_NETWORK).test(c.vpc))
      out.push(
        messages.invalidValue(
          ['clusters', name, 'vpc'],
          JSON.stringify(c.vpc),
          unit.cloud === 'aws' ? 'an AWS VPC id (vpc- and 8 or 17 hex digits)' : 'a GCP network name or projects/PROJECT/global/networks/NAME',
          'Copy the id from the console, or remove vpc to let Union provision one.',
        ),
      );
    out.push(...checkCustomerVpc(name, c, unit.cloud));
    for (const [group, spec] of Object.entries(c.nodeGroups ?? {})) {
      const at = ['clusters', name, 'nodeGroups', group];
      if (!DNS_LABEL.test(group)) out.push(messages.badName([...at], 'node group name', JSON.stringify(group), DNS_LABEL_RULE));
      if (spec.min > spec.max) out.push(byocMessages.nodeGroupSize([...at, 'min'], spec.min, spec.max));
      spec.taints.forEach((t, i) => {
        if (!TAINT.test(t))
          out.push(messages.invalidValue([...at, 'taints', i], JSON.stringify(t), 'a Kubernetes taint: key=value:Effect or key:Effect (NoSchedule, PreferNoSchedule, NoExecute)', 'Write the taint as kubectl taint takes it.'));
      });
    }
  }
  for (const c of ['aws', 'gcp'] as const) {
    const region = model[c]?.region;
    if (onDefault[c].length > 0 && region !== undefined) out.push(byocMessages.regionNotOffered([c, 'region'], onDefault[c], region));
  }
  if (byCloud.aws.length > 0 && byCloud.gcp.length > 0) out.push(byocMessages.mixedClouds(['deployment'], byCloud.aws, byCloud.gcp));
  return out;
}
