// Local state fixtures: what a stack's state would hold after an apply, built from a saved plan's
// planned values (known attributes as planned, computed ones filled with fake values of their type
// from the provider schema), so a `-refresh=false` plan of a changed model compares against it
// without calling AWS. Account ids are fake, deterministic and 12 digits.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

export interface PlanJson {
  readonly planned_values?: { readonly root_module?: { readonly resources?: readonly PlannedResource[] } };
  readonly resource_changes?: readonly ResourceChange[];
  readonly configuration?: { readonly root_module?: { readonly outputs?: Record<string, { readonly expression?: { readonly references?: readonly string[] } }> } };
}
interface PlannedResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly values: Record<string, unknown>;
}
export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: { readonly actions: readonly string[]; readonly before: unknown; readonly after: unknown; readonly after_unknown?: Record<string, unknown> };
  readonly importing?: unknown;
}

export interface ProviderSchema {
  readonly provider_schemas: Record<string, { readonly resource_schemas: Record<string, { readonly version: number; readonly block: { readonly attributes?: Record<string, { readonly type?: unknown }> } }> }>;
}

export const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** A fake 12-digit account id, the same for the same resource address. */
export function fakeAccountId(address: string): string {
  return String(BigInt('0x' + createHash('sha256').update(address).digest('hex').slice(0, 15)) % 900000000000n + 100000000000n);
}

function fakeOfType(type: unknown, address: string, attribute: string): unknown {
  if (type === 'string') return attribute === 'id' && address.startsWith('aws_organizations_account.') ? fakeAccountId(address) : `fake-${attribute}`;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}

export interface StateResource {
  readonly type: string;
  readonly name: string;
  readonly schemaVersion: number;
  readonly attributes: Record<string, unknown>;
}

/** The managed resources an apply of `plan` would leave in state. */
export function appliedResources(plan: PlanJson, schema: ProviderSchema): StateResource[] {
  const unknown = new Map((plan.resource_changes ?? []).map((c) => [c.address, c.change.after_unknown ?? {}]));
  const schemas = schema.provider_schemas[AWS_PROVIDER]!.resource_schemas;
  return (plan.planned_values?.root_module?.resources ?? [])
    .filter((r) => r.mode === 'managed')
    .map((r) => {
      const s = schemas[r.type]!;
      const attributes: Record<string, unknown> = { ...r.values };
      for (const [name, isUnknown] of Object.entries(unknown.get(r.address) ?? {}))
        if (isUnknown === true) attributes[name] = fakeOfType(s.block.attributes?.[name]?.type, r.address, name);
      return { type: r.type, name: r.name, schemaVersion: s.version, attributes };
    });
}

/** String outputs that are a plain reference to a resource attribute (`aws_organizations_account.x.id`), resolved in `resources`. */
export function stringOutputs(plan: PlanJson, resources: readonly StateResource[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, o] of Object.entries(plan.configuration?.root_module?.outputs ?? {})) {
    const ref = o.expression?.references?.find((r) => r.split('.').length === 3);
    if (ref === undefined) continue;
    const [type, resource, attribute] = ref.split('.') as [string, string, string];
    const value = resources.find((r) => r.type === type && r.name === resource)?.attributes[attribute];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

export function writeState(file: string, resources: readonly StateResource[], outputs: Readonly<Record<string, string>>): void {
  const state = {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'union-isolation-test-fixture',
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { value: v, type: 'string' }])),
    resources: resources.map((r) => ({
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider: `provider["${AWS_PROVIDER}"]`,
      instances: [{ schema_version: r.schemaVersion, attributes: r.attributes, sensitive_attributes: [] }],
    })),
    check_results: null,
  };
  writeFileSync(file, JSON.stringify(state, null, 2));
}
