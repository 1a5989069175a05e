// The stacks part of `diff`'s Markdown: what CI plans and applies for this change, what waits on an
// upstream apply, and the state moves an older layout needs before anything is applied.
import { cell, code, table } from '../markdown';
import { HCP_BOOTSTRAP, MIGRATION_DIRS, type StackChanges } from './stack-changes';

export function renderStackChangesMarkdown(s: StackChanges): string {
  if (s.new.length + s.changed.length + s.removed.length + s.moves.length === 0) return '';
  const out = ['### Terraform stacks', ''];
  const list = (names: readonly string[]) => (names.length === 0 ? '(none)' : names.map(code).join(', '));
  out.push(
    table(
      ['', 'Stacks'],
      [
        [`new (${s.new.length})`, cell(list(s.new))],
        [`changed (${s.changed.length})`, cell(list(s.changed))],
        [`removed (${s.removed.length})`, cell(list(s.removed))],
      ],
    ),
    '',
  );
  const waiting = Object.entries(s.waitsOn);
  if (waiting.length > 0) {
    out.push(
      `${waiting.length} of them read outputs that exist only once their upstream stacks are applied${waiting.some(([, ups]) => ups.includes(HCP_BOOTSTRAP)) ? `, or need the workspace or state access \`${HCP_BOOTSTRAP}\` creates` : ''}: plan them after that apply (\`union-isolation stacks --changed --base OLD --ready\` lists the ones that can be planned now).`,
      '',
      table(['Stack', 'Waits on'], waiting.map(([stack, ups]) => [code(stack), cell(ups.map(code).join(', '))])),
      '',
    );
  }
  if (s.moves.length > 0) {
    out.push(
      '> [!IMPORTANT]',
      `> **${s.moves.length} account${s.moves.length === 1 ? '' : 's'}/project${s.moves.length === 1 ? '' : 's'} move to another state.** Apply nothing before these commands have run: the old stack would plan to destroy them (refused by \`prevent_destroy\`) and the new one to create them again.`,
      '',
      `Synthesize the base model into \`${MIGRATION_DIRS.base}\` (\`union-isolation synth -m OLD -o ${MIGRATION_DIRS.base}\`) and the new one into \`${MIGRATION_DIRS.next}\`, then run from the directory holding both:`,
      '',
      '```sh',
      'set -e',
      ...s.moves.flatMap((m) => [`# ${m.unit}: ${m.from} -> ${m.to}`, ...m.commands]),
      '```',
      '',
    );
  }
  return out.join('\n');
}
