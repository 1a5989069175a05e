// Names of the OUs and folders the accounts stacks create, one per domain (or `default`), from
// naming.organizationalUnit / naming.folder. The clouds reject at apply a GCP folder display name
// over 30 characters and a second OU or folder of the same name under one parent; both are found
// here, at validate. Names that exist already under the parent cannot be seen offline; the README
// says to set the templates when `production` or `default` exist there.
import type { Finding, ModelPath } from '../model/findings';
import { messages } from '../model/messages';
import type { Model } from '../model/schema';
import { TERRAFORM_TEMPLATE } from './cloud-names';
import { render } from './units';
import type { Unit } from './types';

export const DEFAULT_CONTAINER_TEMPLATE = '{domain}';

export const CONTAINER_RULES = {
  organizationalUnit: '1-128 printable characters, without "${" or "%{"',
  folder: '1-30 letters, digits, spaces, "_" and "-", starting and ending with a letter or digit (a GCP folder display name)',
} as const;

const FOLDER = /^[\p{L}\p{N}]([\p{L}\p{N}_ -]{0,28}[\p{L}\p{N}])?$/u;

export function checkOrganizationalUnitName(name: string): string | null {
  return name.length >= 1 && name.length <= 128 && /^[\x20-\x7E]+$/.test(name) && !TERRAFORM_TEMPLATE.test(name) ? null : CONTAINER_RULES.organizationalUnit;
}

export function checkFolderName(name: string): string | null {
  return FOLDER.test(name) ? null : CONTAINER_RULES.folder;
}

/** The OU name of a domain's units (`default` for the shared default unit). */
export function organizationalUnitName(model: Model, scope: string): string {
  return render(model.naming.organizationalUnit, { org: model.org, domain: scope });
}

export function folderName(model: Model, scope: string): string {
  return render(model.naming.folder, { org: model.org, domain: scope });
}

/** Findings for names the cloud rejects, and for collisions under one parent. */
export function checkContainerNames(units: readonly Unit[], findings: Finding[]): void {
  const seen = new Map<string, string>();
  for (const u of units) {
    const p = u.parent;
    if (p.kind !== 'aws-ou' && p.kind !== 'gcp-new-folder') continue;
    const isOu = p.kind === 'aws-ou';
    const name = isOu ? p.name : p.displayName;
    const scope = p.key;
    const templateKey = isOu ? 'organizationalUnit' : 'folder';
    const path: ModelPath = ['naming', templateKey];
    const parent = isOu ? `aws:${p.parentId}` : `gcp:${'folderId' in p.parent ? p.parent.folderId : p.parent.orgId}`;
    const claim = `${parent}/${name.toLowerCase()}`;
    const other = seen.get(claim);
    if (other === scope) continue;
    const what = isOu ? 'organizational unit name' : 'folder display name';
    if (other !== undefined) {
      findings.push(messages.nameTaken(path, `${what} under ${parent.slice(4)}`, name, `the ${other === 'default' ? 'default unit' : `domain ${other}`}`));
      continue;
    }
    seen.set(claim, scope);
    const bad = isOu ? checkOrganizationalUnitName(name) : checkFolderName(name);
    if (bad) findings.push(messages.nameInvalid(path, `${what} for ${scope === 'default' ? 'the default unit' : `domain ${scope}`}`, name, bad, `Set naming.${templateKey} to a template ({org}, {domain}) that gives shorter names, e.g. "{domain}" or "u-{domain}".`));
  }
}
