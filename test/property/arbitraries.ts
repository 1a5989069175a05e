// Generated isolation models for the property suites. A ModelSpec is what fast-check generates and
// shrinks; buildModel turns it into a model that is valid by construction: every rule of the model
// reference (README.md) holds because of how the model is built, never because the tool said so. Choices per
// unit, pool and pair come from a hash of their key (not their position), so growing a spec (one
// more project, domain, pool, cluster or assignment) adds to the model and changes nothing else.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { stringify } from 'yaml';

export type Cloud = 'aws' | 'gcp';
export type Isolation = 'domain' | 'project';

export interface WorkflowSpec {
  /** Index into projects ++ onDemand.projects (ignored when out of range). */
  readonly project: number;
  /** Index into domains. */
  readonly domain: number;
  readonly name: string;
  /** Send it to a pool outside its account, with allowCrossIsolation. */
  readonly cross: boolean;
}

export interface ModelSpec {
  readonly org: string;
  readonly isolation: Isolation;
  /** Domain -> cloud, in the order written (additions append). */
  readonly domains: readonly (readonly [string, Cloud])[];
  readonly projects: readonly string[];
  readonly onDemand: { readonly perDomain: boolean; readonly cloud: Cloud; readonly projects: readonly string[] } | null;
  /** Seeds every per-key choice (see pick). */
  readonly salt: number;
  readonly namingChoice: number;
  readonly settingsChoice: number;
  readonly backendChoice: number;
  /** none: every unit hosts a pool; own: `default` has its own cluster; shared: it shares the host unit's first cluster. */
  readonly defaultPool: 'none' | 'own' | 'shared';
  /** Two units (by domain and project index) whose clusters form one pool spanning both accounts. */
  readonly spanning: readonly [readonly [number, number], readonly [number, number]] | null;
  readonly workflows: readonly WorkflowSpec[];
  /** Additions by unit key: more pools, and more clusters in the unit's first pool. */
  readonly extraPools: Readonly<Record<string, number>>;
  readonly extraClusters: Readonly<Record<string, number>>;
}

/** A model as plain data, in the order the model documents its keys. */
export type ModelObject = Record<string, unknown>;

export interface GenUnit {
  readonly key: string;
  readonly kind: 'domain' | 'pair' | 'default';
  readonly domain: string | null;
  readonly project: string | null;
  readonly cloud: Cloud;
  /** The key as a label part: `/` becomes `-`. Injective here because generated domains have no `-`. */
  readonly slug: string;
}

export interface BuiltModel {
  readonly model: ModelObject;
  readonly units: readonly GenUnit[];
  /** Pools hosted by each unit (all clusters in it), `default` excluded. */
  readonly hosted: ReadonlyMap<string, readonly string[]>;
}

// Substrings that some cloud forbids in a project id or bucket name; generated names avoid them.
const FORBIDDEN = ['goog', 'null', 'undefined', 'ssl', 'xn--', 'sthree', 'amzn'];
const clean = (s: string) => !FORBIDDEN.some((w) => s.includes(w));

export const REGIONS: Record<Cloud, readonly string[]> = { aws: ['us-east-1', 'us-west-2', 'eu-west-1'], gcp: ['us-central1', 'europe-west1'] };

export const orgArb = fc.stringMatching(/^[a-z][a-z0-9]{2,8}[a-z0-9]$/).filter(clean);
/** Domains have no hyphen, so `{domain}-{project}` splits one way only. */
const domainArb = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/).filter(clean);
const projectArb = fc.stringMatching(/^[a-z][a-z0-9]{0,9}(-[a-z0-9]{1,6})?$/).filter(clean);
/** Workflow names carry `_`, which project-domain names never do: attribute file names stay apart. */
const workflowArb = fc.stringMatching(/^wf_[a-zA-Z0-9]{1,6}(\.[a-z0-9]{1,4})?$/);
const cloudArb = fc.constantFrom<Cloud>('aws', 'gcp');

