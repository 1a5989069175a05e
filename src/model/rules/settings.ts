// Formats of the cloud settings and naming templates, checked before they reach a provider:
// a typo in a parent id or billing account would otherwise surface only at apply.
import type { Finding, ModelPath } from '../findings';
import { messages } from '../messages';
import type { Model } from '../schema';
import { unitKeys } from '../unit-keys';

const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const AWS_PARENT = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const AWS_ACCOUNT_ID = /^\d{12}$/;
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/;
const GCP_BILLING = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;
const DIGITS = /^\d{1,20}$/;
const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const KMS_KEY = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|alias\/[A-Za-z0-9/_-]+|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const GCP_LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const GCP_LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
/** Free text that reaches Terraform: no control characters, and no `${` or `%{`, which Terraform would evaluate. */
const TERRAFORM_TEXT = { test: (s: string) => !/[$%]\{/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) };

/** A KMS key ARN, key id, alias ARN or alias/NAME (format only). */
export function isKmsKey(key: string): boolean {
  return KMS_KEY.test(key);
}

/** Placeholders each template may use. */
/** A region code of the cloud (format only: the list of regions changes). */
export function isRegion(cloud: 'aws' | 'gcp', region: string): boolean {
  return (cloud === 'aws' ? AWS_REGION : GCP_REGION).test(region);
}

export const TEMPLATE_PLACEHOLDERS = {
  aws: ['org'],
  gcp: ['org'],
  bucket: ['org', 'pool'],
  emailTemplate: ['name', 'org'],
  organizationalUnit: ['org', 'domain'],
  folder: ['org', 'domain'],
} as const;

export function checkSettings(model: Model): Finding[] {
  const out: Finding[] = [];
  const match = (path: ModelPath, value: string, re: { test(value: string): boolean }, allowed: string, fix: string) => {
    if (!re.test(value)) out.push(messages.invalidValue(path, JSON.stringify(value), allowed, fix));
  };
  const template = (path: ModelPath, value: string, allowed: readonly string[]) => {
    for (const m of value.matchAll(/\{([^}]*)\}/g))
      if (!allowed.includes(m[1]!))
        out.push(messages.invalidValue(path, `placeholder {${m[1]}}`, allowed.map((p) => `{${p}}`).join(', '), 'Use only the placeholders listed.'));
  };
  template(['naming', 'aws'], model.naming.aws, TEMPLATE_PLACEHOLDERS.aws);
  template(['naming', 'gcp'], model.naming.gcp, TEMPLATE_PLACEHOLDERS.gcp);
  template(['naming', 'bucket'], model.naming.bucket, TEMPLATE_PLACEHOLDERS.bucket);
  template(['naming', 'organizationalUnit'], model.naming.organizationalUnit, TEMPLATE_PLACEHOLDERS.organizationalUnit);
  template(['naming', 'folder'], model.naming.folder, TEMPLATE_PLACEHOLDERS.folder);
  if (!model.naming.bucket.includes('{pool}'))
    out.push(messages.invalidValue(['naming', 'bucket'], JSON.stringify(model.naming.bucket), 'a template containing {pool}', 'Add {pool}: each storage group needs its own bucket.'));

  if (model.aws) {
    match(['aws', 'region'], model.aws.region, AWS_REGION, 'an AWS region such as us-east-1', 'Use the region code, not its display name.');
    match(['aws', 'parentId'], model.aws.parentId, AWS_PARENT, 'r-xxxx (organization root) or ou-xxxx-xxxxxxxx', 'Copy the root or OU id from AWS Organizations.');
    template(['aws', 'emailTemplate'], model.aws.emailTemplate, TEMPLATE_PLACEHOLDERS.emailTemplate);
    match(['aws', 'roleName'], model.aws.roleName, IAM_ROLE_NAME, 'an IAM role name: 1-64 of letters, digits and + = , . @ _ -', 'Use the role\'s name, not its ARN.');
    if (model.aws.kmsKeyId !== undefined)
      match(['aws', 'kmsKeyId'], model.aws.kmsKeyId, KMS_KEY, 'a KMS key ARN, key id, alias ARN or alias/NAME', 'Copy the key ARN or alias from AWS KMS.');
    if (!model.aws.emailTemplate.includes('{name}') || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(model.aws.emailTemplate))
      out.push(messages.invalidValue(['aws', 'emailTemplate'], JSON.stringify(model.aws.emailTemplate), 'an address containing {name}, e.g. "aws+{name}@example.com"', 'Every account needs its own root email for ever: include {name}.'));
  }
  if (model.gcp) {
    match(['gcp', 'billingAccount'], model.gcp.billingAccount, GCP_BILLING, 'XXXXXX-XXXXXX-XXXXXX (upper-case hex)', 'Copy the billing account id from Cloud Billing.');
    match(['gcp', 'region'], model.gcp.region, GCP_REGION, 'a GCP region such as us-central1', 'Use a region, not a zone.');
    if (model.gcp.folderId !== undefined) match(['gcp', 'folderId'], model.gcp.folderId, DIGITS, 'the numeric folder id', 'Use the number, without "folders/".');
    if (model.gcp.orgId !== undefined) match(['gcp', 'orgId'], model.gcp.orgId, DIGITS, 'the numeric organization id', 'Use the number, without "organizations/".');
    for (const [key, value] of Object.entries(model.gcp.labels)) {
      if (!GCP_LABEL_KEY.test(key)) out.push({ ...messages.invalidValue(['gcp', 'labels', key], JSON.stringify(key), 'a label key: 1-63 lower-case letters, digits, "_" and "-", starting with a letter', 'Rename the label key.'), at: 'key' });
      match(['gcp', 'labels', key], value, GCP_LABEL_VALUE, 'a label value: at most 63 lower-case letters, digits, "_" and "-"', 'Change the label value.');
    }
    model.gcp.services.forEach((s, i) =>
      match(['gcp', 'services', i], s, /^[a-z][a-z0-9.-]*\.googleapis\.com$/, 'a service name such as container.googleapis.com', 'Use the API\'s service name.'),
    );
  }
  const backend: Record<string, unknown> = model.backend;
  for (const [key, value] of Object.entries(backend))
    if (typeof value === 'string') match(['backend', key], value, TERRAFORM_TEXT, 'text without control characters, "${" or "%{"', 'Remove control characters, "${" and "%{": Terraform would read those as an expression.');
  if (model.backend.type === 's3') match(['backend', 'region'], model.backend.region, AWS_REGION, 'an AWS region such as us-east-1', 'Use the region code, not its display name.');
  const clouds = new Map(unitKeys(model).map((u) => [u.key, u.cloud]));
  for (const [name, c] of Object.entries(model.clusters)) {
    const cloud = clouds.get(c.account);
    if (c.region !== undefined && cloud)
      match(['clusters', name, 'region'], c.region, cloud === 'aws' ? AWS_REGION : GCP_REGION, `a ${cloud.toUpperCase()} region`, 'Use a region code of the cluster\'s cloud.');
  }
  for (const [key, o] of Object.entries(model.accounts)) {
    if (o.existingId === undefined) continue;
    const c = clouds.get(key);
    if (c === 'aws') match(['accounts', key, 'existingId'], o.existingId, AWS_ACCOUNT_ID, 'a 12-digit AWS account id', 'Quote it ("012345678901") so YAML keeps leading zeros.');
    if (c === 'gcp') match(['accounts', key, 'existingId'], o.existingId, GCP_PROJECT_ID, 'a GCP project id (6-30 of a-z, 0-9, "-")', 'Use the project id, not its number or display name.');
  }
  return out;
}
