import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GcpProject, type GcpProjectProps } from '../../src/constructs/gcp-project';
import { onlyResource, ref, resourcesOf, synth, testStack } from './synth';

const PROPS: GcpProjectProps = {
  projectId: 'acme-development',
  displayName: 'acme-development',
  parent: { folderId: '1234567890' },
  billingAccount: '01ABCD-23EF45-67890A',
};

function project(props: Partial<GcpProjectProps> = {}) {
  const stack = testStack();
  new GcpProject(stack, 'development', { ...PROPS, ...props });
  const tf = synth(stack);
  return { tf, ...onlyResource(tf, 'google_project') };
}

describe('GcpProject', () => {
  it('creates the project with billing, no default network, and deletion prevented twice over', () => {
    const { block, tf } = project();
    assert.deepEqual(block, {
      project_id: 'acme-development',
      name: 'acme-development',
      folder_id: '1234567890',
      billing_account: '01ABCD-23EF45-67890A',
      auto_create_network: false,
      deletion_policy: 'PREVENT',
      lifecycle: { prevent_destroy: true },
    });
    assert.deepEqual(resourcesOf(tf, 'google_project_service'), {});
    assert.equal(tf.import, undefined);
  });

  it('sits under the organization when given an org id, with labels', () => {
    const { block } = project({ parent: { orgId: '987654321' }, labels: { team: 'platform' } });
    assert.equal(block.org_id, '987654321');
    assert.equal(block.folder_id, undefined);
    assert.deepEqual(block.labels, { team: 'platform' });
  });

  it('enables each service once, in the project, left enabled on destroy', () => {
    const { tf, id } = project({ services: ['storage.googleapis.com', 'container.googleapis.com', 'storage.googleapis.com'] });
    const services = Object.values(resourcesOf(tf, 'google_project_service'));
    assert.deepEqual(
      services.map((s) => s.service),
      ['container.googleapis.com', 'storage.googleapis.com'],
    );
    for (const s of services) {
      assert.equal(s.disable_on_destroy, false);
      // The project's id attribute, not the literal: the service waits for the project to exist.
      assert.equal(s.project, ref('google_project', id, 'project_id'));
    }
  });

  it('adopts an existing project with an import block', () => {
    const { tf, id } = project({ existingId: 'acme-development' });
    assert.deepEqual(tf.import, [{ id: 'acme-development', to: `google_project.${id}` }]);
  });

  it('fails when the adopted project id differs from the project id', () => {
    assert.throws(() => project({ existingId: 'legacy-dev-project' }), /an adopted project keeps its id: existingId 'legacy-dev-project' differs from projectId 'acme-development'/);
  });
});