interface NameArbs {
  readonly org: fc.Arbitrary<string>;
  readonly domain: fc.Arbitrary<string>;
  readonly project: fc.Arbitrary<string>;
  readonly workflow: fc.Arbitrary<string>;
}

/**
 * Names with no constraint but the `names` rule's (DNS labels, workflow names): hyphens anywhere, digits first,
 * words clouds forbid, names that run together. Models built from them may be invalid (two attribute
 * files or accounts with one name, say); the tool must then refuse them, never plan them.
 */
export const WILD_NAMES: NameArbs = {
  org: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/),
  domain: fc.oneof(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/), fc.constantFrom('a', 'a-b', 'b', 'default', 'ssl', 'google')),
  project: fc.oneof(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/), fc.constantFrom('a', 'a-b', 'b-a', 'b', 'x'.repeat(40))),
  workflow: fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,8}$/).filter((w) => !w.includes('..')),
    fc.constantFrom('a', 'b', 'a-b', 'A', 'B-a')
  ),
};

/** Specs whose names never collide once joined: every model built from them is valid. */
export const specArb: fc.Arbitrary<ModelSpec> = specArbWith({ org: orgArb, domain: domainArb, project: projectArb, workflow: workflowArb });
/** Specs with wild names: the models may be valid or not. */
export const wildSpecArb: fc.Arbitrary<ModelSpec> = specArbWith(WILD_NAMES);

function specArbWith(names: NameArbs): fc.Arbitrary<ModelSpec> {
  return fc
    .record({
      org: names.org,
      isolation: fc.constantFrom<Isolation>('domain', 'project'),
      domainNames: fc.uniqueArray(names.domain, { minLength: 1, maxLength: 3 }),
      domainClouds: fc.array(cloudArb, { minLength: 3, maxLength: 3 }),
      projectNames: fc.uniqueArray(names.project, { minLength: 0, maxLength: 5 }),
      onDemandCount: fc.nat(2),
      onDemand: fc.option(fc.record({ perDomain: fc.boolean(), cloud: cloudArb }), { nil: null }),
      salt: fc.nat(),
      namingChoice: fc.nat(),
      settingsChoice: fc.nat(),
      backendChoice: fc.nat(),
      defaultPool: fc.constantFrom<ModelSpec['defaultPool']>('none', 'own', 'shared'),
      spanning: fc.option(fc.tuple(fc.tuple(fc.nat(2), fc.nat(3)), fc.tuple(fc.nat(2), fc.nat(3))), { nil: null }),
      workflows: fc.array(fc.record({ project: fc.nat(5), domain: fc.nat(2), name: names.workflow, cross: fc.boolean() }), { maxLength: 3 }),
    })
    .map((r): ModelSpec => {
      const domainNames = r.isolation === 'project' ? r.domainNames.filter((d) => d !== 'default') : r.domainNames;
      const domains = (domainNames.length > 0 ? domainNames : ['dev']).map((d, i) => [d, r.domainClouds[i % 3]!] as const);
      const onDemand = r.isolation === 'project' && r.onDemand ? r.onDemand : null;
      const split = onDemand ? Math.min(r.onDemandCount, r.projectNames.length) : 0;
      return {
        org: r.org,
        isolation: r.isolation,
        domains,
        projects: r.projectNames.slice(split),
        onDemand: onDemand ? { ...onDemand, projects: r.projectNames.slice(0, split) } : null,
        salt: r.salt,
        namingChoice: r.namingChoice,
        settingsChoice: r.settingsChoice,
        backendChoice: r.backendChoice,
        defaultPool: r.defaultPool,
        spanning: r.spanning,
        workflows: r.workflows,
        extraPools: {},
        extraClusters: {},
      };
    });
}

/** A deterministic choice in [0, n) for `what` about `key`: depends on the key, never on positions. */
export function pick(spec: Pick<ModelSpec, 'salt'>, key: string, what: string, n: number): number {
  const digest = createHash('sha256').update(`${spec.salt}|${what}|${key}`).digest();
  return digest.readUInt32BE(0) % n;
}

