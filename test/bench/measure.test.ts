// The bench measures every program in the same environment (what it removes, and only that), waits
// for bursts of CPU steal to pass, and says how much of the machine the hypervisor took meanwhile.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { choosePeakMethod, measuredEnvironment, Measurer } from '../../bench/measure';
import { parseCpuLine, readCpuTimes, stealShare, waitForQuiet, type CpuTimes } from '../../bench/steal';
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

/** A /proc/stat stand-in: each probe is two readings, between which steal takes `shares[i]` of 100 ticks. */
function probes(shares: readonly number[]): { read: () => CpuTimes; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let now: CpuTimes = { total: 1_000, steal: 0 };
  let probe = 0;
  const slept: number[] = [];
  return {
    read: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      const share = shares[Math.min(probe++, shares.length - 1)]!;
      now = { total: now.total + 100, steal: now.steal + 100 * share };
    },
    slept,
  };
}

describe('waiting for quiet CPUs', () => {
  it('starts at once when the first probe is quiet', async () => {
    const fake = probes([0.02]);
    assert.deepEqual(await waitForQuiet({ threshold: 0.05, maxWaitMs: 10_000, probeMs: 300, ...fake }), { waitedMs: 0, quiet: true });
    assert.deepEqual(fake.slept, [300]);
  });

  it('waits through a burst until a probe is quiet', async () => {
    const fake = probes([0.3, 0.25, 0.06, 0.05]);
    assert.deepEqual(await waitForQuiet({ threshold: 0.05, maxWaitMs: 10_000, probeMs: 300, ...fake }), { waitedMs: 900, quiet: true });
    assert.equal(fake.slept.length, 4);
  });

  it('gives up after the longest wait it is allowed', async () => {
    const fake = probes([0.5]);
    assert.deepEqual(await waitForQuiet({ threshold: 0.05, maxWaitMs: 1_000, probeMs: 300, ...fake }), { waitedMs: 900, quiet: false });
    assert.deepEqual(await waitForQuiet({ threshold: 0.05, maxWaitMs: 0, probeMs: 300, ...probes([0.5]) }), { waitedMs: 0, quiet: false });
  });

  it('does not wait where steal cannot be read', async () => {
    const fake = probes([0.5]);
    assert.deepEqual(await waitForQuiet({ threshold: 0.05, maxWaitMs: 10_000, probeMs: 300, sleep: fake.sleep, read: () => undefined }), { waitedMs: 0, quiet: false });
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
