// The `isolation-shape` rule: what exists only in project isolation, which overrides name real
// units, and which cloud settings the units need.
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { suggester } from '../suggest';
import { unitKeys } from '../unit-keys';
import { findMisspeltDefinitions, namesMisspelt } from './misspelt-definitions';

export function checkIsolationShape(model: Model): Finding[] {
  const out: Finding[] = [];
  if (model.onDemand) {
    if (model.isolation === 'domain') out.push(messages.onDemandInDomainIsolation());
    else if (!model.onDemand.perDomain && !model.onDemand.cloud) out.push(messages.onDemandCloudMissing());
    else if (model.onDemand.perDomain && model.onDemand.cloud) out.push(messages.onDemandCloudWithPerDomain());
  }

  const units = unitKeys(model);
  const keys = units.map((u) => u.key);
  const known = new Set(keys);
  const nearest = suggester();
  // A key naming a misspelt domain or project is reported once, at that definition (references.ts).
  const misspelt = findMisspeltDefinitions(model);
  for (const key of Object.keys(model.accounts))
    if (!known.has(key) && !namesMisspelt(key, model.isolation, misspelt)) out.push(messages.unknownUnit(['accounts', key], key, model.isolation, nearest(key, keys), 'key'));

  const byCloud: Record<'aws' | 'gcp', string[]> = { aws: [], gcp: [] };
  for (const u of units) {
    byCloud[u.cloud].push(u.key);
    if (u.cloud === 'gcp' && model.accounts[u.key]?.email !== undefined) out.push(messages.emailOnGcp(['accounts', u.key, 'email']));
  }
  if (byCloud.aws.length > 0 && !model.aws) out.push(messages.cloudSettingsMissing('aws', byCloud.aws));
  if (byCloud.gcp.length > 0 && !model.gcp) out.push(messages.cloudSettingsMissing('gcp', byCloud.gcp));
  if (model.gcp) {
    const both = model.gcp.folderId !== undefined && model.gcp.orgId !== undefined;
    const none = model.gcp.folderId === undefined && model.gcp.orgId === undefined;
    if (both) out.push(messages.gcpParent('both folderId and orgId'));
    if (none) out.push(messages.gcpParent('neither folderId nor orgId'));
  }
  return out;
}
