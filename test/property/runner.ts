// How the property suites run fast-check: a fixed seed by default, so `npm test` is reproducible;
// FC_SEED=<n> or FC_SEED=random to explore; FC_PATH to replay one counterexample; FC_RUNS to scale the
// number of runs (FC_RUNS=10 runs ten times as many). A failure prints the seed, the path and the
// command that replays it.
import assert from 'node:assert/strict';
import fc from 'fast-check';

const DEFAULT_SEED = 20260121;

function seedFromEnv(): number {
  const given = process.env.FC_SEED;
  if (given === undefined || given === '') return DEFAULT_SEED;
  if (given === 'random') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const n = Number(given);
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(given)}`);
  return n;
}

export const SEED = seedFromEnv();
const SCALE = Number(process.env.FC_RUNS ?? 1) > 0 ? Number(process.env.FC_RUNS ?? 1) : 1;

/** Runs of a property: `n` scaled by FC_RUNS, at least 1. */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

export interface Tally {
  /** Inputs the property was checked on (fast-check's numRuns, skipped ones excluded). */
  tried: number;
}

/** Inputs tried per property in this process, for the closing table (printed with FC_REPORT=1). */
export const tallies = new Map<string, Tally>();

/**
 * Checks `property` for the running test `test` (node:test's context: its name is what
 * --test-name-pattern replays) and fails it with the seed, the path, the replay command and the
 * counterexample. `render`
 * turns a counterexample into something a person can read (a model as YAML, say).
 */
export function checkProperty<Ts>(
  test: { readonly name: string },
  property: fc.IProperty<Ts>,
  numRuns: number,
  render: (counterexample: Ts) => string = (c) => fc.stringify(c),
): void {
  const name = test.name;
  const details = fc.check(property, { seed: SEED, numRuns, path: process.env.FC_PATH || undefined });
  tallies.set(name, { tried: details.numRuns });
  if (process.env.FC_REPORT) process.stderr.write(`property "${name}": ${details.numRuns} inputs, ${details.numSkips} skipped, seed ${SEED}\n`);
  if (!details.failed) {
    assert.ok(details.numRuns > 0, `property "${name}" checked no input (all skipped)`);
    return;
  }
  const replay = `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''}`;
  const shown = details.counterexample ? render(details.counterexample) : '(none)';
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  assert.fail(
    `property "${name}" failed after ${details.numRuns} inputs (seed ${details.seed}, path ${details.counterexamplePath}).\n` +
      `Replay: ${replay} node --test --test-name-pattern=${JSON.stringify(escapeRegExp(name))} dist/test/property/\n` +
      `Counterexample:\n${shown}\nFailure: ${cause}`,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
