// Stacks that left the model. Removing a unit, pool or domain drops its stack from the output, but its
// state remains, and Terraform run on that state without its old configuration (a workspace, a CI
// job) would destroy everything in it: the `prevent_destroy` that protected it lived in the dropped
// JSON. So a stack leaves only through the model's `retired` record, which a fresh clone has too:
// `forget` keeps the stack, holding `removed` blocks with `destroy = false` (stacks/retired-stack.ts),
// and `destroy: true` is the explicit opt-in that lets it go. Synth refuses to drop an unrecorded
// stack a previous output held (src/synth/stacks-left.ts).
import type { Finding } from '../model/findings';
import { retiredMessages as messages } from '../model/messages';
import type { Model } from '../model/schema';
import { compareStrings } from '../order';
import type { Cloud, StackPlan } from './types';

/** The stack names the tool writes (src/plan/units.ts, storage-groups.ts, byoc.ts). */
export const STACK_NAME = /^(aws-accounts|gcp-projects|aws-union-access|pool)-[a-z0-9][a-z0-9_-]*$/;
/** TYPE.NAME of a managed resource: no module, no instance key, no data source (cdktf writes none of those). */
const ADDRESS = /^(aws|google)_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*$/;

export interface RetiredStacks {
  /** Kept stacks, kind `retired`, to add to the plan's stacks. */
  readonly kept: StackPlan[];
  /** Stacks whose destroy the model opts into, sorted. */
  readonly destroyed: string[];
}

export function resolveRetired(model: Model, stacks: readonly StackPlan[], findings: Finding[]): RetiredStacks {
  const synthesized = new Set(stacks.map((s) => s.name));
  const kept: StackPlan[] = [];
  const destroyed: string[] = [];
  for (const [name, spec] of Object.entries(model.retired)) {
    const at = ['retired', name];
    if (!STACK_NAME.test(name)) {
      findings.push(messages.retiredNotAStack(at, name));
      continue;
    }
    if (synthesized.has(name)) {
      findings.push(messages.retiredStillSynthesized(at, name));
      continue;
    }
    const forget = spec.forget ?? [];
    if (spec.destroy === true) {
      if (forget.length > 0) findings.push(messages.retiredBoth(at));
      else destroyed.push(name);
      continue;
    }
    if (forget.length === 0) {
      findings.push(messages.retiredWithoutChoice(spec.forget === undefined ? at : [...at, 'forget'], name));
      continue;
    }
    const seen = new Set<string>();
    let valid = true;
    forget.forEach((address, i) => {
      if (!ADDRESS.test(address)) {
        findings.push(messages.retiredAddressInvalid([...at, 'forget', i], address));
        valid = false;
      } else if (seen.has(address)) {
        findings.push(messages.retiredAddressTwice([...at, 'forget', i], address));
        valid = false;
      }
      seen.add(address);
    });
    if (!valid) continue;
    const clouds = [...new Set(forget.map(cloudOf))].sort();
    if (clouds.length > 1) {
      findings.push(messages.retiredMixedClouds([...at, 'forget'], `${forget.find((a) => cloudOf(a) === 'aws')!} and ${forget.find((a) => cloudOf(a) === 'gcp')!}`));
      continue;
    }
    kept.push({ name, kind: 'retired', cloud: clouds[0]!, units: [], storageGroup: null, dependsOn: [], forget: [...forget].sort(compareStrings) });
  }
  return { kept, destroyed: destroyed.sort(compareStrings) };
}

function cloudOf(address: string): Cloud {
  return address.startsWith('aws_') ? 'aws' : 'gcp';
}
