// The bench measures every program in the same environment; what it removes, and only that.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measuredEnvironment } from '../../bench/measure';

describe('the environment of measured processes', () => {
  const here = { PATH: '/usr/bin', HOME: '/root', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', NODE_OPTIONS: '--require hook.js' };

  it('drops what changes how node starts, and keeps everything else', () => {
    const { env, removed } = measuredEnvironment(false, here);
    assert.deepEqual(removed, ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS']);
    assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/root', CHECKPOINT_DISABLE: '1' });
  });

  it('keeps all of it with --inherit-env', () => {
    const { env, removed } = measuredEnvironment(true, here);
    assert.deepEqual(removed, []);
    assert.deepEqual(env, { ...here, CHECKPOINT_DISABLE: '1' });
  });
});
