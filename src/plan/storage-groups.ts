// The `storage-groups` rule: one metadata bucket per cluster pool, and the seed's sharing rule. Pools that share a
// cluster must share its bucket, so they form a storage group; clusters that share no pool must
// never end up in one group. Each group's bucket lives in its clusters' account (or bucketAccount).
import type { Finding, ModelPath } from '../model/findings';
import { DNS_LABEL_RULE, messages, placementMessages } from '../model/messages';
import { isDnsLabel } from '../model/rules/names';
import { isRegion } from '../model/rules/settings';
import { poolClusters } from '../model/rules/references';
import { DEFAULT_NONCURRENT_VERSION_DAYS, type Cloud, type Model } from '../model/schema';
import { LIMITS, checkGcsBucket, checkS3Bucket } from './cloud-names';
import { render } from './units';
import { shorten } from './shorten';
import { groupKmsKey } from './bucket-kms';
import { groupRetention } from './bucket-retention';
import type { ClusterPlan, PoolPlan, ShortenedName, StorageGroup, Unit } from './types';
import { compareStrings } from '../order';

export interface ResolvedStorage {
  readonly clusters: ClusterPlan[];
  readonly pools: PoolPlan[];
  readonly groups: StorageGroup[];
  readonly shortened: ShortenedName[];
}

/** The bucket settings issue 18 added to the long pool form; one value per storage group. */
type GroupBucketSetting = 'kmsKeyId' | 'rawData' | 'retentionPrefixes' | 'noncurrentVersionDays';

const byName = compareStrings;

/** The pool a group is named after unless it pins a name: the first by name, `default` only when it is alone. */
export function groupNameOf(pools: readonly string[]): string {
  return [...pools].sort(byName).find((p) => p !== 'default') ?? 'default';
}

