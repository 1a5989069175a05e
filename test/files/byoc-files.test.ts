// What a BYOC synth writes under union/ (issue 26): nothing of the self-managed chart, and the
// external id in none of the files (plan.json and the request are read in pull requests).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { renderUnionFiles } from '../../src/files/union-files';
import { fixtureText, planOf, ROOT } from '../helpers';

const MODELS = [
  ['stacks/isolation-byoc.yaml', 'acme-union-7f3k'],
  ['byoc-project-isolation.yaml', 'ext-0123456789'],
] as const;

describe('union/ files of a BYOC model', () => {
  for (const [model, externalId] of MODELS) {
    const yaml = model.startsWith('stacks/') ? readFileSync(path.join(ROOT, model), 'utf8') : fixtureText(model);
    const files = renderUnionFiles(planOf({ yaml }));

    it(`has no Helm values or install steps for the self-managed chart (${model})`, () => {
      assert.deepEqual([...files.keys()].filter((f) => f.startsWith('helm/') || /helm/i.test(f)), []);
      assert.ok(files.has('data-plane-request.md'));
    });

    it(`states the GCP identity pool's breadth and how to narrow it, and where the external id comes from (${model})`, () => {
      const review = files.get('review.md')!;
      assert.match(review, /trusts every principal of Union's AWS account `479331373192` \(Union's documented setup sets no attribute condition\)/);
      assert.match(review, /add to the provider an attribute condition/);
      assert.match(review, /`TF_VAR_union_external_id` set to the external id/);
    });

    it(`names the org, the control plane host to fill in, and each bucket's home (${model})`, () => {
      const request = files.get('data-plane-request.md')!;
      assert.match(request, /- Union org: `acme`; control plane host: \*\*TO FILL IN\*\*/);
      assert.match(request, /\| Held by \(also read by\) \|/);
      assert.match(request, /\| `production(\/project-1)?` \|\n/);
    });

    it(`holds the external id in no file (${model})`, () => {
      for (const [name, text] of files) assert.ok(!text.includes(externalId), `${name} holds the external id`);
    });
  }
});
