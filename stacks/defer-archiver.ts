// cdktf's index loads its asset support eagerly, and with it `archiver`, a zip library with a long
// tail of dependencies (glob, readable-stream, lodash, async, ...): about 200 modules and 80 ms of
// every synth (bench/README.md), for stacks that have no asset. Imported before cdktf, this module
// installs a stand-in for archiver that loads the real module the first time it is used, so nothing
// changes for code that zips; cdktf itself only zips in a child process of its own, which never sees
// the stand-in.
import { installStandIn } from './stand-in';

installStandIn('archiver', (loadReal) => {
  const real = () => loadReal() as (...args: unknown[]) => unknown;
  return new Proxy(() => undefined, {
    apply: (_target, self, args) => Reflect.apply(real(), self, args),
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
  });
});
