// Fix 9 of issue 18: the tests that drop to nobody say why they skip when nobody cannot reach the
// checkout, instead of failing: here a script under a 0700 directory, and the same script beside it.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { temporaryDir } from '../helpers';
import { whyNobodyCannotRun } from './as-nobody';

const root = process.getuid?.() === 0;

describe('running as nobody', { skip: !root && 'not root: the tests run as the current user' }, () => {
  it('reports a script under a directory nobody cannot traverse, and accepts one it can reach', (t) => {
    const dir = temporaryDir('ui-nobody-test-');
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'open'), { mode: 0o755 });
    mkdirSync(path.join(dir, 'closed'), { mode: 0o700 });
    writeFileSync(path.join(dir, 'open', 'ok.js'), 'process.exit(0);\n');
    copyFileSync(path.join(dir, 'open', 'ok.js'), path.join(dir, 'closed', 'ok.js'));
    const open = whyNobodyCannotRun(path.join(dir, 'open', 'ok.js'), []);
    // Without setpriv, or with Node or the temporary directory closed to nobody, there is nothing to compare.
    if (open !== null) return t.skip(open);
    const reason = whyNobodyCannotRun(path.join(dir, 'closed', 'ok.js'), []);
    assert.ok(reason !== null, 'a script nobody cannot read is reported');
    assert.match(reason, /nobody \(uid 65534\) cannot run .*closed\/ok\.js/);
  });
});
