// Stand-ins for packages cdktf loads eagerly and we can do without (defer-unused-packages.ts). A stand-in sits in Node's module cache under the file cdktf's
// `require(name)` resolves to, so cdktf gets it; the real package is loaded when a stand-in asks.
import Module from 'node:module';

const cdktfRequire = Module.createRequire(require.resolve('cdktf'));
/** The stand-ins installed, by file: installing one again is a no-op that reports it in place. */
const standIns = new Map<string, Module>();

/**
 * Puts `make(loadReal)` in the module cache as the package `name` of cdktf's, unless cdktf or that
 * package is already loaded (then cdktf holds the real one and there is nothing to save). `loadReal`
 * loads the real package on first call; from then on `require(name)` returns it. Returns whether the
 * stand-in was installed.
 */
export function installStandIn(name: string, make: (loadReal: () => unknown) => unknown): boolean {
  const file = cdktfRequire.resolve(name);
  const standIn = standIns.get(file);
  if (standIn !== undefined && require.cache[file] === standIn) return true;
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
  standIns.set(file, cached);
  return true;
}
