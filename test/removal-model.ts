// The model the removal tests shrink: two AWS projects, each with its own account, cluster and pool.
// Dropping `analytics` leaves two stacks whose states still hold resources, which synth must not drop
// without a `retired` record (src/plan/retired.ts).

export const REMOVAL_BASE = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: project
domains: { production: aws }
projects: [flytesnacks, analytics]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
clusters:
  prod-flytesnacks: { account: production/flytesnacks }
  prod-analytics: { account: production/analytics }
clusterPools:
  prod-flytesnacks-cp: [prod-flytesnacks]
  prod-analytics-cp: [prod-analytics]
`;

/** REMOVAL_BASE without the analytics project, its cluster and its pool. */
export const REMOVAL_SHRUNK = REMOVAL_BASE.replace('projects: [flytesnacks, analytics]', 'projects: [flytesnacks]').replace(/^.*prod-analytics.*\n/gm, '');

/** The stacks REMOVAL_SHRUNK no longer synthesizes. */
export const REMOVAL_GONE: readonly string[] = ['aws-accounts-production_analytics', 'pool-prod-analytics-cp'];
