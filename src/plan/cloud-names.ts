// The clouds' naming rules (AWS Organizations' and GCP Resource Manager's documented limits). Each check returns null when the name is
// valid, else the rule it breaks, worded for the "allowed" part of a finding.

export const LIMITS = { awsAccountName: 50, email: 64, gcpProjectId: 30, gcpDisplayName: 30, bucket: 63, gcpFolder: 30 } as const;

const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_FORBIDDEN = ['google', 'null', 'undefined', 'ssl'];
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Terraform reads `${` and `%{` in any string of its JSON as an expression or a directive. */
export const TERRAFORM_TEMPLATE = /[$%]\{/;

export const RULES = {
  awsAccountName: '1-50 printable characters, without "${" or "%{" (Terraform would read them as an expression)',
  email: 'a valid address of 6-64 characters',
  gcpProjectId: '6-30 of a-z, 0-9 and "-", starting with a letter, not ending with "-", without google, null, undefined or ssl',
  gcpDisplayName: '4-30 letters, digits, spaces and \' " - !',
  s3Bucket: '3-63 of a-z, 0-9, "." and "-", starting and ending with a letter or digit, no "..", not an IP, no xn--/sthree-/amzn-s3-demo- prefix or -s3alias/--ol-s3/.mrap/--x-s3/--table-s3 suffix',
  gcsBucket: '3-63 of a-z, 0-9, "_", "." and "-", starting and ending with a letter or digit, not an IP, no "goog" prefix, no "google"',
} as const;

export function checkAwsAccountName(name: string): string | null {
  return name.length >= 1 && name.length <= LIMITS.awsAccountName && /^[\x20-\x7E]+$/.test(name) && !TERRAFORM_TEMPLATE.test(name) ? null : RULES.awsAccountName;
}

export function checkEmail(email: string): string | null {
  return email.length >= 6 && email.length <= LIMITS.email && EMAIL.test(email) ? null : RULES.email;
}

export function checkGcpProjectId(id: string): string | null {
  return GCP_PROJECT_ID.test(id) && !GCP_FORBIDDEN.some((w) => id.includes(w)) ? null : RULES.gcpProjectId;
}

export function checkGcpDisplayName(name: string): string | null {
  return /^[A-Za-z0-9'" !-]{4,30}$/.test(name) ? null : RULES.gcpDisplayName;
}

export function checkS3Bucket(name: string): string | null {
  const ok =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !IP_ADDRESS.test(name) &&
    !['xn--', 'sthree-', 'amzn-s3-demo-'].some((p) => name.startsWith(p)) &&
    !['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].some((s) => name.endsWith(s));
  return ok ? null : RULES.s3Bucket;
}

export function checkGcsBucket(name: string): string | null {
  const ok = /^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/.test(name) && !IP_ADDRESS.test(name) && !name.startsWith('goog') && !name.includes('google');
  return ok ? null : RULES.gcsBucket;
}
