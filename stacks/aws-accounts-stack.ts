// The AWS member accounts of one domain (or the default accounts), in the management account, with
// the optional OU per domain they sit in, and an output of each account id for the storage stacks.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { Construct } from 'constructs';
import { MemberAccount } from '../src/constructs/member-account';
import { parentOutputName, parentStackOf } from '../src/plan/stack-layout';
import type { AwsUnit, StackPlan } from '../src/plan/types';
import { AccountsOutputs } from './accounts-outputs';
import { namedOutput } from './named-output';
import { inconsistent, type PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';

export class AwsAccountsStack extends UnionStack {
  private readonly organizationalUnits: Construct;
  private readonly ous = new Map<string, OrganizationsOrganizationalUnit>();
  private domainState: AccountsOutputs | undefined;

  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const aws = index.aws;
    // Credentials of the organization's management account: the only one that can create accounts.
    new AwsProvider(this, 'aws', { region: aws.region });
    this.organizationalUnits = new Construct(this, 'organizational-units');
    const units = new Construct(this, 'units');
    const outputs = new Construct(this, 'outputs');
    for (const parent of stackPlan.parents ?? []) {
      if (parent.kind !== 'aws-ou') throw inconsistent(`AWS stack '${stackPlan.name}' creates a ${parent.kind}`);
      const ou = this.organizationalUnit(parent.key, parent.name, parent.parentId);
      if (parent.output !== null) namedOutput(outputs, parent.output, ou.id);
    }
    // Organizations rejects concurrent account creations: the stack creates its accounts one at a time.
    let previous: MemberAccount | undefined;
    for (const key of stackPlan.units) {
      const unit = index.awsUnit(key);
      const account = new MemberAccount(units, unit.id, {
        name: unit.name,
        email: unit.email,
        parentId: this.parentId(unit, key),
        roleName: unit.roleName,
        closeOnDeletion: aws.closeOnDeletion,
        ...(unit.existingId !== null ? { existingId: unit.existingId } : {}),
        ...(unit.keepExisting.length > 0 ? { keepExisting: unit.keepExisting.filter((a) => a !== 'billing') } : {}),
      });
      if (unit.existingId === null) {
        if (previous !== undefined) account.account.dependsOn = [`${previous.account.terraformResourceType}.${previous.account.friendlyUniqueId}`];
        previous = account;
      }
      namedOutput(outputs, unit.accountIdOutput, account.accountId);
    }
  }

  private parentId(unit: AwsUnit, key: string): string {
    const parent = unit.parent;
    switch (parent.kind) {
      case 'aws-parent':
        return parent.parentId;
      case 'aws-ou': {
        const owner = parentStackOf(unit);
        if (owner === this.stackPlan.name) return this.organizationalUnit(parent.key, parent.name, parent.parentId).id;
        // The domain's OU lives in the domain's stack, shared by every pair of the domain.
        this.domainState ??= new AccountsOutputs(this, 'remote-state');
        return this.domainState.get(owner, parentOutputName(parent));
      }
      default:
        throw inconsistent(`AWS unit '${key}' has a ${parent.kind} parent`);
    }
  }

  /** One OU per domain in this stack, shared by all the units it holds; its id is the domain, so a rename is in place. */
  private organizationalUnit(id: string, name: string, parentId: string): OrganizationsOrganizationalUnit {
    let ou = this.ous.get(id);
    if (ou === undefined) {
      ou = new OrganizationsOrganizationalUnit(this.organizationalUnits, id, { name, parentId });
      this.ous.set(id, ou);
    } else if (ou.parentIdInput !== parentId) {
      throw inconsistent(`OU '${name}' in stack '${this.node.id}' has two parents ('${ou.parentIdInput}' and '${parentId}')`);
    }
    return ou;
  }
}
