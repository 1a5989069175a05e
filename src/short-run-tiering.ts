// V8 hands a function to TurboFan, its optimizing compiler, once the function has used up an
// "interrupt budget" of executed bytecode. Our commands are short runs: in a typical synth some 80
// functions of cdktf, constructs and the providers cross that line, and their optimized code then
// runs for a few hundred milliseconds at most. Compiling it, on a background thread that competes with
// the work on a two-core machine, came to 27% of all the instructions of a typical synth, more than it
// saved. With four times the budget only the functions that stay hot are optimized (bench/README.md):
// - a typical synth: 13% fewer instructions, 14-20% less CPU time; 490 units: 19% fewer instructions;
// - validate and plan of 3,000 units: 19-22% less CPU time, wall time 2-5% less.
// The main thread raises it for every command but synth (cli/main.ts). synth's stacks thread raises
// it once cdktf and the providers are loaded (stacks-worker.ts): changing any V8 flag makes Node
// reject its own code cache for the internal modules it compiles afterwards, which raised at start-up
// cost that thread 190 million instructions. Runs above 500 stacks, written on the main thread, keep
// V8's default: they are long enough for optimization to pay.
//
// The flag is process-wide and set at run time, which Node documents as use-with-care. V8 reads this
// one when it decides whether to optimize a function, so changing it moves that decision and nothing
// else: code computes the same in every tier (test/stacks/stacks-thread.test.ts and
// test/cli/short-run-tiering.test.ts hold the output equal to that of a process where it is not set).
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
