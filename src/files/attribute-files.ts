// cluster-pool-attributes/*.yaml: one file per explicit or automatic assignment, in exactly the
// seed's shape (domain, project, [workflow], clusterPoolName) for `uctl update cluster-pool-attributes
// --attrFile`. Fallbacks get none: Union sends unassigned work to `default` by itself.
import type { Assignment, Plan } from '../plan/types';
import { sortedAssignments } from '../plan/assignment-order';
import { hashHeader, type RenderOptions } from './generated-header';
import { yamlScalar } from './yaml-scalar';

export const ATTRIBUTES_DIR = 'cluster-pool-attributes';

// The plan's file names come from validated names; checked again here because they become paths
// and script arguments, and a bad one must never escape the output directory.
const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.yaml$/;

/** The assignments that get a file, in the order they are applied. */
export function assignmentsWithFiles(plan: Plan): Array<Assignment & { readonly file: string }> {
  const withFiles = plan.assignments.filter((a): a is Assignment & { readonly file: string } => a.file !== null);
  for (const a of withFiles) {
    if (!SAFE_FILE.test(a.file) || a.file.includes('..')) {
      throw new Error(`unsafe attribute file name '${a.file}' for ${a.project}/${a.domain}`);
    }
  }
  return sortedAssignments(withFiles);
}

/** `cluster-pool-attributes/<file>`: the path under `<out>/union/`. */
export function attributeFilePath(file: string): string {
  return `${ATTRIBUTES_DIR}/${file}`;
}

export function renderAttributeFile(a: Assignment, options: RenderOptions = {}): string {
  return (
    hashHeader(options) +
    `domain: ${yamlScalar(a.domain)}\n` +
    `project: ${yamlScalar(a.project)}\n` +
    (a.workflow === null ? '' : `workflow: ${yamlScalar(a.workflow)}\n`) +
    `clusterPoolName: ${yamlScalar(a.pool)}\n`
  );
}

/** Relative path under `<out>/union/` -> content. */
export function renderAttributeFiles(plan: Plan, options: RenderOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  for (const a of assignmentsWithFiles(plan)) {
    const path = attributeFilePath(a.file);
    if (files.has(path)) throw new Error(`two assignments share the attribute file '${a.file}'`);
    files.set(path, renderAttributeFile(a, options));
  }
  return files;
}