const choose = <T>(n: number, options: readonly T[]): T => options[n % options.length]!;
/** A short, unique-enough tag of a key for explicit GCP ids, which must fit 30 characters. */
const tag = (key: string) =>
  createHash('sha256')
    .update(key)
    .digest('hex')
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)
    .slice(0, 12);

export function allProjects(spec: ModelSpec): string[] {
  return [...spec.projects, ...(spec.onDemand?.projects ?? [])];
}

/** The units, independently of src/plan/units.ts: what README.md's model reference says exists. */
export function unitsOf(spec: ModelSpec): GenUnit[] {
  const units: Omit<GenUnit, 'cloud'>[] = [];
  for (const [d] of spec.domains) {
    if (spec.isolation === 'domain') units.push({ key: d, kind: 'domain', domain: d, project: null, slug: d });
    else for (const p of spec.projects) units.push({ key: `${d}/${p}`, kind: 'pair', domain: d, project: p, slug: `${d}-${p}` });
  }
  if (spec.onDemand) {
    if (spec.onDemand.perDomain)
      for (const [d] of spec.domains) units.push({ key: `default/${d}`, kind: 'default', domain: d, project: null, slug: `default-${d}` });
    else units.push({ key: 'default', kind: 'default', domain: null, project: null, slug: 'default' });
  }
  const cloudOfDomain = new Map(spec.domains);
  return units.map((u) => {
    const base = u.domain !== null ? cloudOfDomain.get(u.domain)! : spec.onDemand!.cloud;
    const flipped = pick(spec, u.key, 'flip-cloud', 6) === 0;
    return { ...u, cloud: flipped ? (base === 'aws' ? 'gcp' : 'aws') : base };
  });
}

/** The unit a pair runs in (README.md, Rules and findings). */
export function unitOfPair(spec: ModelSpec, project: string, domain: string): string {
  if (spec.isolation === 'domain') return domain;
  if (spec.projects.includes(project)) return `${domain}/${project}`;
  return spec.onDemand!.perDomain ? `default/${domain}` : 'default';
}

/** The units a pair may run in: its own, and in project isolation the default unit of its domain. */
export function allowedUnitsOf(spec: ModelSpec, project: string, domain: string): string[] {
  const own = unitOfPair(spec, project, domain);
  if (spec.isolation === 'domain' || !spec.onDemand) return [own];
  const fallback = spec.onDemand.perDomain ? `default/${domain}` : 'default';
  return fallback === own ? [own] : [own, fallback];
}

function defaultPoolHost(spec: ModelSpec, units: readonly GenUnit[]): GenUnit | undefined {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const [firstDomain] = spec.domains[0]!;
  if (spec.onDemand) return byKey.get(spec.onDemand.perDomain ? `default/${firstDomain}` : 'default');
  if (spec.isolation === 'domain') return byKey.get(firstDomain);
  return spec.projects.length > 0 ? byKey.get(`${firstDomain}/${spec.projects[0]}`) : undefined;
}

