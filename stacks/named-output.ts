// Terraform outputs named exactly as given: scripts and other stacks read them by that name, so
// cdktf's path-derived logical id (with its hash) will not do.
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';

export function namedOutput(scope: Construct, name: string, value: unknown): TerraformOutput {
  const out = new TerraformOutput(scope, name, { value });
  out.overrideLogicalId(name);
  return out;
}
