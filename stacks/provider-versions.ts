// Provider requirements as version ranges, not the exact version the cdktf bindings were generated
// for: an exact pin fights lock files and mirrors that hold another patch or minor release, and the
// lock file (.terraform.lock.hcl) is where Terraform settles the exact version. `~> MAJOR.MINOR` of
// the bindings' version: at least the release whose schema the bindings describe, any later one of
// the same major version (a major version is where providers break configurations).

/** `~> X.Y` for bindings generated at X.Y.Z. */
export function versionRange(exact: string): string {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(exact);
  return m ? `~> ${m[1]}.${m[2]}` : exact;
}

/** Rewrites the exact versions in a stack's `terraform.required_providers` (cdktf's toTerraform output) as ranges. */
export function rangeProviderVersions(tf: { terraform?: { required_providers?: Record<string, { version?: string }> } }): void {
  for (const requirement of Object.values(tf.terraform?.required_providers ?? {})) {
    if (requirement.version !== undefined) requirement.version = versionRange(requirement.version);
  }
}
