// Stacks that leave the output. A previous output's stack whose state Terraform would plan against no
// configuration (a workspace, a CI job) destroys everything that state holds: `prevent_destroy`
// lived in the dropped JSON. So synthesis into a previous output lets a stack go only when the
// model records it under `retired` (src/plan/retired.ts), and says what each leaving stack means for
// its state. A fresh directory has nothing to compare: the model's record is what holds there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareStrings } from '../order';
import type { Plan } from '../plan/types';

export interface LeftStack {
  readonly name: string;
  /**
   * `unrecorded`: held resources, and the model does not say what becomes of them (synthesis refuses);
   * `destroy`: the model opts in (`retired.<stack>.destroy: true`); `forgotten`: it only forgot
   * resources (a retired stack whose record was removed); `empty`: it held no resource.
   */
  readonly fate: 'unrecorded' | 'destroy' | 'forgotten' | 'empty';
  /** The resource addresses the previous output's stack held (TYPE.NAME), sorted. */
  readonly addresses: readonly string[];
}

/** The one stack not in the plan's list: the HCP Terraform bootstrap keeps a local state of its own and is left to the README. */
const BOOTSTRAP = 'hcp-bootstrap';

/** The previous output's stacks that `plan` no longer synthesizes, sorted by name; none for a new directory. */
export function stacksLeaving(plan: Plan, outdir: string): LeftStack[] {
  const stacksDir = path.join(outdir, 'stacks');
  let previous: string[];
  try {
    previous = fs.readdirSync(stacksDir);
  } catch {
    return [];
  }
  const now = new Set(plan.stacks.map((s) => s.name));
  const destroyed = new Set(plan.destroyedStacks ?? []);
  const left: LeftStack[] = [];
  for (const name of previous.sort(compareStrings)) {
    if (now.has(name) || name === BOOTSTRAP) continue;
    const json = readStackJson(path.join(stacksDir, name, 'cdk.tf.json'));
    if (json === null) continue;
    const addresses = Object.entries(json.resource ?? {})
      .flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`))
      .sort(compareStrings);
    const fate = destroyed.has(name) ? 'destroy' : addresses.length > 0 ? 'unrecorded' : json.removed !== undefined ? 'forgotten' : 'empty';
    left.push({ name, fate, addresses });
  }
  return left;
}

function readStackJson(file: string): { resource?: Record<string, Record<string, unknown>>; removed?: unknown } | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, unknown>>; removed?: unknown };
  } catch {
    // Not a stack this tool wrote (or unreadable): there is nothing to compare it by.
    return null;
  }
}

/** Synthesis refused: stacks would leave the output while their states hold resources the model says nothing about. */
export class StacksLeftError extends Error {
  constructor(readonly left: readonly LeftStack[]) {
    super(`${left.length} stack${left.length === 1 ? '' : 's'} would leave the output while their states hold resources: ${left.map((s) => s.name).join(', ')}`);
  }
}

/** What the user reads about leaving stacks (stderr of `synth`): each stack, what becomes of its state, and what to do. */
export function describeLeft(left: readonly LeftStack[], stacksShown: string): string {
  const lines: string[] = [];
  const refused = left.filter((s) => s.fate === 'unrecorded');
  if (refused.length > 0) {
    lines.push(
      `Refused: ${refused.length === 1 ? 'a stack' : `${refused.length} stacks`} of the previous output in ${stacksShown} would leave it, and Terraform run on ${refused.length === 1 ? 'its state' : 'their states'} without the old configuration would destroy what ${refused.length === 1 ? 'it holds' : 'they hold'}. Nothing was written.`,
      'To keep the resources (Terraform forgets them; they stay in the cloud), add to the model:',
      'retired:',
    );
    for (const s of refused) {
      lines.push(`  ${s.name}:`, '    forget:');
      for (const a of s.addresses) lines.push(`      - ${a}`);
    }
    lines.push(
      `Then synth writes ${refused.length === 1 ? 'that stack' : 'those stacks'} with only Terraform \`removed\` blocks (destroy = false): apply ${refused.length === 1 ? 'it' : 'each'} once, then remove the record and delete the state (or workspace).`,
      `To destroy them instead, after review: retired: { ${refused[0]!.name}: { destroy: true } } (and run \`union-isolation diff --allow-destroy\`). Or put back in the model what created them.`,
    );
  }
  for (const s of left) {
    if (s.fate === 'destroy')
      lines.push(`Left the output: ${s.name} (retired with destroy: true): its state now plans the destroy of ${s.addresses.length} resource${s.addresses.length === 1 ? '' : 's'}; run \`terraform destroy\` with the previous output's configuration once prevent_destroy is lifted, or \`terraform plan\` in a workspace.`);
    else if (s.fate === 'forgotten') lines.push(`Left the output: ${s.name} (it only forgot resources): once it has been applied, delete its state (or workspace); if it was never applied, put its retired record back.`);
    else if (s.fate === 'empty') lines.push(`Left the output: ${s.name} (it held no resource): delete its state (or workspace).`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
