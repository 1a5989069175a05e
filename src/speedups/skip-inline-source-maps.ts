// cdktf, constructs and the provider packages are built by jsii, which ends every compiled file with
// its source map inline, as one base64 comment: most of the JavaScript the stacks thread loads is
// those comments. V8 reads such a comment a character at a time to find where the URL ends: about a
// fifth of loading cdktf and the providers, on synth's critical path (docs/PERFORMANCE.md). Node reads the maps only under --enable-source-maps, to map stack traces;
// unless that is on, the files of these packages are compiled without their last line when it is
// that comment. Installed by index.ts before this thread loads cdktf.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

/** Node's loader for one extension: reads `filename` and compiles it into `module`. */
type Loader = (module: Module, filename: string) => void;
interface Loaders {
  _extensions: Record<string, Loader>;
}
interface Compilable {
  _compile(content: string, filename: string): unknown;
}

const MAP_COMMENT = Buffer.from('\n//# sourceMappingURL=data:');
const PACKAGES_WITH_INLINE_MAPS = ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-google'];

/**
 * The source of `file` without its last line when that line is an inline source map comment;
 * undefined when it has none (the caller compiles the file as Node would).
 */
export function withoutInlineSourceMap(file: Buffer): string | undefined {
  const at = file.lastIndexOf(MAP_COMMENT);
  if (at === -1) return undefined;
  // The comment must be the last line: a line comment there adds nothing to the program, so the
  // cut changes no line number and no behaviour. Anywhere else, leave the file whole.
  const lineEnd = file.indexOf(0x0a, at + 1);
  if (lineEnd !== -1 && file.subarray(lineEnd).toString('latin1').trim() !== '') return undefined;
  return file.toString('utf8', 0, at + 1);
}

/** The directory of each package, with a trailing separator, as this module resolves them. */
function packageRoots(names: readonly string[]): string[] {
  return names.map((name) => {
    const main = require.resolve(name);
    const marker = `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`;
    const at = main.lastIndexOf(marker);
    return at === -1 ? path.dirname(main) + path.sep : main.slice(0, at + marker.length);
  });
}

let installed = false;

/**
 * Compiles the `.js` files of cdktf, constructs and the providers without their inline source map,
 * on this thread, from now on. Returns whether it is installed (never when source maps are enabled).
 */
export function skipInlineSourceMapsOfCdktf(): boolean {
  if (installed) return true;
  installed = skipInlineSourceMaps(packageRoots(PACKAGES_WITH_INLINE_MAPS));
  return installed;
}

/**
 * Compiles the `.js` files under `roots` without their inline source map, on this thread, from now
 * on. Returns false, and changes nothing, when source maps are enabled.
 */
export function skipInlineSourceMaps(roots: readonly string[]): boolean {
  if (process.sourceMapsEnabled) return false;
  const loaders = (Module as unknown as Loaders)._extensions;
  const original = loaders['.js'];
  if (original === undefined) return false;
  loaders['.js'] = (module, filename) => {
    if (roots.some((root) => filename.startsWith(root))) {
      const source = withoutInlineSourceMap(fs.readFileSync(filename));
      if (source !== undefined) {
        (module as unknown as Compilable)._compile(source, filename);
        return;
      }
    }
    original(module, filename);
  };
  return true;
}

