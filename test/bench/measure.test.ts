// The bench measures every program in the same environment (what it removes, and only that) and says
// how much of the machine the hypervisor took meanwhile, over each run and the whole bench.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { choosePeakMethod, measuredEnvironment, Measurer } from '../../bench/measure';
import { parseCpuLine, readCpuTimes, stealShare } from '../../bench/steal';
import { ROOT, temporaryDir } from '../helpers';

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

describe('CPU steal', () => {
  it('is read from the cpu line of /proc/stat, the eighth field', () => {
    assert.deepEqual(parseCpuLine('cpu  1665499 0 249287 928794 15585 0 5017 235183 0 0'), { total: 1665499 + 249287 + 928794 + 15585 + 5017 + 235183, steal: 235183 });
    assert.equal(parseCpuLine('cpu0 1 2 3 4 5 6 7 8 0 0'), undefined);
    assert.equal(parseCpuLine('cpu 1 2 3'), undefined);
  });

  it('is reported as its share of the CPU time between two readings', () => {
    assert.equal(stealShare({ total: 1000, steal: 100 }, { total: 2000, steal: 350 }), 0.25);
    assert.equal(stealShare(undefined, { total: 1, steal: 0 }), undefined);
    assert.equal(stealShare({ total: 5, steal: 0 }, { total: 5, steal: 0 }), undefined);
  });
});

describe('a measured run', () => {
  it('has its wall time, CPU time, peak memory and, where Linux tells, the steal during it', async () => {
    const dir = temporaryDir('ui-bench-');
    const measurer = new Measurer(choosePeakMethod(), path.join(ROOT, 'dist', 'bench', 'peak-rss-hook.js'), dir, measuredEnvironment(false));
    const sample = await measurer.run({ argv: ['node', '-e', 'let x = 0; for (let i = 0; i < 1e7; i++) x += i;'], cwd: dir, stdoutFile: path.join(dir, 'out.txt') });
    assert.ok(sample.seconds > 0 && sample.cpuSeconds >= 0 && sample.peakMiB > 10, JSON.stringify(sample));
    if (readCpuTimes() === undefined) assert.equal(sample.steal, undefined);
    else assert.ok(sample.steal !== undefined && sample.steal >= 0 && sample.steal <= 1, JSON.stringify(sample));
  });
});
