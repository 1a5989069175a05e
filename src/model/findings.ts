// A finding is one thing wrong with the model, located by its model path. The CLI turns findings
// into `FILE:LINE:COL path: problem (found X; allowed Y). Fix: ...` lines; the library never prints.

export type PathSegment = string | number;
import { compareStrings } from '../order';
export type ModelPath = readonly PathSegment[];

export interface Finding {
  /** Where in the model: keys and list indexes from the document root. */
  readonly path: ModelPath;
  /** What is wrong, in the user's words, without the found/allowed parts. */
  readonly problem: string;
  /** What the model has there, quoted as the user wrote it. */
  readonly found?: string;
  /** What would be accepted. */
  readonly allowed?: string;
  /** How to fix it: one imperative sentence. */
  readonly fix: string;
  /** Point at the map key rather than its value (unknown keys, duplicate entries). */
  readonly at?: 'key';
  /** A position from the parser itself, for findings that have no model path (YAML syntax errors). */
  readonly position?: { readonly line: number; readonly col: number };
  /** Errors stop synthesis; warnings are shown in the review. Default error. */
  readonly severity?: 'error' | 'warning';
  /**
   * Warnings only: a stable code (`pool-unused`, `name-shortened`, ...). The model acknowledges a
   * warning with `acknowledge: [{ warning: CODE, at: PATH }]` (docs in README, "Warnings").
   */
  readonly code?: string;
  /**
   * Warnings only: the stable name of what the warning is about when its path holds a list position
   * (`projects.demand` for `projects[0]`): the plan and `acknowledge` use it, so reordering a list
   * changes neither.
   */
  readonly subject?: string;
}

export function isError(f: Finding): boolean {
  return (f.severity ?? 'error') === 'error';
}

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** `clusterPools.prod-cp.clusters[0]`, `accounts["production/project-1"].email`. */
export function formatPath(path: ModelPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(model)' : out;
}

/** Order findings by position in the file, then path, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  const pa = formatPath(a.path);
  const pb = formatPath(b.path);
  return compareStrings(pa, pb) || compareStrings(a.problem, b.problem);
}
