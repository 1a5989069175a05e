// A stack that left the model and whose resources stay (the model's `retired.<stack>.forget`): its
// state is planned against `removed` blocks with `destroy = false`, so Terraform forgets every
// resource it holds without destroying any. Without this stack, the state would be planned against
// no configuration at all, and that plans the destroy of everything in it (src/plan/retired.ts).
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { Construct } from 'constructs';
import type { StackPlan } from '../src/plan/types';
import { inconsistent, type PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';

/** Forgetting calls no cloud API, but Terraform still configures the provider of the resources in state, which needs a region. */
const ANY_REGION = 'us-east-1';

export class RetiredStack extends UnionStack {
  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const forget = stackPlan.forget ?? [];
    if (forget.length === 0) throw inconsistent(`retired stack '${stackPlan.name}' forgets nothing`);
    if (stackPlan.cloud === 'aws') {
      // No role to assume and no credentials to check: the account this stack once acted in may be gone from the model.
      new AwsProvider(this, 'aws', { region: ANY_REGION, skipCredentialsValidation: true, skipRequestingAccountId: true, skipMetadataApiCheck: 'true' });
    } else {
      new GoogleProvider(this, 'google', {});
    }
    this.addOverride(
      'removed',
      forget.map((from) => ({ from, lifecycle: { destroy: false } })),
    );
  }
}
