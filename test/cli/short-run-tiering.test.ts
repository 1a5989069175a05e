// validate, plan, diff and add-project raise V8's interrupt budget at start (src/short-run-tiering.ts):
// what they print must be what a process that leaves V8's flags alone computes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generateModel } from '../../bench/model';
import { ROOT, runCli, temporaryDir } from '../helpers';

describe('the raised interrupt budget of the short commands', () => {
  it('changes nothing they print: plan --json and the review of 1,000 units equal those of a process with no V8 flag set', () => {
    const model = path.join(temporaryDir('ui-tiering-'), 'model.yaml');
    writeFileSync(model, generateModel(333).yaml);
    const json = runCli(['plan', '--json', '-m', model]);
    const review = runCli(['plan', '-m', model]);
    const validate = runCli(['validate', '-m', model]);
    for (const run of [json, review, validate]) assert.equal(run.code, 0, run.stderr);
    const script = `const { compileFile } = require('./dist/src/compile.js');
      const compiled = compileFile(${JSON.stringify(model)});
      process.stdout.write(JSON.stringify({
        json: require('./dist/src/outputs/plan-json.js').renderPlanJson(compiled.plan, { model: compiled.file }),
        review: require('./dist/src/outputs/review.js').renderReview(compiled.plan),
        findings: compiled.findings.length,
      }));`;
    const plain = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(plain.status, 0, plain.stderr);
    const expected = JSON.parse(plain.stdout) as { json: string; review: string; findings: number };
    assert.ok(expected.json.length > 100_000, 'a model big enough for V8 to optimize what it runs');
    assert.equal(json.stdout, expected.json);
    assert.equal(review.stdout, expected.review);
    assert.equal(expected.findings, 0);
  });
});
