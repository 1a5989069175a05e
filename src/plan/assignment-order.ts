// How assignments are keyed and ordered everywhere: by project, domain, then workflow (a
// project-domain assignment before its workflow assignments), the order the plan promises.
import type { Assignment } from './types';
import { compareStrings } from '../order';

export type AssignmentRef = Pick<Assignment, 'project' | 'domain' | 'workflow'>;

/** Unique per assignment: Union keeps one attribute per project, domain and workflow. */
export function assignmentKey(a: AssignmentRef): string {
  return a.workflow === null ? `${a.project}/${a.domain}` : `${a.project}/${a.domain}/${a.workflow}`;
}


export function compareAssignments(a: AssignmentRef, b: AssignmentRef): number {
  return (
    compareStrings(a.project, b.project) ||
    compareStrings(a.domain, b.domain) ||
    (a.workflow === b.workflow ? 0 : a.workflow === null ? -1 : b.workflow === null ? 1 : compareStrings(a.workflow, b.workflow))
  );
}

export function sortedAssignments<T extends AssignmentRef>(assignments: readonly T[]): T[] {
  return [...assignments].sort(compareAssignments);
}

/** In the user's words, for the review and the diff. */
export function describeOrigin(a: Pick<Assignment, 'origin' | 'crossIsolation'>): string {
  const origin = a.origin === 'fallback' ? 'fallback to default' : a.origin === 'domain' ? 'domain-wide' : a.origin;
  return a.crossIsolation ? `${origin} (cross-isolation allowed)` : origin;
}

/** The uctl command that removes an attribute Union already has. */
export function uctlDeleteCommand(a: AssignmentRef): string {
  const workflow = a.workflow === null ? '' : ` --workflow ${a.workflow}`;
  return `uctl delete cluster-pool-attributes -p ${a.project} -d ${a.domain}${workflow}`;
}