export function buildModel(spec: ModelSpec): BuiltModel {
  const units = unitsOf(spec);
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const clusters: Record<string, { account: string; region?: string }> = {};
  const pools: Record<string, unknown> = {};
  const poolUnits = new Map<string, Set<string>>();
  const hosted = new Map<string, string[]>();
  const addCluster = (name: string, unit: GenUnit) => {
    const r = pick(spec, name, 'region', 8);
    clusters[name] = r < REGIONS[unit.cloud].length ? { account: unit.key, region: REGIONS[unit.cloud][r]! } : { account: unit.key };
  };
  const addPool = (name: string, members: readonly string[], long: Record<string, unknown> | null) => {
    pools[name] = long ? { clusters: [...members], ...long } : [...members];
    poolUnits.set(name, new Set(members.map((c) => clusters[c]!.account)));
  };

  const host = spec.defaultPool === 'none' ? undefined : defaultPoolHost(spec, units);
  const basePools = (u: GenUnit) => (spec.defaultPool === 'none' ? 1 + pick(spec, u.key, 'pools', 2) : pick(spec, u.key, 'pools', 3));
  for (const u of units) {
    const base = basePools(u);
    const count = base + (spec.extraPools[u.key] ?? 0);
    const mine: string[] = [];
    // Cluster j of pool i is k{i}-{j}-{unit}: adding one never renames another.
    const cluster = (i: number, j: number) => {
      const name = `k${i}-${j}-${u.slug}`;
      addCluster(name, u);
      return name;
    };
    for (let i = 0; i < count; i++) {
      const name = `q${i}-${u.slug}`;
      let members: string[];
      if (i === 0) members = Array.from({ length: 1 + pick(spec, u.key, 'size', 2) + (spec.extraClusters[u.key] ?? 0) }, (_, j) => cluster(0, j));
      // The second pool may share the first one's cluster, so the two share one bucket (a storage group).
      else if (i === 1 && pick(spec, u.key, 'share', 2) === 0) members = [`k0-0-${u.slug}`];
      else members = [cluster(i, 0)];
      let long: Record<string, unknown> | null = null;
      if (i === 0 && pick(spec, u.key, 'long', 3) === 0) {
        long = {};
        const retention = pick(spec, u.key, 'retention', 3);
        // Expiry is of raw data only: a raw-data bucket of its own, or raw-data prefixes.
        if (retention > 0) Object.assign(long, { retentionDays: retention * 45 }, retention === 1 ? { rawData: 'separate' } : { retentionPrefixes: ['raw/'] });
        const fast = pick(spec, u.key, 'fast', 3);
        if (fast > 0) long.fastRegistration = fast === 1 ? 'shared' : 'separate';
      }
      addPool(name, members, long);
      mine.push(name);
    }
    hosted.set(u.key, mine);
  }
  if (host) {
    // Decided on the unit's own pools, not those added later, so growing a spec never changes `default`.
    const shared = spec.defaultPool === 'shared' && basePools(host) > 0;
    const name = `kd-${host.slug}`;
    if (!shared) addCluster(name, host);
    addPool('default', [shared ? `k0-0-${host.slug}` : name], null);
  }
  if (spec.spanning) {
    const unitAt = ([d, p]: readonly [number, number]) => {
      const domain = spec.domains[d]?.[0];
      if (domain === undefined) return undefined;
      return unitByKey.get(spec.isolation === 'domain' ? domain : `${domain}/${spec.projects[p]}`);
    };
    const a = unitAt(spec.spanning[0]);
    const b = unitAt(spec.spanning[1]);
    if (a && b && a.key !== b.key && a.cloud === b.cloud) {
      addCluster(`ks-${a.slug}`, a);
      addCluster(`ks-${b.slug}`, b);
      addPool(`s0-${a.slug}`, [`ks-${a.slug}`, `ks-${b.slug}`], { bucketAccount: a.key });
    }
  }

  // Assignments (the `assignments` rule): what a pair needs to be valid, decided per pair key.
  const poolNames = Object.keys(pools).sort();
  const assignments: Record<string, unknown>[] = [];
  const defaultRunsIn = poolUnits.get('default');
  const runsWithin = (pool: string, allowed: readonly string[]) => [...poolUnits.get(pool)!].every((k) => allowed.includes(k));
  for (const project of allProjects(spec)) {
    for (const [domain] of spec.domains) {
      const key = `${project}/${domain}`;
      const mine = hosted.get(unitOfPair(spec, project, domain)) ?? [];
      const allowed = allowedUnitsOf(spec, project, domain);
      const others = poolNames.filter((p) => !mine.includes(p));
      if (mine.length === 1 && !(others.length > 0 && pick(spec, key, 'cross', 8) === 0)) continue;
      if (mine.length >= 2) {
        assignments.push({ project, domain, clusterPoolName: mine[pick(spec, key, 'which', mine.length)]! });
      } else if (mine.length === 0 && defaultRunsIn && runsWithin('default', allowed)) {
        // Falls back to `default`, which runs in its account; a known project's pair lands on the
        // default account only when the model says so (issue 16).
        const own = unitOfPair(spec, project, domain);
        if (spec.isolation === 'project' && spec.projects.includes(project) && !runsWithin('default', [own]))
          assignments.push({ project, domain, clusterPoolName: 'default' });
      } else {
        const target = others.length > 0 ? others[pick(spec, key, 'target', others.length)]! : mine[0]!;
        assignments.push({ project, domain, clusterPoolName: target, allowCrossIsolation: true });
      }
    }
  }
  const projects = allProjects(spec);
  const seen = new Set<string>();
  for (const w of spec.workflows) {
    const project = projects[w.project];
    const domain = spec.domains[w.domain]?.[0];
    if (project === undefined || domain === undefined) continue;
    const id = `${project}/${domain}/${w.name.toLowerCase()}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const mine = hosted.get(unitOfPair(spec, project, domain)) ?? [];
    const own = mine.length > 0 ? mine[0]! : defaultRunsIn && runsWithin('default', allowedUnitsOf(spec, project, domain)) ? 'default' : null;
    if (own !== null && !w.cross) assignments.push({ project, domain, workflow: w.name, clusterPoolName: own });
    else if (poolNames.length > 0)
      assignments.push({
        project,
        domain,
        workflow: w.name,
        clusterPoolName: poolNames[pick(spec, id, 'target', poolNames.length)]!,
        allowCrossIsolation: true,
      });
  }

  return { model: assemble(spec, units, clusters, pools, assignments), units, hosted };
}

function assemble(spec: ModelSpec, units: readonly GenUnit[], clusters: object, pools: object, assignments: readonly object[]): ModelObject {
  const clouds = new Set(units.map((u) => u.cloud));
  const s = spec.settingsChoice;
  const model: ModelObject = { org: spec.org, isolation: spec.isolation, domains: Object.fromEntries(spec.domains), controlPlaneHost: 'acme.unionai.cloud' };
  if (spec.projects.length > 0 || s % 2 === 0) model.projects = [...spec.projects];
  if (spec.onDemand) {
    const { perDomain, cloud, projects } = spec.onDemand;
    model.onDemand = perDomain ? { perDomain, projects: [...projects] } : { cloud, ...(s % 3 === 0 ? { perDomain } : {}), projects: [...projects] };
  }
  const naming: Record<string, string> = {};
  const n = spec.namingChoice;
  if (n % 4 > 0) naming.aws = choose(n >> 2, ['{org}', '{org}-union', 'aws-{org}', 'Union-{org}']);
  if (n % 5 > 0) naming.gcp = choose(n >> 3, ['{org}', '{org}-union', 'gcp-{org}']);
  if (n % 3 > 0) naming.bucket = choose(n >> 4, ['{org}-{pool}-metadata', '{org}-{pool}-md', 'union-{org}-{pool}']);
  if (Object.keys(naming).length > 0) model.naming = naming;

  const accounts: Record<string, Record<string, string>> = {};
  for (const u of units) {
    const o: Record<string, string> = {};
    const base = u.domain !== null ? new Map(spec.domains).get(u.domain)! : spec.onDemand!.cloud;
    if (u.cloud !== base) o.cloud = u.cloud;
    if (u.cloud === 'aws') {
      if (pick(spec, u.key, 'name', 8) === 0) o.name = `Explicit-${u.slug}`;
      if (pick(spec, u.key, 'email', 8) === 0) o.email = `owner-${u.slug}@example.org`;
      if (pick(spec, u.key, 'adopt', 8) === 0) o.existingId = String(100_000_000_000 + pick(spec, u.key, 'id', 899_999_999_999));
    } else if (pick(spec, u.key, 'adopt', 8) === 0) o.existingId = `adopt-${tag(u.key)}`;
    else if (pick(spec, u.key, 'name', 8) === 0) o.name = `zz-${tag(u.key)}-id`;
    if (Object.keys(o).length > 0) accounts[u.key] = o;
  }
  if (Object.keys(accounts).length > 0) model.accounts = accounts;

  if (clouds.has('aws') || s % 5 === 0) {
    const aws: Record<string, unknown> = {
      region: choose(s, REGIONS.aws),
      parentId: choose(s >> 1, ['r-ab12', 'ou-ab12-cdefgh34']),
      emailTemplate: choose(s >> 2, ['aws+{name}@acme.example', '{name}@aws.acme.example', 'ops+{org}-{name}@example.com']),
    };
    if ((s >> 3) % 3 === 1) aws.organizationalUnits = 'perDomain';
    if ((s >> 3) % 3 === 2) aws.organizationalUnits = 'none';
    if ((s >> 5) % 4 === 0) aws.closeOnDeletion = (s >> 7) % 2 === 0;
    if ((s >> 8) % 5 === 0) aws.roleName = 'UnionAdmin';
    // A key ARN in the buckets' region: an alias would name no key in accounts the tool creates.
    if ((s >> 9) % 5 === 0) aws.kmsKeyId = `arn:aws:kms:${String(aws.region)}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    model.aws = aws;
  }
  if (clouds.has('gcp') || s % 7 === 0) {
    const gcp: Record<string, unknown> = { billingAccount: '01ABCD-23EF45-67890A' };
    if ((s >> 2) % 2 === 0) gcp.folderId = '1234567890';
    else gcp.orgId = '987654321';
    if ((s >> 4) % 3 === 1) gcp.folders = 'perDomain';
    gcp.region = choose(s >> 5, REGIONS.gcp);
    if ((s >> 6) % 3 === 0) gcp.services = ['monitoring.googleapis.com', 'logging.googleapis.com'];
    if ((s >> 7) % 3 === 0) gcp.labels = { team: 'platform', 'cost-center': 'c42' };
    model.gcp = gcp;
  }
  if (Object.keys(clusters).length > 0 || s % 2 === 1) model.clusters = clusters;
  if (Object.keys(pools).length > 0 || s % 2 === 1) model.clusterPools = pools;
  if (assignments.length > 0) model.poolAssignments = assignments;
  const b = spec.backendChoice % 6;
  if (b === 1) model.backend = { type: 'local' };
  if (b === 2) model.backend = { type: 's3', bucket: 'acme-tf-state', region: 'us-east-1', dynamodbTable: 'tf-locks' };
  if (b === 3) model.backend = { type: 'gcs', bucket: 'acme-tf-state', prefix: 'union' };
  if (b === 4) model.backend = { type: 'cloud', organization: 'acme', workspacePrefix: 'ui-', awsRunRoleArn: 'arn:aws:iam::123456789012:role/hcp-terraform', gcpWorkloadProviderName: 'projects/123456789012/locations/global/workloadIdentityPools/hcp-terraform/providers/hcp-terraform', gcpServiceAccountEmail: 'hcp-terraform@acme-admin-1.iam.gserviceaccount.com' };
  // Another prefix and local runs: moving between the two renames every workspace.
  if (b === 5) model.backend = { type: 'cloud', organization: 'acme', workspacePrefix: 'estate-', executionMode: 'local' };
  return model;
}

