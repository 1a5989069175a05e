// V8 hands a function to TurboFan, its optimizing compiler, once the function has used up an
// "interrupt budget" of executed bytecode. In a synth of a few hundred stacks some 80 functions of
// cdktf, constructs and the providers cross that line, and their optimized code then runs for a few
// hundred milliseconds at most: compiling it (on a background thread, competing with the two threads
// of work on a two-core machine) came to 27% of all the instructions of a typical synth, more than it
// saved. With four times the budget only the functions that stay hot are optimized: a typical synth
// takes 13% fewer instructions and 14-20% less CPU time, one of 490 units 19% fewer instructions
// (bench/README.md). Longer runs, above 500 stacks, are written on the main thread (synth.ts), which
// does not call this: there optimization pays for itself.
//
// The flag is process-wide and set at run time, which Node documents as use-with-care. V8 reads this
// one when it decides whether to optimize a function, so changing it moves that decision and nothing
// else: code computes the same in every tier (test/stacks/stacks-thread.test.ts holds the bytes equal
// to those of a process where it is not set). It is set once cdktf and the providers are loaded:
// changing any V8 flag makes Node reject its own code cache for the internal modules it compiles
// afterwards, which set at start-up cost the stacks thread 190 million instructions.
import * as v8 from 'node:v8';

/** V8's default in Node 20 (V8 11.3): `node --v8-options`, interrupt-budget. */
const NODE_20_INTERRUPT_BUDGET = 67_584;

/**
 * Raises V8's interrupt budget fourfold, on Node 20 only: other versions bring other V8 tiers and
 * defaults, unmeasured here. Returns whether it did.
 */
export function optimizeOnlyLastingHotSpots(nodeVersion: string = process.versions.node): boolean {
  if (nodeVersion.split('.')[0] !== '20') return false;
  v8.setFlagsFromString(`--interrupt-budget=${4 * NODE_20_INTERRUPT_BUDGET}`);
  return true;
}
