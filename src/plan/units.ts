// The `cloud-names` rule (with cloud-names.ts) for accounts and projects: every unit gets its final name (explicit, or derived from the
// naming template and shortened deterministically when too long), its email, parent and stack.
import type { Finding, ModelPath } from '../model/findings';
import { messages } from '../model/messages';
import type { AdoptedAttribute, Model, UnitOverride } from '../model/schema';
import { unitKeys, type UnitKey } from '../model/unit-keys';
import { LIMITS, checkAwsAccountName, checkEmail, checkGcpDisplayName, checkGcpProjectId } from './cloud-names';
import { shorten } from './shorten';
import { terraformName } from './terraform-name';
import { folderName, organizationalUnitName } from './container-names';
import type { AwsUnit, GcpUnit, ShortenedName, Unit, UnitParent } from './types';

/** APIs every data-plane project needs; gcp.services adds to them. */
export const GCP_BASE_SERVICES = [
  'artifactregistry.googleapis.com',
  'compute.googleapis.com',
  'container.googleapis.com',
  'iam.googleapis.com',
  'storage.googleapis.com',
] as const;

/**
 * APIs a self-managed data plane needs besides: the IAM credentials API that signs URLs with the
 * cluster's own service account, and Secret Manager when the model keeps secrets there.
 */
export function selfManagedServices(model: Pick<Model, 'deployment' | 'secretStore'>): string[] {
  if (model.deployment !== 'self-managed') return [];
  return ['iamcredentials.googleapis.com', ...(model.secretStore === 'cloud' ? ['secretmanager.googleapis.com'] : [])];
}

export function render(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (m, k: string) => vars[k] ?? m);
}

export function accountsStackName(cloud: 'aws' | 'gcp', unit: Pick<UnitKey, 'kind' | 'domain'> & { readonly project?: string | null }): string {
  // A pair has a state of its own (docs/DESIGN-NOTES.md, "Accounts stacks per pair", says why); `_` cannot occur in a domain or project.
  const scope = unit.kind === 'default' ? 'default' : unit.kind === 'pair' && unit.project ? `${unit.domain!}_${unit.project}` : unit.domain!;
  return cloud === 'aws' ? `aws-accounts-${scope}` : `gcp-projects-${scope}`;
}

export interface ResolvedUnits {
  readonly units: Unit[];
  readonly shortened: ShortenedName[];
}

