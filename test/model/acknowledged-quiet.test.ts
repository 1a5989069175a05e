// An acknowledged warning stays quiet in every output (issue 26): beside errors from the model's
// rules (resolution skipped), and in the review's BYOC section.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { renderUnionFiles } from '../../src/files/union-files';
import { compileYaml, findingLines, ROOT } from '../helpers';

const BYOC = readFileSync(path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), 'utf8');
const ACKED = `${BYOC}\nacknowledge: [{ warning: byoc-mixed-clouds, at: "deployment" }]\n`;

describe('acknowledged warnings', () => {
  it('are not printed beside another error', () => {
    // An error from the rules: the cluster of an unknown account.
    const broken = ACKED.replace('    account: development\n', '    account: developmnt\n');
    const lines = findingLines(compileYaml(broken));
    assert.ok(lines.some((l) => /clusters\.dev\.account/.test(l)), lines.join('\n'));
    assert.deepEqual(lines.filter((l) => /byoc-mixed-clouds|both AWS and GCP/.test(l)), []);
  });

  it('are printed when not acknowledged, beside the same error', () => {
    const lines = findingLines(compileYaml(BYOC.replace('    account: development\n', '    account: developmnt\n')));
    assert.ok(lines.some((l) => /both AWS and GCP/.test(l)));
  });

  it('stay out of the review\'s BYOC warnings', () => {
    const compiled = compileYaml(ACKED);
    assert.ok(compiled.plan, findingLines(compiled).join('\n'));
    assert.deepEqual(compiled.plan.byoc!.warnings, []);
    // The review lists accepted warnings once, as accepted; the BYOC section no longer repeats them.
    const review = renderUnionFiles(compiled.plan).get('review.md')!;
    const byocSection = review.slice(review.indexOf('## BYOC'), review.indexOf('\n## ', review.indexOf('## BYOC') + 1));
    assert.doesNotMatch(byocSection, /both AWS and GCP/);
    assert.deepEqual(findingLines(compiled), []);
  });
});
