// What a storage group's lifecycle may expire. Union's data-retention guidance: a bucket-wide expiry
// breaks in-flight and historical executions (their inputs.pb, outputs.pb and Decks), so
// retentionDays applies either to a raw-data bucket of the group's own (`rawData: separate`) or to
// listed raw-data prefixes of the metadata bucket, never to the whole metadata bucket, and never to
// the fast-registration bucket (code that live workflows still run).
import type { Finding } from '../model/findings';
import { messages } from '../model/messages';
import type { Model } from '../model/schema';
import type { StorageGroup } from './types';

export const MAX_PREFIX_LENGTH = 1024;

/** A group-level setting as the storage groups read it: the pool that set it, and its value. */
type Setting = readonly [pool: string, value: string] | undefined;

export interface GroupRetention {
  readonly retentionDays: number | null;
  readonly rawDataSeparate: boolean;
  readonly retentionPrefixes: readonly string[] | null;
}

export function groupRetention(model: Model, retention: Setting, rawData: Setting, prefixes: Setting, findings: Finding[]): GroupRetention {
  const days = retention ? Number(retention[1]) : null;
  const rawDataSeparate = rawData?.[1] === 'separate';
  let list: readonly string[] | null = null;
  if (prefixes) {
    const spec = model.clusterPools[prefixes[0]]!;
    list = Array.isArray(spec) ? [] : [...new Set(spec.retentionPrefixes ?? [])].sort();
    list.forEach((p) => {
      if (!isRawDataPrefix(p)) findings.push(messages.badRetentionPrefix(['clusterPools', prefixes[0], 'retentionPrefixes'], p));
    });
    if (days === null) findings.push(messages.retentionPrefixesUnused(['clusterPools', prefixes[0], 'retentionPrefixes'], 'no pool of the group sets retentionDays'));
    else if (rawDataSeparate) findings.push(messages.retentionPrefixesUnused(['clusterPools', prefixes[0], 'retentionPrefixes'], 'rawData: separate expires the raw-data bucket instead'));
    else if (list.length === 0) findings.push(messages.retentionWholeBucket(['clusterPools', prefixes[0], 'retentionPrefixes'], days));
  } else if (retention && !rawDataSeparate) {
    findings.push(messages.retentionWholeBucket(['clusterPools', retention[0], 'retentionDays'], days!));
  }
  return { retentionDays: days, rawDataSeparate, retentionPrefixes: days !== null && !rawDataSeparate ? list : null };
}

/** A key prefix that cannot mean the whole bucket. */
export function isRawDataPrefix(p: string): boolean {
  return p.replace(/\/+/g, '') !== '' && !p.startsWith('/') && !p.includes('*') && p.length <= MAX_PREFIX_LENGTH;
}

/** The metadata bucket's expiry: its raw-data prefixes only, when the group lists them. */
export function metadataRetention(group: StorageGroup): { retention?: { days: number; prefixes: readonly string[] } } {
  return group.retentionDays !== null && group.retentionPrefixes !== null && group.retentionPrefixes.length > 0
    ? { retention: { days: group.retentionDays, prefixes: group.retentionPrefixes } }
    : {};
}

/** The raw-data bucket holds nothing else: retentionDays expires all of it. */
export function rawDataRetention(group: StorageGroup): { retention?: { days: number; prefixes: 'whole-bucket' } } {
  return group.retentionDays !== null ? { retention: { days: group.retentionDays, prefixes: 'whole-bucket' } } : {};
}