export function resolveUnits(model: Model, findings: Finding[]): ResolvedUnits {
  const units: Unit[] = [];
  const shortened: ShortenedName[] = [];
  const taken = new Map<string, string>();
  const claim = (kind: string, name: string, owner: string, path: ModelPath, what: string) => {
    const other = taken.get(`${kind}:${name}`);
    if (other !== undefined) findings.push(messages.nameTaken(path, what, name, other));
    else taken.set(`${kind}:${name}`, owner);
  };

  for (const u of unitKeys(model)) {
    const override = model.accounts[u.key] ?? {};
    // A project's short name (shortNames) stands for it in derived names only: Flyte keeps the id.
    const project = u.project === null ? null : (model.shortNames[u.project] ?? u.project);
    const suffix = u.kind === 'default' ? (u.domain ? `default-${u.domain}` : 'default') : project ? `${u.domain}-${project}` : u.domain!;
    const base = {
      key: u.key,
      kind: u.kind,
      domain: u.domain,
      project: u.project,
      id: terraformName(u.key.replace('/', '_')),
      stack: accountsStackName(u.cloud, u),
      existingId: override.existingId ?? null,
      keepExisting: keptAttributes(u.cloud, override),
    };
    const namePath: ModelPath = override.name !== undefined ? ['accounts', u.key, 'name'] : ['naming', u.cloud];

    if (u.cloud === 'aws') {
      const aws = model.aws;
      let name: string;
      if (override.name !== undefined) {
        name = override.name;
        const bad = checkAwsAccountName(name);
        if (bad) findings.push(messages.nameInvalid(namePath, 'AWS account name', name, bad, 'Shorten the explicit name; explicit names are never changed by the tool.'));
      } else {
        const original = `${render(model.naming.aws, { org: model.org })}-${suffix}`;
        name = shorten(original, LIMITS.awsAccountName);
        if (name !== original) shortened.push({ kind: 'aws-account-name', owner: u.key, original, final: name, limit: LIMITS.awsAccountName });
        const bad = checkAwsAccountName(name);
        if (bad) findings.push(messages.nameInvalid(namePath, 'derived AWS account name', name, bad, 'Change naming.aws.'));
      }
      claim('aws-name', name, u.key, namePath, 'AWS account name');
      if (override.existingId !== undefined) {
        const other = taken.get(`aws-id:${override.existingId}`);
        if (other !== undefined) findings.push(messages.adoptedTwice(['accounts', u.key, 'existingId'], override.existingId, other));
        else taken.set(`aws-id:${override.existingId}`, u.key);
      }

      let email = '';
      if (override.email !== undefined) {
        email = override.email;
        const bad = checkEmail(email);
        if (bad) findings.push(messages.nameInvalid(['accounts', u.key, 'email'], 'email', email, bad, 'Use a valid address of at most 64 characters.'));
        claim('email', email.toLowerCase(), u.key, ['accounts', u.key, 'email'], 'root email');
      } else if (aws) {
        const original = render(aws.emailTemplate, { name, org: model.org });
        email = original;
        if (email.length > LIMITS.email) {
          // Shorten the account-name part only, so the address keeps its domain and plus-addressing.
          const budget = LIMITS.email - (original.length - name.length);
          if (budget >= 12) email = render(aws.emailTemplate, { name: shorten(name, budget), org: model.org });
          if (email !== original) shortened.push({ kind: 'aws-email', owner: u.key, original, final: email, limit: LIMITS.email });
        }
        const bad = checkEmail(email);
        if (bad) findings.push(messages.nameInvalid(['aws', 'emailTemplate'], `email derived for ${u.key}`, email, bad, 'Use a shorter email template, or set accounts.<unit>.email.'));
        claim('email', email.toLowerCase(), u.key, ['aws', 'emailTemplate'], 'root email');
      }
      const parent: UnitParent =
        aws?.organizationalUnits === 'perDomain'
          ? { kind: 'aws-ou', name: organizationalUnitName(model, u.kind === 'default' ? 'default' : u.domain!), parentId: aws.parentId, key: u.kind === 'default' ? 'default' : u.domain! }
          : { kind: 'aws-parent', parentId: aws?.parentId ?? '' };
      const roleName = override.roleName ?? aws?.roleName ?? 'OrganizationAccountAccessRole';
      const unit: AwsUnit = { ...base, cloud: 'aws', name, email, parent, accountIdOutput: `${base.id}_account_id`, roleName };
      units.push(unit);
    } else {
      const gcp = model.gcp;
      let name: string;
      if (override.existingId !== undefined) {
        // An adopted project keeps its id: the id is the project.
        name = override.existingId;
        if (override.name !== undefined && override.name !== name)
          findings.push(messages.nameInvalid(['accounts', u.key, 'name'], 'GCP project id', override.name, `the adopted project's id (${name})`, 'Remove name: an adopted GCP project keeps its id.'));
      } else if (override.name !== undefined) {
        name = override.name;
        const bad = checkGcpProjectId(name);
        if (bad) findings.push(messages.nameInvalid(namePath, 'GCP project id', name, bad, 'Change the explicit project id; explicit names are never changed by the tool.'));
      } else {
        const original = `${render(model.naming.gcp, { org: model.org })}-${suffix}`;
        name = shorten(original, LIMITS.gcpProjectId);
        if (name !== original) shortened.push({ kind: 'gcp-project-id', owner: u.key, original, final: name, limit: LIMITS.gcpProjectId });
        const bad = checkGcpProjectId(name);
        if (bad)
          findings.push(
            messages.nameInvalid(namePath, `GCP project id derived for ${u.key}`, name, bad, 'Change naming.gcp (or org) so the derived ids start with a letter, are at least 6 characters and avoid the forbidden words.'),
          );
      }
      claim('gcp-id', name, u.key, namePath, 'GCP project id');
      const displayName = checkGcpDisplayName(name) === null ? name : shorten(name.replace(/[^A-Za-z0-9'" !-]/g, '-'), LIMITS.gcpDisplayName);
      const parent: UnitParent = gcpParent(model, u);
      const services = [...new Set([...GCP_BASE_SERVICES, ...selfManagedServices(model), ...(gcp?.services ?? [])])].sort();
      const unit: GcpUnit = { ...base, cloud: 'gcp', name, displayName, parent, services, projectIdOutput: `${base.id}_project_id`, projectNumberOutput: `${base.id}_project_number` };
      units.push(unit);
    }
  }
  return { units, shortened };
}

function gcpParent(model: Model, u: UnitKey): UnitParent {
  const gcp = model.gcp;
  const folderId = gcp?.folderId;
  const at = folderId !== undefined ? { folderId } : { orgId: gcp?.orgId ?? '' };
  if (gcp?.folders === 'perDomain') {
    const scope = u.kind === 'default' ? 'default' : u.domain!;
    return { kind: 'gcp-new-folder', displayName: folderName(model, scope), parent: at, key: scope };
  }
  return folderId !== undefined ? { kind: 'gcp-folder', folderId } : { kind: 'gcp-org', orgId: gcp?.orgId ?? '' };
}

/**
 * What Terraform leaves as it exists on an adopted unit: the real name, email, parent and billing
 * account differ from what the templates derive, and changing them renames, moves or (an AWS
 * account's email) replaces what someone else created. The model takes one over with `manage`, or
 * by naming it explicitly (`name`, `email`).
 */
function keptAttributes(cloud: 'aws' | 'gcp', override: UnitOverride): AdoptedAttribute[] {
  if (override.existingId === undefined) return [];
  const managed = new Set<AdoptedAttribute>(override.manage ?? []);
  // On GCP `name` is the project id, which an adopted project keeps anyway; it says nothing about the display name.
  if (cloud === 'aws' && override.name !== undefined) managed.add('name');
  if (override.email !== undefined) managed.add('email');
  const attributes: readonly AdoptedAttribute[] = cloud === 'aws' ? ['email', 'name', 'parent'] : ['billing', 'name', 'parent'];
  return attributes.filter((a) => !managed.has(a));
}
