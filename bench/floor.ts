// The floor: cdktf alone building and writing exactly the stacks of an existing synth output, with
// no model and only generic constructs (TerraformResource, TerraformDataSource, TerraformProvider,
// TerraformOutput, a backend, remote state, import blocks), every attribute read back from each
// stack's cdk.tf.json. Whatever `union-isolation synth` spends beyond this is ours.
//
// Usage: node dist/bench/floor.js IN_DIR OUT_DIR   (IN_DIR: a synth output with manifest.json)
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  App,
  TerraformBackend,
  TerraformDataSource,
  TerraformOutput,
  TerraformProvider,
  TerraformRemoteState,
  TerraformResource,
  TerraformStack,
  type DataTerraformRemoteStateConfig,
} from 'cdktf';
import { Construct } from 'constructs';

type Json = Record<string, unknown>;

/**
 * Terraform's meta-arguments, which cdktf merges in after the attributes (and drops when unset), so
 * they are handed back through `terraformMetaArguments` rather than as attributes.
 */
const META_ARGUMENTS = ['lifecycle', 'depends_on', 'provider', 'count', 'for_each', 'connection', 'provisioner'];

function splitMeta(attributes: Json): { attributes: Json; meta: Json } {
  const rest: Json = {};
  const meta: Json = {};
  for (const [key, value] of Object.entries(attributes)) (META_ARGUMENTS.includes(key) ? meta : rest)[key] = value;
  return { attributes: rest, meta };
}

