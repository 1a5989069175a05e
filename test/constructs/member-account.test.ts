import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemberAccount, type MemberAccountProps } from '../../src/constructs/member-account';
import { onlyResource, synth, testStack } from './synth';

const PROPS: MemberAccountProps = { name: 'acme-production', email: 'aws+acme-production@acme.example', parentId: 'ou-ab12-cdefgh34' };

function account(props: Partial<MemberAccountProps> = {}) {
  const stack = testStack();
  new MemberAccount(stack, 'production', { ...PROPS, ...props });
  const tf = synth(stack);
  return { tf, ...onlyResource(tf, 'aws_organizations_account') };
}

describe('MemberAccount', () => {
  it('creates the account with safe defaults: kept on destroy, never closed, role set once', () => {
    const { block, tf } = account();
    assert.deepEqual(block, {
      name: 'acme-production',
      email: 'aws+acme-production@acme.example',
      parent_id: 'ou-ab12-cdefgh34',
      role_name: 'OrganizationAccountAccessRole',
      close_on_deletion: false,
      lifecycle: { prevent_destroy: true, ignore_changes: ['role_name', 'iam_user_access_to_billing'] },
    });
    assert.equal(tf.import, undefined);
  });

  it('takes the role name, closing and protection only when set explicitly', () => {
    const { block } = account({ roleName: 'UnionAdmin', closeOnDeletion: true, preventDestroy: false });
    assert.equal(block.role_name, 'UnionAdmin');
    assert.equal(block.close_on_deletion, true);
    assert.deepEqual(block.lifecycle, { prevent_destroy: false, ignore_changes: ['role_name', 'iam_user_access_to_billing'] });
  });

  it('adopts an existing account with an import block into the same resource', () => {
    const { tf, id } = account({ existingId: '123456789012' });
    assert.deepEqual(tf.import, [{ id: '123456789012', to: `aws_organizations_account.${id}` }]);
  });

  it('fails when existingId is not a 12-digit account id', () => {
    assert.throws(() => account({ existingId: '12345' }), /test\/production: existingId must be a 12-digit AWS account id \(found '12345'\)/);
  });
});
