// Names of the Terraform outputs the stacks write: what `terraform output` and `cdktf output` show,
// and what later stacks and scripts read. Unit outputs (account id, project id and number) are named
// by the plan itself.

/** A pool's buckets: names and ARNs (S3) or URLs (GCS). */
export function poolOutput(pool: string): string {
  return `pool_${pool}`;
}

/** A cluster's values for Union's data-plane Helm chart, with the account id filled in after apply. */
export function helmValuesOutput(cluster: string): string {
  return `helm_values_${cluster}`;
}

