// Union's GCP admin role file (`UnionaiAdministrator`): read once at load time, so that the plan holds
// the permission list and everything after it stays pure. A copy pinned to a commit of Union's
// repository ships with union-isolation; `byoc.gcpRoleFile` points at a newer one, relative to the model.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from './findings';
import { byocMessages as messages } from './messages';
import type { Model } from './schema';
import { unitKeys } from './unit-keys';

/** Where the bundled copy came from: Union's repository, file and commit. */
export const BUNDLED_GCP_ROLE_SOURCE = 'unionai/union-cloud-infrastructure union-ai-admin/gcp/union-ai-admin-role.yaml at commit 32d5f5c';
/** Beside the bundled models; from dist/src/model that is three levels up. */
export const BUNDLED_GCP_ROLE_FILE = path.resolve(__dirname, '..', '..', '..', 'stacks', 'union-ai-admin-role.gcp.yaml');

/** Permissions are IAM names: `service.resource.verb`. */
const PERMISSION = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+){2,}$/;

export interface GcpRole {
  readonly title: string;
  readonly stage: string;
  /** Sorted, unique: the file lists some twice, and the API wants a set. */
  readonly permissions: readonly string[];
  /** The bundled copy's source, or the file as the model names it (never an absolute path). */
  readonly source: string;
}

/** Only a BYOC model with a GCP unit needs the role; others never touch the disk here. */
export function needsGcpRole(model: Model): boolean {
  return model.deployment === 'byoc' && unitKeys(model).some((u) => u.cloud === 'gcp');
}

/** Reads the role the model asks for; a file that cannot be read or parsed is a finding at `byoc.gcpRoleFile`. */
export function loadGcpRole(model: Model, modelFile: string): { role: GcpRole } | { finding: Finding } {
  const given = model.byoc?.gcpRoleFile;
  const file = given === undefined ? BUNDLED_GCP_ROLE_FILE : path.resolve(path.dirname(modelFile), given);
  const source = given === undefined ? BUNDLED_GCP_ROLE_SOURCE : given;
  const at = ['byoc', 'gcpRoleFile'] as const;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { finding: messages.gcpRoleUnreadable([...at], given ?? 'the bundled copy', code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? 'unreadable')) };
  }
  const parsed = parseRole(text);
  if (typeof parsed === 'string') return { finding: messages.gcpRoleMalformed([...at], given ?? 'the bundled copy', parsed) };
  return { role: { ...parsed, source } };
}

function parseRole(text: string): Omit<GcpRole, 'source'> | string {
  // Required here: yaml is some 70 modules, and only BYOC models with GCP units come this way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 0 });
  } catch (err) {
    return `not YAML: ${(err as Error).message.split('\n')[0]}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a mapping';
  const doc = value as Record<string, unknown>;
  const list = doc['includedPermissions'];
  if (!Array.isArray(list) || list.length === 0) return 'no includedPermissions list';
  // A custom role holds at most 3,000 permissions.
  if (new Set(list).size > 3000) return `${new Set(list).size} permissions, more than a custom role's 3,000`;
  const bad = list.find((p) => typeof p !== 'string' || !PERMISSION.test(p));
  if (bad !== undefined) return `includedPermissions holds ${JSON.stringify(bad)}, not a permission name`;
  return {
    title: typeof doc['title'] === 'string' ? doc['title'] : 'Unionai Administrator',
    stage: typeof doc['stage'] === 'string' ? doc['stage'] : 'GA',
    permissions: [...new Set(list as string[])].sort(),
  };
}
