// What a plan needs against the clouds' default quotas, known before the first apply fails on them.
// Figures are the documented defaults; an organization may have raised them (check the Service
// Quotas console / the billing account), so the review says "needs a raise" rather than failing.
import type { Plan } from './types';

/** Default quota figures the review compares against. */
export const DEFAULT_QUOTAS = {
  /** AWS Organizations: accounts per organization (management account included). */
  awsAccountsPerOrganization: 10,
  /** Account creations the synthesized Terraform runs at once (Organizations rejects concurrent ones). */
  awsConcurrentAccountCreations: 1,
  /** Projects linked to one billing account, by default. */
  gcpProjectsPerBillingAccount: 5,
} as const;

export interface QuotaNeed {
  readonly quota: string;
  readonly needed: number;
  readonly limit: number;
  /** What to do when needed > limit (null when within). */
  readonly action: string | null;
}

export function quotaNeeds(plan: Plan): QuotaNeed[] {
  const out: QuotaNeed[] = [];
  const aws = plan.units.filter((u) => u.cloud === 'aws');
  const gcp = plan.units.filter((u) => u.cloud === 'gcp');
  if (aws.length > 0) {
    // The management account counts; adopted accounts are in the organization already, and count too.
    const needed = aws.length + 1;
    const limit = DEFAULT_QUOTAS.awsAccountsPerOrganization;
    out.push({
      quota: 'AWS accounts per organization (incl. the management account)',
      needed,
      limit,
      action: needed > limit ? 'Request an increase of "Default maximum number of accounts" (Service Quotas, AWS Organizations, us-east-1) before the first apply, plus the accounts the organization already has.' : null,
    });
    out.push({
      quota: 'AWS account creations at once',
      needed: DEFAULT_QUOTAS.awsConcurrentAccountCreations,
      limit: DEFAULT_QUOTAS.awsConcurrentAccountCreations,
      action: null,
    });
  }
  if (gcp.length > 0) {
    const needed = gcp.length;
    const limit = DEFAULT_QUOTAS.gcpProjectsPerBillingAccount;
    out.push({
      quota: 'GCP projects linked to the billing account',
      needed,
      limit,
      action: needed > limit ? 'Request a billing quota increase for the billing account (support form "Billing quota increase") before the first apply; a project created without billing fails and returns 409 on rerun.' : null,
    });
  }
  if (plan.backend.type === 'cloud') {
    out.push({
      quota: 'HCP Terraform workspaces (one per stack)',
      needed: plan.stacks.length,
      limit: plan.stacks.length,
      action: 'Runs queue by your organization’s concurrency (its plan tier); `union-isolation stacks --changed` keeps a change to the workspaces it touches.',
    });
  }
  return out;
}
