// How a storage stack reads ids from the accounts stacks: one explicit remote-state data source per
// upstream stack, never cdktf's automatic cross-stack references (an output and a data source per
// reference, found by resolving every token of every stack: quadratic at thousands of units).
import type { TerraformRemoteState } from 'cdktf';
import { Construct } from 'constructs';
import type { StackPlan } from '../src/plan/types';
import { remoteStateOf } from './backend';
import { inconsistent } from './plan-index';
import type { UnionStack } from './union-stack';

export class AccountsOutputs extends Construct {
  private readonly states = new Map<string, TerraformRemoteState>();

  constructor(
    private readonly stack: UnionStack,
    id: string,
  ) {
    super(stack, id);
  }

  /** The value of `output` in accounts stack `upstream`; a Terraform expression, known at plan time once that stack is applied. */
  get(upstream: string, output: string): string {
    // diff and stacks decide which stacks wait from the plan's reads: one they do not know would go unseen.
    if (!this.stack.index.plansRead(this.stack.stackPlan.name, upstream, output)) {
      throw inconsistent(`stack '${this.stack.stackPlan.name}' reads output '${output}' of '${upstream}', which src/plan/stack-reads.ts does not list`);
    }
    return this.state(upstream).getString(output);
  }

  private state(upstream: string): TerraformRemoteState {
    let state = this.states.get(upstream);
    if (state === undefined) {
      // Reading a stack that is not a declared dependency would let cdktf deploy this one first.
      const plan: StackPlan = this.stack.stackPlan;
      if (!plan.dependsOn.includes(upstream)) {
        throw inconsistent(`stack '${plan.name}' reads outputs of '${upstream}' but does not list it in dependsOn`);
      }
      state = remoteStateOf(this, upstream, this.stack.index.plan.backend, upstream);
      this.states.set(upstream, state);
      this.stack.reads.add(upstream);
    }
    return state;
  }
}
