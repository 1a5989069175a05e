// The diff as Markdown: reads on a terminal and pastes as a pull-request comment. The verdict
// comes first, so a reviewer sees at once whether anything would be destroyed.
import { describeOrigin } from '../plan/assignment-order';
import type { AssignmentSide, ListChange, PlanDiff } from './compare-plans';
import { destructiveChanges, isEmptyDiff } from './compare-plans';
import { cell, code, table } from '../markdown';

export interface DiffReportOptions {
  /** The base and new model names as the user gave them. */
  readonly base: string;
  readonly model: string;
  /** Whether destructive changes were allowed (`--allow-destroy`). */
  readonly allowDestroy: boolean;
}

export function renderDiffMarkdown(diff: PlanDiff, options: DiffReportOptions): string {
  const out = [`## union-isolation diff: ${code(options.base)} → ${code(options.model)}`, ''];
  if (isEmptyDiff(diff)) return [...out, 'No changes: both models give the same accounts, buckets, pools and assignments.', ''].join('\n');

  const destructive = destructiveChanges(diff);
  if (destructive.length > 0) {
    out.push(
      options.allowDestroy ? '> [!WARNING]' : '> [!CAUTION]',
      `> **${destructive.length} destructive change${destructive.length === 1 ? '' : 's'}**${options.allowDestroy ? ', allowed with `--allow-destroy`' : ': refused; rerun with `--allow-destroy` if this is intended'}.`,
      ...destructive.map((d) => `> - ${cell(d)}`),
      '',
    );
  } else {
    out.push('Nothing is destroyed or replaced.', '');
  }

  if (diff.units.length > 0) {
    out.push(
      '### Accounts and projects',
      '',
      table(
        ['Change', 'Unit', 'Cloud', 'Account or project', 'Details'],
        diff.units.map((u) => [
          u.destructive ? `**${u.change}**` : u.change,
          code(u.unit),
          u.cloud.toUpperCase(),
          nameChange(u.before, u.after),
          cell(u.details.join('; ')),
        ]),
      ),
    );
  }
  if (diff.buckets.length > 0) {
    out.push(
      '### Buckets',
      '',
      table(
        ['Change', 'Storage group', 'Cloud', 'Bucket', 'Details'],
        diff.buckets.map((b) => [
          b.destructive ? `**${b.change}**` : b.change,
          code(b.storageGroup),
          b.cloud.toUpperCase(),
          nameChange(b.before, b.after),
          cell(b.details.join('; ')),
        ]),
      ),
    );
  }
  if (diff.assignments.length > 0) {
    out.push(
      '### Assignments',
      '',
      'Apply the new attribute files with `apply-cluster-pool-attributes.sh`; Union keeps removed ones until they are deleted.',
      '',
      table(
        ['Change', 'Project', 'Domain', 'Workflow', 'Before', 'After', 'Then run'],
        diff.assignments.map((a) => [
          a.change,
          code(a.project),
          code(a.domain),
          a.workflow === null ? '' : code(a.workflow),
          sideText(a.before),
          sideText(a.after),
          a.cleanup === null ? '' : code(a.cleanup),
        ]),
      ),
    );
  }
  out.push(...listSection('Cluster pools', 'Send the new `cluster-pools.yaml` to the Union team.', diff.pools));
  out.push(...listSection('Clusters', 'Their Helm values files (`helm/<cluster>.values.yaml`) change.', diff.clusters));
  out.push(...listSection('Projects', '', diff.projects));
  return out.join('\n').replace(/\n*$/, '\n');
}

function nameChange(before: string | null, after: string | null): string {
  if (before === null) return code(after ?? '');
  if (after === null || after === before) return code(before);
  return `${code(before)} → ${code(after)}`;
}

function sideText(s: AssignmentSide | null): string {
  if (s === null) return '';
  return `${code(s.pool)} (${cell(describeOrigin({ origin: s.origin, crossIsolation: false }))})`;
}

function listSection(title: string, note: string, changes: readonly ListChange[]): string[] {
  if (changes.length === 0) return [];
  return [
    `### ${title}`,
    '',
    ...(note ? [note, ''] : []),
    table(
      ['Change', 'Name', 'Details'],
      changes.map((c) => [c.change, code(c.name), cell(c.details.join('; '))]),
    ),
  ];
}