class GenericResource extends TerraformResource {
  private readonly attributes: Json;
  private readonly meta: Json;
  constructor(scope: Construct, id: string, type: string, json: Json) {
    super(scope, id, { terraformResourceType: type });
    ({ attributes: this.attributes, meta: this.meta } = splitMeta(json));
  }
  override get terraformMetaArguments(): Json {
    return this.meta;
  }
  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class GenericDataSource extends TerraformDataSource {
  private readonly attributes: Json;
  private readonly meta: Json;
  constructor(scope: Construct, id: string, type: string, json: Json) {
    super(scope, id, { terraformResourceType: type });
    ({ attributes: this.attributes, meta: this.meta } = splitMeta(json));
  }
  override get terraformMetaArguments(): Json {
    return this.meta;
  }
  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class GenericRemoteState extends TerraformRemoteState {
  constructor(scope: Construct, id: string, backend: string, config: DataTerraformRemoteStateConfig) {
    super(scope, id, backend, config);
  }
}

class GenericProvider extends TerraformProvider {
  private readonly providerAlias: string | undefined;
  constructor(scope: Construct, id: string, type: string, requirement: { source?: string; version?: string }, private readonly attributes: Json) {
    super(scope, id, {
      terraformResourceType: type,
      ...(requirement.source !== undefined ? { terraformProviderSource: requirement.source } : {}),
      terraformGeneratorMetadata: { providerName: type, ...(requirement.version !== undefined ? { providerVersion: requirement.version } : {}) },
    });
    const { alias, ...rest } = attributes;
    this.providerAlias = typeof alias === 'string' ? alias : undefined;
    this.attributes = rest;
  }
  override get alias(): string | undefined {
    return this.providerAlias;
  }
  override set alias(_value: string | undefined) {
    // Fixed by the JSON.
  }
  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class GenericBackend extends TerraformBackend {
  constructor(scope: Construct, type: string, private readonly config: Json) {
    super(scope, 'backend', type);
  }
  protected override synthesizeAttributes(): Json {
    return this.config;
  }
  override getRemoteStateDataSource(scope: Construct, name: string): TerraformRemoteState {
    return new GenericRemoteState(scope, name, this.name, this.config);
  }
}

/** Top-level keys of a stack's JSON this floor rebuilds; anything else would be silently dropped, so it stops instead. */
const KNOWN_KEYS = new Set(['//', 'terraform', 'provider', 'resource', 'data', 'output', 'import']);

interface Counts {
  stacks: number;
  resources: number;
  dataSources: number;
  providers: number;
  outputs: number;
  imports: number;
}

function entries(value: unknown): [string, Json][] {
  return Object.entries((value ?? {}) as Record<string, Json>);
}

/** The construct that will hold `path` (stack/a/b/leaf): plain Constructs for a and b, so cdktf derives the same logical id. */
function scopeFor(stack: TerraformStack, scopes: Map<string, Construct>, parts: readonly string[]): Construct {
  let scope: Construct = stack;
  let key = '';
  for (const part of parts) {
    key += '/' + part;
    let next = scopes.get(key);
    if (next === undefined) {
      next = new Construct(scope, part);
      scopes.set(key, next);
    }
    scope = next;
  }
  return scope;
}

/** Places an element where the JSON's metadata says it was, or under `fallback` with the JSON's name as its logical id. */
function place<T extends TerraformResource | TerraformDataSource>(
  stack: TerraformStack,
  scopes: Map<string, Construct>,
  fallback: string,
  name: string,
  attributes: Json,
  make: (scope: Construct, id: string, attributes: Json) => T,
): T {
  const { '//': meta, ...rest } = attributes;
  const metadata = (meta as Json | undefined)?.metadata as { path?: unknown; uniqueId?: unknown } | undefined;
  if (typeof metadata?.path === 'string') {
    const parts = metadata.path.split('/');
    if (parts[0] === stack.node.id && parts.length >= 2) {
      const element = make(scopeFor(stack, scopes, parts.slice(1, -1)), parts[parts.length - 1]!, rest);
      // The same path gives the same logical id, unless the original overrode it (reading it here would fix it too early).
      if (metadata.uniqueId !== name) element.overrideLogicalId(name);
      return element;
    }
  }
  const element = make(scopeFor(stack, scopes, [fallback]), name, rest);
  element.overrideLogicalId(name);
  return element;
}

/**
 * Where each output sat in the construct tree: cdktf records it in the stack's `//.outputs` (nested
 * by path, leaves are logical ids), and writes that map again, so the outputs must sit there too.
 */
function outputPathsOf(tf: Json, stackName: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (node: Json, at: string[]): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') paths.set(value, [...at, key]);
      else walk(value as Json, [...at, key]);
    }
  };
  const tree = ((tf['//'] as Json | undefined)?.outputs as Json | undefined)?.[stackName];
  if (tree !== undefined) walk(tree as Json, []);
  return paths;
}

/** A stack that writes back the notes of the original's `//` block besides cdktf's own (metadata, outputs). */
class GenericStack extends TerraformStack {
  constructor(scope: Construct, id: string, private readonly notes: Json) {
    super(scope, id);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's own signature
  override toTerraform(): any {
    const tf = super.toTerraform();
    if (Object.keys(this.notes).length > 0) tf['//'] = { ...this.notes, ...tf['//'] };
    return tf;
  }
}

function buildStack(app: App, name: string, tf: Json, counts: Counts): TerraformStack {
  for (const key of Object.keys(tf)) if (!KNOWN_KEYS.has(key)) throw new Error(`${name}: the floor does not rebuild top-level '${key}'`);
  // cdktf writes `metadata` and `outputs` itself; anything else in `//` is a note to carry over.
  const notes = Object.fromEntries(Object.entries((tf['//'] ?? {}) as Json).filter(([key]) => key !== 'metadata' && key !== 'outputs'));
  const stack = new GenericStack(app, name, notes);
  const scopes = new Map<string, Construct>();
  const terraform = (tf.terraform ?? {}) as Json;
  for (const key of Object.keys(terraform)) {
    if (key !== 'backend' && key !== 'required_providers') throw new Error(`${name}: the floor does not rebuild terraform.${key}`);
  }
  for (const [type, config] of entries(terraform.backend)) new GenericBackend(stack, type, config);

  const requirements = (terraform.required_providers ?? {}) as Record<string, { source?: string; version?: string }>;
  for (const [type, configs] of Object.entries((tf.provider ?? {}) as Record<string, Json[]>)) {
    configs.forEach((config, i) => new GenericProvider(stack, i === 0 ? type : `${type}-${i}`, type, requirements[type] ?? {}, config));
    counts.providers += configs.length;
  }

  const resources = new Map<string, TerraformResource>();
  for (const [type, byName] of entries(tf.resource)) {
    for (const [resourceName, attributes] of entries(byName)) {
      const resource = place(stack, scopes, '~resource', resourceName, attributes, (s, id, a) => new GenericResource(s, id, type, a));
      resources.set(`${type}.${resourceName}`, resource);
      counts.resources++;
    }
  }
  for (const [type, byName] of entries(tf.data)) {
    for (const [dataName, attributes] of entries(byName)) {
      if (type === 'terraform_remote_state') {
        const { backend, config, workspace, defaults } = attributes as { backend: string; config: Json; workspace?: string; defaults?: Json };
        const state = new GenericRemoteState(scopeFor(stack, scopes, ['~data']), dataName, backend, {
          ...config,
          ...(workspace !== undefined ? { workspace } : {}),
          ...(defaults !== undefined ? { defaults } : {}),
        });
        state.overrideLogicalId(dataName);
      } else {
        place(stack, scopes, '~data', dataName, attributes, (s, id, a) => new GenericDataSource(s, id, type, a));
      }
      counts.dataSources++;
    }
  }
  const outputPaths = outputPathsOf(tf, name);
  for (const [outputName, output] of entries(tf.output)) {
    const { value, description, sensitive, ...rest } = output as { value: unknown; description?: string; sensitive?: boolean };
    if (Object.keys(rest).length > 0) throw new Error(`${name}: output '${outputName}' has ${Object.keys(rest).join(', ')}, which the floor does not rebuild`);
    const parts = outputPaths.get(outputName) ?? ['~output', outputName];
    const out = new TerraformOutput(scopeFor(stack, scopes, parts.slice(0, -1)), parts[parts.length - 1]!, {
      value,
      ...(description !== undefined ? { description } : {}),
      ...(sensitive !== undefined ? { sensitive } : {}),
    });
    // The map records the final logical id, not whether it was derived or overridden: setting it is the same either way.
    out.overrideLogicalId(outputName);
    counts.outputs++;
  }
  for (const block of (tf.import ?? []) as { to: string; id: string; provider?: string }[]) {
    const resource = resources.get(block.to);
    if (resource === undefined) throw new Error(`${name}: import block for unknown resource '${block.to}'`);
    if (block.provider !== undefined) throw new Error(`${name}: import blocks with a provider are not rebuilt by the floor`);
    resource.importFrom(block.id);
    counts.imports++;
  }
  counts.stacks++;
  return stack;
}

function main(): void {
  const [inDir, outDir] = process.argv.slice(2);
  if (inDir === undefined || outDir === undefined) {
    console.error('usage: node dist/bench/floor.js IN_DIR OUT_DIR');
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(inDir, 'manifest.json'), 'utf8')) as {
    stacks: Record<string, { synthesizedStackPath: string; dependencies: string[] }>;
  };
  fs.mkdirSync(path.dirname(path.resolve(outDir)), { recursive: true });
  // The same options `union-isolation synth` uses: they are open to any cdktf app.
  const app = new App({ outdir: outDir, stackTraces: false, skipValidation: true, hclOutput: false });
  const counts: Counts = { stacks: 0, resources: 0, dataSources: 0, providers: 0, outputs: 0, imports: 0 };
  const stacks = new Map<string, TerraformStack>();
  for (const [name, entry] of Object.entries(manifest.stacks)) {
    const tf = JSON.parse(fs.readFileSync(path.join(inDir, entry.synthesizedStackPath), 'utf8')) as Json;
    stacks.set(name, buildStack(app, name, tf, counts));
  }
  for (const [name, entry] of Object.entries(manifest.stacks)) {
    for (const dependency of entry.dependencies) stacks.get(name)!.addDependency(stacks.get(dependency)!);
  }
  app.synth();
  console.log(
    `floor: ${counts.stacks} stacks, ${counts.resources} resources, ${counts.dataSources} data sources, ` +
      `${counts.providers} providers, ${counts.outputs} outputs, ${counts.imports} imports`,
  );
}

main();
