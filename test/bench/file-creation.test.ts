// The bench's probe of file creation: it measures, keeps what it creates (deleting would cause the
// slowdown it looks for), and stops waiting at its limit.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { probeFileCreation, SLOW_MS_PER_FILE, waitForFileCreation } from '../../bench/file-creation';
import { temporaryDir } from '../helpers';

describe('the file-creation probe', () => {
  it('times the files it creates and leaves them in place', () => {
    const dir = temporaryDir();
    const ms = probeFileCreation(dir, 1);
    assert.ok(ms > 0 && Number.isFinite(ms));
    assert.equal(fs.readdirSync(path.join(dir, 'file-creation-probe-1')).length, 300);
  });

  it('returns at once when creation is fast, and gives up at its limit when it is not', async () => {
    const dir = temporaryDir();
    const result = await waitForFileCreation(dir, 0, 0);
    assert.ok(result.waitedSeconds < 5);
    // With no time to wait, one probe is all: settled or not, as the probe found.
    assert.equal(fs.readdirSync(dir).length, 1);
    assert.equal(result.settled, result.msPerFile <= SLOW_MS_PER_FILE);
  });
});
