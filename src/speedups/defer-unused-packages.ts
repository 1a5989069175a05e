// cdktf's index loads, eagerly, two packages that synthesizing our stacks never uses:
// - archiver, the zip library of its asset support, with a long tail of dependencies (glob,
//   readable-stream, lodash, async, ...): about 200 modules loaded by every synth;
// - semver, 45 modules, for one validation (the version of a
//   binary) that runs only when the App validates, and ours does not (`skipValidation`, app.ts).
// Installed before cdktf is loaded (index.ts), a stand-in for each loads the real package the first
// time it is used, so nothing changes for code that zips or compares versions. cdktf itself only
// zips in a child process of its own, which never sees the stand-in.
import { installStandIn } from './stand-in';

/** A stand-in that forwards every use to the real package, loaded on the first; `callable` for a package that is a function. */
function forwarding(loadReal: () => unknown, callable: boolean): unknown {
  const real = () => loadReal() as object;
  return new Proxy(callable ? () => undefined : {}, {
    apply: (_target, self, args) => Reflect.apply(real() as (...a: unknown[]) => unknown, self, args),
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
  });
}

/** Installs both stand-ins; returns whether they are in place (not when cdktf was loaded first). */
export function deferUnusedPackages(): boolean {
  const archiver = installStandIn('archiver', (loadReal) => forwarding(loadReal, true));
  const semver = installStandIn('semver', (loadReal) => forwarding(loadReal, false));
  return archiver && semver;
}
