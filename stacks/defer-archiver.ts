// cdktf's index loads its asset support eagerly, and with it `archiver`, a zip library with a long
// tail of dependencies (glob, readable-stream, lodash, async, ...): about 80 ms of every synth, a
// tenth of it at the typical size (bench/README.md), for stacks that have no asset. Imported before
// cdktf, this module puts a stand-in for archiver in Node's module cache, where cdktf's `require`
// finds it. The stand-in loads the real module the first time it is used, so nothing changes for
// code that zips; cdktf itself only zips in a child process of its own, which never sees it.
import Module from 'node:module';

const cdktfRequire = Module.createRequire(require.resolve('cdktf'));

/** Installs the stand-in unless cdktf or archiver is already loaded (then there is nothing to save). Returns whether it did. */
export function deferArchiver(): boolean {
  const archiverFile = cdktfRequire.resolve('archiver');
  if (require.cache[require.resolve('cdktf')] !== undefined || require.cache[archiverFile] !== undefined) return false;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete require.cache[archiverFile]; // from now on, `require('archiver')` is the real module
      real = cdktfRequire('archiver') as object;
    }
    return real;
  };
  const standIn = new Proxy(() => undefined, {
    apply: (_target, self, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    get: (_target, key) => Reflect.get(load(), key),
    has: (_target, key) => Reflect.has(load(), key),
  });
  const cached = new Module(archiverFile);
  cached.filename = archiverFile;
  cached.loaded = true;
  cached.exports = standIn;
  require.cache[archiverFile] = cached;
  return true;
}

deferArchiver();
