// cdktf's and the providers' files are compiled without their trailing inline source map, and with
// nothing else changed: the cut is only ever the last line, and only that comment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { skipInlineSourceMaps, withoutInlineSourceMap } from '../../src/speedups/skip-inline-source-maps';
import { ROOT, temporaryDir } from '../helpers';

const MAP = '//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozfQ==';
const cut = (text: string) => withoutInlineSourceMap(Buffer.from(text));

/** What `fn` hands to Module.prototype._compile, by file, while it runs. */
function compiledSources(fn: () => void): Map<string, string> {
  const proto = Module.prototype as unknown as { _compile(content: string, filename: string): unknown };
  const original = proto._compile;
  const seen = new Map<string, string>();
  proto._compile = function (this: unknown, content: string, filename: string) {
    seen.set(filename, content);
    return original.call(this, content, filename);
  };
  try {
    fn();
  } finally {
    proto._compile = original;
  }
  return seen;
}

describe('withoutInlineSourceMap', () => {
  it('drops the last line when it is an inline source map, with or without a newline after it', () => {
    assert.equal(cut(`"use strict";\nexports.a = 1;\n${MAP}`), '"use strict";\nexports.a = 1;\n');
    assert.equal(cut(`exports.a = 1;\n${MAP}\n`), 'exports.a = 1;\n');
    assert.equal(cut(`exports.a = 1;\r\n${MAP}\r\n`), 'exports.a = 1;\r\n');
  });

  it('keeps every character before it, multi-byte ones too, and takes the last such comment', () => {
    const text = `exports.s = "é ✓ ${'\\n'}//# sourceMappingURL=data:not-this";\n${MAP}\nexports.t = 2;\n${MAP}\n`;
    assert.equal(cut(text), `exports.s = "é ✓ ${'\\n'}//# sourceMappingURL=data:not-this";\n${MAP}\nexports.t = 2;\n`);
  });

  it('leaves a file whole when the comment is not its last line, is not an inline map, or is absent', () => {
    assert.equal(cut(`${MAP}\nexports.a = 1;\n`), undefined);
    assert.equal(cut(`exports.a = 1;\n${MAP}\nexports.b = 2;`), undefined);
    assert.equal(cut('exports.a = 1;\n//# sourceMappingURL=index.js.map\n'), undefined);
    assert.equal(cut('exports.a = 1;\n'), undefined);
    assert.equal(cut(`exports.a = 1; ${MAP}\n`), undefined, 'a comment that does not start its line');
  });
});

describe('skipInlineSourceMaps', () => {
  it('compiles the files under its roots without the map, and every other file as Node does', () => {
    const dir = temporaryDir('ui-maps-');
    const [inside, outside] = [path.join(dir, 'inside'), path.join(dir, 'outside')];
    for (const d of [inside, outside]) {
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, 'mapped.js'), `exports.line = new Error().stack.split('\\n')[1];\n${MAP}\n`);
      fs.writeFileSync(path.join(d, 'code-after.js'), `exports.a = 1;\n${MAP}\nexports.b = 2;\n`);
    }
    assert.equal(skipInlineSourceMaps([inside + path.sep]), true);
    const load = (file: string) => Module.createRequire(__filename)(file) as Record<string, unknown>;
    const seen = compiledSources(() => {
      for (const d of [inside, outside]) for (const f of ['mapped.js', 'code-after.js']) load(path.join(d, f));
    });
    const source = (file: string) => fs.readFileSync(file, 'utf8');
    assert.equal(seen.get(path.join(inside, 'mapped.js')), `exports.line = new Error().stack.split('\\n')[1];\n`);
    assert.equal(seen.get(path.join(inside, 'code-after.js')), source(path.join(inside, 'code-after.js')));
    assert.equal(seen.get(path.join(outside, 'mapped.js')), source(path.join(outside, 'mapped.js')));
    // Same behaviour and the same line numbers in stack traces.
    assert.deepEqual(load(path.join(inside, 'code-after.js')), { a: 1, b: 2 });
    assert.match(String(load(path.join(inside, 'mapped.js')).line), /mapped\.js:1:/);
  });

  it('cdktf, constructs and both providers load without their maps, and synthesize as before (on-off.test.ts)', () => {
    const script = `
      const Module = require('node:module');
      const compile = Module.prototype._compile;
      const seen = [];
      Module.prototype._compile = function (content, filename) { seen.push([filename, content.length]); return compile.call(this, content, filename); };
      require('./dist/src/speedups/index.js').installLoadingSpeedups();
      require('./dist/src/synth/write-stacks.js');
      console.log(JSON.stringify(seen));`;
    const run = (...flags: string[]) => {
      const child = spawnSync(process.execPath, [...flags, '-e', script], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout) as [string, number][];
    };
    const packages = ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-google'].map((p) => `node_modules${path.sep}${p.replace('/', path.sep)}${path.sep}`);
    const ofPackages = (seen: [string, number][]) => seen.filter(([file]) => packages.some((p) => file.includes(p)));
    const skipped = ofPackages(run());
    assert.ok(skipped.length > 100, `only ${skipped.length} files of the packages were compiled`);
    let cut = 0;
    for (const [file, length] of skipped) {
      const text = fs.readFileSync(file, 'utf8');
      const expected = withoutInlineSourceMap(Buffer.from(text))?.length ?? text.length;
      assert.equal(length, expected, file);
      if (expected < text.length) cut++;
    }
    // The rest are cdktf's bundled dependencies, which carry no map.
    assert.ok(cut > 100, `only ${cut} of ${skipped.length} files had their map dropped`);
    // Under --enable-source-maps Node maps stack traces with those comments: every file is compiled whole.
    for (const [file, length] of ofPackages(run('--enable-source-maps'))) assert.equal(length, fs.readFileSync(file, 'utf8').length, file);
  });
});
