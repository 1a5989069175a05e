// The AWS member accounts of one domain (or the default accounts), in the management account, with
// the optional OU per domain they sit in, and an output of each account id for the storage stacks.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { Construct } from 'constructs';
import { MemberAccount } from '../src/constructs/member-account';
import type { StackPlan, UnitParent } from '../src/plan/types';
import { namedOutput } from './named-output';
import { inconsistent, type PlanIndex } from './plan-index';
import { UnionStack } from './union-stack';

export class AwsAccountsStack extends UnionStack {
  private readonly organizationalUnits: Construct;
  private readonly ous = new Map<string, OrganizationsOrganizationalUnit>();

  constructor(scope: Construct, stackPlan: StackPlan, index: PlanIndex) {
    super(scope, stackPlan, index);
    const aws = index.aws;
    // Credentials of the organization's management account: the only one that can create accounts.
    new AwsProvider(this, 'aws', { region: aws.region });
    this.organizationalUnits = new Construct(this, 'organizational-units');
    const units = new Construct(this, 'units');
    const outputs = new Construct(this, 'outputs');
    for (const key of stackPlan.units) {
      const unit = index.awsUnit(key);
      const account = new MemberAccount(units, unit.id, {
        name: unit.name,
        email: unit.email,
        parentId: this.parentId(unit.parent, key),
        roleName: unit.roleName,
        closeOnDeletion: aws.closeOnDeletion,
        ...(unit.existingId !== null ? { existingId: unit.existingId } : {}),
        ...(unit.keepExisting.length > 0 ? { keepExisting: unit.keepExisting.filter((a) => a !== 'billing') } : {}),
      });
      namedOutput(outputs, unit.accountIdOutput, account.accountId);
    }
  }

  private parentId(parent: UnitParent, key: string): string {
    switch (parent.kind) {
      case 'aws-parent':
        return parent.parentId;
      case 'aws-ou':
        return this.organizationalUnit(parent.key, parent.name, parent.parentId).id;
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
