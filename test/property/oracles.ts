// What a valid model's plan must satisfy, written from README.md's model reference and
// the clouds' documented naming limits, independently of src/plan: the suites would learn
// nothing if the resolver's own checks judged the resolver.
import type { Plan } from '../../src/plan/types';
import { allowedUnitsOf, type ModelObject, type ModelSpec } from './arbitraries';

// --- the clouds' rules (their documented naming limits) ---
const IP = /^\d{1,3}(\.\d{1,3}){3}$/;
export const cloudRules = {
  awsAccountName: (s: string) => s.length >= 1 && s.length <= 50 && /^[\x20-\x7e]+$/.test(s) && !/[$%]\{/.test(s),
  email: (s: string) => s.length >= 6 && s.length <= 64 && /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s),
  gcpProjectId: (s: string) => /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(s) && !['google', 'null', 'undefined', 'ssl'].some((w) => s.includes(w)),
  gcpDisplayName: (s: string) => /^[A-Za-z0-9'" !-]{4,30}$/.test(s),
  s3Bucket: (s: string) =>
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s) &&
    !s.includes('..') &&
    !IP.test(s) &&
    !['xn--', 'sthree-', 'amzn-s3-demo-'].some((p) => s.startsWith(p)) &&
    !['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].some((x) => s.endsWith(x)),
  gcsBucket: (s: string) => /^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/.test(s) && !IP.test(s) && !s.startsWith('goog') && !s.includes('google'),
  dnsLabel: (s: string) => /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(s),
  /** A file or directory name that stays where it is put, on any file system. */
  plainFileName: (s: string) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s) && !s.includes('..') && s.length <= 255,
};

function duplicates(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(xs.filter((x) => (seen.has(x) ? true : (seen.add(x), false))))];
}

/** Every derived name obeys its cloud's rule and is unique (the `cloud-names` rule). Returns the violations. */
export function nameViolations(plan: Plan): string[] {
  const out: string[] = [];
  const bad = (what: string, name: string) => out.push(`${what} ${JSON.stringify(name)} breaks its rule`);
  for (const u of plan.units) {
    if (u.cloud === 'aws') {
      if (!cloudRules.awsAccountName(u.name)) bad(`AWS account name of ${u.key}`, u.name);
      if (!cloudRules.email(u.email)) bad(`email of ${u.key}`, u.email);
      if (u.existingId !== null && !/^\d{12}$/.test(u.existingId)) bad(`adopted account id of ${u.key}`, u.existingId);
    } else {
      if (!cloudRules.gcpProjectId(u.name)) bad(`GCP project id of ${u.key}`, u.name);
      if (!cloudRules.gcpDisplayName(u.displayName)) bad(`GCP display name of ${u.key}`, u.displayName);
    }
  }
  for (const g of plan.storageGroups) {
    const rule = g.cloud === 'aws' ? cloudRules.s3Bucket : cloudRules.gcsBucket;
    for (const b of new Set([g.bucket, g.fastRegistrationBucket])) if (!rule(b)) bad(`bucket of storage group ${g.name}`, b);
  }
  for (const s of plan.stacks) if (!cloudRules.plainFileName(s.name)) bad('stack name', s.name);
  for (const a of plan.assignments) if (a.file !== null && !(cloudRules.plainFileName(a.file) && a.file.endsWith('.yaml'))) bad('attribute file', a.file);
  for (const c of plan.clusters) if (!cloudRules.dnsLabel(c.name)) bad('cluster name', c.name);

  const aws = plan.units.flatMap((u) => (u.cloud === 'aws' ? [u] : []));
  const gcp = plan.units.flatMap((u) => (u.cloud === 'gcp' ? [u] : []));
  const unique = (what: string, names: readonly string[]) => {
    for (const d of duplicates(names)) out.push(`${what} ${JSON.stringify(d)} is used twice`);
  };
  unique('AWS account name', aws.map((u) => u.name));
  unique('root email', aws.map((u) => u.email.toLowerCase()));
  unique('adopted AWS account id', aws.flatMap((u) => (u.existingId === null ? [] : [u.existingId])));
  unique('GCP project id', gcp.map((u) => u.name));
  unique('bucket', plan.storageGroups.flatMap((g) => [...new Set([g.bucket, g.fastRegistrationBucket])]));
  unique('stack', plan.stacks.map((s) => s.name));
  // Case-insensitively: the output is unpacked on macOS and Windows too.
  unique('attribute file', plan.assignments.flatMap((a) => (a.file === null ? [] : [a.file.toLowerCase()])));
  return out;
}

/** A pool's clusters as the model writes them, in either form. */
export function poolMembers(model: ModelObject, pool: string): string[] {
  const spec = (model.clusterPools as Record<string, unknown>)[pool];
  return Array.isArray(spec) ? (spec as string[]) : ((spec as { clusters: string[] }).clusters ?? []);
}

/**
 * The seed's sharing rule (the `storage-groups` rule): clusters that share a pool share a bucket, clusters that share
 * no pool never do, and each bucket lives in its clusters' account or the pool's bucketAccount.
 */