// --- growing a spec: one more project, domain, pool, cluster or assignment ---

export type Addition =
  | { readonly kind: 'project'; readonly name: string; readonly onDemand: boolean }
  | { readonly kind: 'domain'; readonly name: string; readonly cloud: Cloud }
  | { readonly kind: 'pool'; readonly unit: number }
  | { readonly kind: 'cluster'; readonly unit: number }
  | { readonly kind: 'assignment'; readonly workflow: WorkflowSpec };

export const additionArb: fc.Arbitrary<Addition> = fc.oneof(
  fc.record({ kind: fc.constant('project' as const), name: projectArb, onDemand: fc.boolean() }),
  fc.record({ kind: fc.constant('domain' as const), name: domainArb, cloud: cloudArb }),
  fc.record({ kind: fc.constant('pool' as const), unit: fc.nat() }),
  fc.record({ kind: fc.constant('cluster' as const), unit: fc.nat() }),
  fc.record({
    kind: fc.constant('assignment' as const),
    workflow: fc.record({ project: fc.nat(5), domain: fc.nat(2), name: workflowArb, cross: fc.boolean() }),
  })
);

/** The spec with one thing added, or null when that addition does not apply (a name taken, no unit to grow). */
export function grow(spec: ModelSpec, add: Addition): ModelSpec | null {
  const units = unitsOf(spec);
  switch (add.kind) {
    case 'project': {
      if (allProjects(spec).includes(add.name)) return null;
      if (add.onDemand && spec.onDemand) return { ...spec, onDemand: { ...spec.onDemand, projects: [...spec.onDemand.projects, add.name] } };
      return { ...spec, projects: [...spec.projects, add.name] };
    }
    case 'domain': {
      if (spec.domains.some(([d]) => d === add.name) || (spec.isolation === 'project' && add.name === 'default')) return null;
      return { ...spec, domains: [...spec.domains, [add.name, add.cloud]] };
    }
    case 'pool':
    case 'cluster': {
      if (units.length === 0) return null;
      const u = units[add.unit % units.length]!;
      const field = add.kind === 'pool' ? 'extraPools' : 'extraClusters';
      // Up to 8 more, so generated names (k0-0..k0-9, q0..q9) keep sorting after the existing ones.
      if ((spec[field][u.key] ?? 0) >= 8) return null;
      return { ...spec, [field]: { ...spec[field], [u.key]: (spec[field][u.key] ?? 0) + 1 } };
    }
    case 'assignment':
      return { ...spec, workflows: [...spec.workflows, add.workflow] };
  }
}

