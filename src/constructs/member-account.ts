// An AWS Organizations member account: one isolation unit on AWS. Safe by default: it is never
// destroyed or replaced by accident, and adopting an account that already exists imports it.
import { Construct } from 'constructs';
import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';

/** The role Organizations creates in every new member account, and the one the storage stacks assume. */
export const DEFAULT_ORGANIZATION_ROLE = 'OrganizationAccountAccessRole';

const ACCOUNT_ID = /^\d{12}$/;

export interface MemberAccountProps {
  /** Account name (1–50 characters). */
  readonly name: string;
  /** Root user email (6–64 characters): one address per account, for ever. */
  readonly email: string;
  /** Organization root (`r-…`) or OU (`ou-…`) id, or the id token of an OU created in the same stack. */
  readonly parentId: string;
  /**
   * Role Organizations creates in the new account for the management account to assume.
   * Written once at creation and ignored afterwards (the API cannot read it back).
   * @default 'OrganizationAccountAccessRole'
   */
  readonly roleName?: string;
  /**
   * Close the account when the resource is deleted, instead of only removing it from the organization.
   * @default false
   */
  readonly closeOnDeletion?: boolean;
  /**
   * Refuse any plan that destroys or replaces the account.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Adopt this existing account (its 12-digit id) through a Terraform import block instead of creating one.
   * @default - a new account is created
   */
  readonly existingId?: string;
  /**
   * On an adopted account, what Terraform leaves as it exists: its `name`, root `email` (a change of
   * email replaces the account) and `parent` (a change moves it to another OU).
   * @default - none: the account is managed as given
   */
  readonly keepExisting?: readonly ('name' | 'email' | 'parent')[];
}

const KEPT_ATTRIBUTE = { name: 'name', email: 'email', parent: 'parent_id' } as const;

export class MemberAccount extends Construct {
  readonly account: OrganizationsAccount;
  /** The account id; a token, known once the account exists. */
  readonly accountId: string;

  constructor(scope: Construct, id: string, props: MemberAccountProps) {
    super(scope, id);
    // An import id that is not an account id would only fail at apply, after the other stacks ran.
    if ((props.keepExisting ?? []).length > 0 && props.existingId === undefined) {
      throw new Error(`${this.node.path}: keepExisting applies to an adopted account (existingId) only`);
    }
    if (props.existingId !== undefined && !ACCOUNT_ID.test(props.existingId)) {
      throw new Error(`${this.node.path}: existingId must be a 12-digit AWS account id (found '${props.existingId}')`);
    }
    this.account = new OrganizationsAccount(this, 'account', {
      name: props.name,
      email: props.email,
      parentId: props.parentId,
      roleName: props.roleName ?? DEFAULT_ORGANIZATION_ROLE,
      closeOnDeletion: props.closeOnDeletion ?? false,
      lifecycle: {
        preventDestroy: props.preventDestroy ?? true,
        // role_name cannot be read back, and a change to iam_user_access_to_billing replaces the account.
        ignoreChanges: ['role_name', 'iam_user_access_to_billing', ...[...new Set(props.keepExisting ?? [])].sort().map((a) => KEPT_ATTRIBUTE[a])],
      },
    });
    if (props.existingId !== undefined) this.account.importFrom(props.existingId);
    this.accountId = this.account.id;
  }
}
