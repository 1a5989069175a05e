// add-project with names a YAML reader would take for something else: numbers (123, 1e3, 0x1f, 0o17,
// 1_000), and YAML 1.1 booleans and null. The project must read back as the same string.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { addProject } from '../../src/model/add-project';

const FLOW = 'org: acme\nisolation: domain\ndomains: { production: aws }\nprojects: [flytesnacks]\n';
const BLOCK = 'org: acme\nisolation: domain\ndomains: { production: aws }\nprojects:\n  - flytesnacks\n';

describe('addProject: names YAML would not read as strings', () => {
  for (const name of ['123', '1e3', '0x1f', '0o17', '12-34', '007', 'yes', 'on', 'null', 'n', 'y', 'off']) {
    it(`${name} reads back as the string "${name}", flow and block`, () => {
      for (const text of [FLOW, BLOCK]) {
        const r = addProject(text, name);
        assert.ok(r.ok, JSON.stringify(r.ok ? null : r.findings));
        assert.deepEqual((parse(r.text) as { projects: unknown[] }).projects, ['flytesnacks', name]);
        // A YAML 1.1 reader too (yes/on/y are booleans there).
        assert.deepEqual((parse(r.text, { version: '1.1' }) as { projects: unknown[] }).projects, ['flytesnacks', name]);
      }
    });
  }

  it('an ordinary name stays plain', () => {
    const r = addProject(FLOW, 'analytics');
    assert.ok(r.ok);
    assert.match(r.text, /^projects: \[flytesnacks, analytics\]$/m);
  });
});
