// The KMS key of a storage group's S3 buckets, and whether it can encrypt them at all. SSE-KMS needs
// a key in the bucket's region; S3 resolves a key id or alias in the account of whoever writes, so
// only a key ARN reaches one key from every account of the group (and the key's policy must let
// them use it). What cannot be known offline (the key exists, its policy) is left to the README.
import type { Finding, ModelPath } from '../model/findings';
import { messages } from '../model/messages';
import { isKmsKey } from '../model/rules/settings';
import type { Model } from '../model/schema';
import type { Unit } from './types';

const KMS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(key|alias)\/.+$/;

export interface GroupKeyContext {
  readonly name: string;
  readonly region: string;
  readonly homeUnit: Unit | undefined;
  readonly accessUnits: readonly string[];
}

/**
 * The group's key: its pools' `kmsKeyId` (the `pool` of `poolKey`), else `aws.kmsKeyId`, else none.
 * Pushes a finding when the key cannot encrypt the group's buckets.
 */
export function groupKmsKey(model: Model, group: GroupKeyContext, poolKey: readonly [string, string] | undefined, findings: Finding[]): string | null {
  const key = poolKey?.[1] ?? model.aws?.kmsKeyId;
  if (key === undefined) return null;
  const path: ModelPath = poolKey ? ['clusterPools', poolKey[0], 'kmsKeyId'] : ['aws', 'kmsKeyId'];
  // The global key's format is a settings finding already.
  if (!isKmsKey(key)) {
    if (poolKey) findings.push(messages.invalidValue(path, JSON.stringify(key), 'a KMS key ARN', 'Copy the key ARN from AWS KMS.'));
    return key;
  }
  const unusable = (why: string, fix: string) => findings.push(messages.kmsKeyUnusable(path, key, group.name, why, fix));
  const setOnPool = poolKey ? '' : ` (or set kmsKeyId on a pool of storage group ${group.name})`;
  const arn = KMS_ARN.exec(key);
  const adopted = group.homeUnit?.existingId ?? null;
  if (arn) {
    const [, region, account, kind] = arn;
    if (region !== group.region) {
      unusable(`the key is in ${region}, the buckets in ${group.region}`, `Use a key in ${group.region} (a multi-Region replica works)${setOnPool}.`);
    } else if (kind === 'alias' && group.accessUnits.length > 0) {
      unusable(`the group's other accounts (${group.accessUnits.join(', ')}) would resolve the alias in their own account`, `Use the key ARN the alias points to${setOnPool}.`);
    } else if (kind === 'alias' && account !== adopted) {
      unusable(`an alias can only be used in its own account (${account}), and the buckets live in ${group.homeUnit?.key ?? 'another account'}`, `Use the key ARN the alias points to${setOnPool}.`);
    }
    return key;
  }
  // A key id or alias/NAME: a key of the bucket's own account, in the bucket's region.
  if (group.accessUnits.length > 0) {
    unusable(`a key id or alias resolves in the account of whoever writes, and the group's other accounts (${group.accessUnits.join(', ')}) write too`, `Use the key's ARN${setOnPool}.`);
  } else if (adopted === null) {
    unusable(`a key id or alias names a key in the bucket's own account, which this tool creates: no key can exist there yet`, `Use the ARN of a key in ${group.region}${setOnPool}.`);
  }
  return key;
}
