// Settings of adopted accounts and projects (`existingId`): what the tool may change on them
// (`manage`) and the role the storage stacks assume in an adopted AWS account (`roleName`).
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { unitKeys } from '../unit-keys';

const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ON_CLOUD = { aws: ['name', 'email', 'parent'], gcp: ['name', 'parent', 'billing'] } as const;

export function checkAdoption(model: Model): Finding[] {
  const out: Finding[] = [];
  const clouds = new Map(unitKeys(model).map((u) => [u.key, u.cloud]));
  for (const [key, o] of Object.entries(model.accounts)) {
    const cloud = clouds.get(key);
    if (cloud === undefined) continue; // an unknown unit key has its own finding
    if (o.roleName !== undefined) {
      if (cloud !== 'aws') out.push(messages.roleNameOnGcp(['accounts', key, 'roleName']));
      else if (!IAM_ROLE_NAME.test(o.roleName))
        out.push(messages.invalidValue(['accounts', key, 'roleName'], JSON.stringify(o.roleName), 'an IAM role name: 1-64 of letters, digits and + = , . @ _ -', "Use the role's name, not its ARN."));
    }
    if (o.manage === undefined) continue;
    if (o.existingId === undefined) out.push(messages.manageWithoutAdoption(['accounts', key, 'manage']));
    o.manage.forEach((attribute, i) => {
      if (!(ON_CLOUD[cloud] as readonly string[]).includes(attribute)) out.push(messages.manageNotOnCloud(['accounts', key, 'manage', i], attribute, cloud));
    });
  }
  return out;
}
