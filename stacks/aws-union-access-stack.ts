// BYOC on AWS: Union's access role in every account of one accounts stack, each created inside its
// account by a provider that assumes the organization role there. The account ids come from the
// accounts stack's outputs through remote state, so they are known when this stack is planned and
// no provider can fall back to the management account.
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { EXTERNAL_ID_VARIABLE } from '../src/plan/byoc-types';
import { UnionAwsAccess } from '../src/constructs/union-aws-access';
import type { StackPlan } from '../src/plan/types';
import { AccountsOutputs } from './accounts-outputs';
import { namedOutput } from './named-output';
import { inconsistent, type PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';

export class AwsUnionAccessStack extends UnionStack {
  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const byoc = index.byoc(stackPlan);
    if (byoc?.aws == null) throw inconsistent(`access stack '${stackPlan.name}' in a plan without BYOC AWS settings`);
    const access = new Map(byoc.access.map((a) => [a.unit, a]));
    // The external id stays out of the synthesized JSON (reviewed in pull requests) and out of the
    // plan's output: Terraform reads it from TF_VAR_union_external_id where the stack is applied.
    const externalId = new TerraformVariable(this, EXTERNAL_ID_VARIABLE, {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: "The external id Union's team gave for union-ai-admin's trust (8-24 characters); set TF_VAR_union_external_id.",
      validation: [{ condition: '${can(regex("^[A-Za-z0-9_+=,.@:/-]{8,24}$", var.' + EXTERNAL_ID_VARIABLE + '))}', errorMessage: "The external id Union's template accepts: 8-24 of letters, digits and + = , . @ : / _ -." }],
    });
    externalId.overrideLogicalId(EXTERNAL_ID_VARIABLE);
    const accounts = new AccountsOutputs(this, 'remote-state');
    const units = new Construct(this, 'units');
    const outputs = new Construct(this, 'outputs');
    for (const key of stackPlan.units) {
      const unit = index.awsUnit(key);
      const unitAccess = access.get(key);
      if (unitAccess?.cloud !== 'aws') throw inconsistent(`AWS unit '${key}' has no Union access in the plan`);
      const union = new UnionAwsAccess(units, unit.id, {
        accountId: accounts.get(unit.stack, unit.accountIdOutput),
        region: unitAccess.region,
        organizationRoleName: unit.roleName,
        templateUrl: byoc.aws.templateUrl,
        stackName: byoc.aws.stackName,
        roleName: byoc.aws.roleName,
        externalId: externalId.stringValue,
      });
      union.dependOn(namedOutput(outputs, unitAccess.roleArnOutput, union.roleArn));
    }
  }
}
