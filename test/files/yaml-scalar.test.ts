// Names that YAML 1.1 reads as booleans or numbers (uctl and Helm are Go programs on 1.1-mode
// readers) must come out as strings in every YAML file synth writes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { yamlScalar } from '../../src/files/yaml-scalar';
import { runCli, temporaryDir } from '../helpers';

const TRICKY = ['on', 'off', 'yes', 'no', 'y', 'n', '1e3'];

const MODEL = `org: acme
controlPlaneHost: acme.unionai.cloud
isolation: domain
domains: { "on": aws, "off": aws }
projects: ["yes", "1e3", "no"]
aws: { region: us-east-1, parentId: r-ab12, emailTemplate: "aws+{name}@acme.example" }
clusters:
  "y": { account: "on" }
  "n": { account: "off" }
clusterPools:
  "y": ["y"]
  "n": ["n"]
  "1e3": ["n"]
poolAssignments:
  - { project: "yes", domain: "off", workflow: "on", clusterPoolName: "1e3" }
  - { project: "no", domain: "off", clusterPoolName: "n" }
  - { project: "1e3", domain: "off", clusterPoolName: "n" }
  - { project: "yes", domain: "off", clusterPoolName: "n" }
`;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('YAML scalars', () => {
  it('quotes what YAML 1.1 reads as a boolean or a number', () => {
    for (const name of TRICKY) assert.equal(yamlScalar(name), JSON.stringify(name), name);
    assert.equal(yamlScalar('flytesnacks'), 'flytesnacks');
  });

  it('writes on, off, yes, no, y, n and 1e3 as strings in every generated YAML file, read as YAML 1.1', () => {
    const dir = temporaryDir('ui-yaml-');
    writeFileSync(path.join(dir, 'model.yaml'), MODEL);
    const r = runCli(['synth', '-m', 'model.yaml', '-o', 'out'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const files = yamlFiles(path.join(dir, 'out', 'union'));
    // The attribute files, the pool mapping and both clusters' Helm values.
    assert.ok(files.length >= 9, files.join('\n'));
    const seen = new Set<string>();
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' })) {
        assert.deepEqual(doc.errors, [], file);
        visit(doc, {
          Scalar(_, node) {
            assert.equal(typeof node.value, 'string', `${path.relative(dir, file)}: ${String(node.value)} is read as a ${typeof node.value}`);
            if (isScalar(node) && TRICKY.includes(node.value as string)) seen.add(node.value as string);
          },
        });
      }
    }
    assert.deepEqual([...seen].sort(), [...TRICKY].sort());
  });
});