export function sharingViolations(model: ModelObject, plan: Plan): string[] {
  const out: string[] = [];
  const pools = Object.keys((model.clusterPools as Record<string, unknown>) ?? {});
  const clusters = (model.clusters as Record<string, { account: string }>) ?? {};
  const poolsOf = new Map<string, Set<string>>();
  for (const p of pools) for (const c of poolMembers(model, p)) poolsOf.set(c, (poolsOf.get(c) ?? new Set()).add(p));
  const bucketOf = new Map(plan.clusters.map((c) => [c.name, c.metadataBucket]));
  const names = Object.keys(clusters).sort();
  for (const a of names) {
    if (!bucketOf.get(a)) out.push(`cluster ${a} has no metadata bucket`);
    for (const b of names) {
      if (a >= b) continue;
      const share = [...(poolsOf.get(a) ?? [])].some((p) => poolsOf.get(b)?.has(p));
      const same = bucketOf.get(a) === bucketOf.get(b);
      if (share && !same) out.push(`clusters ${a} and ${b} share a pool but not a bucket`);
      if (!share && same) out.push(`clusters ${a} and ${b} share no pool but share bucket ${bucketOf.get(a)}`);
    }
  }
  const groupOf = new Map(plan.storageGroups.map((g) => [g.name, g]));
  for (const p of pools) {
    const pool = plan.pools.find((x) => x.name === p);
    const group = pool ? groupOf.get(pool.storageGroup) : undefined;
    if (!group) {
      out.push(`pool ${p} has no storage group`);
      continue;
    }
    const units = new Set(poolMembers(model, p).map((c) => clusters[c]!.account));
    const spec = (model.clusterPools as Record<string, unknown>)[p];
    const bucketAccount = !Array.isArray(spec) ? (spec as { bucketAccount?: string }).bucketAccount : undefined;
    const home = bucketAccount ?? (units.size === 1 ? [...units][0] : undefined);
    if (home !== undefined && group.homeUnit !== home) out.push(`pool ${p}'s bucket lives in ${group.homeUnit}, not in ${home}`);
    for (const u of units) if (u !== group.homeUnit && !group.accessUnits.includes(u)) out.push(`pool ${p}'s clusters in ${u} get no access to bucket ${group.bucket}`);
  }
  return out;
}

/**
 * The `assignments` rule: every pair has exactly one pair-level assignment; automatic only to the one pool its
 * account hosts; fallback only to `default`; and no assignment sends work outside the pair's
 * accounts unless the model says allowCrossIsolation for it.
 */
export function isolationViolations(spec: ModelSpec, model: ModelObject, plan: Plan): string[] {
  const out: string[] = [];
  const clusters = (model.clusters as Record<string, { account: string }>) ?? {};
  const explicit = ((model.poolAssignments as Record<string, unknown>[]) ?? []).map((a) => ({
    key: `${a.project}/${a.domain}/${a.workflow ?? ''}`,
    pool: a.clusterPoolName as string,
    allow: a.allowCrossIsolation === true,
  }));
  const projects = [...spec.projects, ...(spec.onDemand?.projects ?? [])];
  for (const project of projects) {
    for (const [domain] of spec.domains) {
      const own = plan.assignments.filter((a) => a.project === project && a.domain === domain && a.workflow === null);
      if (own.length !== 1) out.push(`${project}/${domain} has ${own.length} pair-level assignments`);
    }
  }
  const hostedBy = (unit: string) =>
    Object.keys((model.clusterPools as Record<string, unknown>) ?? {}).filter((p) => p !== 'default' && poolMembers(model, p).every((c) => clusters[c]!.account === unit));
  for (const a of plan.assignments) {
    const pair = `${a.project}/${a.domain}${a.workflow === null ? '' : `/${a.workflow}`}`;
    const allowed = allowedUnitsOf(spec, a.project, a.domain);
    const outside = poolMembers(model, a.pool).filter((c) => !allowed.includes(clusters[c]!.account));
    const written = explicit.find((e) => e.key === `${a.project}/${a.domain}/${a.workflow ?? ''}`);
    if (outside.length > 0 && !written?.allow) out.push(`${pair} runs on ${a.pool} with clusters outside ${allowed.join(', ')} (${outside.join(', ')}) without allowCrossIsolation`);
    if (a.crossIsolation !== outside.length > 0) out.push(`${pair}: crossIsolation says ${a.crossIsolation}, clusters outside: ${outside.length}`);
    if (a.origin === 'explicit' && written?.pool !== a.pool) out.push(`${pair} is explicit but the model assigns ${written?.pool}`);
    if (a.origin !== 'explicit' && written) out.push(`${pair} is ${a.origin} but the model assigns it explicitly`);
    if (a.origin === 'automatic') {
      const hosted = hostedBy(a.unit);
      if (hosted.length !== 1 || hosted[0] !== a.pool) out.push(`${pair} is automatic to ${a.pool}, but ${a.unit} hosts ${hosted.join(', ') || 'nothing'}`);
    }
    if (a.origin === 'fallback' && (a.pool !== 'default' || a.file !== null)) out.push(`${pair} falls back to ${a.pool} with file ${a.file}`);
    if (a.origin !== 'fallback' && a.file === null) out.push(`${pair} (${a.origin}) has no attribute file`);
  }
  return out;
}
