import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { addProject } from '../../src/model/add-project';
import { fixtureText } from '../helpers';

function added(text: string, name: string): string {
  const r = addProject(text, name);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.findings));
  return r.text;
}

/** The lines of `after` that are not in `before`, and the reverse. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('addProject (the model edit)', () => {
  it('appends to a block onDemand.projects in project isolation, keeping every other byte', () => {
    const before = fixtureText('outputs-commented-project.yaml');
    const after = added(before, 'epsilon');
    assert.deepEqual(lineDiff(before, after), { added: ['    - epsilon'], removed: [] });
    assert.equal(after.replace('    - epsilon\n', ''), before);
    assert.deepEqual((parse(after) as { onDemand: { projects: string[] } }).onDemand.projects, ['gamma', 'delta', 'epsilon']);
  });

  it('keeps a flow sequence flow, in domain isolation', () => {
    const before = fixtureText('outputs-commented-domain.yaml');
    const after = added(before, 'new-one');
    assert.deepEqual(lineDiff(before, after), {
      added: ['projects: [flytesnacks, analytics, new-one]   # add-project appends here, in flow style'],
      removed: ['projects: [flytesnacks, analytics]   # add-project appends here, in flow style'],
    });
  });

  it('keeps an aligned end-of-line comment in its column when there is room', () => {
    const after = added('isolation: domain\nprojects: [a]              # aligned\nx: 1                       # aligned\n', 'b');
    assert.equal(after, 'isolation: domain\nprojects: [a, b]           # aligned\nx: 1                       # aligned\n');
  });

  it('creates the list where the model has none, or has an empty one', () => {
    assert.equal(added('isolation: domain\ndomains: { d: gcp }\n', 'p'), 'isolation: domain\ndomains: { d: gcp }\nprojects: [p]\n');
    assert.equal(added('isolation: domain\nprojects: []\n', 'p'), 'isolation: domain\nprojects: [p]\n');
    assert.equal(added('isolation: domain\nprojects:\nx: 1\n', 'p'), 'isolation: domain\nprojects: [p]\nx: 1\n');
    assert.equal(added('isolation: project\nonDemand:\n  cloud: aws\nx: 1\n', 'p'), 'isolation: project\nonDemand:\n  cloud: aws\n  projects: [p]\nx: 1\n');
    assert.equal(added('isolation: project\nonDemand: { cloud: aws }\n', 'p'), 'isolation: project\nonDemand: { cloud: aws, projects: [p] }\n');
  });

  it('edits a JSON model as JSON', () => {
    const after = added('{\n  "isolation": "project",\n  "onDemand": { "cloud": "aws", "projects": ["a"] }\n}\n', 'b');
    assert.equal(after, '{\n  "isolation": "project",\n  "onDemand": { "cloud": "aws", "projects": ["a", "b"] }\n}\n');
    assert.deepEqual(JSON.parse(after).onDemand.projects, ['a', 'b']);
  });

  it('quotes a name YAML would read as something else', () => {
    const after = added('isolation: domain\nprojects: [a]\n', 'yes');
    assert.equal(after, 'isolation: domain\nprojects: [a, "yes"]\n');
    assert.deepEqual(parse(after).projects, ['a', 'yes']);
  });

  it('fails when the project is already in the model, pointing at it', () => {
    const r = addProject(fixtureText('outputs-commented-project.yaml'), 'beta');
    assert.ok(!r.ok);
    assert.deepEqual(r.findings[0]!.path, ['projects', 1]);
    assert.equal(r.findings[0]!.problem, 'project "beta" is already in the model');
    assert.deepEqual(r.findings[0]!.position, { line: 10, col: 19 });
    const onDemand = addProject(fixtureText('outputs-commented-project.yaml'), 'delta');
    assert.ok(!onDemand.ok);
    assert.deepEqual(onDemand.findings[0]!.path, ['onDemand', 'projects', 1]);
  });

  it('fails when the name is not a DNS label, before touching the text', () => {
    for (const name of ['Upper', 'a b', 'x]', 'a\nb: 1', '../x', '-a', '']) {
      const r = addProject('isolation: domain\nprojects: [a]\n', name);
      assert.ok(!r.ok, name);
      assert.match(r.findings[0]!.problem, /the project is not a valid name/);
    }
  });

  it('fails when project isolation has no default account to put the project in', () => {
    const r = addProject('isolation: project\nprojects: [a]\n', 'b');
    assert.ok(!r.ok);
    assert.deepEqual(r.findings[0]!.path, ['onDemand']);
    assert.match(r.findings[0]!.problem, /no default account/);
  });

  it('fails when the edit would mean more than one added name: an aliased list changes wherever it is used', () => {
    const text = 'org: acme\nisolation: domain\ndomains: { production: aws }\nprojects: &names [alpha]\nnotes: *names\n';
    const r = addProject(text, 'beta');
    assert.equal(r.ok, false, r.ok ? r.text : '');
    assert.deepEqual(r.ok ? [] : r.findings.map((f) => f.problem), ['the project cannot be added without disturbing the rest of the file']);
  });
});
