// Terraform for the test tier: the binary on PATH and the offline filesystem mirror of the
// hashicorp/aws provider, with a CLI configuration that installs only from that mirror, and an
// asynchronous runner (the fake STS endpoint answers on this process's event loop while Terraform runs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface TerraformSetup {
  readonly bin: string;
  readonly version: string;
  /** The directory that holds `registry.terraform.io/`. */
  readonly mirror: string;
  /** The hashicorp/aws version in the mirror (the synthesized pin is rewritten to it in scratch copies). */
  readonly awsVersion: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Where the mirror may be: UNION_TF_MIRROR, then the places images usually put one. */
function mirrorCandidates(): string[] {
  const fromEnv = process.env.UNION_TF_MIRROR;
  const home = process.env.HOME ?? '';
  return [
    ...(fromEnv ? [fromEnv] : []),
    '/opt/tf-plugins',
    path.join(home, '.terraform.d', 'plugins'),
    path.join(home, '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ];
}

function awsVersionIn(mirror: string): string | null {
  const dir = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
  if (!existsSync(dir)) return null;
  const versions = readdirSync(dir)
    .filter((v) => existsSync(path.join(dir, v, 'linux_amd64')) || existsSync(path.join(dir, v, `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return versions.at(-1) ?? null;
}

/** The setup, or why there is none (one line for the skip message). */
export function findTerraform(scratch: string): TerraformSetup | { readonly missing: string } {
  const probe = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (probe.error !== undefined || probe.status !== 0) return { missing: 'no terraform on PATH' };
  const version = (JSON.parse(probe.stdout) as { terraform_version: string }).terraform_version;
  for (const mirror of mirrorCandidates()) {
    const awsVersion = awsVersionIn(mirror);
    if (awsVersion === null) continue;
    mkdirSync(scratch, { recursive: true });
    const config = path.join(scratch, 'terraform.rc');
    writeFileSync(config, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
    // Nothing of the caller's AWS or Terraform settings (profiles, roles, tokens, CLI config) reaches these runs.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|TF_)/.test(k)));
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      TF_CLI_CONFIG_FILE: config,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      // Fake credentials: nothing here may reach AWS, and the provider's endpoints are overridden in plan copies.
      AWS_ACCESS_KEY_ID: 'AKIAUNIONISOLATIONTEST',
      AWS_SECRET_ACCESS_KEY: 'union-isolation-test-not-a-secret',
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      TF_LOG: '',
    };
    return { bin: 'terraform', version, mirror, awsVersion, env };
  }
  return { missing: `no hashicorp/aws provider in a filesystem mirror (looked in ${mirrorCandidates().join(', ')}; set UNION_TF_MIRROR)` };
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function terraform(setup: TerraformSetup, cwd: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(setup.bin, ['-chdir=' + cwd, ...args], { env: setup.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** `fn` over `items`, at most `width` at a time, results in the order of `items`. */
export async function inParallel<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