export function resolveStorage(model: Model, units: readonly Unit[], findings: Finding[]): ResolvedStorage {
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const poolNames = Object.keys(model.clusterPools).sort(byName);
  const clusterNames = Object.keys(model.clusters).sort(byName);
  const known = new Set(clusterNames);

  // Members of each pool (known clusters only: unknown ones are reported by the reference rule).
  const members = new Map<string, string[]>();
  const poolsOf = new Map<string, string[]>(clusterNames.map((c) => [c, []]));
  for (const p of poolNames) {
    const list = [...new Set(poolClusters(model, p).names.filter((c) => known.has(c)))].sort(byName);
    members.set(p, list);
    for (const c of list) poolsOf.get(c)!.push(p);
  }
  for (const c of clusterNames) if (poolsOf.get(c)!.length === 0) findings.push(messages.clusterInNoPool(['clusters', c], c));

  // Union-find over pools: two pools that share a cluster share a bucket.
  const parent = new Map(poolNames.map((p) => [p, p]));
  const find = (p: string): string => {
    let r = p;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(p, r);
    return r;
  };
  for (const c of clusterNames) {
    const ps = poolsOf.get(c)!;
    for (let i = 1; i < ps.length; i++) parent.set(find(ps[i]!), find(ps[0]!));
  }
  const groupPools = new Map<string, string[]>();
  for (const p of poolNames) {
    const r = find(p);
    if (!groupPools.has(r)) groupPools.set(r, []);
    groupPools.get(r)!.push(p);
  }

  const clusterUnit = (c: string) => model.clusters[c]!.account;
  const cloudOfUnit = (key: string): Cloud | undefined => unitByKey.get(key)?.cloud;
  const defaultRegion = (cloud: Cloud) => (cloud === 'aws' ? model.aws?.region : model.gcp?.region) ?? '';
  const clusterRegion = (c: string) => model.clusters[c]!.region ?? defaultRegion(cloudOfUnit(clusterUnit(c)) ?? 'aws');

  const groups: StorageGroup[] = [];
  const shortened: ShortenedName[] = [];
  const groupOfPool = new Map<string, StorageGroup>();
  const bucketOwner = new Map<string, string>();
  const groupNames = new Map<string, readonly string[]>();
  for (const pools of groupPools.values()) {
    const clusters = [...new Set(pools.flatMap((p) => members.get(p)!))].sort(byName);
    if (clusters.length === 0) continue;
    /** A long-form key set on some pools of the group: the first (pool, value), and a finding if they disagree. */
    const setting = <K extends 'bucketAccount' | 'retentionDays' | 'fastRegistration' | 'storageGroup' | 'bucketRegion' | GroupBucketSetting>(key: K) => {
      const values = new Map<string, string>();
      for (const p of pools) {
        const spec = model.clusterPools[p]!;
        if (!Array.isArray(spec) && spec[key] !== undefined) values.set(p, String(spec[key]));
      }
      if (new Set(values.values()).size > 1)
        findings.push(messages.groupSettingConflict(['clusterPools', [...values.keys()][1]!, key], key, [...values].map(([p, v]) => `${p}: ${v}`).join('; ')));
      return [...values.entries()][0];
    };
    // A pinned name survives pools that join later and sort first; without one, the first pool names it.
    const pinned = setting('storageGroup');
    const name = pinned?.[1] ?? groupNameOf(pools);
    if (pinned && !isDnsLabel(name)) findings.push(messages.badName(['clusterPools', pinned[0], 'storageGroup'], 'storage group', name, DNS_LABEL_RULE));
    const groupPath: ModelPath = pinned ? ['clusterPools', pinned[0], 'storageGroup'] : ['clusterPools', name];
    if (groupNames.has(name)) findings.push(messages.nameTaken(groupPath, 'storage group name', name, `the group of ${groupNames.get(name)!.join(', ')}`));
    else groupNames.set(name, pools);
    checkSharing(clusters, pools, members, poolsOf, findings);

    const clouds = new Map<Cloud, string[]>();
    for (const c of clusters) {
      const cl = cloudOfUnit(clusterUnit(c));
      if (cl) clouds.set(cl, [...(clouds.get(cl) ?? []), c]);
    }
    if (clouds.size > 1)
      findings.push(messages.groupSpansClouds(groupPath, pools, [...clouds].map(([cl, cs]) => `${cl}: ${cs.join(', ')}`).join('; ')));
    const cloud: Cloud = [...clouds.keys()][0] ?? 'aws';

    const clusterUnits = [...new Set(clusters.map(clusterUnit))].filter((k) => unitByKey.has(k)).sort(byName);
    const bucketAccount = setting('bucketAccount');
    let homeUnit = clusterUnits[0] ?? '';
    if (bucketAccount) {
      homeUnit = bucketAccount[1];
      const home = unitByKey.get(homeUnit);
      if (home && home.cloud !== cloud) findings.push(messages.bucketAccountWrongCloud(['clusterPools', bucketAccount[0], 'bucketAccount'], homeUnit, home.cloud, cloud));
    } else if (clusterUnits.length > 1) findings.push(messages.bucketAccountNeeded(groupPath, clusterUnits));
    const retention = setting('retentionDays');
    const fastRegistration = setting('fastRegistration');

    const original = render(model.naming.bucket, { org: model.org, pool: name });
    const bucket = shorten(original, LIMITS.bucket);
    if (bucket !== original) shortened.push({ kind: 'bucket', owner: name, original, final: bucket, limit: LIMITS.bucket });
    const check = cloud === 'aws' ? checkS3Bucket : checkGcsBucket;
    const bad = check(bucket);
    if (bad) findings.push(messages.nameInvalid(['naming', 'bucket'], `bucket name for storage group ${name}`, bucket, bad, 'Change naming.bucket (or the pool name).'));
    let fastRegistrationBucket = bucket;
    if (fastRegistration?.[1] === 'separate') {
      const originalFast = `${model.org}-${name}-fast-reg`;
      fastRegistrationBucket = shorten(originalFast, LIMITS.bucket);
      if (fastRegistrationBucket !== originalFast) shortened.push({ kind: 'bucket', owner: name, original: originalFast, final: fastRegistrationBucket, limit: LIMITS.bucket });
      const badFast = check(fastRegistrationBucket);
      if (badFast) findings.push(messages.nameInvalid(['clusterPools', fastRegistration[0], 'fastRegistration'], 'fast-registration bucket name', fastRegistrationBucket, badFast, 'Rename the pool.'));
    }
    const retentionPlan = groupRetention(model, retention, setting('rawData'), setting('retentionPrefixes'), findings);
    let rawDataBucket: string | null = null;
    if (retentionPlan.rawDataSeparate) {
      const originalRaw = `${model.org}-${name}-raw-data`;
      rawDataBucket = shorten(originalRaw, LIMITS.bucket);
      if (rawDataBucket !== originalRaw) shortened.push({ kind: 'bucket', owner: name, original: originalRaw, final: rawDataBucket, limit: LIMITS.bucket });
      const badRaw = check(rawDataBucket);
      const rawPath: ModelPath = ['clusterPools', setting('rawData')![0], 'rawData'];
      if (badRaw) findings.push(messages.nameInvalid(rawPath, 'raw-data bucket name', rawDataBucket, badRaw, 'Rename the pool.'));
    }
    for (const b of new Set([bucket, fastRegistrationBucket, ...(rawDataBucket !== null ? [rawDataBucket] : [])])) {
      const other = bucketOwner.get(b);
      if (other !== undefined) findings.push(messages.nameTaken(['clusterPools', name], 'bucket name', b, `storage group ${other}`));
      else bucketOwner.set(b, name);
    }

    // The cloud's region unless pinned: a default taken from the clusters would move the bucket
    // (a replacement) whenever a cluster in another region joins the group.
    const bucketRegion = setting('bucketRegion');
    const region = bucketRegion?.[1] ?? defaultRegion(cloud);
    if (bucketRegion && !isRegion(cloud, region))
      findings.push(messages.invalidValue(['clusterPools', bucketRegion[0], 'bucketRegion'], JSON.stringify(region), `a ${cloud.toUpperCase()} region`, 'Use a region code of the clusters\' cloud.'));
    const elsewhere = clusters.filter((c) => clusterRegion(c) !== region);
    if (elsewhere.length > 0)
      findings.push(placementMessages.bucketRegionElsewhere(groupPath, name, region, elsewhere.map((c) => `${c} runs in ${clusterRegion(c)}`).join(', ')));
    const kmsSetting = setting('kmsKeyId');
    if (kmsSetting && cloud !== 'aws') findings.push(messages.kmsOnGcp(['clusterPools', kmsSetting[0], 'kmsKeyId']));
    const kmsKeyId =
      cloud === 'aws'
        ? groupKmsKey(model, { name, region, homeUnit: unitByKey.get(homeUnit), accessUnits: clusterUnits.filter((k) => k !== homeUnit) }, kmsSetting, findings)
        : null;
    const noncurrent = setting('noncurrentVersionDays');
    const group: StorageGroup = {
      name,
      pools,
      clusters,
      cloud,
      homeUnit,
      accessUnits: clusterUnits.filter((k) => k !== homeUnit),
      region,
      bucket,
      fastRegistrationBucket,
      retentionDays: retention ? Number(retention[1]) : null,
      stack: `pool-${name}`,
      rawDataBucket,
      retentionPrefixes: retentionPlan.retentionPrefixes,
      noncurrentVersionDays: noncurrent ? Number(noncurrent[1]) : DEFAULT_NONCURRENT_VERSION_DAYS,
      kmsKeyId,
    };
    groups.push(group);
    for (const p of pools) groupOfPool.set(p, group);
  }
  groups.sort((a, b) => byName(a.name, b.name));

  const pools: PoolPlan[] = poolNames.map((p) => {
    const us = new Set(members.get(p)!.map(clusterUnit));
    return { name: p, clusters: members.get(p)!, storageGroup: groupOfPool.get(p)?.name ?? '', hostUnit: us.size === 1 ? [...us][0]! : null };
  });
  const clusters: ClusterPlan[] = clusterNames.map((c) => {
    const group = poolsOf.get(c)!.length > 0 ? groupOfPool.get(poolsOf.get(c)![0]!) : undefined;
    return {
      name: c,
      unit: clusterUnit(c),
      cloud: cloudOfUnit(clusterUnit(c)) ?? 'aws',
      region: clusterRegion(c),
      pools: poolsOf.get(c)!,
      storageGroup: group?.name ?? '',
      metadataBucket: group?.bucket ?? '',
      fastRegistrationBucket: group?.fastRegistrationBucket ?? '',
    };
  });
  return { clusters, pools, groups, shortened };
}

/**
 * Every two clusters of a group must share a pool. Equivalently: each cluster's pools together
 * cover the whole group. A pool that covers the group settles all its clusters at once, which
 * keeps the common case (one big `default` pool) linear.
 */
function checkSharing(
  clusters: readonly string[],
  pools: readonly string[],
  members: ReadonlyMap<string, readonly string[]>,
  poolsOf: ReadonlyMap<string, readonly string[]>,
  findings: Finding[],
): void {
  if (pools.length === 1) return;
  const size = clusters.length;
  for (const a of clusters) {
    const mine = poolsOf.get(a)!;
    if (mine.some((p) => members.get(p)!.length === size)) continue;
    const reach = new Set(mine.flatMap((p) => members.get(p)!));
    if (reach.size === size) continue;
    const c = clusters.find((x) => !reach.has(x))!;
    // A cluster in a pool of a's and a pool on the way to c: the one that joins them.
    const via = clusters.find((b) => b !== a && b !== c && poolsOf.get(b)!.length > 1) ?? a;
    findings.push(messages.bucketSharedAcrossPools(['clusterPools', poolsOf.get(c)![0]!], a, c, mine, poolsOf.get(c)!, via));
    return;
  }
}
