// BYOC's AWS stacks through real Terraform: `terraform validate` with hashicorp/aws 5.100.0 from the
// offline mirror (the synthesized pin is 6.x, rewritten here; the backend dropped). 0 errors, 0 warnings.
// Skipped where Terraform or the mirror is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, ROOT, runCli } from '../helpers';

const MIRROR = '/opt/tf-plugins';
const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0 && existsSync(MIRROR);

function validate(stackJson: string, work: string): { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] } {
  const dir = mkdtempSync(path.join(work, 'v-'));
  const tf = JSON.parse(readFileSync(stackJson, 'utf8')) as { terraform: { backend?: unknown; required_providers: { aws: { version: string } } } };
  delete tf.terraform.backend;
  tf.terraform.required_providers.aws.version = '5.100.0';
  writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(tf));
  const cli = path.join(work, 'cli.tfrc');
  writeFileSync(cli, `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cli, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const init = spawnSync('terraform', ['init', '-backend=false', '-input=false'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(init.status, 0, init.stdout + init.stderr);
  const run = spawnSync('terraform', ['validate', '-json'], { cwd: dir, env, encoding: 'utf8' });
  return JSON.parse(run.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] };
}

describe('BYOC AWS stacks pass terraform validate (hashicorp/aws 5.100.0)', { skip: hasTerraform ? false : 'terraform or /opt/tf-plugins missing' }, () => {
  for (const [name, model, stacks] of [
    ['seed 003 domain isolation', path.join(ROOT, 'stacks', 'isolation-byoc.yaml'), ['aws-union-access-production']],
    ['project isolation, buckets: create', fixturePath('byoc-project-isolation.yaml'), ['aws-union-access-default', 'aws-union-access-production_project-1', 'aws-union-access-production_project-2', 'pool-prod-1-cp']],
  ] as const) {
    it(name, () => {
      const work = mkdtempSync(path.join(tmpdir(), 'ui-byoc-tf-'));
      try {
        const out = path.join(work, 'out');
        const synth = runCli(['synth', '-m', model, '-o', out]);
        assert.equal(synth.code, 0, synth.stderr);
        for (const stack of stacks) {
          const result = validate(path.join(out, 'stacks', stack, 'cdk.tf.json'), work);
          assert.deepEqual({ stack, valid: result.valid, errors: result.error_count, warnings: result.warning_count }, { stack, valid: true, errors: 0, warnings: 0 }, JSON.stringify(result.diagnostics));
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});
