// Provider requirements are version ranges (stacks/provider-versions.ts): a lock file settles the exact version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { versionRange } from '../../stacks/provider-versions';
import { fixtureText, planOf } from '../helpers';
import { synthApp } from './synth';

const HCP = 'backend: { type: cloud, organization: acme, awsRunRoleArn: "arn:aws:iam::123456789012:role/hcp-terraform", gcpWorkloadProviderName: "projects/123456789012/locations/global/workloadIdentityPools/hcp-terraform/providers/hcp-terraform", gcpServiceAccountEmail: hcp-terraform@acme-admin-1.iam.gserviceaccount.com }\n';

describe('provider requirements', () => {
  it('are `~> MAJOR.MINOR` of the bindings\' version in every stack, the HCP bootstrap stack included', () => {
    const app = synthApp(planOf({ yaml: `${fixtureText('synth-project-isolation.yaml')}${HCP}` }));
    const seen = new Map<string, Set<string>>();
    for (const [name, tf] of app.stacks) {
      for (const [provider, requirement] of Object.entries(tf.terraform?.required_providers ?? {})) {
        const version = String((requirement as { version?: unknown }).version);
        assert.match(version, /^~> \d+\.\d+$/, `${name}: ${provider}`);
        seen.set(provider, (seen.get(provider) ?? new Set()).add(version));
      }
    }
    assert.deepEqual([...seen.keys()].sort(), ['aws', 'google', 'tfe']);
    for (const [provider, versions] of seen) assert.equal(versions.size, 1, `${provider}: ${[...versions].join(', ')}`);
  });

  it('keep major and minor and drop the patch release', () => {
    assert.equal(versionRange('6.25.0'), '~> 6.25');
    assert.equal(versionRange('0.71.3'), '~> 0.71');
    assert.equal(versionRange('~> 6.0'), '~> 6.0');
  });
});
