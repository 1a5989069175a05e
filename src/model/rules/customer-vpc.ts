// A customer's own VPC in BYOC: with `vpc`, Union's BYOC pages ask for its subnets (AWS: public and
// private subnet ids, one per availability zone; GCP: the subnet, its secondary ranges for pods and
// services, and a /28 for the control plane). Each key on its cloud, in its format, only with `vpc`;
// what is missing is a warning, since the request can still carry it as a value to fill in.
import type { Finding } from '../findings';
import { byocMessages, messages } from '../messages';
import type { Model } from '../schema';

type Cluster = Model['clusters'][string];

export const AWS_SUBNET_KEYS = ['publicSubnets', 'privateSubnets'] as const;
export const GCP_SUBNET_KEYS = ['subnet', 'podsRange', 'servicesRange', 'masterCidr'] as const;

const AWS_SUBNET = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** A subnetwork name, or `projects/P/regions/R/subnetworks/N`. */
const GCP_SUBNET = /^((projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/regions\/[a-z0-9-]+\/subnetworks\/)?[a-z]([-a-z0-9]{0,61}[a-z0-9])?)$/;
const GCP_RANGE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const CIDR_28 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/28$/;

/** An IPv4 /28 whose address is the block's first (host bits zero), as GKE takes `--master-ipv4-cidr`. */
export function isBlock28(cidr: string): boolean {
  const m = CIDR_28.exec(cidr);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && octets[3]! % 16 === 0;
}

/** BYOC: the VPC keys of one cluster on its cloud. */
export function checkCustomerVpc(name: string, c: Cluster, cloud: 'aws' | 'gcp'): Finding[] {
  const out: Finding[] = [];
  const at = (key: string) => ['clusters', name, key];
  const own = cloud === 'aws' ? AWS_SUBNET_KEYS : GCP_SUBNET_KEYS;
  const other = cloud === 'aws' ? GCP_SUBNET_KEYS : AWS_SUBNET_KEYS;
  for (const key of other) if (c[key] !== undefined) out.push(messages.clusterKeyWrongCloud(at(key), key, name, cloud, cloud === 'aws' ? 'gcp' : 'aws'));
  const given = own.filter((key) => c[key] !== undefined);
  if (c.vpc === undefined) {
    for (const key of given) out.push(byocMessages.subnetsWithoutVpc(at(key), key, name));
  } else if (given.length < own.length) {
    out.push(byocMessages.vpcSubnetsMissing(at('vpc'), name, cloud, own.filter((key) => c[key] === undefined)));
  }
  if (cloud === 'aws') {
    for (const key of AWS_SUBNET_KEYS) {
      const ids = c[key];
      if (ids === undefined) continue;
      if (ids.length === 0)
        out.push(messages.invalidValue(at(key), '[]', 'one subnet id per availability zone the cluster uses', `List the subnet ids, or remove ${key} to fill them in the request.`));
      ids.forEach((id, i) => {
        if (!AWS_SUBNET.test(id))
          out.push(messages.invalidValue([...at(key), i], JSON.stringify(id), 'an AWS subnet id (subnet- and 8 or 17 hex digits)', 'Copy the id from the console (VPC, Subnets) or aws ec2 describe-subnets.'));
      });
    }
    const pub = new Set(c.publicSubnets ?? []);
    (c.privateSubnets ?? []).forEach((id, i) => {
      if (pub.has(id)) out.push(byocMessages.subnetInBothLists([...at('privateSubnets'), i], id));
    });
  } else {
    if (c.subnet !== undefined && !GCP_SUBNET.test(c.subnet))
      out.push(messages.invalidValue(at('subnet'), JSON.stringify(c.subnet), 'a GCP subnetwork name or projects/PROJECT/regions/REGION/subnetworks/NAME', 'Copy the name from gcloud compute networks subnets list.'));
    for (const key of ['podsRange', 'servicesRange'] as const) {
      const range = c[key];
      if (range !== undefined && !GCP_RANGE_NAME.test(range))
        out.push(messages.invalidValue(at(key), JSON.stringify(range), 'the name of one of the subnet\'s secondary ranges (not its CIDR): 1-63 of a-z, 0-9 and "-", starting with a letter', 'Copy the rangeName from gcloud compute networks subnets describe.'));
    }
    if (c.masterCidr !== undefined && !isBlock28(c.masterCidr))
      out.push(messages.invalidValue(at('masterCidr'), JSON.stringify(c.masterCidr), 'an IPv4 /28 starting at its first address, e.g. 172.16.0.0/28', 'Pick a free /28 in a private range that overlaps no subnet of the network.'));
  }
  return out;
}
