// The cdktf app for a plan: every stack the plan lists, built from the plan alone, with the order
// between stacks declared explicitly. Nothing here reads the environment, the clock or the disk.
import { App } from 'cdktf';
import type { Construct } from 'constructs';
import type { Plan, StackPlan } from '../src/plan/types';
import { AwsAccountsStack } from './aws-accounts-stack';
import { AwsStorageStack } from './aws-storage-stack';
import { AwsUnionAccessStack } from './aws-union-access-stack';
import { GcpProjectsStack } from './gcp-projects-stack';
import { GcpStorageStack } from './gcp-storage-stack';
import { HcpBootstrapStack } from './hcp-bootstrap-stack';
import { inconsistent, PlanIndex } from './plan-index';
import { RetiredStack } from './retired-stack';
import type { UnionStack } from './union-stack';

/**
 * Builds (does not synthesize) the app; `app.synth()` writes `outdir/stacks/<stack>/cdk.tf.json` and
 * `outdir/manifest.json`. `new App` creates `outdir` if missing (not its parents).
 */
export function buildApp(plan: Plan, outdir: string): App {
  const app = new App({
    outdir,
    // Stack traces in metadata cost time per construct and differ between machines.
    stackTraces: false,
    // cdktf's validations walk every construct of every stack again and, for the cloud backend, run
    // `terraform version`; synthesis must need no Terraform. The stacks check their own inputs.
    skipValidation: true,
    hclOutput: false,
  });
  const index = new PlanIndex(plan);
  const stacks = new Map<string, UnionStack>();
  for (const stackPlan of plan.stacks) {
    if (stacks.has(stackPlan.name)) throw inconsistent(`stack '${stackPlan.name}' is listed twice`);
    stacks.set(stackPlan.name, createStack(app, stackPlan, index));
  }
  for (const stackPlan of plan.stacks) {
    const stack = stacks.get(stackPlan.name)!;
    for (const name of stackPlan.dependsOn) {
      const upstream = stacks.get(name);
      if (upstream === undefined) throw inconsistent(`stack '${stackPlan.name}' depends on unknown stack '${name}'`);
      stack.addDependency(upstream);
    }
    // Order only (no outputs read): account creations one stack at a time.
    for (const name of stackPlan.after ?? []) {
      const upstream = stacks.get(name);
      if (upstream === undefined) throw inconsistent(`stack '${stackPlan.name}' comes after unknown stack '${name}'`);
      stack.addDependency(upstream);
    }
  }
  // With HCP Terraform, the stack that creates the workspaces the others run in (local state).
  if (plan.backend.type === 'cloud') new HcpBootstrapStack(app, plan, new Map([...stacks].map(([name, s]) => [name, [...s.reads].sort()])));
  return app;
}

function createStack(scope: Construct, stackPlan: StackPlan, index: PlanIndex): UnionStack {
  if (stackPlan.kind === 'retired') return new RetiredStack(scope, stackPlan, index);
  if (stackPlan.kind === 'access') return new AwsUnionAccessStack(scope, stackPlan, index);
  if (stackPlan.kind === 'accounts') {
    return stackPlan.cloud === 'aws' ? new AwsAccountsStack(scope, stackPlan, index) : new GcpProjectsStack(scope, stackPlan, index);
  }
  return stackPlan.cloud === 'aws' ? new AwsStorageStack(scope, stackPlan, index) : new GcpStorageStack(scope, stackPlan, index);
}