// --- writing a model: YAML in several styles, or JSON; key and list order shuffled ---

/**
 * Lists whose order carries no meaning in a valid model (by the last keys of their path).
 * poolAssignments is not one of them: warnings cite an assignment by its position in the file
 * (`poolAssignments[2]`), so its order shows in the review; shuffleAssignments covers it.
 */
function unorderedList(path: readonly string[]): boolean {
  const [a, b] = [path[path.length - 2], path[path.length - 1]];
  if (path.length === 1) return b === 'projects';
  if (path[0] === 'clusterPools') return path.length === 2 || b === 'clusters';
  return (a === 'onDemand' && b === 'projects') || (a === 'gcp' && b === 'services');
}

/** The same model with every mapping's keys and every unordered list shuffled by `random`. */
export function reorder(value: unknown, random: () => number, path: string[] = []): unknown {
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  if (Array.isArray(value)) {
    const items = value.map((v, i) => reorder(v, random, [...path, String(i)]));
    return unorderedList(path) ? shuffle(items) : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, reorder(v, random, [...path, k])] as const);
    return Object.fromEntries(shuffle(entries));
  }
  return value;
}

/** The model with its poolAssignments in another order. */
export function shuffleAssignments(model: ModelObject, random: () => number): ModelObject {
  const list = [...((model.poolAssignments ?? []) as unknown[])];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return model.poolAssignments === undefined ? model : { ...model, poolAssignments: list };
}

/** A small seeded generator for reorder (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Style = 'block' | 'flow' | 'json';

/** The model as a file's text, in one of the ways people write it. */
export function writeModel(model: unknown, style: Style = 'block', indent = 2): string {
  if (style === 'json') return JSON.stringify(model, null, indent) + '\n';
  return stringify(model, { collectionStyle: style === 'flow' ? 'flow' : 'block', indent, lineWidth: 0 });
}
