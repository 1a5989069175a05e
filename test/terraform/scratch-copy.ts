// What a scratch copy of a synthesized stack changes before Terraform reads it, each change listed
// so the tier's output says it: the hashicorp/aws pin (the cdktf provider's 6.x) rewritten to the
// mirror's version; for plans, the provider's offline flags and the STS endpoint of the fake.
import { readFileSync, writeFileSync } from 'node:fs';

export type StackJson = Record<string, unknown> & {
  terraform?: { required_providers?: Record<string, { source?: string; version?: string }> };
  provider?: Record<string, Record<string, unknown>[]>;
};

export function readStack(file: string): StackJson {
  return JSON.parse(readFileSync(file, 'utf8')) as StackJson;
}

/** The providers a stack requires (`aws`, `google`, ...). */
export function providersOf(stack: StackJson): string[] {
  return Object.keys(stack.terraform?.required_providers ?? {}).sort();
}

/** Rewrites the aws pin in `file` (a scratch copy); returns what changed. */
export function pinAws(file: string, awsVersion: string): string[] {
  const stack = readStack(file);
  const aws = stack.terraform?.required_providers?.aws;
  if (aws === undefined) return [];
  const changes = aws.version === awsVersion ? [] : [`hashicorp/aws pin ${aws.version ?? '(none)'} -> ${awsVersion}`];
  aws.version = awsVersion;
  writeFileSync(file, JSON.stringify(stack, null, 2));
  return changes;
}

/** Makes every aws provider block plan offline against the fake STS; returns what changed. */
export function offlineProviders(file: string, stsEndpoint: string): string[] {
  const stack = readStack(file);
  const blocks = stack.provider?.aws ?? [];
  for (const block of blocks) {
    // skip_requesting_account_id stays off: the provider asks the fake STS who it is, so allowed_account_ids is really checked.
    Object.assign(block, { skip_credentials_validation: true, skip_metadata_api_check: true, skip_region_validation: true, endpoints: [{ sts: stsEndpoint }] });
  }
  writeFileSync(file, JSON.stringify(stack, null, 2));
  return blocks.length === 0 ? [] : ['aws provider: skip_credentials_validation, skip_metadata_api_check, skip_region_validation, endpoints.sts = the fake STS'];
}
