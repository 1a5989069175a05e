// Stand-ins for packages cdktf loads eagerly and we can do without or do faster (defer-unused-packages.ts,
// defer-stable-stringify.ts). A stand-in sits in Node's module cache under the file cdktf's
// `require(name)` resolves to, so cdktf gets it; the real package is loaded when a stand-in asks.
import Module from 'node:module';

const cdktfRequire = Module.createRequire(require.resolve('cdktf'));

/**
 * Puts `make(loadReal)` in the module cache as the package `name` of cdktf's, unless cdktf or that
 * package is already loaded (then cdktf holds the real one and there is nothing to save). `loadReal`
 * loads the real package on first call; from then on `require(name)` returns it. Returns whether the
 * stand-in was installed.
 */
export function installStandIn(name: string, make: (loadReal: () => unknown) => unknown): boolean {
  const file = cdktfRequire.resolve(name);
  if (require.cache[require.resolve('cdktf')] !== undefined || require.cache[file] !== undefined) return false;
  let real: { value: unknown } | undefined;
  const loadReal = (): unknown => {
    if (real === undefined) {
      delete require.cache[file];
      real = { value: cdktfRequire(name) };
    }
    return real.value;
  };
  const cached = new Module(file);
  cached.filename = file;
  cached.loaded = true;
  cached.exports = make(loadReal);
  require.cache[file] = cached;
  return true;
}
