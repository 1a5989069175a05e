// Every patch of cdktf, Node or V8 internals that synthesis takes for speed, and the one place that
// installs them. None installs itself on import: synthesis calls `installLoadingSpeedups` on a thread
// before that thread loads cdktf, and runs the build of the app inside `withSynthesisSpeedups`.
// Each is one file and one line below; deleting both removes it and changes no output byte
// (test/speedups/on-off.test.ts compares whole outputs with all of them on and off, each side in a
// process of its own). UNION_ISOLATION_SPEEDUPS=off turns them all off: plain cdktf, for a bug report
// or for checking a cdktf upgrade (or the cdktn fork), whose internals these reach into.
// What each saves, in one line here; the measurements are in docs/PERFORMANCE.md.
import type { FileSink } from './redirect-cdktf-writes';
import { withPlainValuesCopied } from './copy-plain-values';
import { deferUnusedPackages } from './defer-unused-packages';
import { withCdktfWritesTo } from './redirect-cdktf-writes';
import { withSetAttributesOnly } from './set-attributes-only';
import { skipInlineSourceMapsOfCdktf } from './skip-inline-source-maps';
import { withoutCreationStacks } from './without-creation-stacks';

/** Whether the speedups are on: unless UNION_ISOLATION_SPEEDUPS is `off`. */
export function speedupsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.UNION_ISOLATION_SPEEDUPS !== 'off';
}

/**
 * The speedups of loading cdktf and the providers, installed on this thread from now on. They must
 * come before this thread loads cdktf; after, there is nothing left to save and they report false.
 * Returns what each did (all false when the speedups are off).
 */
export function installLoadingSpeedups(): Readonly<Record<'skipInlineSourceMaps' | 'deferUnusedPackages', boolean>> {
  if (!speedupsEnabled()) return { skipInlineSourceMaps: false, deferUnusedPackages: false };
  return {
    // jsii's inline source maps not compiled: about a fifth of loading cdktf and the providers.
    skipInlineSourceMaps: skipInlineSourceMapsOfCdktf(),
    // archiver and semver loaded on first use, which synthesis never makes: about 250 modules fewer.
    deferUnusedPackages: deferUnusedPackages(),
  };
}

/**
 * Runs `fn`, which builds and synthesizes a cdktf app into `outdir`, with the speedups of
 * synthesis; cdktf's writes inside `outdir` go to `files`. With the speedups off, `fn` runs as it
 * is and cdktf writes its files itself.
 */
export function withSynthesisSpeedups<T>(files: FileSink, outdir: string, fn: () => T): T {
  if (!speedupsEnabled()) return fn();
  // cdktf's own directories and files sent to `files`: they are created off the thread that builds.
  return withCdktfWritesTo(files, outdir, () =>
    // No stack trace captured per token and nested block: most of a large synth's time and memory.
    withoutCreationStacks(() =>
      // Only set provider attributes resolved: about a third of a large synth.
      withSetAttributesOnly(() =>
        // Plain values copied, not resolved: about a quarter of a typical synth.
        withPlainValuesCopied(fn),
      ),
    ),
  );
}
